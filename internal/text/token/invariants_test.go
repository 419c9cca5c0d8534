package token

import (
	"testing"
	"unicode/utf8"
)

// checkTokens verifies the invariants every Tokenize result must keep:
// valid kinds, ordered non-overlapping offsets inside the text, Text equal
// to the text at those offsets, a non-empty Norm that is valid UTF-8 when
// the text is, and no internal flag left set.
func checkTokens(tb testing.TB, text string, toks []Token) {
	tb.Helper()
	prevEnd, valid := 0, utf8.ValidString(text)
	for k, tok := range toks {
		if tok.Kind < Word || tok.Kind > Email {
			tb.Fatalf("%q: token %d has kind %v", text, k, tok.Kind)
		}
		if tok.Start < prevEnd || tok.Start >= tok.End || tok.End > len(text) {
			tb.Fatalf("%q: token %d %q at [%d:%d] after end %d", text, k, tok.Text, tok.Start, tok.End, prevEnd)
		}
		if tok.Text != text[tok.Start:tok.End] {
			tb.Fatalf("%q: token %d Text %q, want %q", text, k, tok.Text, text[tok.Start:tok.End])
		}
		if tok.Norm == "" {
			tb.Fatalf("%q: token %d %q has an empty Norm", text, k, tok.Text)
		}
		if valid && !utf8.ValidString(tok.Norm) {
			tb.Fatalf("%q: token %d Norm %q is not valid UTF-8", text, k, tok.Norm)
		}
		if tok.Flags&pendingNorm != 0 {
			tb.Fatalf("%q: token %d %q kept an internal flag", text, k, tok.Text)
		}
		prevEnd = tok.End
	}
}

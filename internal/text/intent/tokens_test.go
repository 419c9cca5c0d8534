package intent

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// tokenView renders terms as their source text, with "@" for mentions,
// "<3" for hearts, ":(" for frowns and "??" for emphatic question marks.
func tokenView(text string) []string {
	var out []string
	for _, t := range tokenize(text, nil) {
		s := text[t.start:t.end]
		switch {
		case t.id == idHeart:
			s = "<3"
		case t.id == idFrown:
			s = ":("
		case t.id == idQMarkX:
			s = "??"
		case t.kind == kMention:
			s = "@" + s[1:]
		}
		out = append(out, s)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want string // tokens joined by " | "
	}{
		{"Don't stop!", "Don't | stop | !"},
		{"see http://t.co/abc). Next", "see | . | Next"},
		{"&amp; &lt;3 <3 ❤ ok", "<3 | <3 | <3 | ok"},
		{"mail bob@acme.com now", "mail | now"},
		{"@United?! #CommunicationFail", "@United | ?? | #CommunicationFail"},
		{"U.S. 2.5 hrs...\nnext", "U.S. | 2.5 | hrs | ... | next"},
		{"one\n\ntwo\r\nthree", "one | \n | two | \r | three"},
		{"why?!.", "why | ??"},
		{"check-in for pre‐order", "check | in | for | pre | order"},
		{">:( 😡🏽 :-(( ok", ":( | :( | :( | ok"},
		{"Café CRÈME", "Café | CRÈME"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(tokenView(tt.text), " | "); got != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTokenIDs(t *testing.T) {
	tests := []struct {
		text string
		want uint16
	}{
		{"Don't", wordIDs["dont"]},
		{"CAN’T", wordIDs["cant"]},
		{"don&#39;t", wordIDs["dont"]},
		{"THAAANKS", wordIDs["thanks"]},
		{"goooood", wordIDs["good"]},
		{"5", wordIDs["5"]},
		{"$30", idNum},
		{"@delta", idMention},
		{"2hrs", idNum},
		{"#UnitedFail", wordIDs["fail"]},
		{"#ShouldHaveFlownDelta", wordIDs["shouldhaveflown"]},
		{"#random", idUnknown},
		{strings.Repeat("x", 200), idUnknown},
		{"?", idQMark},
		{"?!", idQMarkX},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text, nil)
		if len(toks) != 1 || toks[0].id != tt.want {
			t.Errorf("tokenize(%q) = %+v, want one token with id %d", tt.text, toks, tt.want)
		}
	}
}

func TestTokenizeBounds(t *testing.T) {
	long := strings.Repeat("a ", 5000)
	if n := len(tokenize(long, nil)); n != maxTokens {
		t.Errorf("tokenize of 5000 words gave %d tokens, want the bound %d", n, maxTokens)
	}
	s := strings.Repeat("é", MaxText) // 2 bytes each
	tr := truncate(s)
	if len(tr) > MaxText || !utf8.ValidString(tr) || len(tr) < MaxText-1 {
		t.Errorf("truncate: %d bytes, valid %v", len(tr), utf8.ValidString(tr))
	}
	if got := truncate("short"); got != "short" {
		t.Errorf("truncate(short) = %q", got)
	}
}

func TestCompile(t *testing.T) {
	if _, err := compile(lexicons); err != nil {
		t.Fatalf("lexicon: %v", err)
	}
	for _, bad := range []string{"", "   ", "* a", "a *", "^"} {
		if _, err := compile([]lexicon{{Complaint, []string{bad}}}); err == nil {
			t.Errorf("compile(%q) succeeded, want an error", bad)
		}
	}
	for _, w := range append(append([]string{}, hashtagPrefixes...), hashtagSuffixes...) {
		if wordIDs[w] == idUnknown {
			t.Errorf("hashtag affix %q is not a lexicon word", w)
		}
	}
	owner := map[uint16]Set{fNeedsBrand: Comparison, fRhetorical: Question, fDirect: Question,
		fNeedsMark: Question, fCourtesy: Praise, fSarcasm: Praise}
	for _, e := range lex.entries {
		for f, intent := range owner {
			if e.flags&f != 0 && e.intent != intent {
				t.Errorf("pattern %q of %v has a flag meant for %v", e.text, e.intent, intent)
			}
		}
	}
}

func TestWordTable(t *testing.T) {
	for w, id := range wordIDs {
		if got := words.lookup(w, hashString(w)); got != id {
			t.Fatalf("lookup(%q) = %d, want %d", w, got, id)
		}
	}
	for _, w := range []string{"", "unknownword", "thanksx", "Thanks"} {
		if got := words.lookup(w, hashString(w)); got != idUnknown {
			t.Errorf("lookup(%q) = %d, want unknown", w, got)
		}
	}
}

package query

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzQueries = []string{
	"coffee", `"cold brew" OR #NorthwindCoffee`, "a b NOT c", "(a OR b) NEAR/3 c", "a ONEAR/2 (b OR c*)",
	"@united OR \"united airlines\" OR #UnitedAirlines", "brew* AND NOT tea", "a\n AND (b OR\n c)",
	"NOT a", "a OR NOT b", "*brew", "br*w", "NEAR/x", "a NEAR/0 b", "((((a))))", "<<< c >>> a", "@bob@x.social",
	"\"unterminated", "a)", "Café", "straße NEAR/1 #ÇA_va", "a NEAR/3 b NEAR/2 c", "x\xffy",
}

// FuzzParse checks that no query makes Parse panic or hang, that errors
// point into the source, and that the canonical form reparses to itself.
func FuzzParse(f *testing.F) {
	for _, q := range fuzzQueries {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, src string) {
		q, err := Parse(src)
		if err != nil {
			checkErrorPosition(t, src, err)
			return
		}
		canon := q.String()
		if len(canon) > MaxQueryBytes {
			return // the canonical form may outgrow the limit
		}
		q2, err := Parse(canon)
		if err != nil {
			t.Fatalf("canonical %q of %q does not parse: %v", canon, src, err)
		}
		if got := q2.String(); got != canon {
			t.Fatalf("canonical %q of %q reparses as %q", canon, src, got)
		}
	})
}

// checkErrorPosition checks that err is an *Error whose line and column lie
// within src (or just past its end).
func checkErrorPosition(t *testing.T, src string, err error) {
	t.Helper()
	var qe *Error
	if !errors.As(err, &qe) {
		t.Fatalf("Parse(%q) error %v is not an *Error", src, err)
	}
	lines := strings.Split(src, "\n")
	if qe.Line < 1 || qe.Line > len(lines) || qe.Col < 1 {
		t.Fatalf("Parse(%q): position %d:%d outside the source", src, qe.Line, qe.Col)
	}
	if n := utf8.RuneCountInString(lines[qe.Line-1]); qe.Col > n+1 {
		t.Fatalf("Parse(%q): column %d past the end of line %d (%d runes)", src, qe.Col, qe.Line, n)
	}
	if qe.Msg == "" {
		t.Fatalf("Parse(%q): empty message", src)
	}
}

// FuzzMatch checks that matching never panics, that spans lie in the text,
// and that the Set agrees with the brute-force reference.
func FuzzMatch(f *testing.F) {
	texts := []string{
		"I love #NorthwindCoffee!", "@United@mastodon.social hi", "coffee at northwind", "Cold #ColdBrew",
		"acme's acmes éacme", "https://acme.com cold brew", "#a#b @a..b _#x", "CAFÉ STRASSE", "\xff\xfe#\xc3",
	}
	for i, q := range fuzzQueries {
		f.Add(q, texts[i%len(texts)])
	}
	f.Fuzz(func(t *testing.T, src, text string) {
		q, err := Parse(src)
		if err != nil {
			return
		}
		ok, spans := q.Match(text)
		for i, s := range spans {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End || i > 0 && cmpSpan(spans[i-1], s) >= 0 {
				t.Fatalf("%q on %q: bad spans %v", src, text, spans)
			}
		}
		wantOK, wantSpans := refMatch(q, text)
		if ok != wantOK || !slices.Equal(spans, wantSpans) {
			t.Fatalf("%q on %q: got %v %v, reference %v %v", q, text, ok, spans, wantOK, wantSpans)
		}
	})
}

func cmpSpan(a, b Span) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	return a.End - b.End
}

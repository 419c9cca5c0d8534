package stance

import (
	"slices"
	"strings"
	"testing"
)

// segment runs the clause steps of analyze and returns each clause's text
// (trimmed), prefixed with "+" for a clause it marks mentionOnly.
func segment(t *testing.T, text string, names ...string) []string {
	t.Helper()
	v, _ := analyzers(t)
	s := newScratch()
	s.prepare(text, 0, targetsFor(text, names...))
	s.v = v
	s.leadRun()
	s.buildClauses()
	s.mergeMentionOnly()
	var out []string
	for _, c := range s.clauses {
		if c.start < 0 || c.end > len(text) || c.start > c.end {
			t.Fatalf("%q: clause [%d,%d) out of range", text, c.start, c.end)
		}
		piece := strings.TrimSpace(text[c.start:c.end])
		if c.mentionOnly {
			piece = "+" + piece
		}
		out = append(out, piece)
	}
	return out
}

func TestClauses(t *testing.T) {
	tests := []struct {
		text  string
		names []string
		want  []string
	}{
		{"@A lost my bag again, @B never does", []string{"@A", "@B"}, []string{"@A lost my bag again,", "@B never does"}},
		{"@A is great but @B is not", []string{"@A", "@B"}, []string{"@A is great", "but @B is not"}},
		{"Unlike @A @B is always on time.", []string{"@A", "@B"}, []string{"Unlike @A", "@B is always on time."}},
		{"@A lost my bag and @B found it", []string{"@A", "@B"}, []string{"@A lost my bag", "and @B found it"}},
		{"@A and @B lost my bags", []string{"@A", "@B"}, []string{"@A and @B lost my bags"}},
		{"see t.co/x and 3.5 stars. Next", nil, []string{"see t.co/x and 3.5 stars.", "Next"}},
		{"@A, @B, you both suck", []string{"@A", "@B"}, []string{"@A, @B, you both suck"}},
		{"@A slow - @B fast — @C meh | ok", []string{"@A", "@B", "@C"}, []string{"@A slow -", "@B fast —", "@C meh |", "ok"}},
		{"great flight!!! thanks... bye\nnext line", nil, []string{"great flight!!!", "thanks...", "bye", "next line"}},
		{"...leading dots. then", nil, []string{"...leading dots.", "then"}},
		{"you lost it #fail cc @B", []string{"@B"}, []string{"you lost it #fail", "+cc @B"}},
		{"As am I, @A - but ok", []string{"@A"}, []string{"As am I,", "+@A -", "but ok"}},
		{"it was late, and then it was cancelled", nil, []string{"it was late,", "and then it was cancelled"}},
		{"", nil, []string{""}},
	}
	for _, tc := range tests {
		if got := segment(t, tc.text, tc.names...); !slices.Equal(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestLeadRun(t *testing.T) {
	tests := []struct {
		text  string
		names []string
		want  []bool // per target: in the leading run
	}{
		{"@A @B you both lost my bags", []string{"@A", "@B"}, []bool{true, true}},
		{".@A hey @B, thanks", []string{"@A", "@B"}, []bool{true, false}},
		{"hey @A, great", []string{"@A"}, []bool{true}},
		{"@A @x @B is better than them", []string{"@A", "@B"}, []bool{true, false}},
		{"@A @B are both fine", []string{"@A", "@B"}, []bool{true, true}},
		{"thanks @A", []string{"@A"}, []bool{false}},
	}
	for _, tc := range tests {
		s := newScratch()
		s.prepare(tc.text, 0, targetsFor(tc.text, tc.names...))
		s.leadRun()
		got := make([]bool, len(tc.names))
		for _, tok := range s.toks {
			for b := range got {
				if tok.kind == kMention && tok.brands&(1<<b) != 0 && tok.lead {
					got[b] = true
				}
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got lead %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestTokenizeSpans checks that spans cut words and that overlapping
// spans of two targets make one mention naming both.
func TestTokenizeSpans(t *testing.T) {
	text := "#UnitedAirlines rocks; acme&amp;co"
	s := newScratch()
	targets := []Target{
		{Brand: "united", Spans: []Span{{1, 7}}},
		{Brand: "acme", Spans: []Span{{23, 27}}},
		{Brand: "acme2", Spans: []Span{{23, 34}}},
	}
	s.prepare(text, 0, targets)
	var got []string
	for _, tok := range s.toks {
		switch tok.kind {
		case kMention:
			got = append(got, "M"+text[tok.start:tok.end]+":"+string(rune('0'+tok.brands)))
		case kPunct:
			got = append(got, "P"+string(tok.p))
		default:
			got = append(got, text[tok.start:tok.end])
		}
	}
	want := []string{"MUnited:1", "Airlines", "rocks", "P;", "Macme&amp;co:6"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

package stance

import (
	"strings"
	"testing"
)

// FuzzAnalyze checks that no input panics and that results keep their
// invariants: one stance per target, scores in [-1, 1], labels matching,
// evidence inside the text; a single target gets ± the overall score.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"@A lost my bag again, @B never does",
		"@A @B y'all are better then @C &gt; @A",
		"Unlike @A, @B is on time. switched from @A to @B /s 🙃",
		"great, another delay #not cc @B",
	} {
		f.Add(s, 0, 2, 22, 24, true)
	}
	v, a := analyzers(f)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int, addressed bool) {
		targets := []Target{
			{Brand: "a", Spans: []Span{{s1, e1}}, Addressed: addressed},
			{Brand: "b", Spans: append([]Span{{s2, e2}}, findSpans(text, "@b")...)},
			{Brand: "c", Spans: findSpans(text, "@c")},
		}
		overall := v.PolarityScores(text)
		got := a.Analyze(text, overall, targets, nil)
		checkStances(t, text, targets, got)
		one := a.Analyze(text, overall, targets[:1], got)
		if len(one) != 1 || (one[0].Score != overall.Compound && one[0].Score != -overall.Compound) {
			t.Fatalf("single target: got %+v for overall %v", one, overall.Compound)
		}
		if strings.Count(text, "@") > 100 {
			return
		}
		many := make([]Target, 0, 8)
		for i := 0; i < 8; i++ {
			many = append(many, Target{Brand: "m", Spans: []Span{{i * 3, i*3 + 2}}})
		}
		checkStances(t, text, many, a.Analyze(text, overall, many, nil))
	})
}

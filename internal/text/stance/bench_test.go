package stance

import (
	"testing"

	"github.com/herald-advocacy/herald/internal/text/vader"
)

// benchPost is a tweet ready for Analyze: its overall scores are computed
// beforehand, as the caller does once per post.
type benchPost struct {
	text    string
	overall vader.Scores
	targets []Target
}

// BenchmarkAnalyze reports posts/s on one goroutine: "single" is every
// airline tweet with its own airline as the target (the overall score
// reused), "multi" the tweets naming two or more airlines.
func BenchmarkAnalyze(b *testing.B) {
	v, a := analyzers(b)
	var single, multi []benchPost
	for _, tw := range loadTweets(b) {
		overall := v.PolarityScores(tw.text)
		own := Target{Brand: tw.airline, Spans: findSpans(tw.text, tw.airline)}
		single = append(single, benchPost{tw.text, overall, []Target{own}})
		if len(tw.targets) >= 2 {
			multi = append(multi, benchPost{tw.text, overall, tw.targets})
		}
	}
	for _, bc := range []struct {
		name  string
		posts []benchPost
	}{{"single", single}, {"multi", multi}} {
		b.Run(bc.name, func(b *testing.B) {
			var dst []Stance
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				p := &bc.posts[n%len(bc.posts)]
				dst = a.Analyze(p.text, p.overall, p.targets, dst)
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "posts/s")
		})
	}
}

package vader

import "testing"

// BenchmarkPolarityScores scores the 14,640 airline tweets and reports
// texts/s on one goroutine (the reference Python does about 25,000).
func BenchmarkPolarityScores(b *testing.B) {
	_, texts := airlineTexts(b)
	a := analyzer(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		a.PolarityScores(texts[n%len(texts)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "texts/s")
}

// BenchmarkNew measures parsing the embedded lexicons.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

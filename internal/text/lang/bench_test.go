package lang

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// benchTexts returns the airline tweets, or the test sentences when the
// shared data is absent.
func benchTexts(b *testing.B) []string {
	if _, err := os.Stat(filepath.Join(sharedData, "airline-sentiment", "Tweets.csv")); errors.Is(err, os.ErrNotExist) {
		var texts []string
		for _, c := range detectCases {
			texts = append(texts, c.text)
		}
		return texts
	}
	var texts []string
	for _, row := range readCSV(b, "airline-sentiment", "Tweets.csv") {
		texts = append(texts, row["text"])
	}
	return texts
}

// BenchmarkDetect detects the language of the airline tweets and reports
// posts/s on one goroutine.
func BenchmarkDetect(b *testing.B) {
	texts := benchTexts(b)
	Detect("warm up the model")
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Detect(texts[n%len(texts)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "posts/s")
}

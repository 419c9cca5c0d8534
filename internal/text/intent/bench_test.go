package intent

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
)

// sharedData is ../shared/data seen from this package's directory. The
// datasets are not copied into the repository; tests that need them skip.
const sharedData = "../../../../shared/data"

// airlineTexts returns the text column of the airline-sentiment tweets.
func airlineTexts(tb testing.TB) []string {
	tb.Helper()
	path := filepath.Join(sharedData, "airline-sentiment", "Tweets.csv")
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		tb.Skipf("dataset absent: %s", path)
	}
	if err != nil {
		tb.Fatalf("opening airline tweets: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("reading airline tweets: %v", err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "text" {
			col = i
		}
	}
	if col < 0 {
		tb.Fatal("airline tweets: no text column")
	}
	texts := make([]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		texts = append(texts, r[col])
	}
	return texts
}

// BenchmarkClassify classifies the 14,640 airline tweets on one goroutine
// and reports posts/s.
func BenchmarkClassify(b *testing.B) {
	texts := airlineTexts(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Classify(Input{Text: texts[n%len(texts)], Direct: true})
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkExplain measures the evidence path, which allocates its cues.
func BenchmarkExplain(b *testing.B) {
	texts := airlineTexts(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Explain(Input{Text: texts[n%len(texts)], Direct: true})
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "posts/s")
}

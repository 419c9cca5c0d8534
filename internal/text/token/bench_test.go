package token

import (
	"os"
	"testing"
)

// benchTexts returns the airline tweets, or a small built-in set when the
// shared data is absent.
func benchTexts(b *testing.B) []string {
	if _, err := os.Stat(sharedData); err == nil {
		return airlineTweets(b)
	}
	return []string{
		"@united thanks for the great service today! Flight 1234 was on time :)",
		"@AmericanAir SOOO frustrated, 3 hours on the tarmac &amp; no updates 😡😡 http://t.co/abc123",
		"@JetBlue love the new #MintExperience 👍🏽 see you at JFK, 10:30am",
	}
}

// BenchmarkTokenize tokenizes the airline tweets (about 100 bytes each)
// into a reused buffer and reports posts/s on one goroutine.
func BenchmarkTokenize(b *testing.B) {
	texts := benchTexts(b)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total / len(texts)))
	b.ReportAllocs()
	buf := make([]Token, 0, 128)
	n := 0
	for b.Loop() {
		buf = Tokenize(texts[n%len(texts)], buf[:0])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "posts/s")
}

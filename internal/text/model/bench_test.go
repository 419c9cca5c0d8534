package model

import (
	"context"
	"testing"
)

// BenchmarkPredict classifies the airline tweets one after another on one
// goroutine with a model trained on them, and reports posts/s.
func BenchmarkPredict(b *testing.B) {
	examples := airlineExamples(b)
	m, err := Train(context.Background(), examples, DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		m.Classify(examples[n%len(examples)].Text)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkTrain trains on the 14,485 unique airline tweets with the
// default options.
func BenchmarkTrain(b *testing.B) {
	examples := airlineExamples(b)
	for b.Loop() {
		if _, err := Train(context.Background(), examples, DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

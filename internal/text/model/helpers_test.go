package model

import (
	"context"
	"fmt"
	"testing"
)

// syntheticExamples is a small three-class corpus: every subject with every
// phrase of each class.
func syntheticExamples() []Example {
	subjects := []string{"the flight", "my bag", "the crew", "this airline", "the seat", "our trip"}
	phrases := map[string][]string{
		"positive": {"was great", "is wonderful", "made me happy", "was excellent, thanks"},
		"negative": {"was terrible", "is awful", "made me angry", "was horrible, again"},
		"neutral":  {"leaves at noon", "is in Boston", "has a new schedule", "changed gate"},
	}
	var out []Example
	for _, label := range []string{"positive", "negative", "neutral"} {
		for _, p := range phrases[label] {
			for _, s := range subjects {
				out = append(out, Example{Text: fmt.Sprintf("@Airline %s %s", s, p), Label: label})
			}
		}
	}
	return out
}

// testOptions are small, fast options for the synthetic corpus.
func testOptions() Options {
	o := DefaultOptions()
	o.HashBits = 12
	o.Epochs = 20
	o.LearningRate = 0.2
	o.L2 = 1e-4
	return o
}

// trainSynthetic trains a model on the synthetic corpus.
func trainSynthetic(tb testing.TB) *Model {
	tb.Helper()
	m, err := Train(context.Background(), syntheticExamples(), testOptions())
	if err != nil {
		tb.Fatalf("Train: %v", err)
	}
	return m
}

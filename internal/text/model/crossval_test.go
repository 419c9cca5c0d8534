package model

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestStratifiedFolds(t *testing.T) {
	var y []int32
	for c, n := range []int{10, 7, 3} {
		for range n {
			y = append(y, int32(c))
		}
	}
	const k = 3
	fold := stratifiedFolds(y, 3, k, 1)
	size := make([]int, k)
	perClass := make([][k]int, 3)
	for e, f := range fold {
		size[f]++
		perClass[y[e]][f]++
	}
	if slices.Max(size)-slices.Min(size) > 1 {
		t.Errorf("fold sizes %v differ by more than one", size)
	}
	for c, counts := range perClass {
		if slices.Max(counts[:])-slices.Min(counts[:]) > 1 {
			t.Errorf("class %d spread %v over the folds", c, counts)
		}
	}
	if !slices.Equal(fold, stratifiedFolds(y, 3, k, 1)) {
		t.Error("same seed, different folds")
	}
	if slices.Equal(fold, stratifiedFolds(y, 3, k, 2)) {
		t.Error("seeds 1 and 2 give the same folds")
	}
}

func TestCrossValidate(t *testing.T) {
	examples := syntheticExamples()
	r, err := CrossValidate(context.Background(), examples, 4, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if r.N != len(examples) || len(r.FoldMacroF1) != 4 {
		t.Errorf("n=%d folds=%d, want %d and 4", r.N, len(r.FoldMacroF1), len(examples))
	}
	total := 0
	for _, row := range r.Confusion {
		for _, n := range row {
			total += n
		}
	}
	if total != len(examples) {
		t.Errorf("confusion counts %d predictions, want %d", total, len(examples))
	}
	// Each held-out text differs from the training ones only in subject, so
	// the phrase decides: near-perfect.
	if r.MacroF1 < 0.9 {
		t.Errorf("macro-F1 %.3f on the synthetic corpus, want ≥ 0.9", r.MacroF1)
	}
	again, err := CrossValidate(context.Background(), examples, 4, testOptions())
	if err != nil || !slices.Equal(again.FoldMacroF1, r.FoldMacroF1) {
		t.Errorf("second run: %v, fold macro-F1 %v, want %v", err, again.FoldMacroF1, r.FoldMacroF1)
	}
}

func TestCrossValidateErrors(t *testing.T) {
	examples := syntheticExamples()
	tests := []struct {
		name     string
		examples []Example
		k        int
		opts     Options
		want     string
	}{
		{"one fold", examples, 1, testOptions(), "1 folds"},
		{"more folds than examples", examples[:3], 4, testOptions(), "4 folds for 3 examples"},
		{"one class", examples[:5], 2, testOptions(), "only one label"},
		{"bad options", examples, 2, Options{}, "invalid options"},
	}
	for _, tt := range tests {
		_, err := CrossValidate(context.Background(), tt.examples, tt.k, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := CrossValidate(ctx, examples, 3, testOptions()); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("cancelled: error %v", err)
	}
}

package model

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		want       Report
	}{
		{
			// a: P 2/2 R 2/3 F1 .8; b: P 1/2 R 1/2 F1 .5; c: P 1/2 R 1/1 F1 2/3.
			name: "three classes",
			gold: []string{"a", "a", "a", "b", "b", "c"},
			pred: []string{"a", "b", "a", "b", "c", "c"},
			want: Report{
				N: 6, Classes: []string{"a", "b", "c"},
				Confusion: [][]int{{2, 1, 0}, {0, 1, 1}, {0, 0, 1}},
				PerClass: []ClassMetrics{
					{"a", 1, 2.0 / 3, 0.8, 3}, {"b", 0.5, 0.5, 0.5, 2}, {"c", 0.5, 1, 2.0 / 3, 1},
				},
				Accuracy: 4.0 / 6, MacroF1: (0.8 + 0.5 + 2.0/3) / 3,
			},
		},
		{
			name: "label only predicted",
			gold: []string{"x", "x"},
			pred: []string{"x", "y"},
			want: Report{
				N: 2, Classes: []string{"x", "y"},
				Confusion: [][]int{{1, 1}, {0, 0}},
				PerClass:  []ClassMetrics{{"x", 1, 0.5, 2.0 / 3, 2}, {"y", 0, 0, 0, 0}},
				Accuracy:  0.5, MacroF1: 1.0 / 3,
			},
		},
		{
			name: "lengths differ",
			gold: []string{"p", "n", "n"},
			pred: []string{"p", "n"},
			want: Report{
				N: 2, Classes: []string{"n", "p"},
				Confusion: [][]int{{1, 0}, {0, 1}},
				PerClass:  []ClassMetrics{{"n", 1, 1, 1, 1}, {"p", 1, 1, 1, 1}},
				Accuracy:  1, MacroF1: 1,
			},
		},
		{name: "empty", want: Report{Classes: []string{}, Confusion: [][]int{}, PerClass: []ClassMetrics{}}},
	}
	for _, tt := range tests {
		got := Score(tt.gold, tt.pred)
		if !sameReport(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func sameReport(a, b Report) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-12 }
	if a.N != b.N || !slices.Equal(a.Classes, b.Classes) || !near(a.Accuracy, b.Accuracy) || !near(a.MacroF1, b.MacroF1) ||
		!slices.EqualFunc(a.Confusion, b.Confusion, slices.Equal) || len(a.PerClass) != len(b.PerClass) {
		return false
	}
	for i, m := range a.PerClass {
		w := b.PerClass[i]
		if m.Label != w.Label || m.Support != w.Support || !near(m.Precision, w.Precision) || !near(m.Recall, w.Recall) || !near(m.F1, w.F1) {
			return false
		}
	}
	return true
}

func TestReportFormat(t *testing.T) {
	r := Score([]string{"neg", "neg", "pos", "bad\nlabel"}, []string{"neg", "pos", "pos", "neg"})
	r.FoldMacroF1 = []float64{0.5, 0.25}
	var b strings.Builder
	if err := r.Format(&b); err != nil {
		t.Fatal(err)
	}
	want := `n=4  accuracy=0.5000  macro-F1=0.3889
fold macro-F1: 0.5000 0.2500

         class  precision  recall      F1  support
  "bad\nlabel"     0.0000  0.0000  0.0000        1
           neg     0.5000  0.5000  0.5000        2
           pos     0.5000  1.0000  0.6667        1

  gold \ predicted  "bad\nlabel"  neg  pos
      "bad\nlabel"             0    1    0
               neg             0    1    1
               pos             0    0    1
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestReportFormatWriteError(t *testing.T) {
	if err := Score([]string{"a"}, []string{"a"}).Format(failingWriter{}); err == nil {
		t.Error("Format to a failing writer: no error")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("write failed") }

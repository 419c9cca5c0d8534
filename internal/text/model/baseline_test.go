package model

import (
	"testing"
)

func TestVADERLabel(t *testing.T) {
	tests := []struct {
		compound float64
		want     string
	}{
		{1, LabelPositive}, {0.05, LabelPositive}, {0.0499, LabelNeutral}, {0, LabelNeutral},
		{-0.0499, LabelNeutral}, {-0.05, LabelNegative}, {-1, LabelNegative},
	}
	for _, tt := range tests {
		if got := VADERLabel(tt.compound); got != tt.want {
			t.Errorf("VADERLabel(%v) = %q, want %q", tt.compound, got, tt.want)
		}
	}
}

func TestVADERBaseline(t *testing.T) {
	b, err := NewVADERBaseline()
	if err != nil {
		t.Fatal(err)
	}
	examples := []Example{
		{"I love this airline, great crew!", LabelPositive},
		{"Worst delay ever, I hate it", LabelNegative},
		{"The flight leaves at noon", LabelNeutral},
		{"Not bad at all", LabelNegative}, // VADER says positive
	}
	r := Evaluate(examples, b.Classify)
	if r.N != 4 || r.Accuracy != 0.75 || r.Confusion[0][2] != 1 {
		t.Errorf("got n=%d accuracy=%v confusion=%v, want 4, 0.75 and negative→positive once", r.N, r.Accuracy, r.Confusion)
	}
}

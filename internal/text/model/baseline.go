package model

import (
	"fmt"

	"github.com/herald-advocacy/herald/internal/text/vader"
)

// The labels of the VADER baseline, matching the airline data set's.
const (
	LabelNegative = "negative"
	LabelNeutral  = "neutral"
	LabelPositive = "positive"
)

// VADERBaseline is the rule-based baseline: VADER's compound score with the
// thresholds of its authors. It is safe for concurrent use.
type VADERBaseline struct {
	a *vader.Analyzer
}

// NewVADERBaseline loads VADER's lexicon.
func NewVADERBaseline() (*VADERBaseline, error) {
	a, err := sharedVADER()
	if err != nil {
		return nil, fmt.Errorf("vader baseline: %w", err)
	}
	return &VADERBaseline{a: a}, nil
}

// Classify labels text by its VADER compound score.
func (b *VADERBaseline) Classify(text string) string {
	return VADERLabel(b.a.PolarityScores(truncate(text)).Compound)
}

// VADERLabel maps a compound score to a label: positive at 0.05 and above,
// negative at -0.05 and below, neutral in between.
func VADERLabel(compound float64) string {
	switch {
	case compound >= 0.05:
		return LabelPositive
	case compound <= -0.05:
		return LabelNegative
	}
	return LabelNeutral
}

// Evaluate scores a classifier (Model.Classify, VADERBaseline.Classify) on
// labelled examples.
func Evaluate(examples []Example, classify func(text string) string) Report {
	gold := make([]string, len(examples))
	pred := make([]string, len(examples))
	for i, ex := range examples {
		gold[i], pred[i] = ex.Label, classify(ex.Text)
	}
	return Score(gold, pred)
}

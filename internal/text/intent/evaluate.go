package intent

import (
	"fmt"
	"strings"
)

// Example is one annotated post.
type Example struct {
	Input Input
	Want  Set
}

// Metrics are the counts and scores for one intent.
type Metrics struct {
	Intent    Set     `json:"intent"`
	Support   int     `json:"support"` // examples that carry the intent
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Report is the evaluation of a classifier on a set of examples.
type Report struct {
	Examples  int       `json:"examples"`
	Exact     int       `json:"exact"` // examples whose whole set was right
	PerIntent []Metrics `json:"per_intent"`
	Micro     Metrics   `json:"micro"` // counts pooled over all intents
}

// Evaluate runs classify over the examples and scores each intent. An
// intent that is never predicted has precision 1 when it also never occurs,
// else 0; likewise for recall.
func Evaluate(examples []Example, classify func(Input) Set) Report {
	r := Report{Examples: len(examples)}
	for _, b := range All.Each() {
		r.PerIntent = append(r.PerIntent, Metrics{Intent: b})
	}
	r.Micro.Intent = All
	for _, ex := range examples {
		got := classify(ex.Input) & All
		if got == ex.Want&All {
			r.Exact++
		}
		for i := range r.PerIntent {
			m := &r.PerIntent[i]
			m.count(got&m.Intent != 0, ex.Want&m.Intent != 0)
			r.Micro.count(got&m.Intent != 0, ex.Want&m.Intent != 0)
		}
	}
	for i := range r.PerIntent {
		r.PerIntent[i].score()
	}
	r.Micro.score()
	return r
}

func (m *Metrics) count(got, want bool) {
	if want {
		m.Support++
	}
	switch {
	case got && want:
		m.TP++
	case got:
		m.FP++
	case want:
		m.FN++
	}
}

func (m *Metrics) score() {
	m.Precision = ratio(m.TP, m.TP+m.FP)
	m.Recall = ratio(m.TP, m.TP+m.FN)
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
}

// ratio is n/d, or 1 when nothing was predicted and nothing was missed.
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// String renders the report as a fixed-width table.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %7s %4s %4s %4s %9s %7s %6s\n", "intent", "support", "tp", "fp", "fn", "precision", "recall", "f1")
	for _, m := range append(r.PerIntent, r.Micro) {
		name := m.Intent.String()
		if m.Intent == All {
			name = "micro"
		}
		fmt.Fprintf(&b, "%-16s %7d %4d %4d %4d %9.3f %7.3f %6.3f\n", name, m.Support, m.TP, m.FP, m.FN, m.Precision, m.Recall, m.F1)
	}
	fmt.Fprintf(&b, "exact match: %d/%d\n", r.Exact, r.Examples)
	return b.String()
}

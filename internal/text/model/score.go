package model

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
)

// Report is the evaluation of predicted labels against gold labels.
type Report struct {
	// N is the number of scored (gold, predicted) pairs.
	N int `json:"n"`
	// Classes are the labels seen in gold or predictions, sorted.
	Classes []string `json:"classes"`
	// Confusion[g][p] counts texts of gold class Classes[g] predicted as
	// Classes[p].
	Confusion [][]int `json:"confusion"`
	// PerClass holds one entry per class, in Classes order.
	PerClass []ClassMetrics `json:"per_class"`
	// Accuracy is the share of correct predictions.
	Accuracy float64 `json:"accuracy"`
	// MacroF1 is the unweighted mean of the per-class F1 over Classes.
	MacroF1 float64 `json:"macro_f1"`
	// FoldMacroF1 holds the macro-F1 of each fold (CrossValidate only).
	FoldMacroF1 []float64 `json:"fold_macro_f1,omitempty"`
}

// ClassMetrics are the one-vs-rest figures of one class. Precision (recall)
// is 0 when the class is never predicted (never gold); F1 is 0 when both
// are 0.
type ClassMetrics struct {
	Label     string  `json:"label"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Support is the number of gold texts of the class.
	Support int `json:"support"`
}

// Score evaluates pred against gold, pairing them by index. If the slices
// differ in length only the first min(len(gold), len(pred)) pairs are
// scored; Report.N says how many. Classes are the union of the labels of
// both, so a label that is only ever predicted counts in the macro-F1 with
// F1 0 (as scikit-learn does).
func Score(gold, pred []string) Report {
	n := min(len(gold), len(pred))
	gold, pred = gold[:n], pred[:n]
	classes := slices.Concat(gold, pred)
	slices.Sort(classes)
	classes = slices.Compact(classes)
	r := Report{N: n, Classes: classes, Confusion: make([][]int, len(classes))}
	for i := range r.Confusion {
		r.Confusion[i] = make([]int, len(classes))
	}
	correct := 0
	for i := range gold {
		g, _ := slices.BinarySearch(classes, gold[i])
		p, _ := slices.BinarySearch(classes, pred[i])
		r.Confusion[g][p]++
		if g == p {
			correct++
		}
	}
	if n > 0 {
		r.Accuracy = float64(correct) / float64(n)
	}
	r.PerClass, r.MacroF1 = perClass(classes, r.Confusion)
	return r
}

// perClass derives precision, recall and F1 per class and their macro mean.
func perClass(classes []string, conf [][]int) ([]ClassMetrics, float64) {
	out := make([]ClassMetrics, len(classes))
	sum := 0.0
	for c, label := range classes {
		tp, gold, predicted := conf[c][c], 0, 0
		for j := range classes {
			gold += conf[c][j]
			predicted += conf[j][c]
		}
		m := ClassMetrics{Label: label, Support: gold}
		m.Precision = ratio(tp, predicted)
		m.Recall = ratio(tp, gold)
		if m.Precision+m.Recall > 0 {
			m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
		}
		out[c] = m
		sum += m.F1
	}
	if len(classes) == 0 {
		return out, 0
	}
	return out, sum / float64(len(classes))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Format writes the report as text: the headline figures, a per-class
// table and the confusion matrix (rows gold, columns predicted).
func (r Report) Format(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "n=%d  accuracy=%.4f  macro-F1=%.4f\n", r.N, r.Accuracy, r.MacroF1)
	if len(r.FoldMacroF1) > 0 {
		b.WriteString("fold macro-F1:")
		for _, f := range r.FoldMacroF1 {
			fmt.Fprintf(&b, " %.4f", f)
		}
		b.WriteString("\n")
	}
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\nclass\tprecision\trecall\tF1\tsupport\t\n")
	for _, m := range r.PerClass {
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%d\t\n", cell(m.Label), m.Precision, m.Recall, m.F1, m.Support)
	}
	fmt.Fprintf(tw, "\ngold \\ predicted")
	for _, c := range r.Classes {
		fmt.Fprintf(tw, "\t%s", cell(c))
	}
	fmt.Fprintf(tw, "\t\n")
	for g, row := range r.Confusion {
		fmt.Fprintf(tw, "%s", cell(r.Classes[g]))
		for _, n := range row {
			fmt.Fprintf(tw, "\t%d", n)
		}
		fmt.Fprintf(tw, "\t\n")
	}
	tw.Flush() // writes to b, cannot fail
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// cell quotes a label that would break the table layout.
func cell(label string) string {
	if strings.ContainsFunc(label, func(r rune) bool { return unicode.IsControl(r) || r == '\uFFFD' }) {
		return strconv.Quote(label)
	}
	return label
}

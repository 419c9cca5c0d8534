package intent

import (
	"math"
	"strings"
	"testing"
)

func TestEvaluate(t *testing.T) {
	// The fake classifier answers with the set encoded in the text.
	fake := func(in Input) Set {
		var s Set
		for _, n := range strings.Fields(in.Text) {
			v, _ := Parse(n)
			s |= v
		}
		return s
	}
	ex := func(text string, want Set) Example { return Example{Input{Text: text}, want} }
	examples := []Example{
		ex("question", Question),           // tp question
		ex("question complaint", Question), // tp question, fp complaint
		ex("", Complaint),                  // fn complaint
		ex("complaint", Complaint),         // tp complaint
		ex("praise", 0),                    // fp praise
		ex("", 0),                          // nothing
		ex("suggestion comparison", Suggestion|Comparison), // tp both
	}
	r := Evaluate(examples, fake)
	want := map[Set]struct {
		support, tp, fp, fn int
		p, r                float64
	}{
		Question:       {2, 2, 0, 0, 1, 1},
		Complaint:      {2, 1, 1, 1, 0.5, 0.5},
		Praise:         {0, 0, 1, 0, 0, 1},
		Recommendation: {0, 0, 0, 0, 1, 1},
		Comparison:     {1, 1, 0, 0, 1, 1},
		Suggestion:     {1, 1, 0, 0, 1, 1},
		PurchaseIntent: {0, 0, 0, 0, 1, 1},
	}
	if len(r.PerIntent) != len(want) {
		t.Fatalf("%d intents in report, want %d", len(r.PerIntent), len(want))
	}
	for _, m := range r.PerIntent {
		w := want[m.Intent]
		if m.Support != w.support || m.TP != w.tp || m.FP != w.fp || m.FN != w.fn ||
			math.Abs(m.Precision-w.p) > 1e-9 || math.Abs(m.Recall-w.r) > 1e-9 {
			t.Errorf("%v: got %+v, want %+v", m.Intent, m, w)
		}
	}
	if r.Examples != 7 || r.Exact != 4 {
		t.Errorf("examples %d exact %d, want 7 and 4", r.Examples, r.Exact)
	}
	if r.Micro.TP != 5 || r.Micro.FP != 2 || r.Micro.FN != 1 {
		t.Errorf("micro = %+v, want tp 5 fp 2 fn 1", r.Micro)
	}
	if f1 := r.PerIntent[1].F1; math.Abs(f1-0.5) > 1e-9 {
		t.Errorf("complaint F1 = %v, want 0.5", f1)
	}
	if s := r.String(); !strings.Contains(s, "purchase_intent") || !strings.Contains(s, "micro") || !strings.Contains(s, "exact match: 4/7") {
		t.Errorf("String() =\n%s", s)
	}
}

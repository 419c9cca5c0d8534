package drivers

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func docs(texts ...string) []Doc {
	out := make([]Doc, len(texts))
	for i, t := range texts {
		out[i] = Doc{ID: int64(i + 1), Text: t}
	}
	return out
}

func wordsOnly() Options {
	o := DefaultOptions()
	o.MinCount, o.Bigrams, o.Hashtags, o.Stopwords = 1, false, false, false
	return o
}

// TestHandComputed checks the formula on counts small enough to do by hand.
//
// a: good good great bad  → y^a: good 2, great 1, bad 1; n^a = 4
// b: bad bad good         → y^b: good 1, bad 2;          n^b = 3
// Background a ∪ b, scale 1: α0 = 7, α = good 3, great 1, bad 3.
//
// good:  δ = log((2+3)/(4+7−2−3)) − log((1+3)/(3+7−1−3)) = log(5/6) − log(4/6) = log(5/4) = 0.2231435513
//
//	σ² = 1/5 + 1/4 = 0.45, z = 0.2231435513/√0.45 = 0.3326427663
//
// great: δ = log((1+1)/(4+7−1−1)) − log((0+1)/(3+7−0−1)) = log(2/9) − log(1/9) = log 2 = 0.6931471806
//
//	σ² = 1/2 + 1/1 = 1.5,  z = 0.6931471806/√1.5 = 0.5659523030
//
// bad:   δ = log((1+3)/(4+7−1−3)) − log((2+3)/(3+7−2−3)) = log(4/7) − log(5/5) = −0.5596157879
//
//	σ² = 1/4 + 1/5 = 0.45, z = −0.5596157879/√0.45 = −0.8342259621
func TestHandComputed(t *testing.T) {
	r := Compare(docs("good good great bad"), docs("bad bad good"), nil, wordsOnly())
	want := []struct {
		term     string
		delta, z float64
		ya, yb   int
	}{
		{"great", 0.6931471806, 0.5659523030, 1, 0},
		{"good", 0.2231435513, 0.3326427663, 2, 1},
		{"bad", -0.5596157879, -0.8342259621, 1, 2},
	}
	got := append(slices.Clone(r.ForA), r.ForB...)
	if len(got) != len(want) {
		t.Fatalf("got %d drivers %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Term != w.term || g.Kind != "word" || g.CountA != w.ya || g.CountB != w.yb ||
			math.Abs(g.LogOdds-w.delta) > 1e-9 || math.Abs(g.Z-w.z) > 1e-9 {
			t.Errorf("driver %d = %+v, want %+v", i, g, w)
		}
	}
	if r.TermsA != 4 || r.TermsB != 3 {
		t.Errorf("TermsA, TermsB = %d, %d, want 4, 3", r.TermsA, r.TermsB)
	}
	if !slices.Equal(r.ForB[0].Examples, []int64{1}) {
		t.Errorf("bad examples = %v, want [1]", r.ForB[0].Examples)
	}
}

func TestExplicitBackground(t *testing.T) {
	// Background says "good" is rare: prior pulls less, a term unseen in
	// the background still gets a finite score.
	bg := docs("bad bad bad bad bad great", "bad")
	r := Compare(docs("good good great bad"), docs("bad bad good"), bg, wordsOnly())
	all := append(slices.Clone(r.ForA), r.ForB...)
	if len(all) != 3 {
		t.Fatalf("got %+v", all)
	}
	for _, d := range all {
		if math.IsNaN(d.Z) || math.IsInf(d.Z, 0) {
			t.Errorf("%s: z = %v", d.Term, d.Z)
		}
	}
}

func TestTerms(t *testing.T) {
	o := DefaultOptions()
	o.MinCount, o.Top = 1, 100
	a := docs("Thanks for the GREAT service! #LoveIt @Delta http://x.co 100 on hold")
	r := Compare(a, docs("zzz yyy xxx #meh"), nil, o)
	got := map[string]string{}
	for _, d := range r.ForA {
		got[d.Term] = d.Kind
	}
	want := map[string]string{
		"thanks": "word", "great": "word", "service": "word", "hold": "word",
		"thanks for": "bigram", "for the": "", "the great": "bigram", "great service": "bigram",
		"on hold": "bigram", "#loveit": "hashtag", "service #loveit": "", "delta": "", "@delta": "",
		"the": "", "for": "", "100": "", "hold 100": "",
	}
	// b has no bigrams: a's bigrams have nothing to be compared with.
	if r := Compare(a, docs("zzz #meh"), nil, o); slices.ContainsFunc(r.ForA, func(d Driver) bool { return d.Kind == "bigram" }) {
		t.Errorf("bigrams scored against none: %+v", r.ForA)
	}
	for term, kind := range want {
		if got[term] != kind {
			t.Errorf("term %q: kind %q, want %q", term, got[term], kind)
		}
	}
}

func TestSymmetry(t *testing.T) {
	a := docs("love the crew, great flight #happy", "thanks so much, great crew", "love it love it")
	b := docs("flight delayed again #fail", "bag lost, on hold for hours", "delayed and cancelled flight")
	o := DefaultOptions()
	o.MinCount = 1
	r1 := Compare(a, b, nil, o)
	r2 := Compare(b, a, nil, o)
	if len(r1.ForA) == 0 || len(r1.ForB) == 0 {
		t.Fatalf("empty sides: %+v", r1)
	}
	check := func(x, y []Driver) {
		t.Helper()
		if len(x) != len(y) {
			t.Fatalf("lengths %d, %d", len(x), len(y))
		}
		for i := range x {
			if x[i].Term != y[i].Term || x[i].Z != -y[i].Z || x[i].LogOdds != -y[i].LogOdds ||
				x[i].CountA != y[i].CountB || x[i].CountB != y[i].CountA || !slices.Equal(x[i].Examples, y[i].Examples) {
				t.Errorf("%d: %+v vs %+v", i, x[i], y[i])
			}
		}
	}
	check(r1.ForA, r2.ForB)
	check(r1.ForB, r2.ForA)
	if r1.TermsA != r2.TermsB || r1.TermsB != r2.TermsA {
		t.Errorf("term totals not swapped")
	}
}

func TestBounds(t *testing.T) {
	var a, b []Doc
	for i := range 50 {
		a = append(a, Doc{ID: int64(i), Text: strings.Repeat("alpha ", i%3+1) + "beta gamma w" + string(rune('a'+i%26))})
		b = append(b, Doc{ID: int64(1000 + i), Text: "delta epsilon beta x" + string(rune('a'+i%26))})
	}
	o := DefaultOptions()
	o.Top, o.Examples, o.MinCount = 2, 4, 5
	r := Compare(a, b, nil, o)
	if len(r.ForA) != 2 || len(r.ForB) != 2 {
		t.Fatalf("Top 2: got %d, %d", len(r.ForA), len(r.ForB))
	}
	for _, side := range [][]Driver{r.ForA, r.ForB} {
		for i, d := range side {
			if d.CountA+d.CountB < o.MinCount {
				t.Errorf("%q: count %d below MinCount", d.Term, d.CountA+d.CountB)
			}
			if len(d.Examples) != 4 {
				t.Errorf("%q: %d examples", d.Term, len(d.Examples))
			}
			if i > 0 && math.Abs(d.Z) > math.Abs(side[i-1].Z) {
				t.Errorf("not sorted: %v", side)
			}
		}
	}
	// alpha: docs with three occurrences come first, shortest then input order.
	if r.ForA[0].Term != "alpha" || !slices.Equal(r.ForA[0].Examples, []int64{2, 5, 8, 11}) {
		t.Errorf("ForA[0] = %+v", r.ForA[0])
	}
	for _, d := range r.ForB {
		for _, id := range d.Examples {
			if id < 1000 {
				t.Errorf("%q: example %d from the other side", d.Term, id)
			}
		}
	}
	o.Top, o.Examples = 0, 0
	if r := Compare(a, b, nil, o); len(r.ForA)+len(r.ForB) != 0 {
		t.Errorf("Top 0 returned drivers")
	}
	o.Top = 100
	for _, d := range Compare(a, b, nil, o).ForA {
		if d.Examples != nil {
			t.Errorf("Examples 0 returned %v", d.Examples)
		}
	}
}

func TestEmpty(t *testing.T) {
	cases := [][2][]Doc{
		{nil, nil},
		{docs(""), docs("")},
		{docs("only words here"), nil},
		{nil, docs("!!! @x http://y.z 42")},
		{docs("one"), docs("one")},
	}
	for i, c := range cases {
		r := Compare(c[0], c[1], nil, DefaultOptions())
		if len(r.ForA)+len(r.ForB) != 0 {
			t.Errorf("case %d: %+v", i, r)
		}
		r = Compare(c[0], c[1], []Doc{}, Options{})
		if len(r.ForA)+len(r.ForB) != 0 {
			t.Errorf("case %d, zero options: %+v", i, r)
		}
	}
}

func TestInvalidAndHuge(t *testing.T) {
	bad := "caf\xe9 \xff\xfe great \xc3 service \xed\xa0\x80 great"
	huge := strings.Repeat("lorem ipsum ", 1<<20) + " tailword tailword tailword"
	edge := strings.Repeat("x", MaxTextBytes-1) + "é tail"
	a := []Doc{{1, bad}, {2, huge}, {3, edge}}
	o := DefaultOptions()
	o.MinCount = 1
	r := Compare(a, docs("plain words"), nil, o)
	if r.TermsA > 3*MaxTextBytes {
		t.Errorf("TermsA = %d: texts not cut", r.TermsA)
	}
	for _, d := range append(r.ForA, r.ForB...) {
		if d.Term == "tailword" {
			t.Errorf("term past the cut counted")
		}
		if math.IsNaN(d.Z) {
			t.Errorf("%q: NaN", d.Term)
		}
	}
	if got := cut(edge); len(got) != MaxTextBytes-1 {
		t.Errorf("cut split a rune: len %d", len(got))
	}
}

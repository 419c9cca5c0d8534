package vader

import (
	"math"
	"testing"
)

// FuzzPolarityScores checks that no input panics and that the scores keep
// their invariants: compound in [-1, 1]; neg, neu, pos non-negative and
// summing to 1 up to rounding, or all zero for a text without words.
func FuzzPolarityScores(f *testing.F) {
	for _, s := range []string{
		"", " ", "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
		"not good but great", "no no no", "kind of the shit", "the least bad",
		"😁😁 good", "İSTANBUL is NOT bad ??? !!!", ":) :D <3", "\xff\xfe bad", "never so this good",
		"without a doubt", "yeah right", "kiss of death", "to die for", "a b c d e f",
	} {
		f.Add(s)
	}
	a, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := a.PolarityScores(text)
		if math.IsNaN(s.Compound) || s.Compound < -1 || s.Compound > 1 {
			t.Fatalf("compound %v out of [-1, 1]", s.Compound)
		}
		if s.Neg < 0 || s.Neu < 0 || s.Pos < 0 {
			t.Fatalf("negative proportion: %+v", s)
		}
		sum := s.Neg + s.Neu + s.Pos
		if sum != 0 && math.Abs(sum-1) > 0.002 {
			t.Fatalf("neg+neu+pos = %v: %+v", sum, s)
		}
		if sum == 0 && s.Compound != 0 {
			t.Fatalf("compound %v without words", s.Compound)
		}
	})
}

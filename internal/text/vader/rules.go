package vader

import (
	"math"
	"strings"
)

// Products that feed an addition are wrapped in float64(...) throughout: an
// explicit conversion forbids the compiler from fusing them into an FMA,
// which would round differently from the reference's Python arithmetic.

// valence is the reference's sentiment_valence for token i.
func valence(toks []token, i int, capDiff bool) float64 {
	t := &toks[i]
	if !t.in(fLexicon) {
		return 0
	}
	n := len(toks)
	v := t.valence

	// "no" as a negation of the next lexicon word rather than a word of its own.
	if t.id == wNo && i != n-1 && toks[i+1].in(fLexicon) {
		v = 0
	}
	if (i > 0 && toks[i-1].id == wNo) || (i > 1 && toks[i-2].id == wNo) ||
		(i > 2 && toks[i-3].id == wNo && (toks[i-1].id == wOr || toks[i-1].id == wNor)) {
		v = float64(t.valence * nScalar)
	}

	// ALL-CAPS emphasis when the text mixes case.
	if t.upper && capDiff {
		if v > 0 {
			v += cIncr
		} else {
			v -= cIncr
		}
	}

	// Up to three preceding non-lexicon words: boosters (dampened with
	// distance), negations and idioms.
	for start := 0; start < 3 && i > start; start++ {
		prev := &toks[i-(start+1)]
		if prev.in(fLexicon) {
			continue
		}
		sc := scalarIncDec(prev, v, capDiff)
		if start == 1 && sc != 0 {
			sc = float64(sc * 0.95)
		}
		if start == 2 && sc != 0 {
			sc = float64(sc * 0.9)
		}
		v += sc
		v = negationCheck(toks, v, start, i)
		if start == 2 {
			v = specialIdiomsCheck(toks, v, i)
		}
	}
	return leastCheck(toks, v, i)
}

// scalarIncDec is the booster/dampener contribution of a preceding word.
func scalarIncDec(w *token, v float64, capDiff bool) float64 {
	if !w.in(fBooster) {
		return 0
	}
	sc := w.boost
	if v < 0 {
		sc = -sc
	}
	if w.upper && capDiff {
		if v > 0 {
			sc += cIncr
		} else {
			sc -= cIncr
		}
	}
	return sc
}

func isSoOrThis(id wordID) bool { return id == wSo || id == wThis }

// negationCheck applies the reference's _negation_check for the word
// start+1 positions before i.
func negationCheck(toks []token, v float64, start, i int) float64 {
	switch start {
	case 0:
		if toks[i-1].negated {
			v = float64(v * nScalar)
		}
	case 1:
		switch {
		case toks[i-2].id == wNever && isSoOrThis(toks[i-1].id):
			v = float64(v * 1.25)
		case toks[i-2].id == wWithout && toks[i-1].id == wDoubt:
		case toks[i-2].negated:
			v = float64(v * nScalar)
		}
	case 2:
		// The reference's condition reads `a and b or c`, so a "so"/"this"
		// right before the word boosts whatever word i-3 is.
		switch {
		case (toks[i-3].id == wNever && isSoOrThis(toks[i-2].id)) || isSoOrThis(toks[i-1].id):
			v = float64(v * 1.25)
		case toks[i-3].id == wWithout && (toks[i-2].id == wDoubt || toks[i-1].id == wDoubt):
		case toks[i-3].negated:
			v = float64(v * nScalar)
		}
	}
	return v
}

// matchSpecial looks a word sequence up in SPECIAL_CASES.
func matchSpecial(seq ...wordID) (float64, bool) {
	if seq[0] == wNone {
		return 0, false
	}
	for _, sc := range specialCases {
		if len(sc.words) != len(seq) {
			continue
		}
		ok := true
		for k, w := range sc.words {
			if seq[k] != w {
				ok = false
				break
			}
		}
		if ok {
			return sc.value, true
		}
	}
	return 0, false
}

// specialIdiomsCheck is the reference's _special_idioms_check (i >= 3).
func specialIdiomsCheck(toks []token, v float64, i int) float64 {
	w := func(k int) wordID { return toks[k].id }
	seqs := [...][]wordID{
		{w(i - 1), w(i)},
		{w(i - 2), w(i - 1), w(i)},
		{w(i - 2), w(i - 1)},
		{w(i - 3), w(i - 2), w(i - 1)},
		{w(i - 3), w(i - 2)},
	}
	for _, seq := range seqs {
		if val, ok := matchSpecial(seq...); ok {
			v = val
			break
		}
	}
	if len(toks)-1 > i {
		if val, ok := matchSpecial(w(i), w(i+1)); ok {
			v = val
		}
	}
	if len(toks)-1 > i+1 {
		if val, ok := matchSpecial(w(i), w(i+1), w(i+2)); ok {
			v = val
		}
	}
	// Two-word boosters ("kind of", "sort of", "just enough") among the
	// n-grams threetwo and twoone (no booster has three words).
	for _, pair := range [...][2]wordID{{w(i - 3), w(i - 2)}, {w(i - 2), w(i - 1)}} {
		for _, bg := range boosterBigrams {
			if pair == bg {
				v += bDecr
			}
		}
	}
	return v
}

// leastCheck negates a word preceded by "least", except in "at least" and
// "very least".
func leastCheck(toks []token, v float64, i int) float64 {
	if i > 1 && !toks[i-1].in(fLexicon) && toks[i-1].id == wLeast {
		if toks[i-2].id != wAt && toks[i-2].id != wVery {
			v = float64(v * nScalar)
		}
	} else if i > 0 && !toks[i-1].in(fLexicon) && toks[i-1].id == wLeast {
		v = float64(v * nScalar)
	}
	return v
}

// butCheck halves sentiments before the first "but" and multiplies those
// after it by 1.5. It reproduces the reference literally, including its use of
// list.index(): each value updates the first position holding an equal value,
// which is not always its own position.
func butCheck(toks []token, sent []float64) {
	bi := -1
	for k := range toks {
		if toks[k].id == wBut {
			bi = k
			break
		}
	}
	if bi < 0 {
		return
	}
	for k := range sent {
		x := sent[k]
		si := 0
		for sent[si] != x {
			si++
		}
		if si < bi {
			sent[si] = float64(x * 0.5)
		} else if si > bi {
			sent[si] = float64(x * 1.5)
		}
	}
}

// punctuationEmphasis is the amplifier for "!" (up to 4) and "?" (2 or more).
func punctuationEmphasis(text string) float64 {
	ep := strings.Count(text, "!")
	if ep > 4 {
		ep = 4
	}
	amp := float64(float64(ep) * 0.292)
	if qm := strings.Count(text, "?"); qm > 1 {
		if qm <= 3 {
			amp += float64(float64(qm) * 0.18)
		} else {
			amp += 0.96
		}
	}
	return amp
}

// normalize maps a valence sum into [-1, 1] with alpha = 15.
func normalize(score float64) float64 {
	n := score / math.Sqrt(float64(score*score)+15)
	return max(-1, min(1, n))
}

// scoreValence is the reference's score_valence followed by its rounding.
func scoreValence(sent []float64, text string) Scores {
	sum := sumFloats(sent)
	amp := punctuationEmphasis(text)
	if sum > 0 {
		sum += amp
	} else if sum < 0 {
		sum -= amp
	}
	compound := normalize(sum)

	var posSum, negSum float64
	neu := 0
	for _, s := range sent {
		switch {
		case s > 0:
			posSum += s + 1
		case s < 0:
			negSum += s - 1
		default:
			neu++
		}
	}
	if posSum > math.Abs(negSum) {
		posSum += amp
	} else if posSum < math.Abs(negSum) {
		negSum -= amp
	}
	total := posSum + math.Abs(negSum) + float64(neu)
	return Scores{
		Neg:      pyRound(math.Abs(negSum/total), 3),
		Neu:      pyRound(math.Abs(float64(neu)/total), 3),
		Pos:      pyRound(math.Abs(posSum/total), 3),
		Compound: pyRound(compound, 4),
	}
}

// sumFloats reproduces Python's sum() over the sentiments as the reference
// scores were computed: plain left-to-right addition. (CPython 3.12 switched
// sum() to Neumaier's compensated summation; the reference files show the
// older behaviour: e.g. 1.4 - 0.2 - 1.2 sums to exactly 0, not -5.6e-17, in
// four ground-truth sentences whose compound is printed as 0.0, not -0.0.)
func sumFloats(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// pyRound is Python's round(x, digits) for a float: the exact binary value
// of x correctly rounded to digits decimals, ties to even, then converted to
// the nearest float64 (a result of zero keeps the sign of x). The exact value
// of |x|*10^digits is p+e, e being recovered by a fused multiply-add, so the
// rounding decision needs no decimal conversion: the fraction p-floor(p) is
// exact and e (at most half an ulp of p) only matters when it is exactly 1/2.
func pyRound(x float64, digits int) float64 {
	ax := math.Abs(x)
	m := math.Pow10(digits)
	p := ax * m
	if !(p < 1<<52) { // NaN, infinite, or already an integer at this scale
		return x
	}
	e := math.FMA(ax, m, -p) // ax*m == p + e exactly
	k := math.Floor(p)
	switch frac := p - k; {
	case frac > 0.5, frac == 0.5 && e > 0, frac == 0.5 && e == 0 && math.Mod(k, 2) == 1:
		k++
	}
	return math.Copysign(k/m, x)
}

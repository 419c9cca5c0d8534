package stance

import "math"

// relFloor is the least magnitude of a relation's scores: "switched from
// @A to @B" carries no VADER sentiment but is a clear stance.
const relFloor = 0.3

// Verdict priorities. A relation naming a brand decides its stance; one
// that only implies it (the addressee a preference or switch turns away
// from, a "rival") decides unless the brand's own clauses are negative
// already: "@A thanks for trying. @B ftw" is a defection from A.
const (
	prioRival    = 1
	prioExplicit = 2
)

// verdict is a relation's decision about one brand.
type verdict struct {
	score float64
	basis string
	ev    Span
	prio  uint8
}

// setVerdict records a verdict for each brand in brands unless one of at
// least the same priority is already there.
func (s *scratch) setVerdict(brands uint64, score float64, basis string, ev Span, prio uint8) {
	for b := range s.verdicts {
		if brands&(1<<b) != 0 && s.verdicts[b].prio < prio {
			s.verdicts[b] = verdict{score, basis, ev, prio}
		}
	}
}

// relate records the favoured and disfavoured sides of a relation found
// between tokens i and j, with magnitude at least relFloor, and returns
// the magnitude and the evidence.
func (s *scratch) relate(fav, unfav uint64, favBasis, unfavBasis string, i, j int) (float64, Span) {
	ci, cj := s.toks[min(i, j)].clause, s.toks[max(i, j)].clause
	ev := Span{s.clauses[ci].start, s.clauses[cj].end}
	m := max(math.Abs(s.clauseScore(int(ci)).score), relFloor)
	s.setVerdict(fav&^unfav, m, favBasis, ev, prioExplicit)
	s.setVerdict(unfav&^fav, -m, unfavBasis, ev, prioExplicit)
	return m, ev
}

// relations scans the tokens for comparative, switch, preference and
// "unlike" patterns.
func (s *scratch) relations() {
	for i := range s.toks {
		t := &s.toks[i]
		switch {
		case t.kind == kPunct && (t.p == pGreater || t.p == pLess):
			s.matchSign(i)
		case t.kind == kMention && !t.lead:
			s.matchPreference(i)
		case t.kind != kWord:
		case t.is(cCmpPos | cCmpNeg | cMoreLess):
			s.matchComparative(i)
		case t.is(cBeat) || t.w == "loses":
			s.matchBeats(i)
		case t.is(cPrefer):
			s.matchPrefer(i)
		case t.is(cUnlike):
			s.matchUnlike(i)
		case t.w == "from":
			s.matchSwitchFrom(i)
		case t.w == "compared" || t.w == "comparing":
			s.matchCompared(i)
		case t.is(cLeave):
			s.matchLeave(i)
		case t.is(cSwitch | cGo | cCarry):
			s.matchSwitchTo(i)
		}
	}
}

// object returns the brands named within gap tokens after i in the same
// clause: a mention's brands, or the addressees for "you". It returns the
// token index too, or -1.
func (s *scratch) object(i, gap int) (uint64, int) {
	for j := i + 1; j <= i+gap && j < len(s.toks); j++ {
		t := &s.toks[j]
		switch {
		case t.isBoundary() && t.p != '-':
			return 0, -1
		case t.kind == kMention:
			if t.lead {
				return s.addr, j
			}
			return t.brands, j
		case t.kind == kWord && t.is(cSecond) && s.addr != 0:
			return s.addr, j
		}
	}
	return 0, -1
}

// subject returns the brands named before token i in its clause (the
// nearest mention; the addressees for a leading one or when none is named).
func (s *scratch) subject(i int) uint64 {
	for j := i - 1; j >= 0 && s.toks[j].clause == s.toks[i].clause; j-- {
		if t := &s.toks[j]; t.kind == kMention && !t.lead {
			return t.brands
		}
	}
	return s.addr
}

// negated reports a negator among the 3 tokens before i in its clause, and
// whether it is a negated subject ("nothing beats @A").
func (s *scratch) negated(i int) (neg, subj bool) {
	for j := i - 1; j >= max(0, i-3) && s.toks[j].clause == s.toks[i].clause; j-- {
		t := &s.toks[j]
		if t.kind == kMention {
			return false, false
		}
		if t.kind == kWord && t.is(cNeg) {
			return true, t.is(cSubjNeg) || (t.w == "no" && j+1 < i && s.toks[j+1].w == "one")
		}
	}
	return false, false
}

// wordAt reports whether token i is the word w.
func (s *scratch) wordAt(i int, w string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == kWord && s.toks[i].w == w
}

// matchComparative: "X is better than Y", "X is worse then Y", "X is more
// reliable than Y" (the adjective's VADER polarity decides), negations
// included ("X is not better than Y", "nothing is better than Y").
func (s *scratch) matchComparative(i int) {
	t := &s.toks[i]
	dir, than := 1.0, i+1
	switch {
	case t.is(cCmpNeg):
		dir = -1
	case t.is(cMoreLess):
		if i+1 >= len(s.toks) || s.toks[i+1].kind != kWord {
			return
		}
		dir, than = s.polarity(s.toks[i+1].w), i+2
		if t.w == "less" {
			dir = -dir
		}
	}
	if dir == 0 {
		return
	}
	if !(s.wordAt(than, "than") || s.wordAt(than, "then")) {
		s.compareAddressee(i, than, dir)
		return
	}
	y, j := s.object(than, 3)
	if y == 0 {
		return
	}
	basis := BasisBetterThan
	if dir < 0 {
		basis = BasisWorseThan
	}
	s.compare(i, j, y, dir, basis)
}

// compareAddressee handles a comparative ending its clause, "@B is
// better!", in a post addressed to another brand: B against the
// addressees, who get a rival verdict.
func (s *scratch) compareAddressee(i, end int, dir float64) {
	if end < len(s.toks) && !s.toks[end].isBoundary() {
		return
	}
	x := s.subject(i)
	if x == s.addr || x&s.addr != 0 {
		return
	}
	if neg, _ := s.negated(i); neg {
		dir = -dir
	}
	basis := BasisBetterThan
	if dir < 0 {
		basis = BasisWorseThan
	}
	var m float64
	var ev Span
	if dir > 0 {
		m, ev = s.relate(x, 0, basis, basis, i, i)
	} else {
		m, ev = s.relate(0, x, basis, basis, i, i)
	}
	s.setVerdict(s.addr, -dir*m, basis, ev, prioRival)
}

// compare records "subject of i <dir> y", y named at token j, with the
// negation before i applied.
func (s *scratch) compare(i, j int, y uint64, dir float64, basis string) {
	x := s.subject(i)
	if neg, subj := s.negated(i); neg {
		dir = -dir
		if subj {
			x = 0
		}
	}
	if dir > 0 {
		s.relate(x, y, basis, basis, i, j)
	} else {
		s.relate(y, x, basis, basis, i, j)
	}
}

// polarity is the sign of the VADER score of one word.
func (s *scratch) polarity(w string) float64 {
	c := s.v.PolarityScores(w).Compound
	switch {
	case c > 0:
		return 1
	case c < 0:
		return -1
	}
	return 0
}

// matchSign: "@A > @B", "@A < @B" between adjacent mentions.
func (s *scratch) matchSign(i int) {
	if i == 0 || i+1 >= len(s.toks) || s.toks[i-1].kind != kMention || s.toks[i+1].kind != kMention {
		return
	}
	x, y := s.toks[i-1].brands, s.toks[i+1].brands
	if s.toks[i].p == pLess {
		s.relate(y, x, BasisWorseThan, BasisWorseThan, i-1, i+1)
		return
	}
	s.relate(x, y, BasisBetterThan, BasisBetterThan, i-1, i+1)
}

// matchBeats: "X beats Y", "X loses to Y".
func (s *scratch) matchBeats(i int) {
	dir, from := 1.0, i
	if s.toks[i].w == "loses" {
		if !s.wordAt(i+1, "to") {
			return
		}
		dir, from = -1, i+1
	}
	if y, j := s.object(from, 3); y != 0 {
		s.compare(i, j, y, dir, BasisBeats)
	}
}

// matchCompared: "your app sucks compared to @B": B takes the opposite of
// the clause that makes the comparison.
func (s *scratch) matchCompared(i int) {
	if !s.wordAt(i+1, "to") && !s.wordAt(i+1, "with") {
		return
	}
	y, j := s.object(i+1, 2)
	if y == 0 {
		return
	}
	r := s.clauseScore(int(s.toks[i].clause))
	if Label(r.score) == Neutral {
		return
	}
	c := &s.clauses[s.toks[j].clause]
	s.setVerdict(y, -r.score, BasisComparedTo, Span{c.start, c.end}, prioExplicit)
}

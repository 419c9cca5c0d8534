package stance

// matchPrefer: "prefer X over Y", "choose X over you", "rather fly X than
// Y"; without a second brand, "I prefer X" is a preference for X.
func (s *scratch) matchPrefer(i int) {
	x, xi := s.object(i, 3)
	if x == 0 {
		return
	}
	for k := xi + 1; k <= xi+4 && k < len(s.toks); k++ {
		if s.toks[k].isBoundary() {
			break
		}
		if s.wordAt(k, "over") || s.wordAt(k, "to") || s.wordAt(k, "than") {
			if y, j := s.object(k, 2); y != 0 {
				if neg, _ := s.negated(i); neg {
					x, y = y, x
				}
				s.relate(x, y, BasisPrefer, BasisPrefer, i, j)
				return
			}
		}
	}
	s.prefer(i, xi, x, BasisPreference)
}

// prefer records a preference for x (cue at token i, brand at xi): x is
// favoured and the addressees it turns away from are disfavoured, or, when
// negated ("I'd never choose X"), x alone is disfavoured.
func (s *scratch) prefer(i, xi int, x uint64, basis string) {
	if neg, _ := s.negated(i); neg {
		s.relate(0, x, basis, basis, i, xi)
		return
	}
	m, ev := s.relate(x, 0, basis, basis, i, xi)
	s.setVerdict(s.addr&^x, -m, BasisRival, ev, prioRival)
}

// matchUnlike: "unlike Y, X ..." and "X ..., unlike Y" (also "except Y"):
// Y takes the opposite of the main clause, the neighbour in the sentence.
func (s *scratch) matchUnlike(i int) {
	y, _ := s.object(i, 2)
	if y == 0 {
		return
	}
	u := int(s.toks[i].clause)
	main := -1
	switch {
	case u > 0 && s.clauses[u-1].sent == s.clauses[u].sent:
		main = u - 1
	case u+1 < len(s.clauses) && s.clauses[u+1].sent == s.clauses[u].sent:
		main = u + 1
	case u > 0:
		main = u - 1
	}
	if main < 0 {
		return
	}
	r := s.clauseScore(main)
	if Label(r.score) == Neutral {
		return
	}
	ev := Span{s.clauses[min(u, main)].start, s.clauses[max(u, main)].end}
	s.setVerdict(y, -r.score, BasisUnlike, ev, prioExplicit)
}

// matchSwitchFrom: "switched from Y to X", "moving from Y to X" (a switch
// verb among the three words before "from").
func (s *scratch) matchSwitchFrom(i int) {
	verb := -1
	for j := i - 1; j >= max(0, i-3); j-- {
		if s.toks[j].kind == kWord && s.toks[j].is(cSwitch) {
			verb = j
			break
		}
	}
	if verb < 0 {
		return
	}
	y, yi := s.object(i, 2)
	if y == 0 {
		return
	}
	var x uint64
	xi := yi
	for k := yi + 1; k <= yi+4 && k < len(s.toks); k++ {
		if s.wordAt(k, "to") || s.wordAt(k, "for") {
			x, xi = s.object(k, 3)
			break
		}
	}
	s.switchRel(verb, x, y, max(xi, yi))
}

// switchRel records a switch from y to x (either may be 0), inverted when
// the verb at i is negated ("I'd never switch from Y").
func (s *scratch) switchRel(i int, x, y uint64, last int) {
	if neg, _ := s.negated(i); neg {
		x, y = y, x
	}
	s.relate(x, y, BasisSwitchTo, BasisSwitchFrom, i, last)
}

// matchLeave: "leaving Y for X", "ditched Y for X", "leaving you"; "left"
// needs the "for X".
func (s *scratch) matchLeave(i int) {
	y, yi := s.object(i, 1)
	if y == 0 {
		return
	}
	var x uint64
	xi := yi
	for k := yi + 1; k <= yi+3 && k < len(s.toks); k++ {
		if s.wordAt(k, "for") {
			x, xi = s.object(k, 2)
			break
		}
	}
	if x == 0 && s.toks[i].w == "left" {
		return
	}
	s.switchRel(i, x, y, max(xi, yi))
}

// matchSwitchTo: "switch to X", "moving over to X", "go back to X",
// "taking my business to X". The addressees are the ones left.
func (s *scratch) matchSwitchTo(i int) {
	t := &s.toks[i]
	to := -1
	switch {
	case t.is(cSwitch):
		to = s.skipTo(i+1, 2, "back", "over", "my", "our", "all")
	case t.is(cGo):
		if s.wordAt(i+1, "back") {
			to = s.skipTo(i+2, 0)
		}
	case t.is(cCarry):
		if i+1 < len(s.toks) && s.toks[i+1].is(cPoss) {
			to = s.skipTo(i+2, 3)
		}
	}
	if to < 0 {
		return
	}
	x, xi := s.object(to, 2)
	if x == 0 {
		return
	}
	if neg, _ := s.negated(i); neg {
		s.relate(0, x, BasisSwitchTo, BasisSwitchTo, i, xi)
		return
	}
	m, ev := s.relate(x, 0, BasisSwitchTo, BasisSwitchTo, i, xi)
	s.setVerdict(s.addr&^x, -m, BasisSwitchFrom, ev, prioRival)
}

// skipTo returns the index of "to" at or after i, past at most skip words
// (only the given words when any are given); -1 if there is none.
func (s *scratch) skipTo(i, skip int, allowed ...string) int {
	for k := i; k <= i+skip && k < len(s.toks); k++ {
		t := &s.toks[k]
		if t.kind != kWord {
			return -1
		}
		if t.w == "to" {
			return k
		}
		if len(allowed) > 0 && !oneOf(t.w, allowed) {
			return -1
		}
	}
	return -1
}

func oneOf(w string, ws []string) bool {
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}

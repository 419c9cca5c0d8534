package stance

// fallback decides a brand whose own clauses bear no sentiment, from its
// first clause c: an elliptical clause ("@B never does"), a contrastive one
// ("but @B was on time"), or a neighbouring clause of the same sentence
// that names no other brand ("I flew @B, great crew").
func (s *scratch) fallback(c int, bit uint64) (Stance, bool) {
	if s.clauses[c].owners&bit != 0 {
		if st, ok := s.ellipsis(c); ok {
			return st, true
		}
	}
	if st, ok := s.contrast(c); ok {
		return st, true
	}
	return s.proximity(c, bit)
}

// ellipsis resolves an elliptical clause against the clause before it. The
// elided predicate is the previous clause's without its negation, so the
// polarity flips once per negated side: "@A lost my bag, @B never does"
// makes B positive; "@A never disappoints, @B always does" makes B
// negative; "@A lost my bag, @B too" makes B negative.
func (s *scratch) ellipsis(c int) (Stance, bool) {
	if c == 0 || !s.elliptical(c) {
		return Stance{}, false
	}
	p := c - 1
	r := s.clauseScore(p)
	if Label(r.score) == Neutral {
		return Stance{}, false
	}
	st := Stance{Score: r.score, Basis: BasisEcho, Evidence: Span{s.clauses[p].start, s.clauses[c].end}}
	if s.hasNeg(p) != s.hasNeg(c) {
		st.Score, st.Basis = -r.score, BasisContrast
	}
	return st, true
}

// elliptical reports a clause with at most 6 words besides mentions, all
// auxiliaries, negators, echo adverbs or fillers, and at least one
// auxiliary, negator or echo adverb.
func (s *scratch) elliptical(c int) bool {
	words, key := 0, false
	for i := s.clauses[c].t0; i < s.clauses[c].t1; i++ {
		t := &s.toks[i]
		if t.kind != kWord {
			continue
		}
		if !t.is(cAux | cNeg | cEcho | cElide | cContrast | cConnector) {
			return false
		}
		words++
		key = key || t.is(cAux|cNeg|cEcho)
	}
	return key && words <= 6
}

// hasNeg reports a negator in clause c.
func (s *scratch) hasNeg(c int) bool {
	for i := s.clauses[c].t0; i < s.clauses[c].t1; i++ {
		if t := &s.toks[i]; t.kind == kWord && t.is(cNeg) {
			return true
		}
	}
	return false
}

// contrast gives clause c the opposite polarity of its partner when the
// two are joined contrastively: the later one opens with "but", "whereas",
// "yet"..., or the earlier one with "while", "although"....
func (s *scratch) contrast(c int) (Stance, bool) {
	for _, p := range [2]int{c - 1, c + 1} {
		lo, hi := min(p, c), max(p, c)
		if lo < 0 || hi >= len(s.clauses) {
			continue
		}
		if s.clauses[hi].first&cContrast == 0 && s.clauses[lo].first&cSubFirst == 0 {
			continue
		}
		if r := s.clauseScore(p); Label(r.score) != Neutral {
			return Stance{Score: -r.score, Basis: BasisContrast, Evidence: Span{s.clauses[lo].start, s.clauses[hi].end}}, true
		}
	}
	return Stance{}, false
}

// proximity takes the nearest clause with sentiment within two clauses,
// the following one first, not reaching past a clause that names another
// brand or speaks to the addressee ("you"). When the post addresses a
// brand, the clauses naming none are the addressee's beyond the brand's
// own sentence, so the search stays in that sentence.
func (s *scratch) proximity(c int, bit uint64) (Stance, bool) {
	var blocked [2]bool
	for d := 1; d <= 2; d++ {
		for k, p := range [2]int{c + d, c - d} {
			if blocked[k] || p < 0 || p >= len(s.clauses) || (s.addr != 0 && s.clauses[p].sent != s.clauses[c].sent) {
				blocked[k] = true
				continue
			}
			if s.clauses[p].owners&^bit != 0 || s.clauses[p].mentionOnly || s.clauses[p].second {
				blocked[k] = true
				continue
			}
			if r := s.clauseScore(p); Label(r.score) != Neutral {
				lo, hi := min(p, c), max(p, c)
				return Stance{Score: r.score, Basis: BasisProximity, Evidence: Span{s.clauses[lo].start, s.clauses[hi].end}, Sarcasm: r.sarcasm}, true
			}
		}
	}
	return Stance{}, false
}

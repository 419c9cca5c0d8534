package stance

// matchPreference looks around a mention outside the leading run for
// preference cues ("this is why I fly X", "learn from X", "X ftw",
// "...! Hello X!") and rejection cues ("done with X", "never fly X").
func (s *scratch) matchPreference(i int) {
	x := s.toks[i].brands
	if k := s.seqBefore(i, rejectPre); k >= 0 {
		s.relate(0, x, BasisRejection, BasisRejection, k, i)
		return
	}
	if k := s.seqBefore(i, preferPre); k >= 0 {
		s.prefer(k, i, x, BasisPreference)
		return
	}
	if s.seqAfterEnds(i, preferPost) || s.greeting(i) {
		s.prefer(i, i, x, BasisPreference)
	}
}

// seqBefore returns the index where one of seqs starts if it ends right
// before token i, or -1.
func (s *scratch) seqBefore(i int, seqs [][]string) int {
	for _, seq := range seqs {
		k := i - len(seq)
		if k >= 0 && s.wordsAt(k, seq) {
			return k
		}
	}
	return -1
}

// seqAfterEnds reports one of seqs right after token i, ending its clause.
func (s *scratch) seqAfterEnds(i int, seqs [][]string) bool {
	for _, seq := range seqs {
		end := i + 1 + len(seq)
		if end <= len(s.toks) && s.wordsAt(i+1, seq) && (end == len(s.toks) || s.toks[end].isBoundary()) {
			return true
		}
	}
	return false
}

// wordsAt reports whether the tokens from k are the words of seq.
func (s *scratch) wordsAt(k int, seq []string) bool {
	for j, w := range seq {
		if w == "*" && k+j < len(s.toks) && s.toks[k+j].kind == kWord {
			continue
		}
		if !s.wordAt(k+j, w) {
			return false
		}
	}
	return true
}

// greeting reports "hello X" / "hey X" closing its clause after some other
// clause: greeting a brand mid-post, after a complaint, is turning to it.
func (s *scratch) greeting(i int) bool {
	if i < 2 || !(s.toks[i-1].kind == kWord && s.toks[i-1].is(cGreet)) {
		return false
	}
	return i+1 == len(s.toks) || s.toks[i+1].isBoundary()
}

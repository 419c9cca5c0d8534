package query

// check is called by the main automaton for each occurrence of a pattern
// ending at stream offset end. Main patterns start with the space before a
// token, so the occurrence starts at a token; check records a hit for each
// atom of the pattern whose end and kind rules the occurrence meets.
func (m *matcher) check(pattern int32, end int) {
	e := int32(end)
	last := m.tokenAt(e - 1)
	toks := m.sc.toks
	for _, a := range m.set.main.atoms[pattern] {
		at := &m.set.atoms[a]
		first := last - int(at.extra)
		if first >= 0 && m.fits(at, &toks[first], &toks[last], e) {
			m.hits = append(m.hits, hit{atom: a, first: int32(first), last: int32(last), start: toks[first].oStart, end: toks[last].oEnd})
		}
	}
}

// tokenAt returns the index of the token containing stream offset x. The
// automaton reports occurrences in order of their end, so the offsets asked
// for never decrease and a cursor suffices.
func (m *matcher) tokenAt(x int32) int {
	for m.cur < len(m.sc.toks)-1 && m.sc.toks[m.cur].sEnd <= x {
		m.cur++
	}
	return m.cur
}

// fits reports whether an occurrence of an atom, from the start of token
// first to offset e in token last, covers whole tokens of the right kinds.
func (m *matcher) fits(at *atom, first, last *textTok, e int32) bool {
	switch at.kind {
	case nodeWord:
		return first.kind == kindWord && e == first.sEnd
	case nodeWildcard:
		return first.kind == kindWord
	case nodePhrase:
		return first.kind == kindWord && last.kind == kindWord && e == last.sEnd
	case nodeHashtag:
		return first.kind == kindHashtag && e == first.sEnd
	case nodeMention:
		return first.kind == kindMention && (e == first.sEnd || at.short && m.bound(first, e, 0))
	}
	return false
}

// scanTags runs the tags automaton over the body of each hashtag.
func (m *matcher) scanTags() {
	for i := range m.sc.toks {
		if t := &m.sc.toks[i]; t.kind == kindHashtag {
			m.tag = i
			m.set.tags.auto.scan(m.sc.stream[t.sStart+1:t.sEnd], m.checkTag)
		}
	}
}

// checkTag records a hit for each word or wildcard atom found in the body
// of hashtag m.tag (end is relative to the body) that starts at one of its
// CamelCase parts and, for a word, ends at one.
func (m *matcher) checkTag(pattern int32, end int) {
	tok := &m.sc.toks[m.tag]
	e := tok.sStart + 1 + int32(end)
	for _, a := range m.set.tags.atoms[pattern] {
		at := &m.set.atoms[a]
		if m.bound(tok, e-at.size, 0) && (at.kind == nodeWildcard || m.bound(tok, e, 1)) {
			m.hits = append(m.hits, hit{atom: a, first: int32(m.tag), last: int32(m.tag), start: tok.oStart, end: tok.oEnd})
		}
	}
}

// bound reports whether stream offset x is one of tok's inner boundaries.
// For a hashtag, bounds holds start/end pairs of its parts and parity
// selects starts (0) or ends (1); for a mention every offset counts.
func (m *matcher) bound(tok *textTok, x int32, parity int32) bool {
	step := int32(1)
	if tok.kind == kindHashtag {
		step = 2
	}
	for i := tok.bLo + parity; i < tok.bHi; i += step {
		if m.sc.bounds[i] == x {
			return true
		}
	}
	return false
}

package query

import (
	"cmp"
	"slices"
)

// hit is one occurrence of an atom in a scanned text.
type hit struct {
	atom        int32
	first, last int32 // token positions
	start, end  int32 // original byte range
}

// matcher is the per-call scratch of a Set, recycled through its pool.
type matcher struct {
	set     *Set
	sc      scan
	hits    []hit
	spare   []hit   // the other buffer of the grouping of hits by atom
	cur     int     // token cursor of check
	tag     int     // the hashtag checkTag looks in
	lo, hi  []int32 // hits[lo[a]:hi[a]] are atom a's hits, while a is touched
	touched []int32 // atoms with hits
	seen    []bool  // candidate queries
	cands   []int32
	spans   []Span
	ranges  [][2]int // spans of each matching query
	near    nearScratch
}

func newMatcher(s *Set) *matcher {
	return &matcher{set: s, lo: make([]int32, len(s.atoms)), hi: make([]int32, len(s.atoms)), seen: make([]bool, len(s.queries))}
}

// Match reports, in the set's order, the queries that match text, appended
// to dst. The spans of all the matches of one call share one allocation;
// nothing is allocated when no query matches. Only the first MaxTextBytes of
// text are read (a word cut there is matched as cut).
func (s *Set) Match(text string, dst []Match) []Match {
	m := s.pool.Get().(*matcher)
	defer m.release()
	m.find(truncate(text))
	if len(m.cands) == 0 {
		return dst
	}
	return m.evaluate(dst)
}

// maxPooledStream is the largest scanned stream whose matcher goes back to
// the pool: the memory of a rare huge text is left to the collector.
const maxPooledStream = 64 << 10

// release clears the matcher and returns it to the pool.
func (m *matcher) release() {
	m.clear()
	if cap(m.sc.stream) <= maxPooledStream {
		m.set.pool.Put(m)
	}
}

// truncate cuts text to MaxTextBytes, backing off to the start of a rune.
func truncate(text string) string {
	if len(text) <= MaxTextBytes {
		return text
	}
	i := MaxTextBytes
	for i > 0 && text[i]&0xC0 == 0x80 {
		i--
	}
	return text[:i]
}

// find scans text, collects the hits of every atom and the queries that
// have at least one: only those can match, since every query needs a term.
func (m *matcher) find(text string) {
	m.sc.reset(text)
	m.hits, m.cur = m.hits[:0], 0
	m.set.main.auto.scan(m.sc.stream, m.check)
	m.scanTags()
	if len(m.hits) == 0 {
		return
	}
	m.group()
	for _, a := range m.touched {
		for _, q := range m.set.atomQs[a] {
			if !m.seen[q] {
				m.seen[q] = true
				m.cands = append(m.cands, q)
			}
		}
	}
	slices.Sort(m.cands)
}

// group orders the hits by atom with a counting sort, keeping each atom's
// hits in text order, and sets lo and hi of the atoms touched.
func (m *matcher) group() {
	for _, h := range m.hits {
		if m.hi[h.atom] == 0 {
			m.touched = append(m.touched, h.atom)
		}
		m.hi[h.atom]++
	}
	off := int32(0)
	for _, a := range m.touched {
		m.lo[a], off = off, off+m.hi[a]
		m.hi[a] = m.lo[a]
	}
	m.spare = slices.Grow(m.spare[:0], len(m.hits))[:len(m.hits)]
	for _, h := range m.hits {
		m.spare[m.hi[h.atom]] = h
		m.hi[h.atom]++
	}
	m.hits, m.spare = m.spare, m.hits
}

// clear forgets the hits and candidates of the last text.
func (m *matcher) clear() {
	for _, a := range m.touched {
		m.lo[a], m.hi[a] = 0, 0
	}
	for _, q := range m.cands {
		m.seen[q] = false
	}
	m.touched, m.cands = m.touched[:0], m.cands[:0]
}

// evaluate appends the candidates that match to dst, with their spans in
// one allocation shared by all matches of this call.
func (m *matcher) evaluate(dst []Match) []Match {
	m.spans, m.ranges = m.spans[:0], m.ranges[:0]
	for _, q := range m.cands {
		mark := len(m.spans)
		if !m.eval(&m.set.queries[q], true) {
			m.spans = m.spans[:mark]
			continue
		}
		m.spans = sortSpans(m.spans, mark)
		m.ranges = append(m.ranges, [2]int{int(q), mark})
	}
	if len(m.ranges) == 0 {
		return dst
	}
	all := slices.Clone(m.spans)
	for i, r := range m.ranges {
		end := len(all)
		if i+1 < len(m.ranges) {
			end = m.ranges[i+1][1]
		}
		dst = append(dst, Match{Name: m.set.names[r[0]], Spans: all[r[1]:end:end]})
	}
	return dst
}

// sortSpans sorts spans[from:] and drops duplicates.
func sortSpans(spans []Span, from int) []Span {
	tail := spans[from:]
	slices.SortFunc(tail, func(a, b Span) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	return spans[:from+len(slices.Compact(tail))]
}

package query

import (
	"cmp"
	"slices"
)

// nearScratch holds the operands of a NEAR, each sorted twice: by first
// and by last token. NEAR operands are terms, so one scratch suffices.
type nearScratch struct {
	a, aByLast, b, bByLast []hit
}

// evalNear matches "x NEAR/n y": an occurrence of x and one of y that do
// not overlap, the later starting at most n tokens after the earlier ends
// (NEAR/1 means adjacent). ONEAR requires x first. With collect, every
// occurrence that takes part in such a pair contributes its span.
func (m *matcher) evalNear(n *cnode, collect bool) bool {
	ns := &m.near
	ns.a = m.gather(&n.kids[0], ns.a[:0])
	ns.b = m.gather(&n.kids[1], ns.b[:0])
	if len(ns.a) == 0 || len(ns.b) == 0 {
		return false
	}
	ns.aByLast = sortHits(ns.a, ns.aByLast)
	ns.bByLast = sortHits(ns.b, ns.bByLast)
	d := n.dist
	found := false
	for _, x := range ns.a {
		if after(x, ns.b, d) || !n.ordered && before(x, ns.bByLast, d) {
			found = true
			if !collect {
				return true
			}
			m.spans = append(m.spans, Span{int(x.start), int(x.end)})
		}
	}
	if !found {
		return false
	}
	for _, y := range ns.b {
		if before(y, ns.aByLast, d) || !n.ordered && after(y, ns.a, d) {
			m.spans = append(m.spans, Span{int(y.start), int(y.end)})
		}
	}
	return true
}

// sortHits sorts hs by first token and copies it, sorted by last token,
// into buf.
func sortHits(hs, buf []hit) []hit {
	slices.SortFunc(hs, func(x, y hit) int { return cmp.Compare(x.first, y.first) })
	buf = append(buf[:0], hs...)
	slices.SortFunc(buf, func(x, y hit) int { return cmp.Compare(x.last, y.last) })
	return buf
}

// after reports whether some hit of byFirst (sorted by first token) starts
// within d tokens after x ends.
func after(x hit, byFirst []hit, d int32) bool {
	i, _ := slices.BinarySearchFunc(byFirst, x.last+1, func(h hit, t int32) int { return cmp.Compare(h.first, t) })
	return i < len(byFirst) && byFirst[i].first-x.last <= d
}

// before reports whether some hit of byLast (sorted by last token) ends
// within d tokens before x starts.
func before(x hit, byLast []hit, d int32) bool {
	i, _ := slices.BinarySearchFunc(byLast, x.first, func(h hit, t int32) int { return cmp.Compare(h.last, t) })
	return i > 0 && x.first-byLast[i-1].last <= d
}

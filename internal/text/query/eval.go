package query

// eval reports whether compiled node n matches the scanned text. When
// collect is set, the spans of the positive terms that made it match are
// appended to m.spans (and removed again if it does not match).
func (m *matcher) eval(n *cnode, collect bool) bool {
	switch n.kind {
	case nodeAnd:
		mark := len(m.spans)
		for i := range n.kids {
			if !m.eval(&n.kids[i], collect) {
				m.spans = m.spans[:mark]
				return false
			}
		}
		return true
	case nodeOr:
		matched := false
		for i := range n.kids {
			if m.eval(&n.kids[i], collect) {
				matched = true
				if !collect {
					return true
				}
			}
		}
		return matched
	case nodeNot:
		return !m.eval(&n.kids[0], false)
	case nodeNear:
		return m.evalNear(n, collect)
	}
	hits := m.atomHits(n.atom)
	if collect {
		for _, h := range hits {
			m.spans = append(m.spans, Span{int(h.start), int(h.end)})
		}
	}
	return len(hits) > 0
}

// atomHits returns the hits of atom a in the scanned text.
func (m *matcher) atomHits(a int32) []hit {
	return m.hits[m.lo[a]:m.hi[a]]
}

// gather appends the hits of a term or OR-group of terms to dst.
func (m *matcher) gather(n *cnode, dst []hit) []hit {
	if n.kind != nodeOr {
		return append(dst, m.atomHits(n.atom)...)
	}
	for i := range n.kids {
		dst = m.gather(&n.kids[i], dst)
	}
	return dst
}

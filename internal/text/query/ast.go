package query

import (
	"strconv"
	"strings"
)

// nodeKind is the kind of a query node.
type nodeKind uint8

const (
	nodeWord     nodeKind = iota // text: a folded word
	nodeWildcard                 // text: a folded word prefix
	nodePhrase                   // text: folded words joined by single spaces
	nodeHashtag                  // text: "#" and the folded body
	nodeMention                  // text: "@" and the folded handle, maybe "@host"
	nodeAnd                      // kids: all must match; NOT kids must not
	nodeOr                       // kids: one must match
	nodeNot                      // kids[0] must not match
	nodeNear                     // kids[0] and kids[1] within dist words
)

// node is one node of a parsed query. Terms keep the folded text the
// automaton looks for in the stream of a scanned text.
type node struct {
	kind    nodeKind
	text    string
	kids    []*node
	dist    int
	ordered bool
	at      pos // where the node starts in the source, for errors
}

func (n *node) isTerm() bool { return n.kind <= nodeMention }

// isTermGroup reports whether n is a term or an OR of term groups: what
// NEAR accepts on each side.
func (n *node) isTermGroup() bool {
	if n.kind != nodeOr {
		return n.isTerm()
	}
	for _, k := range n.kids {
		if !k.isTermGroup() {
			return false
		}
	}
	return true
}

// nonPositive returns a node that makes n able to match without any term
// present (a NOT not anchored by a positive term), or nil if every match of
// n needs at least one term hit.
func (n *node) nonPositive() *node {
	switch n.kind {
	case nodeNot:
		return n
	case nodeAnd:
		var first *node
		for _, k := range n.kids {
			bad := k.nonPositive()
			if bad == nil {
				return nil
			}
			if first == nil {
				first = bad
			}
		}
		return first
	case nodeOr:
		for _, k := range n.kids {
			if bad := k.nonPositive(); bad != nil {
				return bad
			}
		}
	}
	return nil
}

// group builds an AND or OR of kids, flattening nested nodes of the same
// kind and collapsing a single kid.
func group(kind nodeKind, at pos, kids []*node) *node {
	if len(kids) == 1 {
		return kids[0]
	}
	n := &node{kind: kind, at: at}
	for _, k := range kids {
		if k.kind == kind {
			n.kids = append(n.kids, k.kids...)
		} else {
			n.kids = append(n.kids, k)
		}
	}
	return n
}

// String writes the query in canonical form: folded terms, explicit AND,
// parentheses around every OR inside an AND or NEAR and around every AND
// inside an OR.
func (n *node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *node) write(b *strings.Builder) {
	switch n.kind {
	case nodeWord, nodeHashtag, nodeMention:
		b.WriteString(n.text)
	case nodeWildcard:
		b.WriteString(n.text)
		b.WriteByte('*')
	case nodePhrase:
		b.WriteByte('"')
		b.WriteString(n.text)
		b.WriteByte('"')
	case nodeNot:
		b.WriteString("NOT ")
		n.kids[0].writeOperand(b, nodeNot)
	case nodeNear:
		n.writeNear(b)
	case nodeAnd:
		n.writeAnd(b)
	case nodeOr:
		for i, k := range n.kids {
			if i > 0 {
				b.WriteString(" OR ")
			}
			k.writeOperand(b, nodeOr)
		}
	}
}

func (n *node) writeNear(b *strings.Builder) {
	n.kids[0].writeOperand(b, nodeNear)
	if n.ordered {
		b.WriteString(" ONEAR/")
	} else {
		b.WriteString(" NEAR/")
	}
	b.WriteString(strconv.Itoa(n.dist))
	b.WriteByte(' ')
	n.kids[1].writeOperand(b, nodeNear)
}

func (n *node) writeAnd(b *strings.Builder) {
	for i, k := range n.kids {
		switch {
		case i > 0 && k.kind == nodeNot:
			b.WriteString(" NOT ")
			k.kids[0].writeOperand(b, nodeNot)
			continue
		case i > 0:
			b.WriteString(" AND ")
		}
		k.writeOperand(b, nodeAnd)
	}
}

// writeOperand writes n as an operand of an operator of kind parent,
// parenthesized where needed for the canonical form.
func (n *node) writeOperand(b *strings.Builder, parent nodeKind) {
	paren := false
	switch parent {
	case nodeAnd:
		paren = n.kind == nodeOr
	case nodeOr:
		paren = n.kind == nodeAnd
	case nodeNot, nodeNear:
		paren = !n.isTerm()
	}
	if paren {
		b.WriteByte('(')
	}
	n.write(b)
	if paren {
		b.WriteByte(')')
	}
}

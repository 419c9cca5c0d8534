package query

import (
	"fmt"
	"sync"
)

// Named is a query with the name its matches are reported under, such as a
// brand's slug.
type Named struct {
	Name  string
	Query string
}

// Match is a query that matched a text.
type Match struct {
	Name  string
	Spans []Span // the positive terms that made the query match, in text order
}

// Span is the byte range [Start, End) of a matched term in the original
// text. A term inside a hashtag or a mention spans the whole tag; a phrase
// spans from its first word to its last.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// MaxTextBytes is how much of a text Match reads; the rest is ignored.
const MaxTextBytes = 1 << 20

// Set is many queries compiled into one automaton, so that a text is
// scanned once whatever the number of queries. It is immutable and safe for
// concurrent use.
type Set struct {
	names   []string
	queries []cnode  // compiled query roots
	main    patterns // every term, anchored at token starts
	tags    patterns // words and wildcards, inside hashtag bodies
	atoms   []atom
	atomQs  [][]int32 // queries using each atom
	pool    sync.Pool // *matcher
}

// atom is a distinct term: what it looks for and how it must sit in the
// scanned text.
type atom struct {
	kind  nodeKind
	short bool  // a mention without "@host", which also matches longer handles
	size  int32 // length of the folded term in bytes
	extra int32 // tokens covered beyond the first: a phrase's words less one
}

// cnode is a compiled query node: a term refers to its atom.
type cnode struct {
	kind    nodeKind
	atom    int32
	dist    int32
	ordered bool
	kids    []cnode
}

// NewSet parses and compiles the queries. Names must be unique and not
// empty; matches are reported in the order given.
func NewSet(queries []Named) (*Set, error) {
	c := newCompiler()
	for _, nq := range queries {
		if nq.Name == "" {
			return nil, fmt.Errorf("compile query set: query with an empty name")
		}
		if c.names[nq.Name] {
			return nil, fmt.Errorf("compile query set: duplicate query name %q", nq.Name)
		}
		q, err := Parse(nq.Query)
		if err != nil {
			return nil, fmt.Errorf("parse query %q: %w", nq.Name, err)
		}
		c.add(nq.Name, q.root)
	}
	return c.finish(), nil
}

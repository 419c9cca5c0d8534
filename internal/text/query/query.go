package query

import "sync"

// Query is a parsed query. It is immutable and safe for concurrent use.
type Query struct {
	root *node
	once sync.Once
	set  *Set // a one-query set, compiled on first Match
}

// Parse parses a query. Mistakes are reported as *Error with the line and
// column where they were found.
func Parse(src string) (*Query, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	root, err := p.parse()
	if err != nil {
		return nil, err
	}
	return &Query{root: root}, nil
}

// String returns the query in canonical form: terms case-folded, AND
// written out, parentheses where operators mix. Parsing it yields the same
// canonical form.
func (q *Query) String() string { return q.root.String() }

// Match reports whether the query matches text and the spans of the
// positive terms that made it match.
func (q *Query) Match(text string) (bool, []Span) {
	q.once.Do(func() {
		c := newCompiler()
		c.add("", q.root)
		q.set = c.finish()
	})
	ms := q.set.Match(text, nil)
	if len(ms) == 0 {
		return false, nil
	}
	return true, ms[0].Spans
}

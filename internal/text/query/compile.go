package query

import "strings"

// patterns is one automaton with, for each of its patterns, the atoms that
// look for it.
type patterns struct {
	auto  *automaton
	atoms [][]int32
}

// patternTable gathers the distinct patterns of an automaton.
type patternTable struct {
	ids   map[string]int32
	texts []string
	atoms [][]int32
}

func (t *patternTable) add(pattern string, atom int32) {
	p, ok := t.ids[pattern]
	if !ok {
		p = int32(len(t.texts))
		t.ids[pattern] = p
		t.texts = append(t.texts, pattern)
		t.atoms = append(t.atoms, nil)
	}
	t.atoms[p] = append(t.atoms[p], atom)
}

func (t *patternTable) build() patterns {
	return patterns{auto: buildAutomaton(t.texts), atoms: t.atoms}
}

// compiler gathers the atoms and patterns of the queries of a set.
type compiler struct {
	set        *Set
	names      map[string]bool
	atomIDs    map[atomKey]int32
	main, tags patternTable
}

type atomKey struct {
	kind nodeKind
	text string
}

func newCompiler() *compiler {
	return &compiler{
		set: &Set{}, names: map[string]bool{}, atomIDs: map[atomKey]int32{},
		main: patternTable{ids: map[string]int32{}}, tags: patternTable{ids: map[string]int32{}},
	}
}

func (c *compiler) add(name string, root *node) {
	c.names[name] = true
	q := int32(len(c.set.queries))
	c.set.names = append(c.set.names, name)
	c.set.queries = append(c.set.queries, c.compile(root, q))
}

func (c *compiler) compile(n *node, q int32) cnode {
	cn := cnode{kind: n.kind, dist: int32(n.dist), ordered: n.ordered}
	if n.isTerm() {
		cn.atom = c.atom(n, q)
		return cn
	}
	cn.kids = make([]cnode, len(n.kids))
	for i, k := range n.kids {
		cn.kids[i] = c.compile(k, q)
	}
	return cn
}

// atom returns the id of a term's atom, creating it (and its patterns) on
// first use, and records that query q uses it. In the scanned stream every
// token follows a space, so a term's main pattern is a space and the term:
// it can only match from the start of a token. Words and wildcards also
// match inside hashtags, where the tags automaton looks for them bare.
func (c *compiler) atom(n *node, q int32) int32 {
	s := c.set
	key := atomKey{n.kind, n.text}
	id, ok := c.atomIDs[key]
	if !ok {
		id = int32(len(s.atoms))
		c.atomIDs[key] = id
		s.atoms = append(s.atoms, atom{
			kind:  n.kind,
			short: n.kind == nodeMention && !strings.Contains(n.text[1:], "@"),
			size:  int32(len(n.text)),
			extra: int32(strings.Count(n.text, " ")),
		})
		s.atomQs = append(s.atomQs, nil)
		c.main.add(" "+n.text, id)
		if n.kind == nodeWord || n.kind == nodeWildcard {
			c.tags.add(n.text, id)
		}
	}
	if qs := s.atomQs[id]; len(qs) == 0 || qs[len(qs)-1] != q {
		s.atomQs[id] = append(qs, q)
	}
	return id
}

func (c *compiler) finish() *Set {
	s := c.set
	s.main, s.tags = c.main.build(), c.tags.build()
	s.pool.New = func() any { return newMatcher(s) }
	return s
}

package drivers

import (
	"unicode/utf8"

	"github.com/herald-advocacy/herald/internal/text/token"
)

// Term kinds, indexes into per-kind totals.
const (
	kindWord = iota
	kindBigram
	kindHashtag
	numKinds
)

var kindNames = [numKinds]string{"word", "bigram", "hashtag"}

// counter interns the terms of one Compare call and counts them per group.
type counter struct {
	opt   Options
	ids   map[string]int32
	terms []string
	kinds []uint8
	toks  []token.Token // reused tokenizer buffer
	buf   []byte        // reused key buffer
}

// group holds the term counts of one group of documents.
type group struct {
	counts []int         // by term ID
	total  [numKinds]int // occurrences per kind
	flat   []int32       // term IDs of every document, in order
	start  []int32       // document k's IDs are flat[start[k]:start[k+1]]
}

func newCounter(opt Options) *counter {
	return &counter{opt: opt, ids: make(map[string]int32)}
}

// sum returns the occurrences of all kinds.
func (g *group) sum() int {
	n := 0
	for _, t := range g.total {
		n += t
	}
	return n
}

// count counts the terms of docs; with perDoc it also records each
// document's term IDs for choosing examples.
func (c *counter) count(docs []Doc, perDoc bool) *group {
	g := &group{}
	if perDoc {
		g.start = make([]int32, 1, len(docs)+1)
	}
	for _, d := range docs {
		c.toks = token.Tokenize(cut(d.Text), c.toks[:0])
		prev := "" // Norm of the previous Word token in the current span
		for _, t := range c.toks {
			switch t.Kind {
			case token.Word:
				stop := isStopword(t.Norm)
				if !(c.opt.Stopwords && stop) {
					c.add(g, t.Norm, kindWord, perDoc)
				}
				if c.opt.Bigrams && prev != "" && !(c.opt.Stopwords && stop && isStopword(prev)) {
					c.buf = append(append(append(c.buf[:0], prev...), ' '), t.Norm...)
					c.addBytes(g, c.buf, kindBigram, perDoc)
				}
				prev = t.Norm
				continue
			case token.Hashtag:
				if c.opt.Hashtags && t.Norm != "" {
					c.buf = append(append(c.buf[:0], '#'), t.Norm...)
					c.addBytes(g, c.buf, kindHashtag, perDoc)
				}
			}
			prev = ""
		}
		if perDoc {
			g.start = append(g.start, int32(len(g.flat)))
		}
	}
	return g
}

// add counts one occurrence of term in g.
func (c *counter) add(g *group, term string, kind uint8, perDoc bool) {
	id, ok := c.ids[term]
	if !ok {
		id = c.intern(term, kind)
	}
	c.bump(g, id, kind, perDoc)
}

// addBytes is add for a term in a reused buffer; it copies it only when new.
func (c *counter) addBytes(g *group, term []byte, kind uint8, perDoc bool) {
	id, ok := c.ids[string(term)]
	if !ok {
		id = c.intern(string(term), kind)
	}
	c.bump(g, id, kind, perDoc)
}

func (c *counter) intern(term string, kind uint8) int32 {
	id := int32(len(c.terms))
	c.ids[term] = id
	c.terms = append(c.terms, term)
	c.kinds = append(c.kinds, kind)
	return id
}

func (c *counter) bump(g *group, id int32, kind uint8, perDoc bool) {
	for int(id) >= len(g.counts) {
		g.counts = append(g.counts, 0)
	}
	g.counts[id]++
	g.total[kind]++
	if perDoc {
		g.flat = append(g.flat, id)
	}
}

// at returns g's count of term id.
func (g *group) at(id int) int {
	if id < len(g.counts) {
		return g.counts[id]
	}
	return 0
}

// cut returns s cut to at most MaxTextBytes, at the start of a rune.
func cut(s string) string {
	if len(s) <= MaxTextBytes {
		return s
	}
	i := MaxTextBytes
	for k := 0; k < utf8.UTFMax && i > 0 && !utf8.RuneStart(s[i]); k++ {
		i--
	}
	return s[:i]
}

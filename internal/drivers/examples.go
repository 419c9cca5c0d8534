package drivers

import (
	"cmp"
	"slices"
)

// example is a candidate example document for one driver.
type example struct {
	doc  int // index in the side's documents
	occ  int // occurrences of the term in it
	size int // length of its text in bytes
}

// examples fills ds[i].Examples with up to n IDs of docs (the side the
// drivers favour, counted in g) containing the term: most occurrences
// first, then shortest text, then input order.
func (c *counter) examples(ds []Driver, docs []Doc, g *group, n int) {
	if n == 0 || len(ds) == 0 {
		return
	}
	want := make(map[int32]int, len(ds)) // term ID → index in ds
	for i, d := range ds {
		want[c.ids[d.Term]] = i
	}
	cands := make([][]example, len(ds))
	for k := range docs {
		ids := g.flat[g.start[k]:g.start[k+1]]
		for _, id := range ids {
			i, ok := want[id]
			if !ok {
				continue
			}
			if cs := cands[i]; len(cs) > 0 && cs[len(cs)-1].doc == k {
				cands[i][len(cs)-1].occ++
				continue
			}
			cands[i] = append(cands[i], example{doc: k, occ: 1, size: len(docs[k].Text)})
		}
	}
	for i, cs := range cands {
		slices.SortFunc(cs, func(x, y example) int {
			return cmp.Or(cmp.Compare(y.occ, x.occ), cmp.Compare(x.size, y.size), cmp.Compare(x.doc, y.doc))
		})
		cs = cs[:min(len(cs), n)]
		ids := make([]int64, len(cs))
		for j, e := range cs {
			ids[j] = docs[e.doc].ID
		}
		ds[i].Examples = ids
	}
}

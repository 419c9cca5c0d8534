package lang

import (
	"slices"
	"testing"
)

// TestTable checks that the model's tables hold exactly the entries of
// its maps, with the same hits, and find nothing else.
func TestTable(t *testing.T) {
	m := theModel()
	for name, c := range map[string]struct {
		entries map[string][]hit
		table   *table
	}{"words": {m.words, m.wordTable}, "endings": {m.endings, m.endingTable}} {
		for w, want := range c.entries {
			key := make([]byte, len(w), len(w)+keyPad)
			copy(key, w)
			if got := c.table.get(key); !slices.Equal(got, want) {
				t.Errorf("%s: get(%q) = %v, want %v", name, w, got, want)
			}
			for _, other := range []string{w + "x", "x" + w, w[:len(w)-1]} {
				key := append(make([]byte, 0, len(other)+keyPad), other...)
				if _, ok := c.entries[other]; !ok && c.table.get(key) != nil {
					t.Errorf("%s: get(%q) found hits of a word not listed", name, other)
				}
			}
		}
	}
}

package intent

// wordTable is an open-addressing hash table from lower-cased word to
// lexicon id, faster than a map because lookup computes the hash while it
// checks the word for apostrophes and hyphens. It is built once and
// read-only.
type wordTable struct {
	slots []wordSlot
	mask  uint32
}

type wordSlot struct {
	word string
	id   uint16
}

// FNV-1a, 32 bits.
const (
	hashInit  uint32 = 2166136261
	hashPrime uint32 = 16777619
)

func hashByte(h uint32, c byte) uint32 { return (h ^ uint32(c)) * hashPrime }

func hashString(s string) uint32 {
	h := hashInit
	for i := 0; i < len(s); i++ {
		h = hashByte(h, s[i])
	}
	return h
}

// newWordTable builds a table at most a quarter full.
func newWordTable(words map[string]uint16) wordTable {
	size := uint32(16)
	for size < uint32(4*len(words)) {
		size <<= 1
	}
	t := wordTable{slots: make([]wordSlot, size), mask: size - 1}
	for w, id := range words {
		i := hashString(w) & t.mask
		for t.slots[i].word != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot{w, id}
	}
	return t
}

// lookup returns the id of word w, whose hash is h, or idUnknown.
func (t *wordTable) lookup(w string, h uint32) uint16 {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.word == "" {
			return idUnknown
		}
		if s.word == w {
			return s.id
		}
	}
}

package lang

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"sort"
)

// table is an immutable hash table from words to their hits, built once
// from one of the model's maps. It answers the scanner's look-ups of short
// byte slices faster than a Go map: the first eight bytes of a key, read
// as one number, both hash it and compare it; linear probing runs over a
// small index at most a quarter full, so that most look-ups of a missing
// word touch only it; keys and hits are packed into one string and one
// slice.
type table struct {
	index   []uint16 // 1 + the entry of each slot, 0 if none; len is a power of two
	shift   uint     // 64 - log2(len(index)): a hash's top bits pick its slot
	entries []entry
	keys    string // the keys, concatenated
	hits    []hit  // the hits of each key, concatenated
}

// entry is one key of a table and its hits.
type entry struct {
	head   uint64 // the key's first 8 bytes, little-endian, zero-padded
	keyOff uint32 // the key is keys[keyOff:keyOff+keyLen]
	hitOff uint16 // its hits are hits[hitOff:hitOff+hitLen]
	keyLen uint8
	hitLen uint8
}

// keyPad is how many bytes past its end a key passed to get must be
// readable: the look-ups read whole groups of eight bytes.
const keyPad = 8

// newTable builds the table of the entries of m.
func newTable(m map[string][]hit) (*table, error) {
	if len(m) >= 1<<16-1 {
		return nil, fmt.Errorf("lang: %d table entries, too many", len(m))
	}
	size := 8
	for size < 4*len(m) {
		size *= 2
	}
	t := &table{index: make([]uint16, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	sort.Strings(words) // a deterministic layout
	var keys []byte
	for _, w := range words {
		hits := m[w]
		if len(w) > 255 || len(hits) == 0 || len(hits) > 255 || len(t.hits)+len(hits) > 1<<16-1 || len(keys)+len(w) > 1<<32-1 {
			return nil, fmt.Errorf("lang: table entry %q out of bounds", w)
		}
		padded := make([]byte, len(w), len(w)+keyPad)
		copy(padded, w)
		head, h := hashKey(padded)
		k := h >> t.shift
		for t.index[k] != 0 {
			k = (k + 1) & uint64(size-1)
		}
		t.entries = append(t.entries, entry{
			head: head, keyOff: uint32(len(keys)), keyLen: uint8(len(w)),
			hitOff: uint16(len(t.hits)), hitLen: uint8(len(hits)),
		})
		t.index[k] = uint16(len(t.entries))
		keys = append(keys, w...)
		t.hits = append(t.hits, hits...)
	}
	t.keys = string(keys)
	return t, nil
}

// get returns the hits of the word w, or nil when it has none. The
// keyPad bytes after w must be within its capacity; they are not used.
func (t *table) get(w []byte) []hit {
	head, h := hashKey(w)
	mask := uint64(len(t.index) - 1)
	for k := h >> t.shift; ; k = (k + 1) & mask {
		x := t.index[k]
		if x == 0 {
			return nil
		}
		e := &t.entries[x-1]
		if e.head == head && int(e.keyLen) == len(w) &&
			(len(w) <= 8 || string(w[8:]) == t.keys[e.keyOff+8:e.keyOff+uint32(e.keyLen)]) {
			return t.hits[e.hitOff : e.hitOff+uint16(e.hitLen)]
		}
	}
}

// hashKey returns the first eight bytes of w as a zero-padded number and
// a hash of w whose top bits, which pick its slot, are well mixed
// (Fibonacci hashing). It reads w in groups of eight bytes, up to keyPad
// bytes past its end (masked off).
func hashKey(w []byte) (head, hash uint64) {
	const m = 0x9E3779B97F4A7C15
	head = group(w, 0)
	h := head ^ uint64(len(w))<<56
	for i := 8; i < len(w); i += 8 {
		h *= m
		h = h ^ h>>29 ^ group(w, i)
	}
	return head, h * m
}

// group returns the bytes w[i:i+8] as a little-endian number, the bytes
// past len(w) (read from its capacity) as zeros.
func group(w []byte, i int) uint64 {
	x := binary.LittleEndian.Uint64(w[i : i+8 : i+8])
	if n := len(w) - i; n < 8 {
		x &= 1<<(8*uint(n)) - 1
	}
	return x
}

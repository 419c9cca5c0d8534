package model

import (
	"unicode/utf8"

	"github.com/herald-advocacy/herald/internal/text/token"
	"github.com/herald-advocacy/herald/internal/text/vader"
)

// numDense is the number of dense features, the bias included.
const numDense = 11

// Salts keep the feature families apart in the shared hash space.
const (
	saltWord    = 0x9e3779b97f4a7c15
	saltNegWord = 0xc2b2ae3d27d4eb4f
	saltBigram  = 0x165667b19e3779f9
	saltChar    = 0x27d4eb2f165667c5
)

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// featurizer turns a text into hashed sparse features and dense lexicon
// features. It is immutable and safe for concurrent use.
type featurizer struct {
	vader            *vader.Analyzer
	shift            uint // 64 - HashBits
	charMin, charMax int
}

// scratch holds the buffers of one feature extraction; they are reused
// through a sync.Pool so that predictions do not allocate.
type scratch struct {
	fold, pad  []byte
	toks       []token.Token
	terms      []term
	word, char []uint32 // bucket indices of word and character features
	dense      [numDense]float32
	scores     []float64
}

func newScratch() *scratch {
	return &scratch{
		fold: make([]byte, 0, 256), pad: make([]byte, 0, 64),
		toks: make([]token.Token, 0, 64), terms: make([]term, 0, 64),
		word: make([]uint32, 0, 128), char: make([]uint32, 0, 512),
	}
}

// extract fills s.word, s.char and s.dense for text.
func (f *featurizer) extract(text string, s *scratch) {
	text = truncate(text)
	var counts textCounts
	s.fold, counts = foldCase(s.fold[:0], text)
	s.toks = token.Tokenize(bytesString(s.fold), s.toks[:0])
	s.terms = appendTerms(s.terms[:0], s.toks)
	s.word, s.char = s.word[:0], s.char[:0]
	var prev uint64
	for i, t := range s.terms {
		h := hashBytes(fnvOffset, t.text)
		salt := uint64(saltWord)
		if t.negated {
			salt = saltNegWord
		}
		s.word = append(s.word, bucket(h^salt, f.shift))
		if i > 0 {
			s.word = append(s.word, bucket((prev*fnvPrime^h)+saltBigram, f.shift))
		}
		prev = h
		if t.kind == kindWord {
			s.char = f.appendCharGrams(s.char, s, t.text)
		}
	}
	f.denseFeatures(text, counts, len(s.terms), &s.dense)
}

// appendCharGrams appends the buckets of the character n-grams of the word
// padded with a space on each side.
func (f *featurizer) appendCharGrams(dst []uint32, s *scratch, w string) []uint32 {
	s.pad = append(append(append(s.pad[:0], ' '), w...), ' ')
	p := s.pad
	if isASCII(p) {
		for i := range p {
			h := uint64(fnvOffset)
			for j := i; j < len(p) && j-i < f.charMax; j++ {
				h = (h ^ uint64(p[j])) * fnvPrime
				if j-i+1 >= f.charMin {
					dst = append(dst, bucket(h+saltChar, f.shift))
				}
			}
		}
		return dst
	}
	for i := 0; i < len(p); i += runeLen(p[i:]) {
		h := uint64(fnvOffset)
		for j, n := i, 0; j < len(p) && n < f.charMax; n++ {
			size := runeLen(p[j:])
			h = hashBytes(h, p[j:j+size])
			j += size
			if n+1 >= f.charMin {
				dst = append(dst, bucket(h+saltChar, f.shift))
			}
		}
	}
	return dst
}

func isASCII(p []byte) bool {
	for _, c := range p {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// denseFeatures sets the bias, the VADER scores and the surface counts.
func (f *featurizer) denseFeatures(text string, c textCounts, nterms int, d *[numDense]float32) {
	v := f.vader.PolarityScores(text)
	*d = [numDense]float32{
		1,
		float32(v.Neg), float32(v.Neu), float32(v.Pos), float32(v.Compound),
		float32(max(v.Compound, 0)), float32(max(-v.Compound, 0)),
		capped(c.exclaim, 4), capped(c.question, 4), capped(c.allCaps, 4),
		capped(nterms, 40),
	}
}

func capped(n, limit int) float32 { return float32(min(n, limit)) / float32(limit) }

// hashBytes continues the FNV-1a hash h over the bytes of p.
func hashBytes[T string | []byte](h uint64, p T) uint64 {
	for i := 0; i < len(p); i++ {
		h = (h ^ uint64(p[i])) * fnvPrime
	}
	return h
}

// bucket maps a 64-bit hash to one of 2^(64-shift) buckets by Fibonacci
// hashing: the top bits of the product with 2^64/φ, which depend on all
// bits of h (FNV-1a's own low bits are weak).
func bucket(h uint64, shift uint) uint32 {
	return uint32(h * 0x9e3779b97f4a7c15 >> shift)
}

func runeLen(p []byte) int {
	if p[0] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRune(p)
	return n
}

package vader

import (
	"bytes"
	"sync"
	"unicode/utf8"
)

// Scores are VADER's polarity scores for one text, rounded as the reference
// rounds them: Neg, Neu and Pos to 3 decimals (they sum to about 1, or are
// all 0 for a text without words) and Compound, the normalized sum of
// valences in [-1, 1], to 4 decimals.
type Scores struct {
	Neg      float64 `json:"neg"`
	Neu      float64 `json:"neu"`
	Pos      float64 `json:"pos"`
	Compound float64 `json:"compound"`
}

// Analyzer scores texts with VADER. Build it once with New; it is immutable
// and safe for concurrent use.
type Analyzer struct {
	words  map[string]entry
	filter *wordFilter
	emoji  map[rune]string
	pool   sync.Pool // *scratch
}

// token is one element of the reference's words_and_emoticons with the
// properties the rules need, precomputed once.
type token struct {
	entry
	upper   bool // Python's str.isupper() of the raw token
	negated bool // in NEGATE or contains "n't" (lowercased)
}

func (t *token) in(f uint8) bool { return t.flags&f != 0 }

// scratch holds per-call buffers, recycled through the Analyzer's pool.
type scratch struct {
	toks  []token
	sent  []float64
	lower []byte
	text  []byte
}

// New parses the embedded lexicons and returns a ready Analyzer.
func New() (*Analyzer, error) {
	words, err := buildWords(vaderLexicon)
	if err != nil {
		return nil, err
	}
	emoji, err := buildEmoji(emojiLexicon)
	if err != nil {
		return nil, err
	}
	filter := new(wordFilter)
	for w := range words {
		filter.add(fnvHash(w))
	}
	a := &Analyzer{words: words, filter: filter, emoji: emoji}
	a.pool.New = func() any {
		return &scratch{toks: make([]token, 0, 64), sent: make([]float64, 0, 64), lower: make([]byte, 0, 64)}
	}
	return a, nil
}

// PolarityScores returns the neg/neu/pos/compound scores of text exactly as
// the reference's SentimentIntensityAnalyzer.polarity_scores does.
func (a *Analyzer) PolarityScores(text string) Scores {
	s := a.pool.Get().(*scratch)
	defer a.pool.Put(s)

	text = a.replaceEmoji(text, s)
	toks := a.tokenize(text, s)
	if len(toks) == 0 {
		return Scores{}
	}
	capDiff := allCapDifferential(toks)

	sent := s.sent[:0]
	for i := range toks {
		t := &toks[i]
		switch {
		case t.in(fBooster):
			sent = append(sent, 0)
		case t.id == wKind && i+1 < len(toks) && toks[i+1].id == wOf:
			sent = append(sent, 0)
		default:
			sent = append(sent, valence(toks, i, capDiff))
		}
	}
	s.sent = sent
	butCheck(toks, sent)
	return scoreValence(sent, text)
}

// replaceEmoji mirrors the reference's emoji pass: every code point found in
// the emoji lexicon is replaced by its description, preceded by a space unless
// the previous character was a space (U+0020) or the start of the text, and
// followed by nothing. Texts without emoji are returned unchanged.
func (a *Analyzer) replaceEmoji(text string, s *scratch) string {
	first := -1
	for i := 0; i < len(text); i++ {
		if text[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if _, ok := a.emoji[r]; ok {
			first = i
			break
		}
		i += size - 1
	}
	if first < 0 {
		return text
	}
	buf := append(s.text[:0], text[:first]...)
	prevSpace := first == 0 || text[first-1] == ' '
	for i := first; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if desc, ok := a.emoji[r]; ok && !(r == utf8.RuneError && size == 1) {
			if !prevSpace {
				buf = append(buf, ' ')
			}
			buf = append(buf, desc...)
			prevSpace = false
		} else {
			buf = append(buf, text[i:i+size]...)
			prevSpace = size == 1 && text[i] == ' '
		}
		i += size
	}
	s.text = buf
	return string(buf)
}

// tokenize builds words_and_emoticons: whitespace split, punctuation
// stripped per stripPuncIfWord, each token looked up once.
func (a *Analyzer) tokenize(text string, s *scratch) []token {
	toks := s.toks[:0]
	for i := 0; ; {
		field, next, ok := nextField(text, i)
		if !ok {
			break
		}
		i = next
		raw := stripPuncIfWord(field)
		var t token
		var upper, lower, apos, nonASCII bool
		h := uint64(fnvOffset)
		for j := 0; j < len(raw); j++ {
			c := raw[j]
			switch {
			case c >= utf8.RuneSelf:
				nonASCII = true
			case 'A' <= c && c <= 'Z':
				upper = true
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z':
				lower = true
			case c == '\'':
				apos = true
			}
			h = (h ^ uint64(c)) * fnvPrime
		}
		switch {
		case nonASCII:
			s.lower = appendLowerPy(s.lower[:0], raw)
			t.entry = a.words[string(s.lower)]
			t.upper = isUpperPy(raw)
			t.negated = apos && bytes.Contains(s.lower, []byte("n't"))
		case !a.filter.mayContain(h):
			// Not a known word: the zero entry.
			t.upper = upper && !lower
			t.negated = apos && containsNT(raw)
		case upper:
			s.lower = appendLowerPy(s.lower[:0], raw)
			t.entry = a.words[string(s.lower)]
			t.upper = !lower
			t.negated = apos && containsNT(raw)
		default:
			t.entry = a.words[raw]
			t.negated = apos && containsNT(raw)
		}
		t.negated = t.negated || t.in(fNegate)
		toks = append(toks, t)
	}
	s.toks = toks
	return toks
}

// containsNT reports whether the ASCII string s contains "n't" ignoring case.
func containsNT(s string) bool {
	for j := 1; j+1 < len(s); j++ {
		if s[j] == '\'' && s[j-1]|0x20 == 'n' && s[j+1]|0x20 == 't' {
			return true
		}
	}
	return false
}

// wordFilter is a Bloom filter (two probes) over the FNV-1a hashes of the
// known lowercased ASCII words. It rejects most unknown tokens without a map
// lookup or lowercasing; tokens with non-ASCII bytes bypass it.
type wordFilter [1 << 18 / 64]uint64

const (
	fnvOffset  = 14695981039346656037
	fnvPrime   = 1099511628211
	filterMask = 1<<18 - 1
)

// fnvHash is the FNV-1a hash of s, as tokenize computes it on the fly.
func fnvHash(s string) uint64 {
	h := uint64(fnvOffset)
	for j := 0; j < len(s); j++ {
		h = (h ^ uint64(s[j])) * fnvPrime
	}
	return h
}

func (f *wordFilter) add(h uint64) {
	for _, b := range [2]uint64{h & filterMask, h >> 40 & filterMask} {
		f[b/64] |= 1 << (b % 64)
	}
}

func (f *wordFilter) mayContain(h uint64) bool {
	b1, b2 := h&filterMask, h>>40&filterMask
	return f[b1/64]&(1<<(b1%64)) != 0 && f[b2/64]&(1<<(b2%64)) != 0
}

// allCapDifferential reports whether some, but not all, tokens are ALL CAPS.
func allCapDifferential(toks []token) bool {
	upper := 0
	for i := range toks {
		if toks[i].upper {
			upper++
		}
	}
	diff := len(toks) - upper
	return 0 < diff && diff < len(toks)
}

package lang

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// maxScan bounds the bytes of a text Detect looks at.
	maxScan = 4096
	// maxWord bounds the words looked up in the profiles, in bytes.
	maxWord = 48
)

// tally accumulates the evidence of one text.
type tally struct {
	m         *model
	letters   [numScripts]int        // letters per script, weighted by letterWeight
	kana, han int                    // letters of each, unweighted
	scores    [maxProfiles]int32     // profile scores
	buf       [maxWord + keyPad]byte // the lower-cased word being read, and spare bytes the tables read
}

// scan tallies the words of text, leaving out URLs, e-mail addresses,
// @mentions, #hashtags, $cashtags and HTML character references; emoji,
// digits and punctuation separate words and count for nothing.
func (t *tally) scan(text string) {
	for i := 0; i < len(text); {
		j, m := chunkEnd(text, i)
		t.chunk(text[i:j], m)
		i = spaceEnd(text, j)
	}
}

// marks tell which bytes a chunk holds that may make it a URL or an
// address, so that most chunks need no search for them.
type marks uint8

const (
	markColon marks = 1 << iota // ':', maybe of "://"
	markAt                      // '@', maybe of an e-mail address
	markDot                     // '.', maybe of "www."
)

// chunkEnd returns the end of the run of non-space characters at s[i] and
// the marks of the run. It skips eight bytes at a time while they are all
// ASCII letters and other bytes above '@'.
func chunkEnd(s string, i int) (end int, m marks) {
	for i < len(s) {
		if i+8 <= len(s) {
			if lh := lowOrHigh(load64(s, i)); lh == 0 {
				i += 8
				continue
			} else {
				i += bits.TrailingZeros64(lh) / 8
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= '@' { // white space and the marks, but no letter
				switch c {
				case ':':
					m |= markColon
				case '@':
					m |= markAt
				case '.':
					m |= markDot
				default:
					if c <= ' ' {
						return i, m
					}
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return i, m
		}
		i += n
	}
	return i, m
}

// load64 returns the bytes s[i:i+8] as a little-endian number.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lowOrHigh returns a mask whose lowest set bit is the top bit of the first
// byte of x (in little-endian order) that is at most '@' or not ASCII, or
// 0 when there is none. Bits above the first are not reliable.
func lowOrHigh(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return ((x - ('@'+1)*ones) | x) & highs
}

// spaceEnd returns the end of the run of white space at s[i].
func spaceEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if c > ' ' {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// chunk tallies the words of a run of non-space characters. A chunk that
// holds a URL is cut before the scheme; one that starts with "www." or
// holds an e-mail address is skipped. m are the marks of the chunk.
func (t *tally) chunk(c string, m marks) {
	if m&markColon != 0 {
		if k := strings.Index(c, "://"); k >= 0 {
			for k > 0 && isASCIILetter(c[k-1]) {
				k--
			}
			c = c[:k]
		}
	}
	if m&markDot != 0 && isWWW(c) || m&markAt != 0 && hasEmail(c) {
		return
	}
	for i := 0; i < len(c); {
		i = t.next(c, i)
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isAddress reports a chunk that is a www. address or has an e-mail
// address (an '@' between two letters or digits).
func isAddress(c string) bool { return isWWW(c) || hasEmail(c) }

// isWWW reports a chunk that starts with "www.", in any case, after at
// most four other characters such as an opening bracket or quote.
func isWWW(c string) bool {
	start := 0
	for start < len(c) && start < 4 && !isAlnum(c[start]) {
		start++
	}
	return len(c)-start >= 4 && c[start]|0x20 == 'w' && c[start+1]|0x20 == 'w' && c[start+2]|0x20 == 'w' && c[start+3] == '.'
}

// hasEmail reports a chunk with an '@' between two letters or digits.
func hasEmail(c string) bool {
	for k := strings.IndexByte(c, '@'); k > 0 && k+1 < len(c); k = indexFrom(c, '@', k+1) {
		if isAlnum(c[k-1]) && isAlnum(c[k+1]) {
			return true
		}
	}
	return false
}

func indexFrom(s string, c byte, from int) int {
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return -1
}

func isAlnum(c byte) bool { return isASCIILetter(c) || '0' <= c && c <= '9' }

// next tallies the word or skips the tag, reference or other character at
// c[i], and returns where to continue.
func (t *tally) next(c string, i int) int {
	if isASCIILetter(c[i]) { // the common case, as below
		return t.word(c, i)
	}
	switch c[i] {
	case '@', '#', '$':
		return tagEnd(c, i+1)
	case '&':
		if j := referenceEnd(c, i); j > i {
			return j
		}
	}
	r, n := utf8.DecodeRuneInString(c[i:])
	if unicode.IsLetter(r) {
		if j := t.word(c, i); j > i {
			return j
		}
	}
	return i + n
}

// tagEnd returns the end of the body of a mention, hashtag or cashtag:
// letters, marks, digits, '_', and '.' before a letter or digit.
func tagEnd(c string, i int) int {
	for i < len(c) {
		if b := c[i]; b < utf8.RuneSelf {
			if !(isAlnum(b) || b == '_' || b == '.' && i+1 < len(c) && isAlnum(c[i+1])) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(c[i:])
		if !unicode.In(r, unicode.L, unicode.M, unicode.N) {
			return i
		}
		i += n
	}
	return i
}

// referenceEnd returns the end of an HTML character reference such as
// "&amp;" or "&#39;" at c[i], or i.
func referenceEnd(c string, i int) int {
	for j := i + 1; j < len(c) && j < i+12; j++ {
		switch b := c[j]; {
		case b == ';':
			if j > i+1 {
				return j + 1
			}
			return i
		case !isAlnum(b) && b != '#':
			return i
		}
	}
	return i
}

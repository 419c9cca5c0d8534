package lang

import (
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
	letters   [numScripts]int    // letters per script, weighted by letterWeight
	kana, han int                // letters of each, unweighted
	scores    [maxProfiles]int32 // profile scores
}

// scan tallies the words of text, leaving out URLs, e-mail addresses,
// @mentions, #hashtags, $cashtags and HTML character references; emoji,
// digits and punctuation separate words and count for nothing.
func (t *tally) scan(text string) {
	for i := 0; i < len(text); {
		j := chunkEnd(text, i)
		t.chunk(text[i:j])
		i = spaceEnd(text, j)
	}
}

// chunkEnd returns the end of the run of non-space characters at s[i].
func chunkEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// spaceEnd returns the end of the run of white space at s[i].
func spaceEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= utf8.RuneSelf && !unicode.IsSpace(r) || r < utf8.RuneSelf && r > ' ' {
			return i
		}
		i += n
	}
	return i
}

// chunk tallies the words of a run of non-space characters. A chunk that
// holds a URL is cut before the scheme; one that starts with "www." or
// holds an e-mail address is skipped.
func (t *tally) chunk(c string) {
	if k := strings.Index(c, "://"); k >= 0 {
		for k > 0 && isASCIILetter(c[k-1]) {
			k--
		}
		c = c[:k]
	}
	if isAddress(c) {
		return
	}
	for i := 0; i < len(c); {
		i = t.next(c, i)
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isAddress reports a chunk that is a www. address or has an e-mail
// address (an '@' between two letters or digits).
func isAddress(c string) bool {
	start := 0
	for start < len(c) && start < 4 && !isAlnum(c[start]) {
		start++ // an opening bracket or quote
	}
	if len(c)-start >= 4 && strings.EqualFold(c[start:start+4], "www.") {
		return true
	}
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

// tagEnd returns the end of the body of a mention, hashtag or cashtag.
func tagEnd(c string, i int) int {
	for i < len(c) {
		r, n := utf8.DecodeRuneInString(c[i:])
		if !(r == '_' || r == '.' && i+1 < len(c) && isAlnum(c[i+1]) || unicode.In(r, unicode.L, unicode.M, unicode.N)) {
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

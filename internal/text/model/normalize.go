package model

import (
	"unicode/utf8"
)

// MaxTextBytes bounds the part of a text that is analysed: longer texts are
// cut at the last rune boundary before this many bytes, so one prediction
// costs at most a few tens of microseconds whatever the input.
const MaxTextBytes = 8 << 10

// truncate cuts s to at most MaxTextBytes without splitting a rune.
func truncate(s string) string {
	if len(s) <= MaxTextBytes {
		return s
	}
	i := MaxTextBytes
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

// foldCase appends s to dst with its ASCII letters lower-cased, except a
// letter after ':', ';', '=' or '-' that no letter or digit follows, so
// that emoticons such as ":D" and ":-P" survive. token.Tokenize lower-cases
// the Norms anyway; folding first makes most Norms equal to their Text, so
// that it need not allocate a buffer for them. On the way foldCase takes
// the surface counts of s.
func foldCase(dst []byte, s string) ([]byte, textCounts) {
	var c textCounts
	upper, lower := 0, false
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case 'A' <= b && b <= 'Z':
			upper++
			if !afterEmoticonEyes(s, i) {
				b += 'a' - 'A'
			}
		case 'a' <= b && b <= 'z':
			lower = true
		default:
			c.endWord(upper, lower)
			upper, lower = 0, false
			c.punct(b)
		}
		dst = append(dst, b)
	}
	c.endWord(upper, lower)
	return dst, c
}

// afterEmoticonEyes reports whether the letter s[i] may end an emoticon:
// it follows ':', ';', '=' or '-' and no ASCII letter or digit follows it.
func afterEmoticonEyes(s string, i int) bool {
	if i == 0 || s[i-1] != ':' && s[i-1] != ';' && s[i-1] != '=' && s[i-1] != '-' {
		return false
	}
	if i+1 == len(s) {
		return true
	}
	n := s[i+1] | 0x20
	return !('a' <= n && n <= 'z' || '0' <= s[i+1] && s[i+1] <= '9')
}

// bytesString returns b as a string (a copy: one small allocation per
// text, cheaper than tokenizing mixed-case text).
func bytesString(b []byte) string { return string(b) }

// textCounts are surface counts of the original (not lower-cased) text for
// the dense features.
type textCounts struct {
	exclaim, question, allCaps int
}

// endWord counts a run of ASCII letters with upper upper-case letters and
// lower-case ones if lower: ALL CAPS if at least two letters and no
// lower-case ones.
func (c *textCounts) endWord(upper int, lower bool) {
	if upper >= 2 && !lower {
		c.allCaps++
	}
}

func (c *textCounts) punct(b byte) {
	switch b {
	case '!':
		c.exclaim++
	case '?':
		c.question++
	}
}

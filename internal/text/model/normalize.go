package model

import (
	"unicode"
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

// appendNormalized appends to dst the text with HTML entities decoded,
// letters lower-cased, typographic apostrophes made ASCII and invalid UTF-8
// bytes turned into spaces. On the way it takes the surface counts.
func appendNormalized(dst []byte, s string) ([]byte, textCounts) {
	var c textCounts
	upper, lower := 0, false
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case 'A' <= b && b <= 'Z':
			upper++
			dst = append(dst, b+'a'-'A')
			i++
			continue
		case 'a' <= b && b <= 'z':
			lower = true
			dst = append(dst, b)
			i++
			continue
		}
		c.endWord(upper, lower)
		upper, lower = 0, false
		switch {
		case b == '&':
			r, n := decodeEntity(s[i:])
			if n == 0 {
				r, n = '&', 1
			}
			dst = appendLowerRune(dst, r)
			i += n
		case b < utf8.RuneSelf:
			c.punct(b)
			dst = append(dst, b)
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				r = ' '
			}
			dst = appendLowerRune(dst, r)
			i += n
		}
	}
	c.endWord(upper, lower)
	return dst, c
}

func appendLowerRune(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	case r == '\u2019' || r == '\u2018' || r == '\u02bc':
		return append(dst, '\'')
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// namedEntities are the HTML entities that occur in exported posts; numeric
// references are decoded as well.
var namedEntities = map[string]rune{
	"amp": '&', "lt": '<', "gt": '>', "quot": '"', "apos": '\'', "nbsp": ' ',
}

// decodeEntity decodes the entity at the start of s ("&amp;", "&#39;",
// "&#x1F600;") and returns its rune and length, or n == 0 if s does not start
// with a known, well-formed entity.
func decodeEntity(s string) (r rune, n int) {
	end := -1
	for j := 1; j < len(s) && j <= 10; j++ {
		if s[j] == ';' {
			end = j
			break
		}
	}
	if end < 2 {
		return 0, 0
	}
	name := s[1:end]
	if name[0] != '#' {
		r, ok := namedEntities[name]
		if !ok {
			return 0, 0
		}
		return r, end + 1
	}
	return decodeNumericEntity(name[1:], end+1)
}

func decodeNumericEntity(num string, n int) (rune, int) {
	base := rune(10)
	if len(num) > 0 && (num[0] == 'x' || num[0] == 'X') {
		base, num = 16, num[1:]
	}
	if len(num) == 0 {
		return 0, 0
	}
	var r rune
	for j := 0; j < len(num); j++ {
		d := hexDigit(num[j])
		if d < 0 || rune(d) >= base {
			return 0, 0
		}
		r = r*base + rune(d)
	}
	if r == 0 || r > unicode.MaxRune || !utf8.ValidRune(r) {
		return 0, 0
	}
	return r, n
}

func hexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

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

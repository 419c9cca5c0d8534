package vader

import (
	"unicode"
	"unicode/utf8"
)

// This file reproduces the Python str semantics the reference relies on:
// str.isspace (for split and strip), str.lower, str.isupper and
// str.strip(string.punctuation).

// asciiSpace marks the ASCII code points for which Python's str.isspace is
// true. Unlike Go's unicode.IsSpace it includes the separators U+001C..U+001F.
var asciiSpace = [128]bool{
	'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true,
	0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true,
}

// asciiPunct marks Python's string.punctuation.
var asciiPunct = func() (t [128]bool) {
	for _, c := range "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" {
		t[c] = true
	}
	return t
}()

// isPySpace reports whether Python's str.isspace is true for r.
func isPySpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// pyUpper and pyLower are Python's Uppercase and Lowercase character
// properties (Lu plus Other_Uppercase, Ll plus Other_Lowercase).
func pyUpper(r rune) bool { return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r) }
func pyLower(r rune) bool { return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r) }

// isUpperPy reports Python's s.isupper(): at least one cased character and
// no lowercase or titlecase one.
func isUpperPy(s string) bool {
	cased := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				return false
			case 'A' <= c && c <= 'Z':
				cased = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if pyLower(r) || unicode.IsTitle(r) {
			return false
		}
		if !cased && pyUpper(r) {
			cased = true
		}
	}
	return cased
}

// appendLowerPy appends Python's s.lower() to dst. Go's simple case mapping
// agrees with Python's full mapping for every character except U+0130 (which
// Python maps to "i" + U+0307) and the context-dependent final sigma; the
// latter cannot affect any lookup since no lexicon or rule word contains it.
func appendLowerPy(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[i])
			i++
			continue
		}
		i += size
		if r == 0x130 {
			dst = append(dst, 'i', 0xcc, 0x87)
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// stripPuncIfWord mirrors SentiText._strip_punc_if_word: strip leading and
// trailing ASCII punctuation unless that leaves two code points or fewer (an
// emoticon such as ":)"), in which case the token is kept as is.
func stripPuncIfWord(tok string) string {
	start, end := 0, len(tok)
	for start < end && tok[start] < utf8.RuneSelf && asciiPunct[tok[start]] {
		start++
	}
	for end > start && tok[end-1] < utf8.RuneSelf && asciiPunct[tok[end-1]] {
		end--
	}
	s := tok[start:end]
	if len(s) <= 8 && utf8.RuneCountInString(s) <= 2 {
		return tok
	}
	return s
}

// nextField returns the first field of s[i:] as Python's str.split() (no
// arguments) delimits fields, and the offset just past it. It returns ok ==
// false when only whitespace remains.
func nextField(s string, i int) (field string, next int, ok bool) {
	start := -1
	for i < len(s) {
		c := s[i]
		size := 1
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				return s[start:i], i + size, true
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		return s[start:], len(s), true
	}
	return "", len(s), false
}

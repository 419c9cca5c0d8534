package query

import (
	"unicode"
	"unicode/utf8"
)

// asciiWord marks the ASCII bytes that are word characters: letters and
// digits. It is built once and never written afterwards.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isWordRune reports whether r belongs to a word: a Unicode letter, decimal
// digit or combining mark (so that accents written as combining marks stay
// inside their word).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isBodyRune reports whether r may appear in a hashtag body or a handle: a
// word character or an underscore.
func isBodyRune(r rune) bool {
	return r == '_' || isWordRune(r)
}

// appendFold appends the case-folded form of r to dst. Folding lowers the
// upper-cased rune, which also unifies variants such as final sigma and the
// Kelvin sign with their ordinary letters; ß and ẞ fold to "ss".
func appendFold(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	if r == 'ß' || r == 'ẞ' {
		return append(dst, "ss"...)
	}
	return utf8.AppendRune(dst, unicode.ToLower(unicode.ToUpper(r)))
}

// decodeRune decodes the rune at the start of s with an ASCII fast path.
func decodeRune(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// caseClass is a rune's role in splitting CamelCase hashtags.
type caseClass uint8

const (
	classOther caseClass = iota // a letter without case, e.g. CJK
	classLower
	classUpper
	classDigit
	classMark
)

func classify(r rune) caseClass {
	switch {
	case 'a' <= r && r <= 'z':
		return classLower
	case 'A' <= r && r <= 'Z':
		return classUpper
	case '0' <= r && r <= '9':
		return classDigit
	case r < utf8.RuneSelf:
		return classOther
	case unicode.IsMark(r):
		return classMark
	case unicode.IsDigit(r):
		return classDigit
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return classUpper
	case unicode.IsLower(r):
		return classLower
	}
	return classOther
}

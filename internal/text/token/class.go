package token

import (
	"unicode"
	"unicode/utf8"
)

// Character classes of ASCII bytes, as bits of ascii[c].
const (
	cLetter = 1 << iota // A-Z a-z
	cDigit              // 0-9
	cSpace              // white space and control characters
	cURL                // may appear inside a URL
	cLocal              // may appear in the local part of an e-mail address
	cHost               // may appear in a host name label: A-Z a-z 0-9 -
	cHandle             // may appear in a user name: A-Z a-z 0-9 _
	cUpper              // A-Z
)

// ascii classifies bytes; it has 256 entries, all zero from 0x80 up, so
// that any byte of a string can index it.
var ascii = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = cLetter | cURL | cLocal | cHost | cHandle
		case 'A' <= c && c <= 'Z':
			t[c] = cLetter | cURL | cLocal | cHost | cHandle | cUpper
		case '0' <= c && c <= '9':
			t[c] = cDigit | cURL | cLocal | cHost | cHandle
		case c <= ' ' || c == 0x7f:
			t[c] = cSpace
		}
	}
	for _, c := range "!#$%&'()*+,-./:;=?@[]_~" {
		t[c] |= cURL
	}
	for _, c := range "._%+-" {
		t[c] |= cLocal
	}
	t['-'] |= cHost
	t['_'] |= cHandle
	return t
}()

func isASCIIAlnum(c byte) bool { return ascii[c]&(cLetter|cDigit) != 0 }

// decode returns the rune at s[i:] and its size; (utf8.RuneError, 1) for an
// invalid byte and (utf8.RuneError, 0) at the end of s.
func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeLast returns the rune that ends at s[:i] and its size.
func decodeLast(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// isLetter, isMark and isNumber are unicode's, with an ASCII fast path.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cLetter != 0
	}
	return unicode.IsLetter(r)
}

func isMark(r rune) bool { return r >= 0x300 && unicode.IsMark(r) }

func isNumber(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cDigit != 0
	}
	return unicode.IsNumber(r)
}

// isSkippable reports a rune that separates tokens without being one: white
// space, control and format characters, and a combining mark or variation
// selector with nothing to attach to.
func isSkippable(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cSpace != 0
	}
	return unicode.IsSpace(r) || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs) ||
		unicode.IsMark(r) || r == utf8.RuneError
}

// Word-breaking scripts. Chinese, Japanese and Thai are written without
// spaces; a word ends where one of them starts or stops.
const (
	scriptSpaced   = iota // every other script
	scriptHan             // Han ideographs
	scriptHiragana        // Hiragana
	scriptKatakana        // Katakana, half-width Katakana
	scriptThai            // Thai
	scriptKana            // the prolonged sound mark, which continues either kana
)

// breakScript returns the word-breaking script of a letter or digit.
func breakScript(r rune) int {
	switch {
	case r < 0x0E00:
		return scriptSpaced
	case r <= 0x0E7F:
		return scriptThai
	case r < 0x3005:
		return scriptSpaced
	case r == 0x3005 || r == 0x3007 || 0x3400 <= r && r <= 0x4DBF || 0x4E00 <= r && r <= 0x9FFF ||
		0xF900 <= r && r <= 0xFAFF || 0x20000 <= r && r <= 0x3FFFF:
		return scriptHan
	case r == 0x30FC:
		return scriptKana
	case 0x3040 <= r && r <= 0x309F:
		return scriptHiragana
	case 0x30A0 <= r && r <= 0x30FF || 0x31F0 <= r && r <= 0x31FF || 0xFF66 <= r && r <= 0xFF9F:
		return scriptKatakana
	}
	return scriptSpaced
}

// sameWord reports whether a letter of script next continues a word of
// script cur, and returns the word's script from then on.
func sameWord(cur, next int) (int, bool) {
	switch {
	case cur == next:
		return cur, true
	case next == scriptKana && (cur == scriptHiragana || cur == scriptKatakana):
		return cur, true
	case cur == scriptKana && (next == scriptHiragana || next == scriptKatakana):
		return next, true
	}
	return cur, false
}

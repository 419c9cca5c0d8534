package model

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// tokenKind tells which features a token yields.
type tokenKind uint8

const (
	kindWord        tokenKind = iota // letters (and digits): unigram, bigram, char n-grams
	kindPlaceholder                  // @user, <url>, <num>: unigram and bigram only
	kindSymbol                       // punctuation run, emoji: unigram and bigram only
)

// token is a span of scratch.buf.
type token struct {
	start, end int32
	kind       tokenKind
	negated    bool
}

const (
	userToken = "@user"
	urlToken  = "<url>"
	numToken  = "<num>"
)

// maxTokens bounds the tokens taken from one text (MaxTextBytes already
// bounds them; this keeps the scratch buffers small).
const maxTokens = 2048

// tokenize splits the normalised text into tokens, writing their bytes, with
// elongations cut to two repeats, into buf.
func tokenize(norm []byte, buf []byte, toks []token) ([]byte, []token) {
	buf, toks = buf[:0], toks[:0]
	for i := 0; i < len(norm) && len(toks) < maxTokens; {
		c := norm[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(norm[i:])
		}
		start := int32(len(buf))
		var kind tokenKind
		switch {
		case isSpace(r):
			i += size
			continue
		case c == '@' && i+1 < len(norm) && isHandleByte(norm[i+1]):
			i = skipHandle(norm, i+1)
			buf, kind = append(buf, userToken...), kindPlaceholder
		case isURLStart(norm[i:]):
			i = skipNonSpace(norm, i)
			buf, kind = append(buf, urlToken...), kindPlaceholder
		case c == '#' && i+1 < len(norm) && isWordRuneAt(norm, i+1):
			i++
			continue
		case isWordRune(r):
			var letters bool
			buf, i, letters = appendWord(buf, norm, i)
			kind = kindWord
			if !letters {
				buf, kind = append(buf[:start], numToken...), kindPlaceholder
			}
		case c < utf8.RuneSelf:
			buf, i = appendPunct(buf, norm, i)
			kind = kindSymbol
		default:
			buf = append(buf, norm[i:i+size]...)
			i = skipRepeats(norm, i+size, norm[i:i+size])
			kind = kindSymbol
		}
		toks = append(toks, token{start: start, end: int32(len(buf)), kind: kind})
	}
	return buf, toks
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return isSpaceSlow(r)
}

//go:noinline
func isSpaceSlow(r rune) bool { return unicode.IsSpace(r) || r == utf8.RuneError }

func isHandleByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_'
}

func skipHandle(s []byte, i int) int {
	for i < len(s) && isHandleByte(s[i]) {
		i++
	}
	return i
}

func isURLStart(s []byte) bool {
	if s[0] != 'h' && s[0] != 'w' {
		return false
	}
	return bytes.HasPrefix(s, []byte("http://")) || bytes.HasPrefix(s, []byte("https://")) ||
		bytes.HasPrefix(s, []byte("www."))
}

func skipNonSpace(s []byte, i int) int {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		if isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// asciiWord marks the ASCII bytes that belong to words (after
// lower-casing): a-z, 0-9 and "_".
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isWordRuneAt(s []byte, i int) bool {
	r, _ := utf8.DecodeRune(s[i:])
	return isWordRune(r)
}

// appendWord appends the word starting at s[i]: word runes, apostrophes
// followed by a letter, and ".,:" between digits. It reports whether the
// word has a letter (otherwise it is a number).
func appendWord(buf, s []byte, i int) ([]byte, int, bool) {
	letters := false
	for i < len(s) {
		r, size := rune(s[i]), 1
		if s[i] >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		switch {
		case isWordRune(r):
			letters = letters || r > '9' || r < '0'
			buf = appendElongated(buf, s[i:i+size])
		case r == '\'' && i+1 < len(s) && isWordRuneAt(s, i+1):
			buf = append(buf, '\'')
		case (r == '.' || r == ',' || r == ':') && !letters && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9':
			buf = append(buf, s[i])
		default:
			return buf, i, letters
		}
		i += size
	}
	return buf, i, letters
}

// appendElongated appends the rune bytes p unless the last two runes written
// are already p ("soooo" becomes "soo").
func appendElongated(buf, p []byte) []byte {
	n := len(p)
	if n == 1 {
		if l := len(buf); l >= 2 && buf[l-1] == p[0] && buf[l-2] == p[0] {
			return buf
		}
		return append(buf, p[0])
	}
	if len(buf) >= 2*n && bytes.Equal(buf[len(buf)-n:], p) && bytes.Equal(buf[len(buf)-2*n:len(buf)-n], p) {
		return buf
	}
	return append(buf, p...)
}

// appendPunct appends a run of ASCII punctuation ("!!", ":)", "?!") with
// repeats cut to two.
// It always consumes at least one byte; a later "@" or "#" that starts a
// handle or hashtag ends the run.
func appendPunct(buf, s []byte, i int) ([]byte, int) {
	start := i
	for i < len(s) && s[i] < utf8.RuneSelf && !isSpace(rune(s[i])) && !isWordRune(rune(s[i])) {
		if i > start && (s[i] == '@' || s[i] == '#') && i+1 < len(s) && isWordRuneAt(s, i+1) {
			break
		}
		buf = appendElongated(buf, s[i:i+1])
		i++
	}
	return buf, i
}

// skipRepeats skips copies of the rune bytes p starting at s[i].
func skipRepeats(s []byte, i int, p []byte) int {
	for bytes.HasPrefix(s[i:], p) {
		i += len(p)
	}
	return i
}

package query

import (
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a text token.
type tokKind uint8

const (
	kindWord    tokKind = iota // a run of word characters
	kindHashtag                // #body
	kindMention                // @user or @user@host
	kindURL                    // http://…, https://…, www.…: skipped, but a barrier for phrases
)

// urlMark stands for a URL in the folded stream; no pattern contains it.
const urlMark = '\x01'

// textTok is one token of a scanned text: where its folded form lies in the
// stream, where it came from in the original text, and, for hashtags and
// mentions, which offsets of the stream are inner boundaries.
type textTok struct {
	sStart, sEnd int32 // folded stream range
	oStart, oEnd int32 // original byte range
	bLo, bHi     int32 // range of this token's offsets in scan.bounds
	kind         tokKind
}

// scan is a text turned into the stream the automata run over: the tokens'
// folded forms, each after a single space. Punctuation, emoji and whitespace
// between tokens disappear, so phrases match across them.
//
// For a hashtag, bounds holds the stream offsets of its CamelCase parts as
// start/end pairs; for a mention, the offsets where a shorter handle may end
// (before "@host", ".", "-").
type scan struct {
	stream []byte
	toks   []textTok
	bounds []int32
	body   []rune // scratch for CamelCase splitting
}

// reset scans text, reusing the scan's memory.
func (sc *scan) reset(text string) {
	sc.stream, sc.toks, sc.bounds = sc.stream[:0], sc.toks[:0], sc.bounds[:0]
	prevBody := false // the previous rune is a word rune or '_'
	for i := 0; i < len(text); {
		r, w := decodeRune(text[i:])
		switch {
		case isWordRune(r) && !prevBody && isURLStart(text[i:]):
			i = sc.url(text, i)
			continue
		case isWordRune(r):
			i = sc.word(text, i)
			prevBody = true
			continue
		case r == '#' && !prevBody && hasBody(text[i+w:]):
			i = sc.hashtag(text, i)
			prevBody = true
			continue
		case r == '@' && !prevBody && hasBody(text[i+w:]):
			i = sc.mention(text, i)
			prevBody = true
			continue
		}
		prevBody = r == '_'
		i += w
	}
}

// begin starts a token at original offset o, after a space.
func (sc *scan) begin(kind tokKind, o int) *textTok {
	sc.stream = append(sc.stream, ' ')
	n := int32(len(sc.bounds))
	sc.toks = append(sc.toks, textTok{kind: kind, sStart: int32(len(sc.stream)), oStart: int32(o), bLo: n, bHi: n})
	return &sc.toks[len(sc.toks)-1]
}

// end closes the last token at original offset o.
func (sc *scan) end(o int) {
	t := &sc.toks[len(sc.toks)-1]
	t.sEnd, t.oEnd, t.bHi = int32(len(sc.stream)), int32(o), int32(len(sc.bounds))
}

func (sc *scan) word(text string, i int) int {
	sc.begin(kindWord, i)
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf { // fast path: ASCII
			if !asciiWord[c] {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			sc.stream = append(sc.stream, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		sc.stream = appendFold(sc.stream, r)
		i += w
	}
	sc.end(i)
	return i
}

func (sc *scan) url(text string, i int) int {
	sc.begin(kindURL, i)
	sc.stream = append(sc.stream, urlMark)
	for i < len(text) {
		r, w := decodeRune(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += w
	}
	sc.end(i)
	return i
}

// hasBody reports whether s starts with a hashtag body or handle: body
// runes, at least one of them a word rune.
func hasBody(s string) bool {
	for len(s) > 0 {
		r, w := decodeRune(s)
		if r != '_' {
			return isWordRune(r)
		}
		s = s[w:]
	}
	return false
}

// isURLStart reports whether s starts with a web address: http://,
// https:// or www., in any ASCII case.
func isURLStart(s string) bool {
	if c := s[0] | 0x20; c != 'h' && c != 'w' {
		return false
	}
	for _, p := range [...]string{"http://", "https://", "www."} {
		if len(s) >= len(p) && asciiEqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// asciiEqualFold compares s with the lower-case ASCII string lower,
// ignoring the case of ASCII letters only.
func asciiEqualFold(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one token of a text.
type Token struct {
	Text  string // the original bytes, text[Start:End]
	Norm  string // the normalised form, see the package documentation
	Start int    // offset of the token's first byte in the text
	End   int    // offset just past the token's last byte
	Kind  Kind
	Flags Flags
}

// Tokenize appends the tokens of text to dst and returns the extended
// slice; pass a reused slice (buf[:0]) to avoid allocating. White space,
// control and format characters and invalid UTF-8 bytes separate tokens
// and belong to none. HTML character references are decoded before
// scanning, so "&lt;3" is an Emoticon and "&amp;" a Punct whose Norm is
// "&", while Text, Start and End still refer to the original text.
//
// Tokenize runs in time linear in len(text). Once dst has room it never
// allocates per token: a short text costs at most two allocations, the
// decoded text when it has references and one buffer holding every Norm
// that differs from its Text; long texts may grow those a few times.
func Tokenize(text string, dst []Token) []Token {
	first := len(dst)
	var shiftBuf [8]shift
	src, shifts := decodeEntities(text, shiftBuf[:0])
	sc := scanner{src: src}
	for i := 0; i < len(src); {
		cls := ascii[src[i]]
		if cls&cSpace != 0 {
			i++
			continue
		}
		dst = append(dst, Token{})
		t := &dst[len(dst)-1]
		if cls&cLetter != 0 {
			// The most common token, a word, skips a call level; a letter
			// always starts a token.
			i = sc.letterStart(t, i)
			continue
		}
		if i = sc.next(t, i); t.Kind == 0 {
			dst = dst[:len(dst)-1]
		}
	}
	sc.finish(text, shifts, dst[first:])
	return dst
}

// scanner holds the state of one Tokenize call. Its methods scan the token
// at src[i] into *t and return the offset where scanning continues; they
// leave t.Kind 0 when src[i] starts no token.
type scanner struct {
	src        string // the text with its character references decoded
	emailMemo  int    // no e-mail address starts before this offset
	domainMemo int    // no bare domain starts before this offset
	sawLower   bool   // some word has a lower-case letter
	norms      normBuffer
}

// next scans the token at src[i].
func (sc *scanner) next(t *Token, i int) int {
	s := sc.src
	c := s[i]
	switch cls := ascii[c]; {
	case c >= utf8.RuneSelf:
		return sc.nextRune(t, i)
	case cls&cSpace != 0:
		return i + 1
	case cls&cLetter != 0:
		return sc.letterStart(t, i)
	case cls&cDigit != 0:
		if j := keycapEnd(s, i); j > i {
			return sc.emoji(t, i, j)
		}
		return sc.number(t, i, i)
	}
	if j := sc.social(t, i); j > i {
		return j
	}
	if j := emoticonEnd(s, i); j > i {
		return sc.plain(t, Emoticon, i, j, i+emoticonNormLen(s[i:j]))
	}
	return sc.punct(t, i)
}

// social scans a mention, hashtag, cashtag, keycap or amount at the ASCII
// symbol src[i]; it returns i when there is none.
func (sc *scanner) social(t *Token, i int) int {
	s := sc.src
	switch s[i] {
	case '@':
		if j := mentionEnd(s, i); j > i {
			return sc.lowered(t, Mention, i, i+1, j)
		}
	case '#', '*':
		if j := keycapEnd(s, i); j > i {
			return sc.emoji(t, i, j)
		}
		if s[i] == '#' {
			if j := hashtagEnd(s, i); j > i {
				return sc.lowered(t, Hashtag, i, i+1, j)
			}
		}
	case '$':
		if j := cashtagEnd(s, i); j > i {
			return sc.lowered(t, Cashtag, i, i+1, j)
		}
		if isNumberAt(s, i+1) {
			return sc.number(t, i, i+1)
		}
	}
	return i
}

// nextRune scans the token at the non-ASCII character src[i].
func (sc *scanner) nextRune(t *Token, i int) int {
	s := sc.src
	r, n := utf8.DecodeRuneInString(s[i:])
	if j := emojiEnd(s, i); j > i {
		return sc.emoji(t, i, j)
	}
	switch {
	case r == utf8.RuneError && n == 1:
		return i + 1
	case isLetter(r):
		return sc.word(t, i)
	case isNumber(r):
		return sc.number(t, i, i)
	case isSkippable(r):
		return i + n
	case unicode.Is(unicode.Sc, r) && isNumberAt(s, i+n):
		return sc.number(t, i, i+n)
	}
	if j := emoticonEnd(s, i); j > i {
		return sc.plain(t, Emoticon, i, j, j)
	}
	return sc.punct(t, i)
}

// letterStart scans the token that starts with the ASCII letter src[i].
func (sc *scanner) letterStart(t *Token, i int) int {
	s := sc.src
	if j := sc.plainWord(t, i); j > i {
		return j
	}
	if isURLInitial(s[i]) {
		if j := urlEnd(s, i); j > i {
			return sc.plain(t, URL, i, j, j)
		}
	}
	if emoticonStart[s[i]] {
		if j := emoticonEnd(s, i); j > i {
			return sc.plain(t, Emoticon, i, j, i+emoticonNormLen(s[i:j]))
		}
	}
	return sc.word(t, i)
}

// plainWord scans the most common token, the plain word: ASCII letters,
// all lower-case but perhaps the first, without a run of three of the
// same letter, followed by the end of the text, by an ASCII character
// that cannot continue a word, an address or an abbreviation (see
// plainWordStop) or by a full stop that ends a sentence. It returns i
// when src[i] starts no such word, and word must then scan the token;
// otherwise it sets *t as word would.
//
// Such a word never starts a URL (the ':' of "http:" is left to word) nor
// an emoticon: those that start with a letter have no lower-case letter
// second and none is followed by a stop.
func (sc *scanner) plainWord(t *Token, i int) int {
	s := sc.src
	j := i + 1
	for ; j < len(s); j++ {
		c := s[j]
		if ascii[c]&(cLetter|cUpper) != cLetter {
			break
		}
		if c == s[j-1]|0x20 && j-i >= 2 && c == s[j-2]|0x20 {
			return i // elongated
		}
	}
	if j < len(s) {
		switch c := s[j]; {
		case c == ':' && isURLInitial(s[i]):
			return i // perhaps "http:" or "ftp:"
		case !plainWordStop[c] && !endsSentence(s, j):
			return i
		}
	}
	if ascii[s[i]]&cUpper == 0 {
		sc.sawLower = true
		t.Kind, t.Start, t.End, t.Norm = Word, i, j, s[i:j]
	} else {
		if j > i+1 {
			sc.sawLower = true
		}
		b := sc.norms.start(len(s))
		b.WriteByte(s[i] | 0x20)
		b.WriteString(s[i+1 : j])
		sc.pending(t, Word, i, j)
	}
	if sc.negation(t) {
		t.Flags |= Negation
	}
	return j
}

// endsSentence reports a full stop at s[j] followed by the end of the text
// or by a stop other than '[': it continues no address, URL or
// abbreviation.
func endsSentence(s string, j int) bool {
	return s[j] == '.' && (j+1 == len(s) || plainWordStop[s[j+1]] && s[j+1] != '[')
}

// isURLInitial reports a letter that may start a URL scheme or "www.".
func isURLInitial(c byte) bool {
	c |= 0x20
	return c == 'h' || c == 'f' || c == 'w'
}

// plainWordStop are the characters that end a word plainWord scans: the
// ASCII ones other than letters, digits, joiners (' - &) and those that
// may continue an e-mail address or a domain (. _ % + @).
var plainWordStop = func() (stop [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		stop[c] = ascii[c]&(cLetter|cDigit|cLocal) == 0 && !strings.ContainsRune("'-&@", rune(c))
	}
	return stop
}()

// word scans a word, or the e-mail address or bare domain it starts.
func (sc *scanner) word(t *Token, i int) int {
	var w wordInfo
	j := wordEnd(sc.src, i, &w)
	if mayBeAddress(sc.src, i, j) {
		if k := sc.address(t, i, j); k > i {
			return k
		}
	}
	sc.normed(t, Word, i, j, &w)
	switch {
	case w.lower > 0:
		sc.sawLower = true
	case w.upper >= 2:
		t.Flags |= AllCaps
	}
	if w.elongated {
		t.Flags |= Elongated
	}
	if sc.negation(t) {
		t.Flags |= Negation
	}
	return j
}

// number scans a number whose digits start at src[d] (after a currency
// symbol at src[i] when d > i), or the e-mail address or bare domain it
// starts.
func (sc *scanner) number(t *Token, i, d int) int {
	var w wordInfo
	j := numberEnd(sc.src, d, &w)
	if i == d && mayBeAddress(sc.src, i, j) {
		if k := sc.address(t, i, j); k > i {
			return k
		}
	}
	sc.normed(t, Number, i, j, &w)
	return j
}

// address scans the e-mail address or bare-domain URL that starts at
// src[i] when the word or number src[i:j] is followed by a character that
// can continue one; it returns i when there is none. The memos keep the
// scan linear: a failed attempt rules out every start up to where it looked.
func (sc *scanner) address(t *Token, i, j int) int {
	s := sc.src
	if !mayBeAddress(s, i, j) {
		return i
	}
	if i >= sc.emailMemo {
		k, seen := emailEnd(s, i)
		if k > i {
			return sc.lowered(t, Email, i, i, k)
		}
		sc.emailMemo = seen
	}
	if i >= sc.domainMemo {
		k, seen := bareDomainEnd(s, i)
		if k > i {
			return sc.plain(t, URL, i, k, k)
		}
		sc.domainMemo = seen
	}
	return i
}

// mayBeAddress reports whether the word or number src[i:j] may start an
// e-mail address or bare domain: it starts with an ASCII letter or digit
// and is followed by a character that can continue one. It is the quick,
// inlined test that spares most words a call to address.
func mayBeAddress(s string, i, j int) bool {
	return j < len(s) && (ascii[s[j]]&cLocal != 0 || s[j] == '@') && ascii[s[i]]&(cLetter|cDigit) != 0
}

// emoji scans the Emoji token src[i:j].
func (sc *scanner) emoji(t *Token, i, j int) int {
	s := sc.src[i:j]
	if emojiNormLen(s) == len(s) {
		return sc.plain(t, Emoji, i, j, j)
	}
	writeEmojiNorm(sc.norms.start(len(sc.src)), s)
	return sc.pending(t, Emoji, i, j)
}

// punct scans the Punct token at src[i]: one character, or a run of the
// same character other than '#', '@' and '$', or a run of '!' and '?'
// ("?!?!").
func (sc *scanner) punct(t *Token, i int) int {
	s := sc.src
	r, n := decode(s, i)
	j := i + n
	for j < len(s) {
		next, m := decode(s, j)
		if next != r && !(isBang(r) && isBang(next)) || r == '#' || r == '@' || r == '$' {
			break
		}
		j += m
	}
	return sc.plain(t, Punct, i, j, j)
}

func isBang(r rune) bool { return r == '!' || r == '?' || r == '！' || r == '？' }

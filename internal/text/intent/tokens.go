package intent

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxText is how many bytes of a post are analysed; the rest is ignored.
const MaxText = 8 << 10

// maxTokens bounds the tokens kept per post.
const maxTokens = 1024

// maxWord is the longest word looked up in the lexicon, in bytes.
const maxWord = 48

// Token kinds.
const (
	kWord uint8 = iota
	kHashtag
	kMention
	kPunct // ? ! and sentence stops
)

// token is one word, mention, hashtag or sentence punctuation.
type token struct {
	start, end int32  // byte offsets in the original text
	id         uint16 // lexicon word id; 0 for a word the lexicon lacks
	sent       uint16 // sentence number
	kind       uint8
}

// tokenizer holds the state of one tokenisation. It stores no slices, so
// that the token buffer can stay in the caller's frame.
type tokenizer struct {
	text      string
	sent      uint16
	lastPunct bool
	word      [maxWord]byte
}

// truncate cuts s to at most MaxText bytes on a rune boundary.
func truncate(s string) string {
	if len(s) <= MaxText {
		return s
	}
	i := MaxText
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

// tokenize appends the tokens of text to toks, at most maxTokens of them.
func tokenize(text string, toks []token) []token {
	t := tokenizer{text: text}
	for i := 0; i < len(text) && len(toks) < maxTokens; {
		if text[i] == ' ' || text[i] == '\t' {
			i++
			continue
		}
		tok, next, ok := t.next(i)
		if ok {
			toks = append(toks, tok)
			t.lastPunct = tok.kind == kPunct
		}
		i = next
	}
	return toks
}

// next reads the token at byte i: it returns the token, the offset after
// it, and whether there was a token (spaces, URLs and entities give none).
func (t *tokenizer) next(i int) (token, int, bool) {
	s := t.text
	c := s[i]
	if c < utf8.RuneSelf && asciiAlnum[c] {
		if (c|0x20 == 'h' || c|0x20 == 'w') && isURLAt(s, i) {
			return token{}, skipURL(s, i), false
		}
		return t.wordAt(i, i, kWord)
	}
	switch {
	case c == '@' && i+1 < len(s) && isHandleByte(s[i+1]) && (i == 0 || !isHandleByte(s[i-1])):
		return t.handle(i)
	case c == '#' && i+1 < len(s) && isWordStart(s, i+1):
		return t.wordAt(i+1, i, kHashtag)
	case c == '&' && hasPrefixFold(s[i:], "&lt;3"):
		return t.heart(i, i+5)
	case c == '<' && i+1 < len(s) && s[i+1] == '3':
		return t.heart(i, i+2)
	case c == ':' && i+1 < len(s) && s[i+1] == '(':
		return t.frown(i, i+2)
	case c == ':' && i+2 < len(s) && s[i+1] == '-' && s[i+2] == '(':
		return t.frown(i, i+3)
	case c == '&':
		return token{}, skipEntity(s, i), false
	case c == '?' || c == '!':
		return t.punct(i)
	case c == '.' || c == ';' || c == '\n' || c == '\r':
		return t.stop(i)
	case c >= utf8.RuneSelf && isWordStart(s, i):
		return t.wordAt(i, i, kWord)
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case isHeart(r):
		return t.heart(i, i+n)
	case isFrown(r):
		return t.frown(i, i+n)
	}
	return token{}, i + n, false
}

// handle reads an @handle as one mention token.
func (t *tokenizer) handle(i int) (token, int, bool) {
	j := i + 1
	for j < len(t.text) && isHandleByte(t.text[j]) {
		j++
	}
	return token{start: int32(i), end: int32(j), id: idMention, sent: t.sent, kind: kMention}, j, true
}

// heart reads a heart ("<3", "&lt;3" or a heart emoji) spanning [i, j).
func (t *tokenizer) heart(i, j int) (token, int, bool) {
	return token{start: int32(i), end: int32(j), id: idHeart, sent: t.sent, kind: kWord}, j, true
}

// frown reads a frown (":(", ":-(" or an angry or sad emoji) spanning
// [i, j).
func (t *tokenizer) frown(i, j int) (token, int, bool) {
	return token{start: int32(i), end: int32(j), id: idFrown, sent: t.sent, kind: kWord}, j, true
}

// isFrown reports whether r is an angry, sad or thumbs-down emoji. Crying
// faces are left out: they mean laughter as often as sadness.
func isFrown(r rune) bool {
	switch r {
	case '😡', '😠', '🤬', '😤', '😒', '😞', '😢', '👎', '💔', '😩', '😫', '😑', '🙄':
		return true
	}
	return false
}

// isHeart reports whether r is a heart or adoring emoji.
func isHeart(r rune) bool {
	switch r {
	case '❤', '♥', '💕', '💖', '💗', '💙', '💚', '💛', '💜', '💘', '😍', '🥰', '😘', '🙌', '👏', '👍':
		return true
	}
	return false
}

// punct reads a run of ? and ! as one token that ends the sentence: '?'
// if the run is a single question mark, an emphatic '?' if it is longer
// and holds one ("??", "?!"), else '!'.
func (t *tokenizer) punct(i int) (token, int, bool) {
	j, q := i, false
	for j < len(t.text) && (t.text[j] == '?' || t.text[j] == '!') {
		q = q || t.text[j] == '?'
		j++
	}
	id := idBang
	switch {
	case q && j-i > 1:
		id = idQMarkX
	case q:
		id = idQMark
	}
	tok := token{start: int32(i), end: int32(j), id: id, sent: t.sent, kind: kPunct}
	t.sent++
	return tok, j, true
}

// stop reads sentence-ending punctuation. A full stop between two word
// characters ("U.S", "2.5") is not a stop, nor is one right after another
// sentence end ("?!.").
func (t *tokenizer) stop(i int) (token, int, bool) {
	s := t.text
	if s[i] == '.' && i > 0 && i+1 < len(s) && isASCIIAlnum(s[i-1]) && isASCIIAlnum(s[i+1]) {
		return token{}, i + 1, false
	}
	j := i + 1
	for j < len(s) && (s[j] == '.' || s[j] == '\n' || s[j] == '\r') {
		j++
	}
	if t.lastPunct {
		return token{}, j, false
	}
	tok := token{start: int32(i), end: int32(j), id: idStop, sent: t.sent, kind: kPunct}
	t.sent++
	return tok, j, true
}

// wordAt reads a word starting at i (a hashtag's text when kind is
// kHashtag, with from at the '#'), lower-cased without apostrophes, and
// looks it up in the lexicon.
func (t *tokenizer) wordAt(i, from int, kind uint8) (token, int, bool) {
	s, n, j, long, h := t.text, 0, i, false, hashInit
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf && asciiAlnum[c] { // fast path
			if n < maxWord {
				lc := asciiLower[c]
				t.word[n] = lc
				h = hashByte(h, lc)
				n++
			} else {
				long = true
			}
			j++
			continue
		}
		r, size := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[j:])
		}
		if r == '\'' || r == '’' {
			if j+size < len(s) && isWordStart(s, j+size) && n > 0 {
				j += size // don't -> dont
				continue
			}
			break
		}
		if !isWordRune(r) {
			break
		}
		if n+utf8.UTFMax > maxWord {
			long = true
		} else {
			m := lowerInto(t.word[n:], r)
			for _, b := range t.word[n : n+m] {
				h = hashByte(h, b)
			}
			n += m
		}
		j += size
	}
	var id uint16
	if !long {
		id = words.lookup(t.word[:n], h)
	}
	switch {
	case id != idUnknown || n == 0:
	case '0' <= t.word[0] && t.word[0] <= '9':
		id = idNum
	case kind == kHashtag:
		id = hashtagID(string(t.word[:n]))
	}
	return token{start: int32(from), end: int32(j), id: id, sent: t.sent, kind: kind}, j, true
}

// hashtagAffixes map the start or end of a compound hashtag to the
// lexicon word it carries: #CommunicationFail, #NeverFlyingUnited,
// #ShouldHaveFlownJetBlue.
var hashtagPrefixes = []string{"shouldhaveflown", "neverflying", "neveragain", "boycott", "fuck"}
var hashtagSuffixes = []string{"fail", "fails", "sucks", "suck", "worst", "nothappy", "disappointed"}

// hashtagID returns the id of a known affix of a compound hashtag.
func hashtagID(w string) uint16 {
	for _, p := range hashtagPrefixes {
		if strings.HasPrefix(w, p) {
			return wordIDs[p]
		}
	}
	for _, x := range hashtagSuffixes {
		if strings.HasSuffix(w, x) {
			return wordIDs[x]
		}
	}
	return idUnknown
}

// lowerInto writes the lower case of r into b and returns its length; b has
// room for utf8.UTFMax bytes.
func lowerInto(b []byte, r rune) int {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b[0] = byte(r)
		return 1
	}
	return utf8.EncodeRune(b, unicode.ToLower(r))
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isWordStart(s string, i int) bool {
	if s[i] < utf8.RuneSelf {
		return isASCIIAlnum(s[i])
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isASCIIAlnum(c byte) bool { return c < utf8.RuneSelf && asciiAlnum[c] }

// asciiAlnum and asciiLower are byte tables for the tokenizer's fast path.
var asciiAlnum, asciiLower = asciiTables()

func asciiTables() (alnum [utf8.RuneSelf]bool, lower [utf8.RuneSelf]byte) {
	for c := range utf8.RuneSelf {
		b := byte(c)
		alnum[c] = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
		lower[c] = b
		if 'A' <= b && b <= 'Z' {
			lower[c] = b + 'a' - 'A'
		}
	}
	return alnum, lower
}

func isHandleByte(c byte) bool { return isASCIIAlnum(c) || c == '_' }

// isURLAt reports whether a URL starts at i.
func isURLAt(s string, i int) bool {
	if i > 0 && isHandleByte(s[i-1]) {
		return false
	}
	rest := s[i:]
	return hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// skipURL skips a URL, leaving trailing punctuation ("(see http://x)."),
// so that it still ends the sentence.
func skipURL(s string, i int) int {
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r' {
		j++
	}
	for j > i+1 && strings.IndexByte(".,;:!?)]\"'", s[j-1]) >= 0 {
		j--
	}
	return j
}

// skipEntity skips an HTML entity such as &amp; or &#39; (at most 8
// bytes), or a lone '&'.
func skipEntity(s string, i int) int {
	for j := i + 1; j < len(s) && j <= i+8; j++ {
		if s[j] == ';' {
			return j + 1
		}
		if !isHandleByte(s[j]) && s[j] != '#' {
			break
		}
	}
	return i + 1
}

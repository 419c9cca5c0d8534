package intent

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/herald-advocacy/herald/internal/text/token"
)

// MaxText is how many bytes of a post are analysed; the rest is ignored.
const MaxText = 8 << 10

// maxTokens bounds the terms kept per post.
const maxTokens = 1024

// maxWord bounds, in bytes, the words with apostrophes or elongations
// looked up in the lexicon: its longest word has 18.
const maxWord = 32

// Term kinds.
const (
	kWord uint8 = iota
	kHashtag
	kMention
	kPunct // ? ! and sentence stops
)

// term is what the rules match: a word, mention, hashtag, heart, frown or
// sentence punctuation, built from the tokens of internal/text/token.
type term struct {
	start, end int32  // byte offsets in the original text
	id         uint16 // lexicon word id; 0 for a word the lexicon lacks
	sent       uint16 // sentence number
	kind       uint8
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

// scratch holds the token buffers tokenize reuses, so that it does not
// allocate one per post.
var scratch = sync.Pool{New: func() any {
	b := make([]token.Token, 0, 128)
	return &b
}}

// tokenize appends the terms of text to terms, at most maxTokens of them.
func tokenize(text string, terms []term) []term {
	buf := scratch.Get().(*[]token.Token)
	toks := token.Tokenize(text, (*buf)[:0])
	b := builder{text: text, lines: strings.IndexByte(text, '\n') >= 0 || strings.IndexByte(text, '\r') >= 0}
	for i := 0; i < len(toks) && len(terms) < maxTokens; i++ {
		terms = b.add(terms, &toks[i])
	}
	terms = b.lineBreak(terms, len(text))
	clear(toks) // drop the references to text
	*buf = toks[:0]
	scratch.Put(buf)
	return terms
}

// builder turns tokens into terms. It holds no slice, so that the term
// buffer its methods append to can stay in the caller's frame.
type builder struct {
	text  string
	lines bool // text has a line break
	sent  uint16
	end   int // where the last token ended
}

// add appends the terms of t. URLs, e-mail addresses, other emoji and
// emoticons and other punctuation give none.
func (b *builder) add(terms []term, t *token.Token) []term {
	terms = b.lineBreak(terms, t.Start)
	b.end = t.End
	switch t.Kind {
	case token.Word, token.Cashtag:
		return b.word(terms, t)
	case token.Number:
		return b.push(terms, t.Start, t.End, numberID(t.Norm), kWord)
	case token.Hashtag:
		return b.push(terms, t.Start, t.End, hashtagID(t.Norm), kHashtag)
	case token.Mention:
		return b.push(terms, t.Start, t.End, idMention, kMention)
	case token.Emoji, token.Emoticon:
		if id := symbolID(t.Norm); id != idUnknown {
			return b.push(terms, t.Start, t.End, id, kWord)
		}
	case token.Punct:
		return b.punct(terms, t)
	}
	return terms
}

// push appends one term unless maxTokens are there.
func (b *builder) push(terms []term, start, end int, id uint16, kind uint8) []term {
	if len(terms) == maxTokens {
		return terms
	}
	return append(terms, term{start: int32(start), end: int32(end), id: id, sent: b.sent, kind: kind})
}

// word appends a word, one term per part of a hyphenated word ("check-in",
// "pre-order"), since the lexicon writes those as separate words.
func (b *builder) word(terms []term, t *token.Token) []term {
	norm, text, start := t.Norm, t.Text, t.Start
	for {
		id, i := wordID(norm, t.Flags)
		if i == len(norm) {
			return b.push(terms, start, t.End, id, kWord)
		}
		j := strings.IndexAny(text, "-\u2010\u2011")
		if j < 0 { // a hyphen written as a character reference
			return b.push(terms, start, t.End, idUnknown, kWord)
		}
		_, n := utf8.DecodeRuneInString(text[j:])
		terms = b.push(terms, start, start+j, id, kWord)
		norm, text, start = norm[i+1:], text[j+n:], start+j+n
	}
}

// punct appends a run of ? and ! as one term that ends the sentence: '?'
// if the run is a single question mark, an emphatic '?' if it is longer
// and holds one ("??", "?!"), else '!'. Full stops and semicolons are
// sentence stops.
func (b *builder) punct(terms []term, t *token.Token) []term {
	switch r, _ := utf8.DecodeRuneInString(t.Norm); r {
	case '?', '!', '？', '！':
		id := idBang
		if strings.ContainsRune(t.Norm, '?') || strings.ContainsRune(t.Norm, '？') {
			id = idQMark
			if utf8.RuneCountInString(t.Norm) > 1 {
				id = idQMarkX
			}
		}
		terms = b.push(terms, t.Start, t.End, id, kPunct)
		b.sent++
	case '.', ';':
		terms = b.stop(terms, t.Start, t.End)
	}
	return terms
}

// lineBreak appends a sentence stop for a line break between the last
// token and offset pos.
func (b *builder) lineBreak(terms []term, pos int) []term {
	for i := b.end; b.lines && i < pos; i++ {
		if c := b.text[i]; c == '\n' || c == '\r' {
			return b.stop(terms, i, i+1)
		}
	}
	return terms
}

// stop appends a sentence stop spanning [i, j), unless the sentence has
// just ended ("?!.", "...\n").
func (b *builder) stop(terms []term, i, j int) []term {
	if n := len(terms); n > 0 && terms[n-1].kind == kPunct {
		return terms
	}
	terms = b.push(terms, i, j, idStop, kPunct)
	b.sent++
	return terms
}

// wordID returns the id of a word's Norm up to its first hyphen, and
// where that part ends. An elongated word the lexicon lacks is looked up
// again with its doubled letters single: the Norm of "loooove" is "loove",
// of "thaaanks" "thaanks".
func wordID(norm string, f token.Flags) (uint16, int) {
	id, i := lookup(norm)
	if id == idUnknown && f&token.Elongated != 0 {
		id = lookupRewritten(norm[:i], true)
	}
	if id == idUnknown && i > 0 && '0' <= norm[0] && norm[0] <= '9' {
		id = idNum // a part such as the "19" of "covid-19"
	}
	return id, i
}

// numberID returns the id of a number: its own when the lexicon has it
// ("5 stars"), else idNum.
func numberID(norm string) uint16 {
	if id, i := lookup(norm); id != idUnknown && i == len(norm) {
		return id
	}
	return idNum
}

// lookup returns the lexicon id of norm up to its first hyphen, read
// without apostrophes ("don't" is "dont"), and where that part ends.
func lookup(norm string) (uint16, int) {
	h := hashInit
	for i := 0; i < len(norm); i++ {
		switch c := norm[i]; c {
		case '-':
			return words.lookup(norm[:i], h), i
		case '\'':
			k := strings.IndexByte(norm, '-')
			if k < 0 {
				k = len(norm)
			}
			return lookupRewritten(norm[:k], false), k
		default:
			h = hashByte(h, c)
		}
	}
	return words.lookup(norm, h), len(norm)
}

// lookupRewritten returns the lexicon id of a word read without
// apostrophes, with its runs of the same ASCII letter made single when
// collapse is set.
func lookupRewritten(word string, collapse bool) uint16 {
	var w [maxWord]byte
	n, h := 0, hashInit
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c == '\'':
			continue
		case collapse && n > 0 && w[n-1] == c && 'a' <= c && c <= 'z':
			continue
		case n == maxWord:
			return idUnknown
		}
		w[n] = c
		h = hashByte(h, c)
		n++
	}
	return words.lookup(string(w[:n]), h)
}

// hashtagAffixes map the start or end of a compound hashtag to the
// lexicon word it carries: #CommunicationFail, #NeverFlyingUnited,
// #ShouldHaveFlownJetBlue.
var hashtagPrefixes = []string{"shouldhaveflown", "neverflying", "neveragain", "boycott", "fuck"}
var hashtagSuffixes = []string{"fail", "fails", "sucks", "suck", "worst", "nothappy", "disappointed"}

// hashtagID returns the id of a hashtag's Norm: its own when the lexicon
// has it, idNum when it starts with a digit, else that of a known affix.
func hashtagID(norm string) uint16 {
	if id, _ := lookup(norm); id != idUnknown {
		return id
	}
	if '0' <= norm[0] && norm[0] <= '9' {
		return idNum
	}
	for _, p := range hashtagPrefixes {
		if strings.HasPrefix(norm, p) {
			return wordIDs[p]
		}
	}
	for _, x := range hashtagSuffixes {
		if strings.HasSuffix(norm, x) {
			return wordIDs[x]
		}
	}
	return idUnknown
}

// symbolID returns idHeart or idFrown for the Norm of an emoji or emoticon
// that is a heart or a frown, else idUnknown.
func symbolID(norm string) uint16 {
	switch norm {
	case "<3":
		return idHeart
	case ":(", ":-(", ">:(", ">:-(":
		return idFrown
	}
	r, _ := utf8.DecodeRuneInString(norm)
	switch {
	case isHeart(r):
		return idHeart
	case isFrown(r):
		return idFrown
	}
	return idUnknown
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

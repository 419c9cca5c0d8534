package query

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on a query's source, so that untrusted or mistaken input stays
// cheap to parse and to match.
const (
	MaxQueryBytes   = 64 << 10 // longest query source, in bytes
	MaxTerms        = 1000     // most terms in one query
	MaxDepth        = 32       // deepest nesting of parentheses
	MaxNearDistance = 1000     // largest n in NEAR/n
)

// lexKind is the kind of a query token.
type lexKind uint8

const (
	lexEOF lexKind = iota
	lexLParen
	lexRParen
	lexAnd
	lexOr
	lexNot
	lexNear
	lexTerm   // an unquoted term: word, wildcard, @handle or #hashtag
	lexPhrase // the contents of a quoted phrase
)

// lexeme is one token of a query.
type lexeme struct {
	kind    lexKind
	text    string // the token as written (a phrase without its quotes)
	at      pos
	dist    int  // NEAR/n distance
	ordered bool // ONEAR
}

// describe names the token for error messages.
func (l lexeme) describe() string {
	switch l.kind {
	case lexEOF:
		return "end of query"
	case lexPhrase, lexLParen, lexRParen:
		return strconv.Quote(l.text)
	}
	return l.text
}

// lexer splits a query into tokens, tracking lines and rune columns.
type lexer struct {
	src string
	off int
	at  pos
}

// lex splits src into tokens ending with lexEOF.
func lex(src string) ([]lexeme, error) {
	if len(src) > MaxQueryBytes {
		return nil, errorf(pos{1, 1}, "query is too long: %d bytes, at most %d", len(src), MaxQueryBytes)
	}
	lx := &lexer{src: src, at: pos{1, 1}}
	var out []lexeme
	for {
		if err := lx.skipSpace(); err != nil {
			return nil, err
		}
		t, err := lx.next()
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		if t.kind == lexEOF {
			return out, nil
		}
	}
}

// peek returns the rune at the current offset, or an error for invalid UTF-8.
func (lx *lexer) peek() (rune, int, error) {
	r, w := utf8.DecodeRuneInString(lx.src[lx.off:])
	if r == utf8.RuneError && w == 1 {
		return r, w, errorf(lx.at, "invalid UTF-8")
	}
	return r, w, nil
}

// take moves past n bytes of source.
func (lx *lexer) take(n int) {
	lx.at = advance(lx.at, lx.src[lx.off:lx.off+n])
	lx.off += n
}

// skipSpace skips whitespace and <<<comments>>>.
func (lx *lexer) skipSpace() error {
	for lx.off < len(lx.src) {
		if strings.HasPrefix(lx.src[lx.off:], "<<<") {
			end := strings.Index(lx.src[lx.off+3:], ">>>")
			if end < 0 {
				return errorf(lx.at, "unterminated comment: expected >>> to close <<<")
			}
			lx.take(3 + end + 3)
			continue
		}
		r, w, err := lx.peek()
		if err != nil {
			return err
		}
		if !unicode.IsSpace(r) {
			return nil
		}
		lx.take(w)
	}
	return nil
}

// next reads one token; the lexer stands on a non-space rune or at the end.
func (lx *lexer) next() (lexeme, error) {
	start := lx.at
	if lx.off == len(lx.src) {
		return lexeme{kind: lexEOF, at: start}, nil
	}
	switch lx.src[lx.off] {
	case '(':
		lx.take(1)
		return lexeme{kind: lexLParen, text: "(", at: start}, nil
	case ')':
		lx.take(1)
		return lexeme{kind: lexRParen, text: ")", at: start}, nil
	case '"':
		return lx.phrase()
	}
	return lx.word()
}

// phrase reads a quoted phrase.
func (lx *lexer) phrase() (lexeme, error) {
	start := lx.at
	end := strings.IndexByte(lx.src[lx.off+1:], '"')
	if end < 0 {
		return lexeme{}, errorf(start, `unterminated quote: expected a closing "`)
	}
	text := lx.src[lx.off+1 : lx.off+1+end]
	if !utf8.ValidString(text) {
		return lexeme{}, errorf(start, "invalid UTF-8 in quoted phrase")
	}
	lx.take(end + 2)
	return lexeme{kind: lexPhrase, text: text, at: start}, nil
}

// word reads an operator or an unquoted term: everything up to whitespace,
// a parenthesis or a quote.
func (lx *lexer) word() (lexeme, error) {
	start, from := lx.at, lx.off
	for lx.off < len(lx.src) {
		r, w, err := lx.peek()
		if err != nil {
			return lexeme{}, err
		}
		if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' {
			break
		}
		lx.take(w)
	}
	return operator(lx.src[from:lx.off], start)
}

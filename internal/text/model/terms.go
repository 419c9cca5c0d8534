package model

import (
	"strings"
	"unicode/utf8"

	"github.com/herald-advocacy/herald/internal/text/token"
)

// termKind tells which features a term yields.
type termKind uint8

const (
	kindWord        termKind = iota // word, hashtag or cashtag: unigram, bigram, char n-grams
	kindPlaceholder                 // @user, <url>, <num>: unigram and bigram only
	kindSymbol                      // punctuation, emoji, emoticon: unigram and bigram only
)

// term is a token as the features see it.
type term struct {
	text    string
	kind    termKind
	negated bool
}

// The placeholders of the tokens whose exact text does not matter.
const (
	userTerm = "@user"
	urlTerm  = "<url>"
	numTerm  = "<num>"
)

// negationScope is how many terms after a negator are marked as negated.
const negationScope = 3

// appendTerms appends the terms of toks to dst. Mentions, URLs (e-mail
// addresses too) and numbers become placeholders; a hashtag or cashtag is
// its body, a word; repeats of a symbol collapse to one and a run of one
// punctuation character is cut to two ("!!!!" → "!!"). Up to negationScope
// terms after a negator are marked as negated, until a symbol or "but".
func appendTerms(dst []term, toks []token.Token) []term {
	scope := 0
	for i := range toks {
		t := &toks[i]
		x := term{text: t.Norm}
		switch t.Kind {
		case token.Mention:
			x.text, x.kind = userTerm, kindPlaceholder
		case token.URL, token.Email:
			x.text, x.kind = urlTerm, kindPlaceholder
		case token.Number:
			x.text, x.kind = numTerm, kindPlaceholder
		case token.Punct:
			x.text, x.kind = cutRun(t.Norm), kindSymbol
		case token.Emoji, token.Emoticon:
			x.kind = kindSymbol
		}
		switch {
		case x.kind == kindSymbol:
			scope = 0
			if n := len(dst); n > 0 && dst[n-1].text == x.text {
				continue
			}
		case x.text == "but":
			scope = 0
		case t.Flags&token.Negation != 0:
			scope = negationScope
		case scope > 0:
			x.negated = true
			scope--
		}
		dst = append(dst, x)
	}
	return dst
}

// cutRun cuts a run of one character to two; other strings stay.
func cutRun(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	if len(s) <= 2*n {
		return s
	}
	for i := n; i < len(s); i += n {
		if !strings.HasPrefix(s[i:], s[:n]) {
			return s
		}
	}
	return s[:2*n]
}

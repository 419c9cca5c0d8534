package query

import (
	"strings"
	"unicode/utf8"
)

// minWildcard is the fewest runes a wildcard needs before its "*": shorter
// prefixes match too many words to be useful.
const minWildcard = 3

// term builds the node of an unquoted term or a quoted phrase. Terms are
// scanned exactly as texts are, so a query term and the text it names fold
// and split the same way (a scanned stream starts with the space before its
// first token, which node texts leave out).
func term(t lexeme) (*node, error) {
	if t.kind == lexPhrase {
		return phrase(t.text, t.at)
	}
	switch t.text[0] {
	case '@':
		return tag(t.text, t.at, kindMention, nodeMention, "handle")
	case '#':
		return tag(t.text, t.at, kindHashtag, nodeHashtag, "hashtag")
	}
	if r, _ := utf8.DecodeRuneInString(t.text); !isWordRune(r) && r != '*' {
		return nil, errorf(t.at, `unexpected %q: expected a word, "phrase", @handle or #hashtag`, r)
	}
	if i := strings.IndexByte(t.text, '*'); i >= 0 {
		return wildcard(t.text, i, t.at)
	}
	return words(t.text, t.at, "a term")
}

// tag builds a @handle or #hashtag node: the whole term must scan as one
// token of the given kind.
func tag(text string, at pos, kind tokKind, nk nodeKind, what string) (*node, error) {
	var sc scan
	sc.reset(text)
	if len(sc.toks) == 0 || sc.toks[0].kind != kind {
		return nil, errorf(at, "expected a %s after %q", what, text[:1])
	}
	if end := int(sc.toks[0].oEnd); end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if r == '*' {
			return nil, errorf(advance(at, text[:end]), "wildcards apply to words only, not to a %s", what)
		}
		return nil, errorf(advance(at, text[:end]), "invalid character %q in %s", r, what)
	}
	return &node{kind: nk, text: string(sc.stream[1:]), at: at}, nil
}

// wildcard builds a "prefix*" node; star is the offset of the first "*".
func wildcard(text string, star int, at pos) (*node, error) {
	if star != len(text)-1 {
		return nil, errorf(advance(at, text[:star]), "wildcard * is only allowed at the end of a word")
	}
	prefix := text[:star]
	if utf8.RuneCountInString(prefix) < minWildcard {
		return nil, errorf(at, "wildcard needs at least %d letters or digits before *", minWildcard)
	}
	var sc scan
	sc.reset(prefix)
	if len(sc.toks) != 1 || sc.toks[0].kind != kindWord || int(sc.toks[0].oEnd) != len(prefix) {
		return nil, errorf(at, "wildcard * applies to a single word of letters or digits")
	}
	return &node{kind: nodeWildcard, text: string(sc.stream[1:]), at: at}, nil
}

// phrase builds the node of a quoted phrase; a one-word phrase is a word.
func phrase(text string, at pos) (*node, error) {
	if i := strings.IndexByte(text, '*'); i >= 0 {
		return nil, errorf(advance(at, `"`+text[:i]), "wildcards are not allowed inside a quoted phrase")
	}
	return words(text, at, "a quoted phrase")
}

// words builds a word or, for several words, a phrase node; other tokens
// (@handles, #hashtags, URLs) are refused.
func words(text string, at pos, what string) (*node, error) {
	var sc scan
	sc.reset(text)
	if len(sc.toks) == 0 {
		return nil, errorf(at, "%s must contain a letter or digit", what)
	}
	for _, t := range sc.toks {
		if t.kind != kindWord {
			return nil, errorf(at, "%s may contain only words, found %q", what, text[t.oStart:t.oEnd])
		}
	}
	kind := nodePhrase
	if len(sc.toks) == 1 {
		kind = nodeWord
	}
	return &node{kind: kind, text: string(sc.stream[1:]), at: at}, nil
}

package query

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is a slow reference matcher, written independently of the
// scanner and the automaton: it tokenizes with regular expressions and
// evaluates each query by brute force over the token list.

// refToken is a token of the reference tokenizer.
type refToken struct {
	kind       tokKind
	text       string   // folded, with its "#" or "@"
	parts      [][2]int // hashtag: part ranges in text[1:]
	ends       []int    // mention: offsets in text where a shorter handle may end
	start, end int      // original bytes
}

const (
	refBody = `[\p{L}\p{Nd}\p{M}_]`
	refSeg  = `_*[\p{L}\p{Nd}\p{M}]` + refBody + `*`
)

var (
	refURL     = regexp.MustCompile(`^(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\.)`)
	refWord    = regexp.MustCompile(`^[\p{L}\p{Nd}\p{M}]+`)
	refHashtag = regexp.MustCompile(`^#` + refSeg)
	refMention = regexp.MustCompile(`^@(` + refSeg + `(?:[.-]` + refSeg + `)*)(?:@(` + refSeg + `(?:[.-]` + refSeg + `)*))?`)
)

// refTokenize splits text into reference tokens.
func refTokenize(text string) []refToken {
	var toks []refToken
	prevBody := false
	for i := 0; i < len(text); {
		rest := text[i:]
		r, w := utf8.DecodeRuneInString(rest)
		var tok refToken
		var n int
		switch {
		case !prevBody && refURL.MatchString(rest):
			n = strings.IndexFunc(rest, unicode.IsSpace)
			if n < 0 {
				n = len(rest)
			}
			tok = refToken{kind: kindURL, text: "\x01"}
		case !prevBody && r == '#' && refHashtag.MatchString(rest):
			n = len(refHashtag.FindString(rest))
			tok = refHashtagToken(rest[:n])
		case !prevBody && r == '@' && refMention.MatchString(rest):
			n = len(refMention.FindString(rest))
			tok = refMentionToken(rest[:n])
		case refWord.MatchString(rest):
			n = len(refWord.FindString(rest))
			tok = refToken{kind: kindWord, text: refFold(rest[:n])}
		default:
			prevBody = r == '_'
			i += w
			continue
		}
		tok.start, tok.end = i, i+n
		toks = append(toks, tok)
		i += n
		prevBody = true
	}
	return toks
}

func refFold(s string) string {
	var b []byte
	for _, r := range s {
		b = appendFold(b, r)
	}
	return string(b)
}

// refHashtagToken splits a hashtag's body into parts: at underscores, at
// lower→upper, letter↔digit, and before the last capital of an acronym.
func refHashtagToken(tag string) refToken {
	body := []rune(tag[1:])
	cls := make([]caseClass, len(body))
	for i, r := range body {
		cls[i] = classify(r)
	}
	var parts [][2]int
	folded := ""
	partStart := -1
	prev := classOther
	for i, r := range body {
		split := false
		if r == '_' {
			split = true
		} else if cls[i] != classMark && partStart >= 0 {
			next := classOther
			for _, c := range cls[i+1:] {
				if c != classMark {
					next = c
					break
				}
			}
			split = (prev == classDigit) != (cls[i] == classDigit) ||
				prev == classLower && cls[i] == classUpper ||
				prev == classUpper && cls[i] == classUpper && next == classLower
		}
		if split && partStart >= 0 {
			parts = append(parts, [2]int{partStart, len(folded)})
			partStart = -1
		}
		if r != '_' && partStart < 0 {
			partStart = len(folded)
		}
		if r != '_' && cls[i] != classMark {
			prev = cls[i]
		}
		folded += refFold(string(r))
	}
	if partStart >= 0 {
		parts = append(parts, [2]int{partStart, len(folded)})
	}
	return refToken{kind: kindHashtag, text: "#" + folded, parts: parts}
}

func refMentionToken(m string) refToken {
	sub := refMention.FindStringSubmatch(m)
	text := "@" + refFold(sub[1])
	var ends []int
	for i := 1; i < len(text); i++ {
		if text[i] == '.' || text[i] == '-' {
			ends = append(ends, i)
		}
	}
	if sub[2] != "" {
		ends = append(ends, len(text))
		text += "@" + refFold(sub[2])
	}
	return refToken{kind: kindMention, text: text, ends: ends}
}

// refHit is an occurrence of a term: first and last token positions and the
// original span.
type refHit struct{ first, last, start, end int }

// refHits finds every occurrence of a term node among the tokens.
func refHits(n *node, toks []refToken) []refHit {
	var hits []refHit
	if n.kind == nodePhrase {
		words := strings.Split(n.text, " ")
		for k := 0; k+len(words) <= len(toks); k++ {
			ok := true
			for j, w := range words {
				ok = ok && toks[k+j].kind == kindWord && toks[k+j].text == w
			}
			if ok {
				last := k + len(words) - 1
				hits = append(hits, refHit{k, last, toks[k].start, toks[last].end})
			}
		}
		return hits
	}
	for k, t := range toks {
		for range refTermCount(n, t) {
			hits = append(hits, refHit{k, k, t.start, t.end})
		}
	}
	return hits
}

// refTermCount counts the occurrences of a one-token term in token t.
func refTermCount(n *node, t refToken) int {
	switch {
	case n.kind == nodeWord && t.kind == kindWord, n.kind == nodeHashtag && t.kind == kindHashtag:
		return b2i(t.text == n.text)
	case n.kind == nodeWildcard && t.kind == kindWord:
		return b2i(strings.HasPrefix(t.text, n.text))
	case n.kind == nodeMention && t.kind == kindMention:
		short := !strings.Contains(n.text[1:], "@")
		return b2i(t.text == n.text || short && slices.ContainsFunc(t.ends, func(e int) bool { return t.text[:e] == n.text }))
	case t.kind != kindHashtag || n.kind != nodeWord && n.kind != nodeWildcard:
		return 0
	}
	body, count := t.text[1:], 0
	for i, p := range t.parts {
		if n.kind == nodeWildcard {
			count += b2i(strings.HasPrefix(body[p[0]:], n.text))
			continue
		}
		for _, q := range t.parts[i:] {
			count += b2i(body[p[0]:q[1]] == n.text)
		}
	}
	return count
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// refEval evaluates a query node and returns its contributing spans.
func refEval(n *node, toks []refToken) (bool, []Span) {
	switch n.kind {
	case nodeAnd:
		var spans []Span
		for _, k := range n.kids {
			ok, s := refEval(k, toks)
			if !ok {
				return false, nil
			}
			spans = append(spans, s...)
		}
		return true, spans
	case nodeOr:
		var spans []Span
		any := false
		for _, k := range n.kids {
			ok, s := refEval(k, toks)
			any = any || ok
			spans = append(spans, s...)
		}
		return any, spans
	case nodeNot:
		ok, _ := refEval(n.kids[0], toks)
		return !ok, nil
	case nodeNear:
		return refNear(n, toks)
	}
	hits := refHits(n, toks)
	var spans []Span
	for _, h := range hits {
		spans = append(spans, Span{h.start, h.end})
	}
	return len(hits) > 0, spans
}

func refGroupHits(n *node, toks []refToken) []refHit {
	if n.kind != nodeOr {
		return refHits(n, toks)
	}
	var hits []refHit
	for _, k := range n.kids {
		hits = append(hits, refGroupHits(k, toks)...)
	}
	return hits
}

func refNear(n *node, toks []refToken) (bool, []Span) {
	xs, ys := refGroupHits(n.kids[0], toks), refGroupHits(n.kids[1], toks)
	within := func(a, b refHit) bool { return a.last < b.first && b.first-a.last <= n.dist }
	var spans []Span
	for _, x := range xs {
		if slices.ContainsFunc(ys, func(y refHit) bool { return within(x, y) || !n.ordered && within(y, x) }) {
			spans = append(spans, Span{x.start, x.end})
		}
	}
	for _, y := range ys {
		if slices.ContainsFunc(xs, func(x refHit) bool { return within(x, y) || !n.ordered && within(y, x) }) {
			spans = append(spans, Span{y.start, y.end})
		}
	}
	return len(spans) > 0, spans
}

// refMatch is the reference result for a query: whether it matches and its
// spans, sorted without duplicates.
func refMatch(q *Query, text string) (bool, []Span) {
	return refMatchTokens(q, refTokenize(truncate(text)))
}

// refMatchTokens is refMatch on an already tokenized text.
func refMatchTokens(q *Query, toks []refToken) (bool, []Span) {
	ok, spans := refEval(q.root, toks)
	if !ok {
		return false, nil
	}
	return true, sortSpans(spans, 0)
}

package stance

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a token is.
type kind uint8

const (
	kWord    kind = iota // a word or hashtag
	kMention             // a target's span
	kHandle              // an @handle that is not a target
	kPunct               // a boundary or comparison sign, in p
	kSarcasm             // 🙃, 🙄 or "/s"
)

// Punctuation kept in token.p. Sentence ends (. ! ? … and newlines) are
// all '.'; clause boundaries are ',', ';', '-' (a spaced dash) and '|'.
const (
	pSentence = '.'
	pGreater  = '>'
	pLess     = '<'
	pAmp      = '&'
)

// token is one unit of the text. Offsets index the original text, which
// the lowercased copy mirrors byte for byte.
type token struct {
	w          string // lowercased word or handle; empty for punctuation
	cls        cue
	brands     uint64 // targets a mention names (bit i: targets[i])
	start, end int32
	clause     int32
	kind       kind
	p          byte
	lead       bool // part of the leading mention run
}

func (t *token) is(c cue) bool { return t.cls&c != 0 }

// isBoundary reports a clause-ending punctuation token.
func (t *token) isBoundary() bool {
	return t.kind == kPunct && (t.p == pSentence || t.p == ',' || t.p == ';' || t.p == '-' || t.p == '|')
}

// mark is a target span to be turned into a mention token.
type mark struct {
	start, end int
	brands     uint64
}

// lowerASCII returns text with ASCII letters lowercased, byte for byte;
// text itself when it has no upper-case ASCII letter.
func lowerASCII(text string, buf []byte) (string, []byte) {
	i := strings.IndexFunc(text, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return text, buf
	}
	buf = append(buf[:0], text...)
	for j := i; j < len(buf); j++ {
		if c := buf[j]; 'A' <= c && c <= 'Z' {
			buf[j] = c + 'a' - 'A'
		}
	}
	return string(buf), buf
}

// collectMarks gathers the valid spans of the first MaxTargets targets,
// sorted by start.
func (s *scratch) collectMarks(targets []Target) {
	s.marks = s.marks[:0]
	for i, t := range targets {
		if i == MaxTargets {
			break
		}
		for _, sp := range t.Spans {
			if len(s.marks) == MaxSpans {
				break
			}
			if sp.Start < 0 || sp.Start >= sp.End || sp.End > len(s.text) {
				continue
			}
			s.spanned |= 1 << i
			if sp.Start >= s.limit {
				continue // placed in the last clause by placeUnseen
			}
			s.marks = append(s.marks, mark{sp.Start, min(sp.End, s.limit), 1 << i})
		}
	}
	slices.SortFunc(s.marks, func(a, b mark) int { return cmp.Compare(a.start, b.start) })
}

// tokenize splits s.lower into tokens, cutting words at target spans.
func (s *scratch) tokenize() {
	s.toks = s.toks[:0]
	mi := 0
	for i := 0; i < s.limit && len(s.toks) < maxTokens; {
		for mi < len(s.marks) && s.marks[mi].start < i {
			s.mergeOverlap(s.marks[mi])
			mi++
		}
		if mi < len(s.marks) && s.marks[mi].start == i {
			end, brands := s.marks[mi].end, s.marks[mi].brands
			for mi++; mi < len(s.marks) && s.marks[mi].start < end; mi++ {
				brands |= s.marks[mi].brands
				end = max(end, s.marks[mi].end)
			}
			s.toks = append(s.toks, token{w: s.lower[i:end], brands: brands, start: int32(i), end: int32(end), kind: kMention})
			i = end
			continue
		}
		next := s.limit
		if mi < len(s.marks) {
			next = s.marks[mi].start
		}
		i = s.scanAt(i, next)
	}
}

// mergeOverlap adds the brands of a span that starts inside the previous
// mention token to it; other overlapping spans are dropped.
func (s *scratch) mergeOverlap(m mark) {
	if n := len(s.toks); n > 0 && s.toks[n-1].kind == kMention && int(s.toks[n-1].end) > m.start {
		s.toks[n-1].brands |= m.brands
	}
}

// scanAt reads at most one token at i, not crossing next, and returns the
// position after it.
func (s *scratch) scanAt(i, next int) int {
	l := s.lower
	c := l[i]
	switch {
	case c == '\n':
		return s.punct(i, i+1, pSentence)
	case c == '.' || c == '!' || c == '?':
		return s.sentenceEnd(i, next)
	case c == ',' || c == ';' || c == '|' || c == '>':
		return s.punct(i, i+1, c)
	case c == '-':
		return s.dash(i, next)
	case c == '&' || c == '<':
		return s.entity(i, next)
	case c == '/':
		if i+1 < next && l[i+1] == 's' && (i == 0 || isSpace(l[i-1])) && (i+2 >= len(l) || !isWordByte(l[i+2])) {
			return s.emit(token{start: int32(i), end: int32(i + 2), kind: kSarcasm}, i+2)
		}
	case c == '@' && i+1 < next && isHandleByte(l[i+1]):
		j := i + 1
		for j < next && isHandleByte(l[j]) {
			j++
		}
		return s.emit(token{w: l[i:j], start: int32(i), end: int32(j), kind: kHandle}, j)
	case c == '#' && i+1 < next && isWordByte(l[i+1]) && l[i+1] != '\'':
		return s.word(i, i+1, next)
	case isWordByte(c) && c != '\'':
		return s.word(i, i, next)
	case c >= utf8.RuneSelf:
		return s.scanRune(i, next)
	}
	return i + 1
}

// scanRune handles a non-ASCII character at i.
func (s *scratch) scanRune(i, next int) int {
	r, size := utf8.DecodeRuneInString(s.lower[i:])
	switch {
	case r == '—' || r == '–':
		return s.punct(i, i+size, '-')
	case r == '…':
		return s.punct(i, i+size, pSentence)
	case r == '🙃' || r == '🙄':
		return s.emit(token{start: int32(i), end: int32(i + size), kind: kSarcasm}, i+size)
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return s.word(i, i, next)
	}
	return i + size
}

// sentenceEnd reads a run of . ! ? at i. A single '.' glued to a word
// ("t.co", "3.5", "home.Thanks") is not a boundary.
func (s *scratch) sentenceEnd(i, next int) int {
	l := s.lower
	j := i + 1
	for j < next && (l[j] == '.' || l[j] == '!' || l[j] == '?') {
		j++
	}
	if j-i == 1 && l[i] == '.' && j < len(l) && isWordByte(l[j]) {
		return j
	}
	return s.punct(i, j, pSentence)
}

// dash reads a spaced hyphen or a run of hyphens at i.
func (s *scratch) dash(i, next int) int {
	l := s.lower
	j := i + 1
	for j < next && l[j] == '-' {
		j++
	}
	if j-i > 1 || ((i == 0 || isSpace(l[i-1])) && (j >= len(l) || isSpace(l[j]))) {
		return s.punct(i, j, '-')
	}
	return j
}

// entity reads & and < with their HTML-escaped forms; "<3" is a heart.
func (s *scratch) entity(i, next int) int {
	l := s.lower[i:min(next, len(s.lower))]
	switch {
	case strings.HasPrefix(l, "&gt;"):
		return s.punct(i, i+4, pGreater)
	case strings.HasPrefix(l, "&lt;3"), strings.HasPrefix(l, "<3"):
		return i + strings.IndexByte(l, '3') + 1
	case strings.HasPrefix(l, "&lt;"):
		return s.punct(i, i+4, pLess)
	case strings.HasPrefix(l, "&amp;"):
		return s.punct(i, i+5, pAmp)
	case l[0] == '<':
		return s.punct(i, i+1, pLess)
	}
	return s.punct(i, i+1, pAmp)
}

// word reads a word from body (after an optional '#' at start), skipping
// URLs.
func (s *scratch) word(start, body, next int) int {
	l := s.lower
	if rest := l[start:]; strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "www.") {
		j := start
		for j < next && !isSpace(l[j]) {
			j++
		}
		return j
	}
	j := body
	for j < next {
		c := l[j]
		if c < utf8.RuneSelf {
			if !isWordByte(c) {
				break
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(l[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '’' {
			break
		}
		j += size
	}
	end := j
	for end > body+1 && l[end-1] == '\'' {
		end--
	}
	w := l[start:end]
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return s.emit(token{w: w, cls: classify(w), start: int32(start), end: int32(end), kind: kWord}, j)
}

// punct emits a punctuation token for [i, j).
func (s *scratch) punct(i, j int, p byte) int {
	return s.emit(token{start: int32(i), end: int32(j), kind: kPunct, p: p}, j)
}

// emit appends t and returns next, the position after it.
func (s *scratch) emit(t token, next int) int {
	s.toks = append(s.toks, t)
	return next
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '\'' || 'A' <= c && c <= 'Z'
}

func isHandleByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || 'A' <= c && c <= 'Z'
}

package csvimport

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// entities are what a text mentions, tags and links.
type entities struct {
	mentions, hashtags, links []string
}

// extract finds @mentions, #hashtags and http(s) links in text. On Twitter a
// handle is 1–15 of [A-Za-z0-9_]; elsewhere it may hold '.' and '-' and carry a
// host (@user@host, Bluesky domain handles).
func extract(text string, twitter bool) entities {
	var e entities
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], "@#hH")
		if j < 0 {
			break
		}
		i += j
		n := 1
		switch c := text[i]; {
		case c == '@' && boundary(text, i):
			var h string
			if h, n = handleAt(text[i+1:], twitter); h != "" {
				e.mentions = appendFold(e.mentions, h)
			}
			n++
		case c == '#' && boundary(text, i):
			var h string
			if h, n = hashtagAt(text[i+1:]); h != "" {
				e.hashtags = appendFold(e.hashtags, h)
			}
			n++
		case (c == 'h' || c == 'H') && hasPrefixFold(text[i:], "http") && boundary(text, i):
			var u string
			if u, n = linkAt(text[i:]); u != "" && len(e.links) < maxEntities && !contains(e.links, u) {
				e.links = append(e.links, u)
			}
			n = max(n, 1)
		}
		i += n
	}
	return e
}

// boundary reports whether the byte at i starts a word: no letter, digit,
// '_' or '&' (an entity) right before it.
func boundary(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i == 0 || !(wordRune(r) || r == '&' || r == '@' || r == '#')
}

func wordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func asciiWord(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// handleAt reads the handle at the start of s (after '@') and returns it and
// the bytes consumed; "" when s does not start with a valid handle.
func handleAt(s string, twitter bool) (string, int) {
	n := 0
	for n < len(s) && asciiWord(s[n]) {
		n++
	}
	if twitter {
		next, _ := utf8.DecodeRuneInString(s[n:])
		if n == 0 || n > 15 || wordRune(next) || next == '@' {
			return "", n
		}
		return s[:n], n
	}
	for n < len(s) && (asciiWord(s[n]) || s[n] == '.' || s[n] == '-' || s[n] == '@' && n > 0) {
		n++
	}
	h := strings.TrimRight(s[:n], ".-@")
	if h == "" || len(h) > 253 || strings.Count(h, "@") > 1 {
		return "", n
	}
	return h, n
}

// hashtagAt reads the tag at the start of s (after '#'): letters, digits,
// marks and '_', with at least one non-digit.
func hashtagAt(s string) (string, int) {
	n, letter := 0, false
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !wordRune(r) {
			break
		}
		letter = letter || !unicode.IsDigit(r)
		n += size
	}
	if !letter || n > 280 {
		return "", n
	}
	return s[:n], n
}

// linkAt reads an http(s) URL at the start of s, dropping trailing
// punctuation and an unbalanced closing parenthesis.
func linkAt(s string) (string, int) {
	lower := strings.ToLower(s[:min(len(s), 8)])
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return "", 1
	}
	n := strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '…' || !unicode.IsPrint(r)
	})
	if n < 0 {
		n = len(s)
	}
	u := strings.TrimRight(s[:n], ".,;:!?'*")
	for strings.HasSuffix(u, ")") && strings.Count(u, "(") < strings.Count(u, ")") {
		u = strings.TrimRight(u[:len(u)-1], ".,;:!?'*")
	}
	if _, host, _ := strings.Cut(u, "//"); host == "" || len(u) > 4096 {
		return "", n
	}
	return u, n
}

// maxEntities bounds the mentions, hashtags and links kept from one text.
const maxEntities = 100

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// appendFold appends s unless list holds it up to case or is full.
func appendFold(list []string, s string) []string {
	if len(list) >= maxEntities {
		return list
	}
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return list
		}
	}
	return append(list, s)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// leadingMention returns the handle of an @mention that starts text, if any.
func leadingMention(text string, twitter bool) string {
	text = strings.TrimLeft(text, " \t\r\n.")
	if !strings.HasPrefix(text, "@") {
		return ""
	}
	h, _ := handleAt(text[1:], twitter)
	return h
}

package advocacy

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// Fingerprint is the Event.TextHash of a text: a 64-bit FNV-1a hash of
// its normalised words, so that near-identical texts (a promotion
// repeated with another link, code, price or emoji) share a fingerprint.
// Normalisation lower-cases, drops URLs, @mentions, digits, punctuation
// and symbols, keeps hashtag words without '#', and joins the remaining
// words with single spaces. A text with no words left has fingerprint 0
// (no text).
func Fingerprint(text string) uint64 {
	h := fnv.New64a()
	n := 0
	for _, tok := range strings.Fields(text) {
		if skipToken(tok) {
			continue
		}
		word := strings.Map(keepRune, tok)
		if word == "" {
			continue
		}
		if n > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(word))
		n++
	}
	if n == 0 {
		return 0
	}
	if s := h.Sum64(); s != 0 {
		return s
	}
	return 1
}

// skipToken reports URLs and @mentions.
func skipToken(tok string) bool {
	t := strings.ToLower(tok)
	return strings.HasPrefix(t, "@") || strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") ||
		strings.HasPrefix(t, "www.") || strings.Contains(t, "://")
}

// keepRune lower-cases letters and drops everything else.
func keepRune(r rune) rune {
	if unicode.IsLetter(r) {
		return unicode.ToLower(r)
	}
	return -1
}

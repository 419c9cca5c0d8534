package lang

import (
	"unicode"
	"unicode/utf8"
)

// word tallies the word that starts with the letter at c[i] and returns its
// end: letters and combining marks, with apostrophes (' ’) between letters.
// It counts each letter for its script and each character feature, then
// looks the lower-cased word up in the profiles. Letters repeated more
// than twice in a row ("soooo") are kept twice; a word longer than
// maxWord bytes is counted but not looked up.
func (t *tally) word(c string, i int) int {
	buf := &t.buf
	n, runes, apos := 0, 0, -1
	first := scriptNone
	prev, run := rune(-1), 0
	for i < len(c) {
		if b := c[i]; isASCIILetter(b) {
			// The common case, the same as below for an ASCII letter.
			t.letters[scriptLatin]++
			if first == scriptNone {
				first = scriptLatin
			}
			b |= 0x20
			i++
			if rune(b) == prev {
				if run++; run > 2 {
					continue
				}
			} else {
				prev, run = rune(b), 1
			}
			if n < maxWord {
				buf[n] = b
			}
			n++
			runes++
			continue
		}
		r, size := rune(c[i]), 1
		if r < utf8.RuneSelf {
			if r == '\'' && runes > 0 && i+1 < len(c) && isLetterAt(c, i+1) {
				apos = n
			} else {
				t.lookup(buf[:min(n, maxWord)], n <= maxWord, runes, first, apos)
				return i
			}
		} else {
			r, size = utf8.DecodeRuneInString(c[i:])
			switch {
			case unicode.IsLetter(r):
				r = t.letter(r)
				if first == scriptNone {
					first = scriptOf(r)
				}
			case unicode.IsMark(r):
				if 0x064B <= r && r <= 0x065F || r == 0x0670 { // Arabic vowel marks, usually omitted
					i += size
					continue
				}
			case r == '’' && runes > 0 && i+size < len(c) && isLetterAt(c, i+size):
				r, apos = '\'', n
			default:
				t.lookup(buf[:min(n, maxWord)], n <= maxWord, runes, first, apos)
				return i
			}
		}
		i += size
		if r == prev {
			if run++; run > 2 {
				continue
			}
		} else {
			prev, run = r, 1
		}
		if n+utf8.RuneLen(r) <= maxWord {
			utf8.AppendRune(buf[n:n], r)
		}
		n += utf8.RuneLen(r)
		runes++
	}
	t.lookup(buf[:min(n, maxWord)], n <= maxWord, runes, first, apos)
	return i
}

// isLetterAt reports whether the character at c[i] is a letter.
func isLetterAt(c string, i int) bool {
	if c[i] < utf8.RuneSelf {
		return isASCIILetter(c[i])
	}
	r, _ := utf8.DecodeRuneInString(c[i:])
	return unicode.IsLetter(r)
}

// letter counts the letter r and returns it lower-cased.
func (t *tally) letter(r rune) rune {
	s := scriptOf(r)
	w := letterWeight(s)
	switch s {
	case scriptHan:
		t.han++
	case scriptKana:
		t.kana++
		if r < 0x30A0 {
			w++ // Hiragana writes Japanese grammar; Katakana, loanwords and names
		}
	}
	t.letters[s] += w
	if r < utf8.RuneSelf {
		return r | 0x20
	}
	r = unicode.ToLower(r)
	t.add(t.m.charHits(r))
	return r
}

// lookup scores the lower-cased word w of the given script: the whole
// word, else the parts around an apostrophe at apos ("l'", "'s") and the
// part after it, else its last three characters when it has five or more.
// w is in t.buf, so that the tables may read keyPad bytes past its end.
func (t *tally) lookup(w []byte, whole bool, runes int, s script, apos int) {
	if !whole || len(w) == 0 || !hasProfiles(s) {
		return
	}
	if hits := t.m.wordTable.get(w); hits != nil {
		t.add(hits)
		return
	}
	if apos >= 0 {
		t.add(t.m.wordTable.get(w[:apos+1]))
		t.add(t.m.wordTable.get(w[apos:]))
		t.add(t.m.wordTable.get(w[apos+1:]))
		return
	}
	if runes >= 5 {
		k := len(w)
		for range 3 {
			_, size := utf8.DecodeLastRune(w[:k])
			k -= size
		}
		t.add(t.m.endingTable.get(w[k:]))
	}
}

func (t *tally) add(hits []hit) {
	for _, h := range hits {
		t.scores[h.profile] += int32(h.weight)
	}
}

// hasProfiles reports whether the languages of script s are told apart by
// their words.
func hasProfiles(s script) bool {
	return s == scriptLatin || s == scriptCyrillic || s == scriptArabic || s == scriptDevanagari
}

// fold lower-cases s the way word does, for checking the profile files.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r == '’' {
			r = '\''
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

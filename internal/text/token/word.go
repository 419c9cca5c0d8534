package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordInfo summarises a scanned word or number.
type wordInfo struct {
	upper, lower int  // upper- and lower-case letters
	rewrite      bool // the Norm differs from the text
	elongated    bool // a run of three or more of the same letter
	prev         rune // last letter, lower-cased, for runs
	run          int  // length of the current run of prev
}

// letter records the letter r.
func (w *wordInfo) letter(r rune) {
	lower := r
	switch {
	case r < utf8.RuneSelf:
		if ascii[r]&cUpper != 0 {
			w.upper++
			lower += 'a' - 'A'
		} else {
			w.lower++
		}
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		w.upper++
		lower = unicode.ToLower(r)
	case unicode.IsLower(r):
		w.lower++
	}
	if lower != r {
		w.rewrite = true
	}
	if lower != w.prev {
		w.prev, w.run = lower, 1
	} else if w.run++; w.run == 3 {
		w.elongated, w.rewrite = true, true
	}
}

// wordEnd returns the end of the word that starts with the letter at s[i]:
// letters, combining marks and digits of one word-breaking script, joined
// by inner apostrophes, hyphens and the like (see joinerEnd), or an
// abbreviation of single letters and full stops such as "U.S." or "e.g.".
func wordEnd(s string, i int, w *wordInfo) int {
	script := scriptSpaced
	if s[i] >= utf8.RuneSelf {
		first, _ := decode(s, i)
		script = breakScript(first)
	}
	j := i
	for j < len(s) {
		if script == scriptSpaced {
			j = w.asciiRun(s, j)
			if j >= len(s) {
				break
			}
			if c := s[j]; c < utf8.RuneSelf && c != '\'' && c != '-' && c != '&' {
				return wordEndAt(s, i, j, w)
			}
		}
		r, n := decode(s, j)
		switch {
		case isLetter(r):
			var ok bool
			if script, ok = sameWord(script, breakScript(r)); !ok {
				return j
			}
			w.letter(r)
		case isNumber(r) && script == scriptSpaced:
			w.prev = -1
		case isMark(r):
			w.rewrite = w.rewrite || 0x300 <= r && r <= 0x36F
			w.prev = -1 // as in writeNorm, a mark ends a run
		default:
			k := joinerEnd(s, j, r, n, script)
			if k == j {
				return wordEndAt(s, i, j, w)
			}
			w.rewrite = w.rewrite || r == 0x2019 || r == 0xB4 || r == 0x2010 || r == 0x2011 || r == 0xAD
			j = k
			continue
		}
		j += n
	}
	return wordEndAt(s, i, j, w)
}

// asciiRun records the ASCII letters and digits at s[j:] and returns where
// they end: the fast path of wordEnd. It keeps the counts in locals and
// stores them once, at the end of the run.
func (w *wordInfo) asciiRun(s string, j int) int {
	upper, letters, prev, run := 0, 0, w.prev, w.run
	for ; j < len(s); j++ {
		c := s[j]
		cls := ascii[c]
		if cls&(cLetter|cDigit) == 0 {
			break
		}
		if cls&cDigit != 0 {
			prev = -1
			continue
		}
		// Count and lower-case without branches: cUpper is the top bit.
		letters++
		upper += int(cls / cUpper)
		c |= cls / (cUpper / 0x20) & 0x20
		if rune(c) != prev {
			prev, run = rune(c), 1
		} else if run++; run == 3 {
			w.elongated, w.rewrite = true, true
		}
	}
	if upper != 0 {
		w.rewrite = true
	}
	w.upper += upper
	w.lower += letters - upper
	w.prev, w.run = prev, run
	return j
}

// wordEndAt ends the word s[i:j], unless it is the first letter of an
// abbreviation.
func wordEndAt(s string, i, j int, w *wordInfo) int {
	if j == i+1 {
		return abbreviationEnd(s, i, j, w)
	}
	return j
}

// joinerEnd returns the end of the joiner r (of size n) at s[j] inside a
// word of the given script, or j when r does not join: an apostrophe (' ’ ´)
// or ZWJ/ZWNJ/middle dot/soft hyphen before a letter, a hyphen (- ‐ ‑)
// before a letter or digit, '&' between upper-case letters (AT&T).
func joinerEnd(s string, j int, r rune, n int, script int) int {
	next, _ := decode(s, j+n)
	letter := isLetter(next)
	if letter {
		if _, ok := sameWord(script, breakScript(next)); !ok {
			return j
		}
	}
	switch r {
	case '\'', 0x2019, 0xB4, 0x200C, zwj, 0xB7, 0xAD:
		if letter {
			return j + n
		}
	case '-', 0x2010, 0x2011:
		if letter || script == scriptSpaced && isNumber(next) {
			return j + n
		}
	case '&':
		if j > 0 && ascii[s[j-1]]&cUpper != 0 && next < utf8.RuneSelf && ascii[next]&cUpper != 0 {
			return j + n
		}
	}
	return j
}

// abbreviationEnd extends a one-letter word at s[i:j] over an abbreviation
// of single letters each followed by a full stop ("U.S.", "e.g.", "a.m.").
func abbreviationEnd(s string, i, j int, w *wordInfo) int {
	if j != i+1 || !isAbbrevPair(s, i) || !isAbbrevPair(s, i+2) {
		return j
	}
	*w = wordInfo{}
	for j = i; isAbbrevPair(s, j); j += 2 {
		w.prev = -1
		w.letter(rune(s[j]))
	}
	return j
}

// isAbbrevPair reports an ASCII letter followed by a full stop at s[j].
func isAbbrevPair(s string, j int) bool {
	return j+1 < len(s) && ascii[s[j]]&cLetter != 0 && s[j+1] == '.'
}

// numberEnd returns the end of the number at s[i]: digits with inner
// separators (1,000.50 10:30 2/24 1-800), then a percent sign, a currency
// symbol (50$ 20€) or a suffix of letters and digits (3pm 2nd 10k 737MAX).
func numberEnd(s string, i int, w *wordInfo) int {
	j := digitsEnd(s, i)
	for j+1 < len(s) && strings.IndexByte(",.:/-", s[j]) >= 0 && isNumberAt(s, j+1) {
		j = digitsEnd(s, j+1)
	}
	r, n := decode(s, j)
	switch {
	case r == '%' || unicode.Is(unicode.Sc, r) && !wordContinues(s, j+n):
		return j + n
	case !isLetter(r) || breakScript(r) != scriptSpaced:
		return j
	}
	for j < len(s) {
		r, n = decode(s, j)
		switch {
		case isLetter(r) && breakScript(r) == scriptSpaced:
			w.letter(r)
		case isNumber(r) || isMark(r):
		default:
			return j
		}
		j += n
	}
	return j
}

// digitsEnd returns the end of the run of digits at s[j].
func digitsEnd(s string, j int) int {
	for j < len(s) {
		r, n := decode(s, j)
		if !isNumber(r) {
			return j
		}
		j += n
	}
	return j
}

func isNumberAt(s string, j int) bool {
	r, _ := decode(s, j)
	return isNumber(r)
}

// isNegation reports whether the Norm of a word is an English negation:
// a word ending in n't, or one of not, no, never, nothing, nobody, none,
// neither, nor, nowhere, cannot, without and the n't contractions written
// without the apostrophe (dont, cant, isnt…).
func isNegation(norm string) bool {
	switch {
	case len(norm) < 2 || len(norm) > 8 && norm[len(norm)-1] != 't':
		return false
	case len(norm) > 3 && norm[len(norm)-3:] == "n't":
		return true
	}
	// Past here every negation starts with n or ends in nt, ot or ut.
	if last := norm[len(norm)-2:]; norm[0] != 'n' && last != "nt" && last != "ot" && last != "ut" {
		return false
	}
	switch norm {
	case "not", "no", "never", "nothing", "nobody", "none",
		"neither", "nor", "nowhere", "cannot", "without",
		"dont", "cant", "wont", "isnt", "arent", "aint",
		"wasnt", "werent", "doesnt", "didnt", "hasnt",
		"havent", "hadnt", "couldnt", "shouldnt", "wouldnt",
		"mustnt", "neednt":
		return true
	}
	return false
}

package token

import "unicode/utf8"

// handleEnd returns the end of the run of user-name characters at s[j].
func handleEnd(s string, j int) int {
	for j < len(s) && s[j] < utf8.RuneSelf && ascii[s[j]]&cHandle != 0 {
		j++
	}
	return j
}

// precededByWord reports whether s[i] follows a letter, digit or '_',
// which makes an '@', '#' or '$' part of something else (a@b, C#, US$).
func precededByWord(s string, i int) bool {
	r, n := decodeLast(s, i)
	return n > 0 && (r == '_' || isLetter(r) || isNumber(r))
}

// mentionEnd returns the end of the mention at s[i] (an '@'), or i:
// "@name" (Twitter, Instagram), "@user@instance.social" (Mastodon) or
// "@handle.bsky.social" (Bluesky). A dotted name must end in a known
// top-level domain so that "@united.Thanks" stays a mention of "united".
func mentionEnd(s string, i int) int {
	j := handleEnd(s, i+1)
	if j == i+1 || precededByWord(s, i) {
		return i
	}
	j = dottedHandleEnd(s, j)
	if j+1 < len(s) && s[j] == '@' && isASCIIAlnum(s[j+1]) {
		if k := domainEnd(s, j+1); k > j+1 {
			return k
		}
	}
	return j
}

// dottedHandleEnd extends the handle that ends at s[j] over ".label" parts
// when the last of them is a top-level domain.
func dottedHandleEnd(s string, j int) int {
	best := j
	for j+1 < len(s) && (s[j] == '.' || s[j] == '-') && ascii[s[j+1]]&cHandle != 0 {
		k := handleEnd(s, j+1)
		if s[j] == '.' && isTLD(s[j+1:k], false) {
			best = k
		}
		j = k
	}
	return best
}

// hashtagEnd returns the end of the hashtag at s[i] (a '#'), or i. The body
// is letters, combining marks, digits and '_', with at least one letter:
// "#1" is not a hashtag.
func hashtagEnd(s string, i int) int {
	if precededByWord(s, i) {
		return i
	}
	j, letters := i+1, 0
	for j < len(s) {
		r, n := decode(s, j)
		switch {
		case isLetter(r):
			letters++
		case r == '_' || isNumber(r) || isMark(r):
		case (r == zwj || r == 0x200C) && letters > 0:
			if next, _ := decode(s, j+n); !isLetter(next) {
				return hashtagResult(i, j, letters)
			}
		default:
			return hashtagResult(i, j, letters)
		}
		j += n
	}
	return hashtagResult(i, j, letters)
}

func hashtagResult(i, j, letters int) int {
	if letters == 0 {
		return i
	}
	return j
}

// cashtagEnd returns the end of the cashtag at s[i] (a '$'), or i: one to
// six ASCII letters with an optional class suffix such as ".A" or "_B",
// not followed by a letter or digit.
func cashtagEnd(s string, i int) int {
	if precededByWord(s, i) {
		return i
	}
	j := lettersEnd(s, i+1, 6)
	if j == i+1 {
		return i
	}
	if j+1 < len(s) && (s[j] == '.' || s[j] == '_') {
		if k := lettersEnd(s, j+1, 2); k > j+1 && !wordContinues(s, k) {
			return k
		}
	}
	if wordContinues(s, j) {
		return i
	}
	return j
}

// lettersEnd returns the end of the run of at most max ASCII letters at s[j].
func lettersEnd(s string, j, max int) int {
	end := min(len(s), j+max)
	for j < end && ascii[s[j]]&cLetter != 0 {
		j++
	}
	return j
}

// wordContinues reports a letter, digit or '_' at s[j].
func wordContinues(s string, j int) bool {
	r, n := decode(s, j)
	return n > 0 && (r == '_' || isLetter(r) || isNumber(r))
}

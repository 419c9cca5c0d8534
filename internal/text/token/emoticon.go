package token

import "strings"

// emoticons are the recognised ASCII emoticons (plus the shrug). A text is
// matched against the longest first, and only when the emoticon is not
// followed by a letter or digit (":Partner" holds none) nor, for those that
// begin with a letter, preceded by one. The ending character of some may
// repeat (":)))", ":DDD", "<333") and the repeats belong to the token.
var emoticons = byFirstByte(
	// happy, playful, affectionate
	":)", ":-)", ":]", ":-]", "=)", "=]", ":^)", ":o)", ":3", ":-3", ":')", ":'-)",
	":D", ":-D", ";D", "=D", "xD", "XD", ";)", ";-)", ";]", "(:", "(;",
	":P", ":-P", ":p", ":-p", ";P", ";-P", ";p", ";-p", "=P", "=p",
	":*", ":-*", ";*", "<3", "^_^", "^^", "^.^", "^-^", ">:)", ">:-)",
	// sad, angry, unsure, surprised
	":(", ":-(", ":[", ":-[", "=(", "=[", ";(", ":'(", ":'-(", ":,(", ">:(", ">:-(",
	":/", ":-/", ":\\", ":-\\", "=/", "=\\", ":|", ":-|", ":S", ":-S", ":s", ":-s",
	":@", ":$", ":x", ":X", ":-x", ":-X", ":O", ":-O", ":o", ":-o", ":0",
	"</3", "<\\3", "-_-", "-.-", ">_<", ">.<", "T_T", "T.T", ";_;", "._.", "x_x", "X_X",
	"o_O", "O_o", "o.O", "O.o", "O_O", "o_o",
	`¯\_(ツ)_/¯`, `¯\(ツ)/¯`,
)

// emoticonStart reports the bytes that start an emoticon: the non-empty
// entries of emoticons, in a table small enough to stay in cache.
var emoticonStart = func() (t [256]bool) {
	for c, list := range emoticons {
		t[c] = list != nil
	}
	return t
}()

// byFirstByte groups emoticons by their first byte, longest first.
func byFirstByte(list ...string) (t [256][]string) {
	for _, e := range list {
		g := append(t[e[0]], e)
		for k := len(g) - 1; k > 0 && len(g[k]) > len(g[k-1]); k-- {
			g[k], g[k-1] = g[k-1], g[k]
		}
		t[e[0]] = g
	}
	return t
}

// repeatable is the set of final characters an emoticon may repeat.
const repeatable = ")(][DPp3|*"

// emoticonEnd returns the end of the emoticon at s[i], or i.
func emoticonEnd(s string, i int) int {
	for _, e := range emoticons[s[i]] {
		if !strings.HasPrefix(s[i:], e) {
			continue
		}
		j := i + len(e)
		if last := e[len(e)-1]; strings.IndexByte(repeatable, last) >= 0 {
			for j < len(s) && s[j] == last {
				j++
			}
		}
		if emoticonBounded(s, i, j, e) {
			return j
		}
	}
	return i
}

// emoticonBounded checks the characters around a candidate emoticon e at
// s[i:j].
func emoticonBounded(s string, i, j int, e string) bool {
	if j < len(s) && isASCIIAlnum(s[j]) {
		return false
	}
	if isASCIIAlnum(e[0]) && i > 0 && isASCIIAlnum(s[i-1]) {
		return false
	}
	// ":/" starts "://" and "=/" a path; "(:" and "(;" open many asides.
	switch e {
	case ":/", "=/":
		return j == len(s) || s[j] != '/'
	case "(:", "(;":
		return j == len(s) || s[j] == ' '
	}
	return true
}

// emoticonNormLen returns the length of an emoticon's Norm: the text with
// the repeats of its final character removed (":)))" → ":)").
func emoticonNormLen(s string) int {
	n := len(s)
	for n > 2 && s[n-1] == s[n-2] && strings.IndexByte(repeatable, s[n-1]) >= 0 {
		n--
	}
	return n
}

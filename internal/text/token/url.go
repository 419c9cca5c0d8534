package token

import "unicode/utf8"

// maxLocal bounds the local part of an e-mail address (RFC 5321).
const maxLocal = 64

// tlds are the top-level domains that make a bare "name.tld" a URL. Those
// marked 2 are also common words or file extensions ("do.it", "bags.no"):
// they count only when a path follows ("t.co/x", "about.me/x").
var tlds = map[string]uint8{
	"com": 1, "net": 1, "org": 1, "edu": 1, "gov": 1, "mil": 1, "int": 1, "info": 1, "biz": 1,
	"io": 1, "ly": 1, "app": 1, "dev": 1, "ai": 1, "gg": 1, "fm": 1, "tv": 1, "xyz": 1, "eu": 1,
	"online": 1, "site": 1, "store": 1, "tech": 1, "news": 1, "blog": 1, "social": 1, "club": 1,
	"live": 1, "shop": 1, "cc": 1, "ws": 1, "asia": 1, "museum": 1, "travel": 1, "aero": 1,
	"uk": 1, "ca": 1, "au": 1, "nz": 1, "ie": 1, "de": 1, "fr": 1, "es": 1, "nl": 1, "ch": 1,
	"se": 1, "dk": 1, "fi": 1, "pt": 1, "gr": 1, "cz": 1, "hu": 1, "ro": 1, "ru": 1, "ua": 1,
	"jp": 1, "cn": 1, "kr": 1, "tw": 1, "hk": 1, "sg": 1, "br": 1, "mx": 1, "ar": 1, "cl": 1,
	"za": 1, "il": 1, "tr": 1, "ph": 1, "vn": 1, "th": 1, "pk": 1, "ng": 1, "ke": 1, "eg": 1,
	"co": 2, "me": 2, "to": 2, "it": 2, "no": 2, "is": 2, "at": 2, "be": 2, "in": 2, "us": 2,
	"am": 2, "so": 2, "do": 2, "my": 2, "id": 2, "pl": 2, "la": 2, "gl": 2, "gd": 2, "md": 2,
	"sh": 2, "py": 2, "ms": 2, "cx": 2, "st": 2, "ag": 2, "sc": 2, "im": 2, "tk": 2, "nu": 2,
}

// isTLD reports whether label is a top-level domain here, written in lower
// or upper case; pathFollows says whether a '/' comes next.
func isTLD(label string, pathFollows bool) bool {
	if len(label) < 2 || len(label) > 8 {
		return false
	}
	var buf [8]byte
	upper := ascii[label[0]]&cUpper != 0
	for i := 0; i < len(label); i++ {
		c := label[i]
		if ascii[c]&cLetter == 0 || (ascii[c]&cUpper != 0) != upper {
			return false
		}
		buf[i] = c | 0x20
	}
	switch tlds[string(buf[:len(label)])] {
	case 1:
		return true
	case 2:
		return pathFollows
	}
	return false
}

// hasPrefixFold reports whether s[i:] starts with the lower-case ASCII
// prefix p, ignoring case.
func hasPrefixFold(s string, i int, p string) bool {
	if len(s)-i < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if s[i+k]|0x20 != p[k] && s[i+k] != p[k] {
			return false
		}
	}
	return true
}

// urlEnd returns the end of the URL that starts with a scheme (http://,
// https://, ftp://) or "www." at s[i], or i.
func urlEnd(s string, i int) int {
	var j int
	switch s[i] | 0x20 {
	case 'h':
		switch {
		case hasPrefixFold(s, i, "https://"):
			j = i + 8
		case hasPrefixFold(s, i, "http://"):
			j = i + 7
		}
	case 'f':
		if hasPrefixFold(s, i, "ftp://") {
			j = i + 6
		}
	case 'w':
		if hasPrefixFold(s, i, "www.") {
			j = i + 4
		}
	}
	if j == 0 || j >= len(s) || !isURLStart(s, j) {
		return i
	}
	return urlBodyEnd(s, j)
}

// isURLStart reports whether a host can start at s[j].
func isURLStart(s string, j int) bool {
	r, _ := decode(s, j)
	return r < utf8.RuneSelf && isASCIIAlnum(byte(r)) || r == '[' || r >= utf8.RuneSelf && isLetter(r)
}

// urlBodyEnd returns where the URL whose body continues at s[j] ends: at
// white space, a character not used in URLs ('<', '"', '…', an emoji…), a
// closing bracket that was not opened inside it, and without trailing
// punctuation such as the full stop of a sentence.
func urlBodyEnd(s string, j int) int {
	start, depth := j, 0
	for j < len(s) {
		r, n := decode(s, j)
		switch {
		case r == '(' || r == '[':
			depth++
		case r == ')' || r == ']':
			if depth == 0 {
				return trimURL(s, start, j)
			}
			depth--
		case r < utf8.RuneSelf && ascii[r]&cURL == 0, r >= utf8.RuneSelf && !isLetter(r) && !isNumber(r) && !isMark(r):
			return trimURL(s, start, j)
		}
		j += n
	}
	return trimURL(s, start, j)
}

// trimURL drops trailing punctuation from the URL body s[start:end].
func trimURL(s string, start, end int) int {
	for end > start {
		switch s[end-1] {
		case '.', ',', ';', ':', '!', '?', '\'', '*':
			end--
			continue
		}
		break
	}
	return end
}

// hostEnd returns the end of the run of host-name characters at s[j].
func hostEnd(s string, j int) int {
	for j < len(s) && s[j] < utf8.RuneSelf && ascii[s[j]]&cHost != 0 {
		j++
	}
	return j
}

// domainEnd returns the end of the longest domain name at s[j] with at least
// two labels and an alphabetic last label of two letters or more, or j.
func domainEnd(s string, j int) int {
	best, labels := j, 0
	for {
		k := hostEnd(s, j)
		if k == j {
			return best
		}
		if labels++; labels >= 2 && isAlpha(s[j:k]) && k-j >= 2 {
			best = k
		}
		if k+1 >= len(s) || s[k] != '.' || !isASCIIAlnum(s[k+1]) {
			return best
		}
		j = k + 1
	}
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if ascii[s[i]]&cLetter == 0 {
			return false
		}
	}
	return true
}

// bareDomainEnd returns the end of a URL written without a scheme, such as
// "example.com" or "bit.ly/x", at s[i], or i. It also returns the end of
// the run of host-name characters and dots it examined: when it finds no
// URL, none can start before that point either.
func bareDomainEnd(s string, i int) (end, seen int) {
	best, j, labels := i, i, 0
	for {
		k := hostEnd(s, j)
		if k == j {
			break
		}
		path := k < len(s) && s[k] == '/'
		if labels++; labels >= 2 && isTLD(s[j:k], path) && !letterFollows(s, k) {
			best = k
		}
		if k+1 >= len(s) || s[k] != '.' || !isASCIIAlnum(s[k+1]) {
			j = k
			break
		}
		j = k + 1
	}
	if best == i {
		return i, j
	}
	if best < len(s) && (s[best] == '/' || s[best] == '?' || s[best] == ':' && best+1 < len(s) && ascii[s[best+1]]&cDigit != 0) {
		return urlBodyEnd(s, best), j
	}
	return best, j
}

// letterFollows reports a letter at s[k], which makes "x.com" part of a
// longer word such as "x.comé".
func letterFollows(s string, k int) bool {
	r, n := decode(s, k)
	return n > 0 && r >= utf8.RuneSelf && isLetter(r)
}

// emailEnd returns the end of the e-mail address at s[i], or i, and the
// end of the local-part run it examined: when there is no address, none can
// start before that point either.
func emailEnd(s string, i int) (end, seen int) {
	j := i
	for j < len(s) && s[j] < utf8.RuneSelf && ascii[s[j]]&cLocal != 0 {
		j++
	}
	if j >= len(s) || s[j] != '@' || j-i > maxLocal || s[j-1] == '.' {
		return i, j
	}
	if k := domainEnd(s, j+1); k > j+1 {
		return k, j
	}
	return i, j
}

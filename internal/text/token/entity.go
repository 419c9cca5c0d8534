package token

import (
	"strings"
	"unicode/utf8"
)

// maxEntity bounds the length of a character reference, "&" and ";"
// included: the longest named one here is 8 bytes, a numeric one at most
// "&#x10FFFF;" or "&#1114111;" with leading zeros.
const maxEntity = 12

// entities maps the names of the HTML character references decoded here to
// their characters: the five XML ones, the Latin-1 (ISO 8859-1) set and the
// common typographic ones. Each decodes to a single rune.
var entities = map[string]rune{
	"amp": '&', "lt": '<', "gt": '>', "quot": '"', "apos": '\'',
	"nbsp": 0xA0, "iexcl": '¡', "cent": '¢', "pound": '£', "curren": '¤', "yen": '¥',
	"brvbar": '¦', "sect": '§', "uml": '¨', "copy": '©', "ordf": 'ª', "laquo": '«',
	"not": '¬', "shy": 0xAD, "reg": '®', "macr": '¯', "deg": '°', "plusmn": '±',
	"sup2": '²', "sup3": '³', "acute": '´', "micro": 'µ', "para": '¶', "middot": '·',
	"cedil": '¸', "sup1": '¹', "ordm": 'º', "raquo": '»', "frac14": '¼', "frac12": '½',
	"frac34": '¾', "iquest": '¿', "times": '×', "divide": '÷', "szlig": 'ß',
	"Agrave": 'À', "Aacute": 'Á', "Acirc": 'Â', "Atilde": 'Ã', "Auml": 'Ä', "Aring": 'Å',
	"AElig": 'Æ', "Ccedil": 'Ç', "Egrave": 'È', "Eacute": 'É', "Ecirc": 'Ê', "Euml": 'Ë',
	"Igrave": 'Ì', "Iacute": 'Í', "Icirc": 'Î', "Iuml": 'Ï', "ETH": 'Ð', "Ntilde": 'Ñ',
	"Ograve": 'Ò', "Oacute": 'Ó', "Ocirc": 'Ô', "Otilde": 'Õ', "Ouml": 'Ö', "Oslash": 'Ø',
	"Ugrave": 'Ù', "Uacute": 'Ú', "Ucirc": 'Û', "Uuml": 'Ü', "Yacute": 'Ý', "THORN": 'Þ',
	"agrave": 'à', "aacute": 'á', "acirc": 'â', "atilde": 'ã', "auml": 'ä', "aring": 'å',
	"aelig": 'æ', "ccedil": 'ç', "egrave": 'è', "eacute": 'é', "ecirc": 'ê', "euml": 'ë',
	"igrave": 'ì', "iacute": 'í', "icirc": 'î', "iuml": 'ï', "eth": 'ð', "ntilde": 'ñ',
	"ograve": 'ò', "oacute": 'ó', "ocirc": 'ô', "otilde": 'õ', "ouml": 'ö', "oslash": 'ø',
	"ugrave": 'ù', "uacute": 'ú', "ucirc": 'û', "uuml": 'ü', "yacute": 'ý', "thorn": 'þ',
	"yuml": 'ÿ', "OElig": 'Œ', "oelig": 'œ', "Scaron": 'Š', "scaron": 'š', "euro": '€',
	"ndash": '–', "mdash": '—', "lsquo": '‘', "rsquo": '’', "sbquo": '‚', "ldquo": '“',
	"rdquo": '”', "bdquo": '„', "dagger": '†', "Dagger": '‡', "bull": '•', "hellip": '…',
	"permil": '‰', "prime": '′', "lsaquo": '‹', "rsaquo": '›', "trade": '™', "larr": '←',
	"uarr": '↑', "rarr": '→', "darr": '↓', "harr": '↔', "hearts": '♥', "spades": '♠',
	"clubs": '♣', "diams": '♦', "zwj": 0x200D, "zwnj": 0x200C, "ensp": 0x2002,
	"emsp": 0x2003, "thinsp": 0x2009, "lrm": 0x200E, "rlm": 0x200F, "check": '✓',
}

// entityAt decodes the character reference that starts at s[i] (an '&') and
// returns its rune and byte length, or ok false when there is none there.
// References must end in ';'. Numeric ones must name a valid, non-NUL
// Unicode scalar value.
func entityAt(s string, i int) (r rune, n int, ok bool) {
	end := min(len(s), i+maxEntity)
	semi := strings.IndexByte(s[i+1:end], ';')
	if semi < 1 {
		return 0, 0, false
	}
	body := s[i+1 : i+1+semi]
	n = semi + 2
	if body[0] != '#' {
		r, ok = entities[body]
		return r, n, ok
	}
	r, ok = numericRef(body[1:])
	return r, n, ok
}

// numericRef parses the digits of "&#65;" or "&#x41;" (without "&#" and ";").
func numericRef(d string) (rune, bool) {
	base := rune(10)
	if d != "" && (d[0] == 'x' || d[0] == 'X') {
		base, d = 16, d[1:]
	}
	if d == "" {
		return 0, false
	}
	var r rune
	for i := 0; i < len(d); i++ {
		v := hexValue(d[i])
		if v < 0 || v >= base {
			return 0, false
		}
		if r = r*base + v; r > utf8.MaxRune {
			return 0, false
		}
	}
	return r, r != 0 && utf8.ValidRune(r)
}

func hexValue(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return rune(c-'A') + 10
	}
	return -1
}

// DecodeEntities returns s with its HTML character references decoded:
// numeric ones (&#39; &#x1F600;) and the named ones of the XML, Latin-1 and
// common typographic sets (&amp; &lt; &gt; &quot; &nbsp; &eacute; &hellip;
// &rsquo; …). A reference must end in ';'; anything else, including an
// unknown name, is left as it is. Decoding is a single pass: "&amp;lt;"
// becomes "&lt;". It returns s itself when there is nothing to decode.
func DecodeEntities(s string) string {
	d, _ := decodeEntities(s, nil)
	return d
}

// shift records where a decoded reference ends: from decoded offset dec
// on, original offsets are larger by delta.
type shift struct {
	dec, delta int
}

// decodeEntities decodes s like DecodeEntities and appends to shifts one
// entry per decoded reference, in order.
func decodeEntities(s string, shifts []shift) (string, []shift) {
	i := strings.IndexByte(s, '&')
	for ; i >= 0; i = nextAmp(s, i+1) {
		if _, _, ok := entityAt(s, i); ok {
			break
		}
	}
	if i < 0 {
		return s, shifts
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, n, ok := entityAt(s, i)
		if !ok {
			j := nextAmp(s, i+1)
			if j < 0 {
				j = len(s)
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		b.WriteRune(r)
		i += n
		shifts = append(shifts, shift{dec: b.Len(), delta: i - b.Len()})
	}
	return b.String(), shifts
}

// nextAmp returns the index of the next '&' at or after i, or -1.
func nextAmp(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	if j := strings.IndexByte(s[i:], '&'); j >= 0 {
		return i + j
	}
	return -1
}

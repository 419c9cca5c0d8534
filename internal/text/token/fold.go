package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// compositions maps a lower-case Latin letter followed by a combining mark
// to the precomposed letter, so that a decomposed "e\u0301" has the Norm "é"
// like the precomposed one. It covers the single marks used by the major
// Latin-script languages, not full canonical composition.
var compositions = func() map[[2]rune]rune {
	m := map[[2]rune]rune{}
	for mark, pairs := range map[rune]string{
		0x300: "aàeèiìoòuùnǹwẁyỳ",
		0x301: "aáeéiíoóuúyýcćnńsśzźlĺrŕgǵwẃ",
		0x302: "aâeêiîoôuûcĉgĝhĥjĵsŝwŵyŷ",
		0x303: "aãeẽiĩoõuũnñyỹ",
		0x304: "aāeēiīoōuū",
		0x306: "aăeĕgğiĭoŏuŭ",
		0x307: "cċeėgġzż",
		0x308: "aäeëiïoöuüyÿ",
		0x309: "aảeẻiỉoỏuủyỷ",
		0x30A: "aåuů",
		0x30B: "oőuű",
		0x30C: "aǎcčdďeěgǧiǐkǩlľnňoǒrřsštťuǔzž",
		0x31B: "oơuư",
		0x323: "aạeẹiịoọuụyỵ",
		0x326: "sștț",
		0x327: "cçgģkķlļnņrŗsştţ",
		0x328: "aąeęiįoǫuų",
	} {
		rs := []rune(pairs)
		for k := 0; k+1 < len(rs); k += 2 {
			m[[2]rune{rs[k], mark}] = rs[k+1]
		}
	}
	return m
}()

// toLower is unicode.ToLower with an ASCII fast path.
func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// writeNorm writes the Norm of a word or number s to b: lower-cased with
// Go's simple case mapping, common combining marks composed with their
// letter, ’ and ´ written ', ‐ and ‑ written -, soft hyphens dropped, and
// every run of three or more of the same letter cut to two ("sooo" → "soo",
// "goooood" → "good").
func writeNorm(b *strings.Builder, s string) {
	if isASCII(s) {
		writeNormASCII(b, s)
		return
	}
	held := rune(-1) // the last rune, written late so that a mark can compose with it
	prev, run := rune(-1), 0
	for _, r := range s {
		switch {
		case r == 0x2019 || r == 0xB4:
			r = '\''
		case r == 0x2010 || r == 0x2011:
			r = '-'
		case r == 0xAD:
			continue
		case isMark(r):
			if c, ok := compositions[[2]rune{held, r}]; ok {
				held, prev, run = c, -1, 0
				continue
			}
		default:
			r = toLower(r)
		}
		if !isLetter(r) {
			prev, run = -1, 0
		} else if r != prev {
			prev, run = r, 1
		} else if run++; run > 2 {
			continue
		}
		if held >= 0 {
			b.WriteRune(held)
		}
		held = r
	}
	if held >= 0 {
		b.WriteRune(held)
	}
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// chunk is the size of the stack buffers through which the ASCII fast
// paths write to a strings.Builder, a few bytes at a time being slower.
const chunk = 64

// writeNormASCII is writeNorm for an ASCII s, where no mark composes and
// no character is rewritten but by lower-casing: it writes s lower-cased
// with every run of three or more of the same letter cut to two.
func writeNormASCII(b *strings.Builder, s string) {
	var buf [chunk]byte
	n, prev, run := 0, byte(0), 0 // prev is 0 after a non-letter
	for i := 0; i < len(s); i++ {
		c := s[i]
		if cls := ascii[c]; cls&cLetter == 0 {
			prev, run = 0, 0
		} else {
			c |= 0x20
			if c != prev {
				prev, run = c, 1
			} else if run++; run > 2 {
				continue
			}
		}
		if n == len(buf) {
			b.Write(buf[:])
			n = 0
		}
		buf[n] = c
		n++
	}
	b.Write(buf[:n])
}

// writeLowerASCII writes the ASCII s to b lower-cased.
func writeLowerASCII(b *strings.Builder, s string) {
	var buf [chunk]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		for i, c := range buf[:n] {
			if ascii[c]&cUpper != 0 {
				buf[i] = c | 0x20
			}
		}
		b.Write(buf[:n])
		s = s[n:]
	}
}

// asciiCase reports whether s has an upper-case ASCII letter and whether
// it is all ASCII.
func asciiCase(s string) (upper, isASCII bool) {
	var or, up uint8
	for i := 0; i < len(s); i++ {
		or |= s[i]
		up |= ascii[s[i]] & cUpper
	}
	return up != 0, or < utf8.RuneSelf
}

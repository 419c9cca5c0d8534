package token

import (
	"strings"
	"unicode/utf8"
)

// Emoji sequences are recognised from explicit code point ranges, because
// the unicode package has no Emoji or Extended_Pictographic property:
//
//   - pictographs, always emoji: U+1F000–U+1FAFF (Mahjong and playing cards,
//     enclosed alphanumerics and ideographs, Miscellaneous Symbols and
//     Pictographs, Emoticons, Transport and Map, Geometric Shapes Extended,
//     Supplemental Symbols and Pictographs, Symbols and Pictographs
//     Extended-A), U+2600–U+27BF (Miscellaneous Symbols, Dingbats), and
//     ⌚⌛ U+231A–B, ⏩–⏳ U+23E9–F3, ⏸–⏺ U+23F8–A, ⬅⬆⬇ U+2B05–7, ⬛⬜ U+2B1B–C,
//     ⭐ U+2B50, ⭕ U+2B55;
//   - text-default symbols, emoji only when followed by U+FE0F: © ® ‼ ⁉ ™ ℹ
//     ↔–↙ ↩ ↪ ⌨ ⏏ Ⓜ ▪ ▫ ▶ ◀ ◻–◾ ⤴ ⤵ 〰 〽 ㊗ ㊙;
//   - regional indicators U+1F1E6–U+1F1FF, paired into flags;
//   - keycaps: 0–9, # or * then an optional U+FE0F then U+20E3;
//   - attached to the preceding emoji: variation selectors U+FE0E and
//     U+FE0F, skin-tone modifiers U+1F3FB–U+1F3FF, tag characters
//     U+E0020–U+E007F (subdivision flags such as England's) and U+20E3;
//   - U+200D (ZWJ) joins the emoji before and after it into one sequence.

const (
	zwj        = 0x200D
	vs15       = 0xFE0E // text presentation selector
	vs16       = 0xFE0F // emoji presentation selector
	keycapMark = 0x20E3
)

func isRegional(r rune) bool { return 0x1F1E6 <= r && r <= 0x1F1FF }
func isSkinTone(r rune) bool { return 0x1F3FB <= r && r <= 0x1F3FF }

// isPictograph reports a rune that is an emoji on its own.
func isPictograph(r rune) bool {
	switch {
	case r < 0x231A:
		return false
	case 0x1F000 <= r && r <= 0x1FAFF:
		return !isRegional(r)
	case 0x2600 <= r && r <= 0x27BF:
		return true
	}
	switch r {
	case 0x231A, 0x231B, 0x2B05, 0x2B06, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55:
		return true
	}
	return 0x23E9 <= r && r <= 0x23F3 || 0x23F8 <= r && r <= 0x23FA
}

// isTextDefault reports a symbol that is an emoji only with U+FE0F.
func isTextDefault(r rune) bool {
	switch r {
	case 0xA9, 0xAE, 0x203C, 0x2049, 0x2122, 0x2139, 0x21A9, 0x21AA, 0x2328, 0x23CF,
		0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25C0, 0x2934, 0x2935, 0x3030, 0x303D, 0x3297, 0x3299:
		return true
	}
	return 0x2194 <= r && r <= 0x2199 || 0x25FB <= r && r <= 0x25FE
}

func isKeycapBase(c byte) bool { return '0' <= c && c <= '9' || c == '#' || c == '*' }

// isAttachment reports a rune that belongs to the emoji before it.
func isAttachment(r rune) bool {
	return r == vs16 || r == vs15 || isSkinTone(r) || 0xE0020 <= r && r <= 0xE007F || r == keycapMark
}

// emojiBase returns the end of an emoji base character at s[i], or i.
func emojiBase(s string, i int) int {
	r, n := decode(s, i)
	switch {
	case isPictograph(r):
		return i + n
	case isTextDefault(r):
		if next, m := decode(s, i+n); next == vs16 {
			return i + n + m
		}
	}
	return i
}

// emojiEnd returns the end of the emoji sequence that starts at s[i], or i
// when none starts there.
func emojiEnd(s string, i int) int {
	r, n := decode(s, i)
	if isRegional(r) {
		if r2, n2 := decode(s, i+n); isRegional(r2) {
			return i + n + n2
		}
		return i + n
	}
	if r < 0x80 {
		return keycapEnd(s, i)
	}
	j := emojiBase(s, i)
	if j == i {
		return i
	}
	for {
		for r, n := decode(s, j); n > 0 && isAttachment(r); r, n = decode(s, j) {
			j += n
		}
		r, n := decode(s, j)
		if r != zwj {
			return j
		}
		k := emojiBase(s, j+n)
		if k == j+n {
			return j
		}
		j = k
	}
}

// keycapEnd returns the end of a keycap sequence (1️⃣) at s[i], or i.
func keycapEnd(s string, i int) int {
	if !isKeycapBase(s[i]) {
		return i
	}
	j := i + 1
	if r, n := decode(s, j); r == vs16 {
		j += n
	}
	if r, n := decode(s, j); r == keycapMark {
		return j + n
	}
	return i
}

// emojiNormLen returns the length of the emoji sequence s without its
// variation selectors and, when it has a base, skin-tone modifiers: the
// Norm of 👍🏽 is 👍 and that of ❤️ is ❤. It returns len(s) when nothing
// is removed.
func emojiNormLen(s string) int {
	n := 0
	for i, r := range s {
		if !dropFromEmojiNorm(r, i) {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

func dropFromEmojiNorm(r rune, i int) bool {
	return r == vs15 || r == vs16 || i > 0 && isSkinTone(r)
}

// writeEmojiNorm writes the Norm of the emoji sequence s to b.
func writeEmojiNorm(b *strings.Builder, s string) {
	for i, r := range s {
		if !dropFromEmojiNorm(r, i) {
			b.WriteRune(r)
		}
	}
}

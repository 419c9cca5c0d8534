package lang

import (
	"sort"
	"unicode/utf8"
)

// script is a writing system, as far as language detection cares.
type script uint8

const (
	scriptNone script = iota // not a letter of a script we know
	scriptLatin
	scriptCyrillic
	scriptGreek
	scriptArmenian
	scriptHebrew
	scriptArabic
	scriptDevanagari
	scriptBengali
	scriptGurmukhi
	scriptGujarati
	scriptOriya
	scriptTamil
	scriptTelugu
	scriptKannada
	scriptMalayalam
	scriptSinhala
	scriptThai
	scriptLao
	scriptTibetan
	scriptMyanmar
	scriptGeorgian
	scriptHangul
	scriptEthiopic
	scriptKhmer
	scriptHan
	scriptKana
	numScripts
)

// scriptRange maps the code points lo..hi to a script.
type scriptRange struct {
	lo, hi rune
	s      script
}

// scriptRanges, sorted, are the Unicode blocks of each script's letters.
var scriptRanges = []scriptRange{
	{0x0041, 0x024F, scriptLatin}, {0x0250, 0x02AF, scriptLatin},
	{0x0370, 0x03FF, scriptGreek}, {0x0400, 0x052F, scriptCyrillic},
	{0x0530, 0x058F, scriptArmenian}, {0x0590, 0x05FF, scriptHebrew},
	{0x0600, 0x06FF, scriptArabic}, {0x0750, 0x077F, scriptArabic},
	{0x08A0, 0x08FF, scriptArabic}, {0x0900, 0x097F, scriptDevanagari},
	{0x0980, 0x09FF, scriptBengali}, {0x0A00, 0x0A7F, scriptGurmukhi},
	{0x0A80, 0x0AFF, scriptGujarati}, {0x0B00, 0x0B7F, scriptOriya},
	{0x0B80, 0x0BFF, scriptTamil}, {0x0C00, 0x0C7F, scriptTelugu},
	{0x0C80, 0x0CFF, scriptKannada}, {0x0D00, 0x0D7F, scriptMalayalam},
	{0x0D80, 0x0DFF, scriptSinhala}, {0x0E00, 0x0E7F, scriptThai},
	{0x0E80, 0x0EFF, scriptLao}, {0x0F00, 0x0FFF, scriptTibetan},
	{0x1000, 0x109F, scriptMyanmar}, {0x10A0, 0x10FF, scriptGeorgian},
	{0x1100, 0x11FF, scriptHangul}, {0x1200, 0x139F, scriptEthiopic},
	{0x1780, 0x17FF, scriptKhmer}, {0x1C80, 0x1C8F, scriptCyrillic},
	{0x1C90, 0x1CBF, scriptGeorgian}, {0x1E00, 0x1EFF, scriptLatin},
	{0x1F00, 0x1FFF, scriptGreek}, {0x2C60, 0x2C7F, scriptLatin},
	{0x2D00, 0x2D2F, scriptGeorgian}, {0x2DE0, 0x2DFF, scriptCyrillic},
	{0x3005, 0x3007, scriptHan}, {0x3040, 0x30FF, scriptKana},
	{0x3130, 0x318F, scriptHangul}, {0x31F0, 0x31FF, scriptKana},
	{0x3400, 0x4DBF, scriptHan}, {0x4E00, 0x9FFF, scriptHan},
	{0xA640, 0xA69F, scriptCyrillic}, {0xA720, 0xA7FF, scriptLatin},
	{0xAB30, 0xAB6F, scriptLatin}, {0xAC00, 0xD7AF, scriptHangul},
	{0xF900, 0xFAFF, scriptHan}, {0xFB00, 0xFB06, scriptLatin},
	{0xFB1D, 0xFB4F, scriptHebrew}, {0xFB50, 0xFDFF, scriptArabic},
	{0xFE70, 0xFEFF, scriptArabic}, {0xFF21, 0xFF3A, scriptLatin},
	{0xFF41, 0xFF5A, scriptLatin}, {0xFF66, 0xFF9F, scriptKana},
	{0xFFA0, 0xFFDC, scriptHangul}, {0x20000, 0x3FFFF, scriptHan},
}

// scriptOf returns the script of the letter r.
func scriptOf(r rune) script {
	if r < utf8.RuneSelf {
		return scriptLatin
	}
	k := sort.Search(len(scriptRanges), func(k int) bool { return scriptRanges[k].hi >= r })
	if k < len(scriptRanges) && scriptRanges[k].lo <= r {
		return scriptRanges[k].s
	}
	return scriptNone
}

// letterWeight is how much one letter of a script counts when comparing
// scripts: an ideograph or a syllable carries more than an alphabet letter.
func letterWeight(s script) int {
	switch s {
	case scriptHan:
		return 3
	case scriptKana, scriptHangul:
		return 2
	}
	return 1
}

// singleLanguage is the language of the scripts written by one major
// language only.
var singleLanguage = [numScripts]string{
	scriptGreek: "el", scriptArmenian: "hy", scriptHebrew: "he", scriptBengali: "bn",
	scriptGurmukhi: "pa", scriptGujarati: "gu", scriptOriya: "or", scriptTamil: "ta",
	scriptTelugu: "te", scriptKannada: "kn", scriptMalayalam: "ml", scriptSinhala: "si",
	scriptThai: "th", scriptLao: "lo", scriptTibetan: "bo", scriptMyanmar: "my",
	scriptGeorgian: "ka", scriptHangul: "ko", scriptEthiopic: "am", scriptKhmer: "km",
}

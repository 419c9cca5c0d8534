package lang

import "math"

// Unknown is the code Detect returns when it cannot tell the language.
const Unknown = "und"

// Decision thresholds, tuned on the tests' sentences and real data.
const (
	// minShare is the share of the letters the main script must exceed;
	// Latin needs more because brand names and English words are sprinkled
	// into texts of every script.
	minShare      = 0.5
	minLatinShare = 0.7
	// minLetters is the weighted letter count a script-identified language
	// needs, minHan that of Chinese (written Japanese can be all ideographs).
	minLetters = 4
	minHan     = 9
	// minScore is the profile score the best language needs, and
	// minConfidence the confidence below which Detect says Unknown.
	minScore      = 3
	minConfidence = 0.3
)

// Detect returns the ISO 639-1 code of the language of a short social
// text and a confidence in (0, 1], or Unknown and 0 when the text is too
// short, mixed or in a language it does not know. URLs, e-mail addresses,
// mentions, hashtags, cashtags, emoji, numbers and HTML character
// references are left out; only the first 4 KiB are read.
//
// Languages written in a script of their own are told by the script: el,
// he, hy, ka, ko, th, lo, km, my, bo, am, bn, pa, gu, or, ta, te, kn, ml,
// si; ja (Han with kana) and zh (Han only). Those sharing a script are
// told by embedded lists of frequent words, word endings and letters: en,
// es, fr, de, pt, it, nl (Latin); ru, uk (Cyrillic); ar, fa, ur (Arabic);
// hi (Devanagari). Lists for ca, ro, sv, da, nb, pl, cs, hr, tr, id, tl,
// fi, hu, vi, af, sw, bg, sr, mk, be, kk, mr and ne make texts in those
// languages come out Unknown rather than as one of the reported ones.
func Detect(text string) (code string, confidence float64) {
	if len(text) > maxScan {
		text = text[:maxScan]
	}
	t := tally{m: theModel()}
	t.scan(text)
	return t.decide()
}

// decide picks the language from the tally: Latin when it has
// minLatinShare of the letters, else the script with the most letters if
// it has more than minShare of them, else Unknown.
func (t *tally) decide() (string, float64) {
	total, top, topW := 0, scriptNone, 0
	for s := scriptLatin; s < numScripts; s++ {
		total += t.letters[s]
		w := t.letters[s]
		switch s {
		case scriptLatin, scriptKana:
			continue
		case scriptHan:
			w += t.letters[scriptKana] // Japanese mixes both
		}
		if w > topW {
			top, topW = s, w
		}
	}
	if total == 0 {
		return Unknown, 0
	}
	if latin := float64(t.letters[scriptLatin]) / float64(total); latin >= minLatinShare {
		return t.decideProfiles(scriptLatin, latin)
	}
	share := float64(topW) / float64(total)
	switch {
	case share <= minShare:
		return Unknown, 0
	case top == scriptHan:
		return t.decideCJK(share)
	case hasProfiles(top):
		return t.decideProfiles(top, share)
	case singleLanguage[top] != "" && topW >= minLetters:
		return singleLanguage[top], share * saturate(float64(topW), 6)
	}
	return Unknown, 0
}

// decideCJK tells Japanese (with kana) from Chinese (Han only).
func (t *tally) decideCJK(share float64) (string, float64) {
	cjk := t.kana + t.han
	switch {
	case t.kana >= 2 && t.kana*10 >= cjk:
		return "ja", share * saturate(float64(t.letters[scriptHan]+t.letters[scriptKana]), 6)
	case t.kana == 0 && t.letters[scriptHan] >= minHan:
		return "zh", share * saturate(float64(t.letters[scriptHan]), 9)
	}
	return Unknown, 0
}

// decideProfiles picks the best-scoring profile of script s.
func (t *tally) decideProfiles(s script, share float64) (string, float64) {
	best, second := -1, int32(0)
	for _, id := range t.m.scriptProfiles[s] {
		switch sc := t.scores[id]; {
		case best < 0 || sc > t.scores[best]:
			if best >= 0 {
				second = t.scores[best]
			}
			best = id
		case sc > second:
			second = sc
		}
	}
	top := t.scores[best]
	if top < minScore || !profiles[best].target {
		return Unknown, 0
	}
	margin := float64(top-second) / float64(top)
	conf := share * margin * saturate(float64(top), 4)
	if conf < minConfidence {
		return Unknown, 0
	}
	return profiles[best].code, conf
}

// saturate maps evidence x ≥ 0 to [0, 1), reaching 63% at x = scale.
func saturate(x, scale float64) float64 { return 1 - math.Exp(-x/scale) }

package vader

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

//go:embed lexicon/vader_lexicon.txt
var vaderLexicon string

//go:embed lexicon/emoji_utf8_lexicon.txt
var emojiLexicon string

// Empirically derived constants of the reference implementation.
const (
	bIncr   = 0.293  // booster word increment
	bDecr   = -0.293 // dampener word decrement
	cIncr   = 0.733  // ALL-CAPS emphasis increment
	nScalar = -0.74  // negation scalar
)

// wordID names the words that the rules compare against. Zero means "none of
// them".
type wordID uint8

const (
	wNone wordID = iota
	wNo
	wKind
	wOf
	wLeast
	wAt
	wVery
	wNever
	wSo
	wThis
	wWithout
	wDoubt
	wOr
	wNor
	wBut
	wThe
	wShit
	wBomb
	wBad
	wAss
	wBus
	wStop
	wYeah
	wRight
	wKiss
	wDeath
	wTo
	wDie
	wFor
	wBeating
	wHeart
	wBroken
	wJust
	wEnough
	wSort
	numWordIDs
)

var wordNames = [numWordIDs]string{
	"", "no", "kind", "of", "least", "at", "very", "never", "so", "this",
	"without", "doubt", "or", "nor", "but", "the", "shit", "bomb", "bad", "ass",
	"bus", "stop", "yeah", "right", "kiss", "death", "to", "die", "for",
	"beating", "heart", "broken", "just", "enough", "sort",
}

// negateWords is the reference's NEGATE list.
var negateWords = []string{
	"aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
	"ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
	"dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
	"don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
	"neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
	"oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
	"oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
	"without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
}

// boosterIncr and boosterDecr are the single-word entries of the reference's
// BOOSTER_DICT (degree adverbs). Its two-word entries are in boosterBigrams.
var boosterIncr = []string{
	"absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
	"decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
	"exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
	"flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin",
	"fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly",
	"hugely", "incredible", "incredibly", "intensely", "major", "majorly", "more",
	"most", "particularly", "purely", "quite", "really", "remarkably", "so",
	"substantially", "thoroughly", "total", "totally", "tremendous", "tremendously",
	"uber", "unbelievably", "unusually", "utter", "utterly", "very",
}

var boosterDecr = []string{
	"almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little",
	"marginal", "marginally", "occasional", "occasionally", "partly", "scarce",
	"scarcely", "slight", "slightly", "somewhat", "sorta", "sortof", "sort-of",
}

// boosterBigrams are the BOOSTER_DICT keys made of two words ("just enough",
// "kind of", "sort of"); all are dampeners.
var boosterBigrams = [][2]wordID{{wJust, wEnough}, {wKind, wOf}, {wSort, wOf}}

// specialCase is an entry of the reference's SPECIAL_CASES: idioms whose
// valence replaces the computed one. The one-word key "badass" can never match
// a multi-word sequence and is therefore omitted, as it is inert there.
type specialCase struct {
	words []wordID
	value float64
}

var specialCases = []specialCase{
	{[]wordID{wThe, wShit}, 3},
	{[]wordID{wThe, wBomb}, 3},
	{[]wordID{wBad, wAss}, 1.5},
	{[]wordID{wBus, wStop}, 0},
	{[]wordID{wYeah, wRight}, -2},
	{[]wordID{wKiss, wOf, wDeath}, -1.5},
	{[]wordID{wTo, wDie, wFor}, 3},
	{[]wordID{wBeating, wHeart}, 3.1},
	{[]wordID{wBroken, wHeart}, -2.9},
}

// Flags of an entry.
const (
	fLexicon uint8 = 1 << iota // the word is in the sentiment lexicon
	fBooster                   // the word is a single-word booster/dampener
	fNegate                    // the word is in NEGATE
)

// entry is what the analyzer knows about one lowercased word.
type entry struct {
	valence float64 // lexicon mean valence (if fLexicon)
	boost   float64 // booster scalar (if fBooster)
	id      wordID
	flags   uint8
}

// buildWords parses the sentiment lexicon and merges it with the rule words
// into a single lookup table keyed by lowercased word.
func buildWords(lexicon string) (map[string]entry, error) {
	words := make(map[string]entry, 8192)
	for n, line := range strings.Split(strings.TrimRight(lexicon, "\n"), "\n") {
		if line == "" {
			continue
		}
		fields := strings.Split(strings.TrimFunc(line, isPySpace), "\t")
		if len(fields) < 2 {
			return nil, fmt.Errorf("vader lexicon line %d: want at least 2 tab-separated fields", n+1)
		}
		v, err := strconv.ParseFloat(strings.TrimFunc(fields[1], isPySpace), 64)
		if err != nil {
			return nil, fmt.Errorf("vader lexicon line %d: %w", n+1, err)
		}
		e := words[fields[0]]
		e.valence = v
		e.flags |= fLexicon
		words[fields[0]] = e
	}
	update := func(w string, f func(*entry)) {
		e := words[w]
		f(&e)
		words[w] = e
	}
	for _, w := range boosterIncr {
		update(w, func(e *entry) { e.flags |= fBooster; e.boost = bIncr })
	}
	for _, w := range boosterDecr {
		update(w, func(e *entry) { e.flags |= fBooster; e.boost = bDecr })
	}
	for _, w := range negateWords {
		update(w, func(e *entry) { e.flags |= fNegate })
	}
	for id := wordID(1); id < numWordIDs; id++ {
		update(wordNames[id], func(e *entry) { e.id = id })
	}
	return words, nil
}

// buildEmoji parses the emoji lexicon. The reference replaces emoji code point
// by code point, so only single-code-point keys can ever match; the others
// are dropped.
func buildEmoji(lexicon string) (map[rune]string, error) {
	emoji := make(map[rune]string, 2048)
	for n, line := range strings.Split(strings.TrimRight(lexicon, "\n"), "\n") {
		fields := strings.Split(strings.TrimFunc(line, isPySpace), "\t")
		if len(fields) < 2 {
			return nil, fmt.Errorf("vader emoji lexicon line %d: want at least 2 tab-separated fields", n+1)
		}
		r, size := utf8.DecodeRuneInString(fields[0])
		if size == 0 || size != len(fields[0]) || r == utf8.RuneError {
			continue
		}
		emoji[r] = fields[1]
	}
	return emoji, nil
}

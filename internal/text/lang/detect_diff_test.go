package lang

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// The SHA-256 of Detect's outputs on the texts of TestDetectUnchanged,
// recorded with the implementation before the scanner and the look-ups
// were made faster: the speed-up must not change a single result.
const (
	casesOutputsHash   = "c410f1b45162718911d8b6069493d29f6cbb092e2c8d1409e2ea98822d2b514f"
	tweetsOutputsHash  = "c8a6fab3633e76bca53544f841bb55c6b9569240d75760b2081c97e9c81b776a"
	variationsPerText  = 4
	variationsPerTweet = 2
)

// variationTokens are spliced into texts to reach the scanner's rarer
// paths: apostrophes, accents, case mappings that leave ASCII or change
// length, other scripts, marks, tags, references, links, addresses, white
// space, invalid UTF-8 and repeated letters.
var variationTokens = []string{
	"'", "’", "l'", "’s", "n't", "é", "É", "ß", "ẞ", "İ", "ı", "\u212a", "ǅ", "ﬁ", "Ａ", "ｚ", "ª", "ʰ", "Ɐ",
	"Ω", "ά", "ς", "Σ", "ё", "Ї", "не", "ه", "\u064b", "\u0670", "است", "ि", "्", "की", "が", "カ", "ｶ", "漢",
	"\U00020000", "한", "ก", "ꙁ", "\u0301", "\u0345", "Ⅻ", "@", "#", "$", "&amp;", "&#39;", "&", "_", ".",
	"http://", "https://t.co/x", "://", "www.", "(WWW.", "a@b", "😂", "👍🏽", "\u200d", "\u00a0", "\u2003",
	"\u3000", "\t", "\n", " ", "\xff", "\xc3", "\xe2\x80", "123", "ooooo", "the", "der", "ing",
}

// vary returns text changed one to four times at random: a token spliced
// in, a few bytes cut out, another text appended, upper-casing, or a byte
// repeated.
func vary(rng *rand.PCG, text string, others []string) string {
	n := func(k int) int { return int(rng.Uint64() % uint64(k)) }
	for range 1 + n(4) {
		switch n(6) {
		case 0, 1:
			k := n(len(text) + 1)
			text = text[:k] + variationTokens[n(len(variationTokens))] + text[k:]
		case 2:
			if len(text) > 0 {
				a := n(len(text))
				b := a + n(min(len(text)-a, 12)+1)
				text = text[:a] + text[b:]
			}
		case 3:
			text += " " + others[n(len(others))]
		case 4:
			text = strings.ToUpper(text)
		case 5:
			if len(text) > 0 {
				k := n(len(text))
				text = text[:k] + strings.Repeat(text[k:k+1], n(5)) + text[k:]
			}
		}
	}
	return text
}

// outputsHash returns the SHA-256 of Detect's outputs on texts and on
// variations of each.
func outputsHash(texts []string, variations int) string {
	h := sha256.New()
	rng := rand.NewPCG(1, 2)
	record := func(text string) {
		code, conf := Detect(text)
		fmt.Fprintf(h, "%s %x\n", code, math.Float64bits(conf))
	}
	for _, text := range texts {
		record(text)
		for range variations {
			record(vary(rng, text, texts))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestDetectUnchanged compares Detect's outputs, codes and confidences to
// the bit, with those recorded before its speed-up: on the test sentences,
// on the profile files' lines, and on the airline tweets, each with random
// variations.
func TestDetectUnchanged(t *testing.T) {
	var texts []string
	for _, c := range detectCases {
		texts = append(texts, c.text)
	}
	texts = append(texts, unknownCases...)
	files, err := profileFiles.ReadDir("profiles")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := profileFiles.ReadFile("profiles/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	if got := outputsHash(texts, variationsPerText); got != casesOutputsHash {
		t.Errorf("outputs on the test sentences and profiles: hash %s, recorded %s", got, casesOutputsHash)
	}
	var tweets []string
	for _, row := range readCSV(t, "airline-sentiment", "Tweets.csv") {
		tweets = append(tweets, row["text"])
	}
	if got := outputsHash(tweets, variationsPerTweet); got != tweetsOutputsHash {
		t.Errorf("outputs on the airline tweets: hash %s, recorded %s", got, tweetsOutputsHash)
	}
}

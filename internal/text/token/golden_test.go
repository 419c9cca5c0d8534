package token

import (
	"fmt"
	"hash/fnv"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// goldenBlock is the number of texts behind each recorded digest.
const goldenBlock = 4096

// goldenDigests are the digests of tokenDigests over goldenTexts, recorded
// from the implementation before its fast paths were added (plainWord and
// the ASCII loops of asciiRun, writeNorm and lowered): any change of a
// token's Kind, offsets, Text, Norm or Flags changes them.
var goldenDigests = []uint64{
	0x786ad7a04b6ddd1d, 0x7c213fd5191b7636, 0xd9bf32ce7b4559ee, 0x25b9f7e00bf428b9,
	0x36b57b117c30559c, 0x66e1c395b164cbea, 0xe02fd2429769136a, 0x3b2d415414b5b9e3,
	0x75a40f63597c04e6, 0xda38de97423381f, 0xa2b056fcf2ac5c75, 0x6ab1b76fda33ed8b,
	0xc54257882b013f80, 0xee5c421ea42dab63, 0xaeac096de0b046fd, 0x97158b8115a5fd8f,
	0x475fb09b7784e290, 0xf282e7f332b5f04e, 0xed5d88c448381658, 0x315431f0c79aab22,
	0x9bef7aaab4795377, 0xab1c3ab2909f53a5, 0x305c71b37ea1a317, 0x5c66f3591d174ac4,
	0x9b118da963b753d9, 0xf87b84a23491e13a,
}

// goldenPieces are spliced into the tweets by goldenTexts: the characters
// the scanners treat specially, including the non-ASCII ones the fast
// paths must hand over to the general code.
var goldenPieces = []string{
	"a", "A", "é", "E\u0301", "\u0301", "’", "´", "-", "‐", "\u00ad", "'", ".", "@", "#", "$",
	"&amp;", "&lt;", "&#x41;", "&", ";", "ß", "İ", "Ⱥ", "ǅ", "ΣΑΣ", "ς", "1", "٣", "€", ":", "/",
	"http://", "www.", ".com", "😀", "👍🏽", "\u200d", "\ufe0f", "🇺", "漢字", "カタカナー", "ひらがな",
	"ไทย", " ", "\n", "\xff", "ooo", "OOO", "n't", "N'T", "not", "NOT", ":)", "XD", "x", "_", "%",
	"+", "!", "?", "！", "¯\\_(ツ)_/¯", "ǆ", "ᾈ", "K", "Å", "ſ", "\u0345",
}

// goldenTexts returns each text followed by variants of it made with a
// seeded generator: upper- and lower-cased, cut at a random byte, and with
// goldenPieces spliced in, bytes deleted and stretches upper-cased.
func goldenTexts(texts []string) []string {
	r := rand.New(rand.NewSource(1))
	var out []string
	for _, s := range texts {
		out = append(out, s, strings.ToUpper(s), strings.ToLower(s), s[:r.Intn(len(s)+1)])
		for k := 0; k < 3; k++ {
			out = append(out, goldenMutate(r, s))
		}
	}
	return out
}

func goldenMutate(r *rand.Rand, s string) string {
	var b strings.Builder
	for len(s) > 0 {
		k := r.Intn(len(s) + 1)
		b.WriteString(s[:k])
		s = s[k:]
		switch r.Intn(4) {
		case 0:
			b.WriteString(goldenPieces[r.Intn(len(goldenPieces))])
		case 1:
			if len(s) > 0 {
				s = s[1:]
			}
		case 2:
			n := min(len(s), r.Intn(8))
			b.WriteString(strings.ToUpper(s[:n]))
			s = s[n:]
		}
		if r.Intn(3) == 0 {
			break
		}
	}
	b.WriteString(s)
	return b.String()
}

// tokenDigests tokenizes texts and returns one FNV-1a digest of every
// token field per goldenBlock texts.
func tokenDigests(texts []string, tokenize func(string, []Token) []Token) []uint64 {
	var digests []uint64
	h := fnv.New64a()
	var buf []Token
	var line []byte
	for k, s := range texts {
		buf = tokenize(s, buf[:0])
		line = strconv.AppendInt(line[:0], int64(len(buf)), 10)
		for _, t := range buf {
			line = fmt.Appendf(line, "|%d %d %d %d %q %q", t.Kind, t.Flags, t.Start, t.End, t.Text, t.Norm)
		}
		h.Write(append(line, '\n'))
		if (k+1)%goldenBlock == 0 || k+1 == len(texts) {
			digests = append(digests, h.Sum64())
			h.Reset()
		}
	}
	return digests
}

// TestTokenizeGolden compares the tokens of the airline tweets and of
// their 87,840 variants with those recorded in goldenDigests.
func TestTokenizeGolden(t *testing.T) {
	texts := goldenTexts(airlineTweets(t))
	got := tokenDigests(texts, Tokenize)
	if len(got) != len(goldenDigests) {
		t.Fatalf("%d digests, want %d: %#x", len(got), len(goldenDigests), got)
	}
	for k := range got {
		if got[k] != goldenDigests[k] {
			t.Errorf("texts %d to %d: digest %#x, want %#x", k*goldenBlock, min(len(texts), (k+1)*goldenBlock)-1, got[k], goldenDigests[k])
		}
	}
}

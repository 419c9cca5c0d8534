package token

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// sharedData is ../shared/data seen from this package's directory. The data
// sets are not copied into the repository; tests skip without them.
const sharedData = "../../../../shared/data"

var airline struct {
	once  sync.Once
	texts []string
	err   error
}

// airlineTweets returns the texts of the Twitter US Airline Sentiment data
// set, skipping the test when it is absent.
func airlineTweets(tb testing.TB) []string {
	tb.Helper()
	airline.once.Do(func() {
		airline.texts, airline.err = readCSVColumn(filepath.Join(sharedData, "airline-sentiment", "Tweets.csv"), "text")
	})
	if errors.Is(airline.err, os.ErrNotExist) {
		tb.Skipf("shared data absent: %v", airline.err)
	}
	if airline.err != nil {
		tb.Fatal(airline.err)
	}
	return airline.texts
}

// readCSVColumn returns one column of a CSV file with a header row.
func readCSVColumn(path, column string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := -1
	for k, h := range header {
		if h == column {
			col = k
		}
	}
	if col < 0 {
		return nil, errors.New(path + ": no column " + column)
	}
	var out []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, rec[col])
	}
}

// TestAirlineTweets tokenizes the 14,640 airline tweets, checks the
// invariants and that every URL, mention, hashtag and pictograph in them is
// found as such, and that no token keeps an undecoded &amp;, &lt; or &gt;.
func TestAirlineTweets(t *testing.T) {
	texts := airlineTweets(t)
	var counts [Email + 1]int
	var buf []Token
	for _, text := range texts {
		buf = Tokenize(text, buf[:0])
		checkTokens(t, text, buf)
		starts := map[int]Kind{}
		for _, tok := range buf {
			counts[tok.Kind]++
			starts[tok.Start] = tok.Kind
			if strings.Contains(tok.Norm, "&amp;") || strings.Contains(tok.Norm, "&lt;") || strings.Contains(tok.Norm, "&gt;") {
				t.Errorf("%q: token %q keeps a reference in its Norm %q", text, tok.Text, tok.Norm)
			}
			if tok.Kind == Punct && containsPictograph(tok.Text) {
				t.Errorf("%q: emoji %q tokenized as Punct", text, tok.Text)
			}
		}
		checkStarts(t, text, starts)
	}
	for k := Word; k <= Email; k++ {
		t.Logf("%-8v %6d", k, counts[k])
	}
	if counts[Mention] < len(texts) || counts[URL] == 0 || counts[Emoji] == 0 || counts[Emoticon] == 0 || counts[Hashtag] == 0 {
		t.Errorf("implausible counts: %v", counts)
	}
}

// checkStarts verifies that every "http://", "https://", "@name" and
// "#tag" in text starts a token of the right kind.
func checkStarts(t *testing.T, text string, starts map[int]Kind) {
	t.Helper()
	for i := 0; i < len(text); i++ {
		var want Kind
		switch {
		case hasPrefixFold(text, i, "http://") || hasPrefixFold(text, i, "https://"):
			want = URL
		case text[i] == '@' && i+1 < len(text) && ascii[text[i+1]]&cHandle != 0 && !precededByWord(text, i):
			want = Mention
		case text[i] == '#' && i+1 < len(text) && ascii[text[i+1]]&cLetter != 0 && !precededByWord(text, i):
			want = Hashtag
		default:
			continue
		}
		if got := starts[i]; got != want && !insideURL(text, i) {
			t.Errorf("%q at %d: token %v, want %v", text, i, got, want)
		}
	}
}

// insideURL reports whether text[i] follows "http" in the same run of
// non-space characters (a mention or hashtag inside a URL).
func insideURL(text string, i int) bool {
	start := strings.LastIndexAny(text[:i], " \n\t") + 1
	return strings.Contains(strings.ToLower(text[start:i]), "http")
}

func containsPictograph(s string) bool {
	for _, r := range s {
		if r >= 0x1F300 && r <= 0x1FAFF {
			return true
		}
	}
	return false
}

// TestTokenizeLinear feeds long adversarial inputs: the scanners that look
// ahead (URLs, addresses, mentions, references, emoji) must not rescan, or
// these would take minutes.
func TestTokenizeLinear(t *testing.T) {
	const n = 1 << 17
	for _, s := range []string{
		strings.Repeat("a.", n), strings.Repeat("a@", n), strings.Repeat("a.b@", n), strings.Repeat("x", 2*n) + "@",
		strings.Repeat("#1", n), strings.Repeat("@a.", n), strings.Repeat("&amp", n), strings.Repeat("&#1", n),
		strings.Repeat("👨\u200d", n), strings.Repeat("1-", n), "http://" + strings.Repeat("(", 2*n),
		strings.Repeat("www.a", n), strings.Repeat(":)", n), strings.Repeat("\xff", 2*n), strings.Repeat("a'", n),
	} {
		toks := Tokenize(s, nil)
		checkTokens(t, s, toks)
		if len(toks) > len(s) {
			t.Fatalf("%d tokens for %d bytes", len(toks), len(s))
		}
	}
}

// TestTokenizeCutTweets checks the invariants on every tenth airline tweet
// cut after every 7th byte, which splits runes, references and URLs.
func TestTokenizeCutTweets(t *testing.T) {
	texts := airlineTweets(t)
	var buf []Token
	for k := 0; k < len(texts); k += 10 {
		for cut := 1; cut < len(texts[k]); cut += 7 {
			part := texts[k][:cut]
			buf = Tokenize(part, buf[:0])
			checkTokens(t, part, buf)
		}
	}
}

package vader

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// sharedData is ../shared/data seen from this package's directory. The
// reference files are not copied into the repository; tests skip without
// them.
const sharedData = "../../../../shared/data"

var (
	testAnalyzerOnce sync.Once
	testAnalyzer     *Analyzer
)

func analyzer(tb testing.TB) *Analyzer {
	tb.Helper()
	testAnalyzerOnce.Do(func() {
		a, err := New()
		if err != nil {
			tb.Fatalf("New: %v", err)
		}
		testAnalyzer = a
	})
	if testAnalyzer == nil {
		tb.Fatal("analyzer unavailable")
	}
	return testAnalyzer
}

// refRow is one line of a reference score file.
type refRow struct {
	id     string
	scores Scores
	raw    string
}

func readReference(tb testing.TB, name string) []refRow {
	tb.Helper()
	path := filepath.Join(sharedData, "vader", "reference", name)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		tb.Skipf("reference data absent: %s", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var rows []refRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for first := true; sc.Scan(); first = false {
		if first {
			continue // header
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 5 {
			tb.Fatalf("%s: bad line %q", name, sc.Text())
		}
		var v [4]float64
		for k := range v {
			if v[k], err = strconv.ParseFloat(cols[k+1], 64); err != nil {
				tb.Fatalf("%s: %v", name, err)
			}
		}
		rows = append(rows, refRow{cols[0], Scores{v[0], v[1], v[2], v[3]}, strings.Join(cols[1:], " ")})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return rows
}

// groundTruthTexts returns the (id, text) pairs of a ground-truth file: the
// third column, lines split on the first two tabs, CR/LF and BOM removed.
func groundTruthTexts(tb testing.TB, name string) (ids, texts []string) {
	tb.Helper()
	path := filepath.Join(sharedData, "vader", "ground_truth", name+".txt")
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		tb.Skipf("ground truth absent: %s", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	for _, line := range strings.Split(strings.TrimRight(s, "\r\n"), "\n") {
		line = strings.TrimSuffix(line, "\r")
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) != 3 {
			tb.Fatalf("%s: bad line %q", name, line)
		}
		ids = append(ids, cols[0])
		texts = append(texts, cols[2])
	}
	return ids, texts
}

// airlineTexts returns the text column of the airline Tweets.csv, with ids
// rowN as in the reference file.
func airlineTexts(tb testing.TB) (ids, texts []string) {
	tb.Helper()
	path := filepath.Join(sharedData, "airline-sentiment", "Tweets.csv")
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		tb.Skipf("airline tweets absent: %s", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	col := -1
	for k, h := range recs[0] {
		if h == "text" {
			col = k
		}
	}
	if col < 0 {
		tb.Fatal("Tweets.csv: no text column")
	}
	for n, rec := range recs[1:] {
		ids = append(ids, fmt.Sprintf("row%d", n+1))
		texts = append(texts, rec[col])
	}
	return ids, texts
}

// same compares two score vectors exactly, including the sign of zero (the
// reference prints -0.0).
func same(a, b Scores) bool {
	eq := func(x, y float64) bool { return x == y && math.Signbit(x) == math.Signbit(y) }
	return eq(a.Neg, b.Neg) && eq(a.Neu, b.Neu) && eq(a.Pos, b.Pos) && eq(a.Compound, b.Compound)
}

func fmtScores(s Scores) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	return f(s.Neg) + " " + f(s.Neu) + " " + f(s.Pos) + " " + f(s.Compound)
}

// checkAgreement scores every text and compares with the reference, failing
// if fewer than want texts agree exactly.
func checkAgreement(t *testing.T, refFile string, ids, texts []string, want int) {
	a := analyzer(t)
	ref := readReference(t, refFile)
	if len(ref) != len(texts) {
		t.Fatalf("%s: %d reference rows, %d texts", refFile, len(ref), len(texts))
	}
	matches, shown := 0, 0
	for k, text := range texts {
		if ref[k].id != ids[k] {
			t.Fatalf("%s row %d: id %q, text id %q", refFile, k+1, ref[k].id, ids[k])
		}
		got := a.PolarityScores(text)
		if same(got, ref[k].scores) {
			matches++
			continue
		}
		if shown < 20 {
			shown++
			t.Logf("mismatch %s: got %s, reference %s\n\ttext: %q", ids[k], fmtScores(got), ref[k].raw, text)
		}
	}
	t.Logf("%s: %d/%d texts agree exactly with the reference", refFile, matches, len(texts))
	if matches < want {
		t.Errorf("%s: agreement %d/%d, required %d", refFile, matches, len(texts), want)
	}
}

func TestReferenceAirlineTweets(t *testing.T) {
	ids, texts := airlineTexts(t)
	checkAgreement(t, "airline_tweets.tsv", ids, texts, 14640)
}

func testGroundTruth(t *testing.T, name string, want int) {
	ids, texts := groundTruthTexts(t, name)
	checkAgreement(t, name+".tsv", ids, texts, want)
}

func TestReferenceTweetsGroundTruth(t *testing.T) {
	testGroundTruth(t, "tweets_GroundTruth", 4200)
}

func TestReferenceNYTEditorialSnippets(t *testing.T) {
	testGroundTruth(t, "nytEditorialSnippets_GroundTruth", 5190)
}

func TestReferenceMovieReviewSnippets(t *testing.T) {
	testGroundTruth(t, "movieReviewSnippets_GroundTruth", 10605)
}

func TestReferenceAmazonReviewSnippets(t *testing.T) {
	testGroundTruth(t, "amazonReviewSnippets_GroundTruth", 3708)
}

package stance

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// airlineHandles are the six airlines of the Twitter US Airline Sentiment
// data set, as their tweets @-mention them.
var airlineHandles = []string{"@united", "@AmericanAir", "@SouthwestAir", "@Delta", "@USAirways", "@VirginAmerica"}

// tweetsCSV locates Tweets.csv: ../shared/data seen from the repository
// root, found by walking up from the package directory.
func tweetsCSV(tb testing.TB) string {
	tb.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		tb.Fatalf("resolving package directory: %v", err)
	}
	for {
		p := filepath.Join(dir, "shared", "data", "airline-sentiment", "Tweets.csv")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("airline tweets absent: no shared/data/airline-sentiment/Tweets.csv above the package")
		}
		dir = parent
	}
}

// airlineColumn maps Tweets.csv's airline column to the airline's handle.
var airlineColumn = map[string]string{
	"United": "@united", "American": "@AmericanAir", "Southwest": "@SouthwestAir",
	"Delta": "@Delta", "US Airways": "@USAirways", "Virgin America": "@VirginAmerica",
}

// airlineTweet is one row of Tweets.csv with the targets found in it.
type airlineTweet struct {
	id, text string
	airline  string // the handle of the airline the crowd label is about
	label    string // the crowd's sentiment toward it
	targets  []Target
}

var (
	tweetsOnce   sync.Once
	tweetsCached []airlineTweet
)

// loadTweets reads Tweets.csv once per test binary.
func loadTweets(tb testing.TB) []airlineTweet {
	tb.Helper()
	path := tweetsCSV(tb)
	tweetsOnce.Do(func() { tweetsCached = readTweets(tb, path) })
	if tweetsCached == nil {
		tb.Fatal("airline tweets unavailable")
	}
	return tweetsCached
}

// readTweets reads Tweets.csv (each text once) and finds the six
// airlines' handles in each text.
func readTweets(tb testing.TB, path string) []airlineTweet {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("opening tweets: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("reading tweets: %v", err)
	}
	col := map[string]int{}
	for k, h := range recs[0] {
		col[h] = k
	}
	seen := map[string]bool{}
	var out []airlineTweet
	for _, rec := range recs[1:] {
		text := rec[col["text"]]
		if seen[text] {
			continue
		}
		seen[text] = true
		tw := airlineTweet{id: rec[col["tweet_id"]], text: text,
			airline: airlineColumn[rec[col["airline"]]], label: rec[col["airline_sentiment"]]}
		for _, h := range airlineHandles {
			if sp := findSpans(text, h); len(sp) > 0 {
				tw.targets = append(tw.targets, Target{Brand: h, Spans: sp})
			}
		}
		out = append(out, tw)
	}
	return out
}

// TestAirlineSingleBrand: a tweet naming one airline gets exactly VADER's
// label for it, unless a sarcasm marker flipped it; the flips must mostly
// be tweets the crowd labelled negative.
func TestAirlineSingleBrand(t *testing.T) {
	v, a := analyzers(t)
	var n, flipped, flipRight int
	var dst []Stance
	for _, tw := range loadTweets(t) {
		if len(tw.targets) != 1 {
			continue
		}
		n++
		overall := v.PolarityScores(tw.text)
		dst = a.Analyze(tw.text, overall, tw.targets, dst)
		st := dst[0]
		if st.Sarcasm {
			flipped++
			flipRight += btoi(tw.label == Negative)
			if st.Score != -overall.Compound {
				t.Errorf("%s: sarcasm score %v, want %v", tw.id, st.Score, -overall.Compound)
			}
			continue
		}
		if st.Label != Label(overall.Compound) || st.Score != overall.Compound || st.Basis != BasisOverall {
			t.Errorf("%s: got %s %v %s, want VADER's %v", tw.id, st.Label, st.Score, st.Basis, overall.Compound)
		}
	}
	if n < 10000 {
		t.Fatalf("only %d single-airline tweets", n)
	}
	t.Logf("%d single-airline tweets: %d (%.2f%%) flipped for sarcasm, %d of them labelled negative by the crowd; all others equal to VADER",
		n, flipped, 100*float64(flipped)/float64(n), flipRight)
	if flipped < 20 || flipRight*10 < flipped*8 {
		t.Errorf("sarcasm: %d flips, %d right: want at least 20 flips, 80%% right", flipped, flipRight)
	}
}

// TestAirlineMultiBrand runs every tweet naming two or more airlines and
// logs how often the stances toward them differ, and by what basis.
func TestAirlineMultiBrand(t *testing.T) {
	v, a := analyzers(t)
	var n, differ, crowd, stanceAgree, overallAgree int
	bases := map[string]int{}
	var dst []Stance
	for _, tw := range loadTweets(t) {
		if len(tw.targets) < 2 {
			continue
		}
		n++
		overall := v.PolarityScores(tw.text)
		dst = a.Analyze(tw.text, overall, tw.targets, dst)
		checkStances(t, tw.text, tw.targets, dst)
		differs := false
		for _, st := range dst {
			bases[st.Basis]++
			differs = differs || st.Label != dst[0].Label
			if st.Brand == tw.airline {
				crowd++
				stanceAgree += btoi(st.Label == tw.label)
				overallAgree += btoi(Label(overall.Compound) == tw.label)
			}
		}
		differ += btoi(differs)
	}
	if n < 300 || crowd < 300 {
		t.Fatalf("only %d multi-airline tweets, %d with a crowd label for a named airline", n, crowd)
	}
	t.Logf("%d multi-airline tweets; stances differ between airlines in %d (%.1f%%); bases: %v", n, differ, 100*float64(differ)/float64(n), bases)
	t.Logf("crowd label toward the tweet's airline: stance agrees %d/%d (%.1f%%), whole-text VADER %d/%d (%.1f%%)",
		stanceAgree, crowd, 100*float64(stanceAgree)/float64(crowd), overallAgree, crowd, 100*float64(overallAgree)/float64(crowd))
	if stanceAgree < overallAgree {
		t.Errorf("per-brand stance agrees with the crowd less often (%d) than whole-text VADER (%d)", stanceAgree, overallAgree)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkStances checks the invariants of a result: one stance per target,
// in order, score in range, label matching the score, evidence in the text.
func checkStances(t *testing.T, text string, targets []Target, got []Stance) {
	t.Helper()
	if len(got) != len(targets) {
		t.Fatalf("%q: %d stances for %d targets", text, len(got), len(targets))
	}
	for i, st := range got {
		if st.Brand != targets[i].Brand || st.Score < -1 || st.Score > 1 || st.Label != Label(st.Score) || st.Basis == "" {
			t.Errorf("%q: bad stance %+v", text, st)
		}
		if e := st.Evidence; e.Start < 0 || e.End > len(text) || e.Start > e.End {
			t.Errorf("%q: evidence %v out of range", text, e)
		}
	}
}

package analysis

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/config"
)

// airlineTweet is one row of the airline dataset used here.
type airlineTweet struct{ text, airline, label string }

// loadAirline reads ../shared/data's airline tweets, skipping when absent.
func loadAirline(t testing.TB) []airlineTweet {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "data", "airline-sentiment", "Tweets.csv"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/data is absent")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	var out []airlineTweet
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, airlineTweet{rec[col["text"]], rec[col["airline"]], rec[col["airline_sentiment"]]})
	}
}

// airlineAnalyzer builds the analyzer of examples/airlines.toml.
func airlineAnalyzer(t testing.TB) (*Analyzer, *herald.Workspace) {
	t.Helper()
	cfg, err := config.Load(filepath.Join("..", "..", "examples", "airlines.toml"))
	if err != nil {
		t.Fatal(err)
	}
	wss, err := cfg.Domain()
	if err != nil {
		t.Fatal(err)
	}
	ws := &wss[0]
	for i := range ws.Brands {
		ws.Brands[i].ID = int64(i + 1)
	}
	a, err := New(testLexicons(t), ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	return a, ws
}

// TestAirlineTweets runs the whole analysis over the 14,640 airline tweets:
// every tweet names the airline it was collected for, and the analysis
// reads English and scores it as VADER does.
func TestAirlineTweets(t *testing.T) {
	tweets := loadAirline(t)
	a, ws := airlineAnalyzer(t)
	slugOf := map[string]string{}
	for _, b := range ws.Brands {
		slugOf[strings.ToLower(b.Name)] = b.Slug
	}
	found, langs, multi, differ := 0, map[string]int{}, 0, 0
	for _, tw := range tweets {
		act := post(herald.Twitter, tw.text)
		a.Tag(act)
		langs[act.Analysis.Lang]++
		want := slugOf[strings.ToLower(tw.airline)]
		stances := map[herald.Polarity]bool{}
		for _, m := range act.Brands {
			if m.Brand == want {
				found++
			}
			stances[m.Stance.Label] = true
		}
		if len(act.Brands) > 1 {
			multi++
			if len(stances) > 1 {
				differ++
			}
		}
	}
	share := float64(found) / float64(len(tweets))
	t.Logf("%d tweets: %.2f%% name their airline; languages %v; %d name several airlines, %d with differing stances",
		len(tweets), 100*share, langs, multi, differ)
	if share < 0.98 {
		t.Errorf("only %.2f%% of tweets tagged with their airline, want ≥ 98%%", 100*share)
	}
	if en := float64(langs["en"]+langs["und"]) / float64(len(tweets)); en < 0.97 {
		t.Errorf("only %.1f%% of these English tweets read as English or unknown", 100*en)
	}
	if multi == 0 || differ == 0 {
		t.Errorf("no multi-brand tweets with differing stances: the per-brand stance is not working")
	}
}

// BenchmarkAnalyze measures the full analysis of a post (language, VADER,
// brand queries, intents, stance per brand) over the airline tweets; run
// with -cpu 1 for the per-core figure.
func BenchmarkAnalyze(b *testing.B) {
	tweets := loadAirline(b)
	a, _ := airlineAnalyzer(b)
	acts := make([]herald.Activity, len(tweets))
	b.ResetTimer()
	for i := range b.N {
		k := i % len(tweets)
		acts[k] = herald.Activity{Network: herald.Twitter, Kind: herald.KindPost, Text: tweets[k].text}
		a.Tag(&acts[k])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

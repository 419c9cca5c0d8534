package query

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// sharedData is ../shared/data seen from this package's directory; the
// dataset is not copied into the repository.
const sharedData = "../../../../shared/data"

// airlineQueries describe the six US airlines of Tweets.csv, named as its
// airline column. "united" alone is ambiguous (United States, Manchester
// United), so United is its handle, full name and hashtag.
var airlineQueries = []Named{
	{"Virgin America", `@VirginAmerica OR "virgin america" OR #VirginAmerica`},
	{"United", `@united OR "united airlines" OR #UnitedAirlines`},
	{"Southwest", `@SouthwestAir OR "southwest airlines" OR #SouthwestAirlines`},
	{"Delta", `@Delta OR @DeltaAssist OR "delta air lines" OR "delta airlines"
		<<< the dataset files the tweets to @JetBlue under Delta >>>
		OR @JetBlue OR #JetBlue`},
	{"US Airways", `@USAirways OR "us airways" OR #USAirways`},
	{"American", `@AmericanAir OR "american airlines" OR #AmericanAirlines`},
}

// tweet is a row of Tweets.csv.
type tweet struct{ airline, text string }

var airlineData = sync.OnceValues(func() ([]tweet, error) {
	f, err := os.Open(filepath.Join(sharedData, "airline-sentiment", "Tweets.csv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	var out []tweet
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, tweet{airline: rec[col["airline"]], text: rec[col["text"]]})
	}
})

// airlineTweets loads Tweets.csv, skipping the test when it is absent.
func airlineTweets(tb testing.TB) []tweet {
	tb.Helper()
	tweets, err := airlineData()
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("airline data absent: %v", err)
	}
	if err != nil {
		tb.Fatalf("read Tweets.csv: %v", err)
	}
	return tweets
}

// TestAirlineTweets checks that the six airlines' queries find the airline
// each tweet of the dataset addresses.
func TestAirlineTweets(t *testing.T) {
	tweets := airlineTweets(t)
	set, err := NewSet(airlineQueries)
	if err != nil {
		t.Fatal(err)
	}
	found, total := map[string]int{}, map[string]int{}
	hits, others := 0, 0
	var ms []Match
	for _, tw := range tweets {
		total[tw.airline]++
		ms = set.Match(tw.text, ms[:0])
		for _, m := range ms {
			if m.Name == tw.airline {
				found[tw.airline]++
				hits++
			} else {
				others++
			}
			for _, s := range m.Spans {
				if s.Start < 0 || s.End > len(tw.text) || s.Start >= s.End {
					t.Fatalf("span %v out of %q", s, tw.text)
				}
			}
		}
	}
	for _, q := range airlineQueries {
		r := float64(found[q.Name]) / float64(total[q.Name])
		t.Logf("%-14s %4d/%4d = %.2f%%", q.Name, found[q.Name], total[q.Name], 100*r)
		if r < 0.98 {
			t.Errorf("%s: recall %.4f, want ≥ 0.98", q.Name, r)
		}
	}
	recall := float64(hits) / float64(len(tweets))
	t.Logf("all: %d/%d = %.2f%%; %d matches of another airline (tweets naming several)", hits, len(tweets), 100*recall, others)
	if recall < 0.98 {
		t.Errorf("recall %.4f, want ≥ 0.98", recall)
	}
}

package drivers

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// airlineCSV is the Twitter US Airline Sentiment data set, seen from this
// package's directory; it is not in the repository and tests skip without it.
var airlineCSV = filepath.Join("..", "..", "..", "shared", "data", "airline-sentiment", "Tweets.csv")

// airlineTweets returns the human-labelled positive and negative tweets.
func airlineTweets(tb testing.TB) (pos, neg []Doc) {
	tb.Helper()
	f, err := os.Open(airlineCSV)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("shared data absent: %v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		id, err := strconv.ParseInt(r[col["tweet_id"]], 10, 64)
		if err != nil {
			tb.Fatal(err)
		}
		d := Doc{ID: id, Text: r[col["text"]]}
		switch r[col["airline_sentiment"]] {
		case "positive":
			pos = append(pos, d)
		case "negative":
			neg = append(neg, d)
		}
	}
	return pos, neg
}

func TestAirline(t *testing.T) {
	pos, neg := airlineTweets(t)
	r := Compare(pos, neg, nil, DefaultOptions())
	for i := range 10 {
		t.Logf("positive %2d %-16s %-7s z=%6.2f  (%d vs %d)", i+1, r.ForA[i].Term, r.ForA[i].Kind, r.ForA[i].Z, r.ForA[i].CountA, r.ForA[i].CountB)
	}
	for i := range 10 {
		t.Logf("negative %2d %-16s %-7s z=%6.2f  (%d vs %d)", i+1, r.ForB[i].Term, r.ForB[i].Kind, r.ForB[i].Z, r.ForB[i].CountA, r.ForB[i].CountB)
	}
	terms := func(ds []Driver) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Term)
		}
		return out
	}
	top := [2][]string{terms(r.ForA), terms(r.ForB)}
	want := [2][]string{
		{"thanks", "thank", "great", "love", "awesome", "amazing", "thank you"},
		{"delayed", "cancelled", "hold", "hours", "worst", "waiting", "flight", "on hold"},
	}
	for side := range 2 {
		for _, w := range want[side] {
			if !slices.Contains(top[side], w) {
				t.Errorf("side %d: %q not in top 20 %v", side, w, top[side])
			}
			if slices.Contains(top[1-side], w) {
				t.Errorf("side %d: %q on the wrong side", side, w)
			}
		}
	}
	for _, d := range r.ForA[:5] {
		if len(d.Examples) != 3 {
			t.Errorf("%q: %d examples", d.Term, len(d.Examples))
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	pos, neg := airlineTweets(b)
	opt := DefaultOptions()
	b.ResetTimer()
	for b.Loop() {
		Compare(pos, neg, nil, opt)
	}
	b.ReportMetric(float64(len(pos)+len(neg))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

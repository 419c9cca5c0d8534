package scoring_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/config"
	"github.com/herald-advocacy/herald/internal/importer"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
)

// airlineDB imports the airline tweets created before cutoff (zero: all)
// with examples/airlines.toml, scores them, and returns the database and
// workspace.
func airlineDB(t *testing.T, cutoff time.Time) (*store.DB, *herald.Workspace) {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "data", "airline-sentiment", "Tweets.csv")
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/data is absent")
	}
	cfg, err := config.Load(filepath.Join("..", "..", "examples", "airlines.toml"))
	if err != nil {
		t.Fatal(err)
	}
	wss, err := cfg.Domain()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "airlines.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ws := &wss[0]
	if err := db.SyncWorkspace(ctx, ws); err != nil {
		t.Fatal(err)
	}
	parse, err := importer.Parser("csv", importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	importInto(t, db, ws, func(ctx context.Context, _ io.Reader, emit herald.Emit) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return parse(ctx, f, func(r herald.Record) error {
			if r.Activity != nil && !cutoff.IsZero() && !r.Activity.CreatedAt.Before(cutoff) {
				return nil
			}
			return emit(r)
		})
	}, time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC))
	if _, err := scoring.New(db, ws, advocacy.DefaultWeights()).Rescore(ctx); err != nil {
		t.Fatal(err)
	}
	return db, ws
}

// tweetStats are one person's tweets about one airline.
type tweetStats struct {
	person           int64
	tweets, positive int
	retweets         int64
	laterPositive    bool
}

// tweetsByBrand groups every stored tweet by brand and person, with the
// human labels (the dataset's airline_sentiment, kept as an attribute).
func tweetsByBrand(t *testing.T, db *store.DB, ws *herald.Workspace) map[int64]map[int64]*tweetStats {
	out := map[int64]map[int64]*tweetStats{}
	for after := int64(0); ; {
		acts, err := db.Activities(context.Background(), ws.ID, store.ActivityFilter{AfterID: after, Limit: 5000})
		if err != nil {
			t.Fatal(err)
		}
		if len(acts) == 0 {
			return out
		}
		for _, a := range acts {
			for _, m := range a.Brands {
				if out[m.BrandID] == nil {
					out[m.BrandID] = map[int64]*tweetStats{}
				}
				st := out[m.BrandID][a.Author.PersonID]
				if st == nil {
					st = &tweetStats{person: a.Author.PersonID}
					out[m.BrandID][a.Author.PersonID] = st
				}
				st.tweets++
				st.retweets += max(a.Metrics.Shares, 0)
				if a.Attributes["sentiment"] == "positive" {
					st.positive++
				}
			}
		}
		after = acts[len(acts)-1].ID
	}
}

// topShare is the share of positively labelled tweets among the tweets of
// the first k people of a ranking.
func topShare(stats map[int64]*tweetStats, ranked []int64, k int) float64 {
	tweets, pos := 0, 0
	for _, p := range ranked[:min(k, len(ranked))] {
		tweets += stats[p].tweets
		pos += stats[p].positive
	}
	return ratio(pos, tweets)
}

// rankBy orders people by a key, highest first, ties by person id.
func rankBy(stats map[int64]*tweetStats, key func(*tweetStats) float64) []int64 {
	var ids []int64
	for p := range stats {
		ids = append(ids, p)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := key(stats[ids[i]]), key(stats[ids[j]])
		if a != b {
			return a > b
		}
		return ids[i] < ids[j]
	})
	return ids
}

// scoresFor returns Herald's ranking of a brand's people as a number:
// the order of `herald advocates` (score, then stage, then regularity).
func scoresFor(t *testing.T, db *store.DB, ws, brand int64) map[int64]float64 {
	rows, err := db.Advocates(context.Background(), ws, store.AdvocateFilter{BrandID: brand, Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]float64{}
	for i, r := range rows {
		out[r.PersonID] = float64(len(rows) - i)
	}
	return out
}

// TestAirlineMeasures runs the two measurements on the real airline data
// (one import of the whole file serves both).
func TestAirlineMeasures(t *testing.T) {
	db, ws := airlineDB(t, time.Time{})
	t.Run("top advocates", func(t *testing.T) { topAdvocates(t, db, ws) })
	t.Run("temporal holdout", func(t *testing.T) { temporalHoldout(t, db, ws) })
}

// topAdvocates: for the top 50 people per airline, the share of their
// tweets human annotators labelled positive — Herald's ranking against the
// top 50 by tweet count and by retweets.
func topAdvocates(t *testing.T, db *store.DB, ws *herald.Workspace) {
	byBrand := tweetsByBrand(t, db, ws)
	var report strings.Builder
	sum := map[string]float64{}
	for _, b := range ws.Brands {
		stats := byBrand[b.ID]
		scores := scoresFor(t, db, ws.ID, b.ID)
		herald := rankBy(stats, func(s *tweetStats) float64 { return scores[s.person] })
		count := rankBy(stats, func(s *tweetStats) float64 { return float64(s.tweets) })
		rts := rankBy(stats, func(s *tweetStats) float64 { return float64(s.retweets) })
		h, c, r := topShare(stats, herald, 50), topShare(stats, count, 50), topShare(stats, rts, 50)
		sum["herald"], sum["count"], sum["retweets"] = sum["herald"]+h, sum["count"]+c, sum["retweets"]+r
		fmt.Fprintf(&report, "%-16s herald %.2f  by tweets %.2f  by retweets %.2f  (%d people)\n", b.Slug, h, c, r, len(stats))
	}
	n := float64(len(ws.Brands))
	fmt.Fprintf(&report, "%-16s herald %.2f  by tweets %.2f  by retweets %.2f", "mean", sum["herald"]/n, sum["count"]/n, sum["retweets"]/n)
	t.Logf("share of human-labelled positive tweets among the top 50 per airline:\n%s", report.String())
	if sum["herald"] <= sum["count"] || sum["herald"] <= sum["retweets"] {
		t.Errorf("Herald's top advocates are not more positive than the baselines' top 50")
	}
}

// auc is the probability that a random positive outranks a random
// negative (ties count half).
func auc(score map[int64]float64, label map[int64]bool) float64 {
	type pt struct {
		s   float64
		pos bool
	}
	var pts []pt
	var npos, nneg float64
	for p, l := range label {
		pts = append(pts, pt{score[p], l})
		if l {
			npos++
		} else {
			nneg++
		}
	}
	if npos == 0 || nneg == 0 {
		return 0.5
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].s < pts[j].s })
	var rankSum float64
	for i := 0; i < len(pts); {
		j := i
		for j < len(pts) && pts[j].s == pts[i].s {
			j++
		}
		avg := float64(i+j+1) / 2 // 1-based average rank of the tie group
		for k := i; k < j; k++ {
			if pts[k].pos {
				rankSum += avg
			}
		}
		i = j
	}
	return (rankSum - npos*(npos+1)/2) / (npos * nneg)
}

// temporalHoldout scores the people active before 22 Feb 2015 on that
// data alone and asks who then posts positively about the airline (human
// labels) in the days after, as AUC against a marketer's baselines.
func temporalHoldout(t *testing.T, full *store.DB, wsFull *herald.Workspace) {
	cutoff := time.Date(2015, 2, 22, 0, 0, 0, 0, time.UTC)
	early, ws := airlineDB(t, cutoff)
	earlyStats := tweetsByBrand(t, early, ws)
	herald, count, followers, retweets := map[int64]float64{}, map[int64]float64{}, map[int64]float64{}, map[int64]float64{}
	label := map[int64]bool{}
	key := int64(0)
	for bi, b := range ws.Brands {
		scores := scoresFor(t, early, ws.ID, b.ID)
		handles := personHandles(t, early, ws.ID)
		later := laterPositive(t, full, wsFull, wsFull.Brands[bi].ID, cutoff, personHandles(t, full, wsFull.ID))
		for p, st := range earlyStats[b.ID] {
			key++
			herald[key], count[key], retweets[key] = scores[p], float64(st.tweets), float64(st.retweets)
			followers[key] = -1 // the dataset has no follower counts: the baseline cannot rank anyone
			label[key] = later[handles[p]]
		}
	}
	h, c, f, r := auc(herald, label), auc(count, label), auc(followers, label), auc(retweets, label)
	pos := 0
	for _, l := range label {
		if l {
			pos++
		}
	}
	t.Logf("temporal hold-out (score before %s, positive about the airline after), %d person-airline pairs, %d positive:\n"+
		"AUC herald %.3f  post count %.3f  follower count %.3f (not in the data)  retweets received %.3f",
		cutoff.Format(time.DateOnly), len(label), pos, h, c, f, r)
	if h <= c || h <= f || h <= r {
		t.Errorf("Herald's AUC %.3f does not beat every baseline", h)
	}
}

// personHandles maps person ids to their handle (the airline data has one
// account per person).
func personHandles(t *testing.T, db *store.DB, ws int64) map[int64]string {
	people, err := db.ScoringPeople(context.Background(), ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for id, p := range people {
		if len(p.Accounts) > 0 {
			out[id] = p.Accounts[0].Handle
		}
	}
	return out
}

// laterPositive lists the handles that posted a human-labelled positive
// tweet about the brand at or after cutoff.
func laterPositive(t *testing.T, db *store.DB, ws *herald.Workspace, brand int64, cutoff time.Time, handles map[int64]string) map[string]bool {
	acts, err := db.Activities(context.Background(), ws.ID, store.ActivityFilter{BrandID: brand, Since: cutoff, Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, a := range acts {
		if a.Attributes["sentiment"] == "positive" {
			out[handles[a.Author.PersonID]] = true
		}
	}
	return out
}

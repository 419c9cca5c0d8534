package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

// TestMetricsCacheFollowsEveryChange warms the report cache, then makes
// each kind of change the metrics read — new activities, an audience
// change alone, a tombstone, a re-analysis, a link and an unlink, scores,
// dropped scores, a new brand — and checks after each that the data
// version moved, that the reports changed and that they equal the raw
// recomputation (a change that left a stale report in the cache fails).
func TestMetricsCacheFollowsEveryChange(t *testing.T) {
	kolkata, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		t.Fatal(err)
	}
	qs := []store.MetricsQuery{
		{From: rollupStart, To: rollupStart.AddDate(0, 0, 63), Granularity: "week"},
		{From: rollupStart, To: rollupStart.AddDate(0, 0, 63), Granularity: "month", Location: kolkata}, // the raw path
	}
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		rw := newRollupWorld(t, db, 7, "cache")
		ws := rw.ws.ID
		reports := func() string {
			var out []*store.MetricsReport
			for _, q := range qs {
				rep, err := db.Metrics(ctx, ws, q)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, rep)
			}
			b, _ := json.Marshal(out)
			return string(b)
		}
		identity := func(k int) herald.Identity {
			id, err := db.FindIdentity(ctx, ws, herald.AccountRef{Network: herald.Twitter, Handle: rw.authors[k].Handle})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		write := func(f func(w *store.Writer) error) {
			w, err := db.NewWriter(ctx, ws, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Rollback()
			if err := f(w); err != nil {
				t.Fatal(err)
			}
			if err := w.Commit(); err != nil {
				t.Fatal(err)
			}
		}
		// every author mentions every brand at least once, in the range
		var seeded []*herald.Activity
		write(func(w *store.Writer) error {
			var acts []*herald.Activity
			for k, a := range rw.authors[1:] {
				for j, b := range rw.brands {
					act := post(fmt.Sprintf("seed-%d-%d", k, j), a, "hello")
					act.CreatedAt = rollupStart.Add(time.Duration(k*24+j) * time.Hour)
					act.Brands = []herald.BrandMention{{BrandID: b, Source: herald.MatchMention,
						Stance: herald.Stance{Sentiment: herald.Sentiment{Label: herald.Positive}}}}
					acts = append(acts, act)
				}
			}
			_, err := w.PutActivities(ctx, acts)
			seeded = acts
			return err
		})
		var linked herald.Identity
		steps := []struct {
			name   string
			change func()
		}{
			{"new activities", func() { rw.batch(t) }},
			{"an audience change alone", func() {
				write(func(w *store.Writer) error {
					id := rw.authors[1]
					id.Followers, id.ObservedAt = 1_000_003, t0.Add(24*time.Hour)
					return w.PutIdentities(ctx, []*herald.Identity{&id})
				})
			}},
			{"a tombstone", func() {
				write(func(w *store.Writer) error {
					_, err := w.Tombstone(ctx, herald.Key{Network: herald.Twitter, ExternalID: "seed-0-0"})
					return err
				})
			}},
			{"a re-analysis", func() {
				write(func(w *store.Writer) error {
					act := *seeded[len(rw.brands)+1] // seed-1-1
					act.Brands = []herald.BrandMention{{BrandID: rw.brands[1], Source: herald.MatchMention,
						Stance: herald.Stance{Sentiment: herald.Sentiment{Label: herald.Negative}}}}
					return w.PutAnalyses(ctx, []*herald.Activity{&act})
				})
			}},
			{"a link", func() {
				linked = identity(3)
				if _, err := db.LinkIdentities(ctx, ws, []int64{identity(2).ID, linked.ID}); err != nil {
					t.Fatal(err)
				}
			}},
			{"an unlink", func() {
				if _, err := db.UnlinkIdentity(ctx, ws, linked.ID); err != nil {
					t.Fatal(err)
				}
			}},
			{"scores", func() {
				if err := db.SaveScores(ctx, ws, []store.ScoredPerson{{PersonID: identity(4).PersonID,
					Scores: []store.PersonScore{{BrandID: rw.brands[0], Stage: "advocate", AsOf: rollupStart.Add(48 * time.Hour)}}}}); err != nil {
					t.Fatal(err)
				}
			}},
			{"dropped scores", func() {
				// scores without a summary behind them are stale
				if err := db.DropStaleScores(ctx, ws); err != nil {
					t.Fatal(err)
				}
			}},
			{"a new brand", func() {
				rw.ws.Brands = append(rw.ws.Brands, herald.Brand{Slug: "newcomer", Name: "Newcomer", Role: herald.RoleCompetitor})
				mustSync(t, db, rw.ws)
			}},
		}
		for _, s := range steps {
			before := reports()
			v0, err := db.DataVersion(ctx, ws)
			if err != nil {
				t.Fatal(err)
			}
			if again := reports(); again != before {
				t.Fatalf("before %s: the same reports twice without a change differ", s.name)
			}
			s.change()
			v1, err := db.DataVersion(ctx, ws)
			if err != nil {
				t.Fatal(err)
			}
			if v1 <= v0 {
				t.Errorf("%s: data version %d → %d, want it to move", s.name, v0, v1)
			}
			if after := reports(); after == before {
				t.Errorf("%s: the reports did not change", s.name)
			}
			for _, q := range qs {
				got, err := db.Metrics(ctx, ws, q)
				if err != nil {
					t.Fatal(err)
				}
				want, err := db.MetricsRaw(ctx, ws, q)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("%s: %s: cached report differs from the recomputation (-raw +cached):\n%s", s.name, q.Granularity, diff)
				}
			}
		}
	})
}

// TestMetricsCacheCopies checks that a caller changing the report it got
// does not change what the next caller gets.
func TestMetricsCacheCopies(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := mustSync(t, db, workspace("copies"))
		a := post("1", author("1", "ann"), "hello")
		a.Brands = []herald.BrandMention{{BrandID: w.Brands[0].ID, Source: herald.MatchMention}}
		put(t, db, w.ID, a)
		q := store.MetricsQuery{From: t0.AddDate(0, 0, -7), To: t0.AddDate(0, 0, 7), Granularity: "day"}
		first, err := db.Metrics(ctx, w.ID, q)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(first)
		first.Brands[0].Buckets[0].Mentions = 99
		first.Brands[0].Funnel.Stages["advocate"] = 99
		first.Brands = first.Brands[:1]
		second, err := db.Metrics(ctx, w.ID, q)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := json.Marshal(second); string(got) != string(want) {
			t.Fatalf("the cached report changed with its copy:\n got %s\nwant %s", got, want)
		}
	})
}

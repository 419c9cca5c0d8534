package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

// rollupWorld writes random streams into one workspace and remembers what
// it stored, so later events can update, move, tombstone and re-analyse.
type rollupWorld struct {
	rng     *rand.Rand
	db      *store.DB
	ws      *herald.Workspace
	brands  []int64
	authors []herald.Identity // authors[0] is the own brand's account
	stored  map[string]*herald.Activity
	keys    []string
	seen    time.Time // observation clock of identity snapshots
}

// rollupStart is the start of the random streams: the range holds the
// EU (29 March) and US (8 March) DST changes.
var rollupStart = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func newRollupWorld(t *testing.T, db *store.DB, seed uint64, slug string) *rollupWorld {
	w := workspace(slug)
	w.Brands = append(w.Brands, herald.Brand{Slug: "third", Name: "Third", Role: herald.RoleCompetitor},
		herald.Brand{Slug: "ghost", Name: "Ghost", Role: herald.RoleCompetitor})
	mustSync(t, db, w)
	rw := &rollupWorld{rng: rand.New(rand.NewPCG(seed, 11)), db: db, ws: w, stored: map[string]*herald.Activity{},
		seen: rollupStart}
	for _, b := range w.Brands[:3] { // ghost never has data
		rw.brands = append(rw.brands, b.ID)
	}
	rw.authors = append(rw.authors, author("900", "acme"))
	for u := range 14 {
		a := author(fmt.Sprint(100+u), fmt.Sprintf("user%d", u))
		a.Followers = int64(rw.rng.IntN(1000)) - 1
		rw.authors = append(rw.authors, a)
	}
	return rw
}

// at is a random time in the ~60 days of the stream, to the second.
func (rw *rollupWorld) at() time.Time {
	return rollupStart.Add(time.Duration(rw.rng.IntN(60*24*3600)) * time.Second)
}

func (rw *rollupWorld) polarity() herald.Polarity {
	return []herald.Polarity{"", herald.Positive, herald.Negative, herald.Neutral}[rw.rng.IntN(4)]
}

// mentions picks the brands an activity is about.
func (rw *rollupWorld) mentions(byBrand bool) []herald.BrandMention {
	var out []herald.BrandMention
	for k, b := range rw.brands {
		if rw.rng.IntN(3) != 0 && !(byBrand && k == 0) {
			continue
		}
		src := []herald.MatchSource{herald.MatchMention, herald.MatchKeyword, herald.MatchHashtag, herald.MatchReply}[rw.rng.IntN(4)]
		if byBrand && k == 0 {
			src = herald.MatchAuthor
		}
		out = append(out, herald.BrandMention{BrandID: b, Source: src, Direct: rw.rng.IntN(2) == 0,
			Stance: herald.Stance{Sentiment: herald.Sentiment{Label: rw.polarity(), Score: rw.rng.Float64()}}})
	}
	return out
}

// activity makes a new version of the activity key (new or stored).
func (rw *rollupWorld) activity(key string) *herald.Activity {
	byBrand := rw.rng.IntN(5) == 0
	by := rw.authors[1+rw.rng.IntN(len(rw.authors)-1)]
	if byBrand {
		by = rw.authors[0]
	}
	by.ObservedAt = rw.seen
	a := post(key, by, fmt.Sprintf("text %d", rw.rng.IntN(4)))
	a.Kind = []herald.Kind{herald.KindPost, herald.KindReply, herald.KindQuote, herald.KindLike, herald.KindShare}[rw.rng.IntN(5)]
	a.CreatedAt = rw.at()
	if old, ok := rw.stored[key]; ok && rw.rng.IntN(2) == 0 {
		// a small move: often stays in its hour, sometimes crosses it
		a.CreatedAt = old.CreatedAt.Add(time.Duration(rw.rng.IntN(7200)-3600) * time.Second)
	}
	a.Metrics = herald.Metrics{Likes: int64(rw.rng.IntN(7)) - 1, Shares: int64(rw.rng.IntN(4)) - 1,
		Replies: int64(rw.rng.IntN(4)) - 1, Quotes: -1}
	a.Analysis = &herald.Analysis{Sentiment: herald.Sentiment{Label: rw.polarity()}}
	if rw.rng.IntN(3) == 0 {
		a.Analysis.Intents = herald.IntentQuestion
	}
	if byBrand && len(rw.keys) > 0 {
		// a brand reply: mostly within three days after the post, sometimes
		// (skewed clocks) before it
		a.Kind, a.InReplyTo = herald.KindReply, rw.keys[rw.rng.IntN(len(rw.keys))]
		a.CreatedAt = rw.stored[a.InReplyTo].CreatedAt.Add(time.Duration(rw.rng.IntN(72*3600)) * time.Second)
		if rw.rng.IntN(10) == 0 {
			a.CreatedAt = rw.stored[a.InReplyTo].CreatedAt.Add(-time.Duration(rw.rng.IntN(7200)) * time.Second)
		}
	}
	a.Brands = rw.mentions(byBrand)
	return a
}

// batch writes one random batch through one writer (committing every
// few records too) and returns nothing: the database is what it checks.
func (rw *rollupWorld) batch(t *testing.T) {
	ctx := context.Background()
	w, err := rw.db.NewWriter(ctx, rw.ws.ID, []int{0, 0, 4, 9}[rw.rng.IntN(4)])
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	for range 1 + rw.rng.IntN(25) {
		switch r := rw.rng.IntN(20); {
		case r < 12 || len(rw.keys) == 0: // new or updated activities, possibly several in one call
			var acts []*herald.Activity
			for range 1 + rw.rng.IntN(3) {
				key := fmt.Sprint(rw.rng.IntN(90))
				acts = append(acts, rw.activity(key))
			}
			if _, err := w.PutActivities(ctx, acts); err != nil {
				t.Fatal(err)
			}
			for _, a := range acts {
				if a.ID == 0 {
					continue // unchanged, or a tombstoned key
				}
				if _, ok := rw.stored[a.ExternalID]; !ok {
					rw.keys = append(rw.keys, a.ExternalID)
				}
				c := *a
				rw.stored[a.ExternalID] = &c
			}
		case r < 14: // tombstone
			key := rw.keys[rw.rng.IntN(len(rw.keys))]
			if _, err := w.Tombstone(ctx, herald.Key{Network: herald.Twitter, ExternalID: key}); err != nil {
				t.Fatal(err)
			}
		case r < 17: // re-analysis: new polarities, brands added or dropped
			var acts []*herald.Activity
			for range 1 + rw.rng.IntN(3) {
				old := rw.stored[rw.keys[rw.rng.IntN(len(rw.keys))]]
				c := *old
				c.Analysis = &herald.Analysis{Sentiment: herald.Sentiment{Label: rw.polarity()}}
				// a brand reply may lose (or keep) its author mention
				c.Brands = rw.mentions(c.Author.ExternalID == rw.authors[0].ExternalID && rw.rng.IntN(4) != 0)
				acts = append(acts, &c)
			}
			if err := w.PutAnalyses(ctx, acts); err != nil {
				t.Fatal(err)
			}
		default: // follower changes (newer snapshots)
			rw.seen = rw.seen.Add(time.Minute)
			var ids []*herald.Identity
			for range 1 + rw.rng.IntN(3) {
				k := rw.rng.IntN(len(rw.authors))
				rw.authors[k].Followers = int64(rw.rng.IntN(5000)) - 1
				id := rw.authors[k]
				id.ObservedAt = rw.seen
				ids = append(ids, &id)
			}
			if err := w.PutIdentities(ctx, ids); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
}

// rescore saves random scores for some people (funnel counts).
func (rw *rollupWorld) rescore(t *testing.T) {
	ctx := context.Background()
	stages := []string{"audience", "engaged", "potential", "advocate", "champion"}
	var people []store.ScoredPerson
	for _, a := range rw.authors[1+rw.rng.IntN(5):] {
		if rw.rng.IntN(2) == 0 {
			continue
		}
		id, err := rw.db.FindIdentity(ctx, rw.ws.ID, herald.AccountRef{Network: herald.Twitter, Handle: a.Handle})
		if err != nil {
			continue // not stored yet
		}
		p := store.ScoredPerson{PersonID: id.PersonID}
		for _, b := range rw.brands {
			if rw.rng.IntN(2) == 0 {
				continue
			}
			sc := store.PersonScore{BrandID: b, Stage: stages[rw.rng.IntN(len(stages))], AsOf: rw.at()}
			if rw.rng.IntN(3) == 0 {
				sc.Flags |= int64(advocacy.FlagAtRisk)
			}
			if rw.rng.IntN(3) == 0 {
				sc.Flags |= int64(advocacy.FlagDetractor)
			}
			sc.Facets[3] = []float64{0, 0.5, 0.51, 0.9, -0.4}[rw.rng.IntN(5)]
			p.Scores = append(p.Scores, sc)
		}
		people = append(people, p)
	}
	if err := rw.db.SaveScores(ctx, rw.ws.ID, people); err != nil {
		t.Fatal(err)
	}
}

// rollupQueries are the queries checked: every granularity in UTC, a
// zone with DST inside the range on either side of the Atlantic, and a
// half-hour zone (the raw fallback), over a range of calendar days, a
// range on odd whole hours, and an empty range before the data.
func rollupQueries(t *testing.T) []store.MetricsQuery {
	var out []store.MetricsQuery
	for _, zone := range []string{"UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range []string{"day", "week", "month"} {
			out = append(out,
				store.MetricsQuery{From: time.Date(2026, 3, 1, 0, 0, 0, 0, loc), To: time.Date(2026, 5, 1, 0, 0, 0, 0, loc),
					Granularity: g, Location: loc},
				store.MetricsQuery{From: rollupStart.Add(7 * time.Hour), To: rollupStart.Add(40*24*time.Hour + 3*time.Hour),
					Granularity: g, Location: loc},
				store.MetricsQuery{From: time.Date(2025, 12, 1, 0, 0, 0, 0, loc), To: time.Date(2026, 1, 1, 0, 0, 0, 0, loc),
					Granularity: g, Location: loc})
		}
	}
	return out
}

// checkRollups compares every query through the rollups with the raw
// recomputation.
func checkRollups(t *testing.T, db *store.DB, ws int64, qs []store.MetricsQuery, what string) {
	t.Helper()
	ctx := context.Background()
	for _, q := range qs {
		zone := q.Location.String()
		wantRollup := zone != "Asia/Kolkata"
		if got := store.MetricsUseRollups(q); got != wantRollup {
			t.Fatalf("%s: %s %s from %s: uses rollups %v, want %v", what, zone, q.Granularity, q.From, got, wantRollup)
		}
		got, err := db.Metrics(ctx, ws, q)
		if err != nil {
			t.Fatal(err)
		}
		want, err := db.MetricsRaw(ctx, ws, q)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: %s %s from %s: rollups differ from raw (-raw +rollups):\n%s", what, zone, q.Granularity, q.From, diff)
		}
	}
}

// TestRollupsEqualRecomputation writes random streams in random batches
// — new activities, updates that move them between hours, tombstones,
// re-analyses, follower changes, identity links, brand replies, scores —
// and after every batch checks that the metrics from the rollups equal the
// metrics recomputed from the raw rows.
func TestRollupsEqualRecomputation(t *testing.T) {
	qs := rollupQueries(t)
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var mentions, earned int64
		for seed := uint64(1); seed <= 3; seed++ {
			rw := newRollupWorld(t, db, seed, fmt.Sprintf("roll%d", seed))
			for b := range 9 {
				rw.batch(t)
				if rw.rng.IntN(3) == 0 {
					rw.rescore(t)
				}
				if b == 6 { // merge two accounts into one person
					var ids []int64
					for _, a := range rw.authors[2:4] {
						if id, err := db.FindIdentity(ctx, rw.ws.ID, herald.AccountRef{Network: herald.Twitter, Handle: a.Handle}); err == nil {
							ids = append(ids, id.ID)
						}
					}
					if len(ids) == 2 {
						if _, err := db.LinkIdentities(ctx, rw.ws.ID, ids); err != nil {
							t.Fatal(err)
						}
					}
				}
				// after every batch a random sample of the queries, at the end
				// (of the last stream) all
				sample := make([]store.MetricsQuery, 4)
				for k := range sample {
					sample[k] = qs[rw.rng.IntN(len(qs))]
				}
				checkRollups(t, db, rw.ws.ID, sample, fmt.Sprintf("seed %d batch %d", seed, b))
			}
			if seed == 3 {
				checkRollups(t, db, rw.ws.ID, qs, fmt.Sprintf("seed %d", seed))
			}
			rep, err := db.Metrics(ctx, rw.ws.ID, qs[0])
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range rep.Brands {
				mentions += b.Total.Mentions
				earned += b.Total.EarnedReach
			}
		}
		if mentions < 100 || earned == 0 {
			t.Fatalf("the streams left %d mentions and %d earned reach: the test checks too little", mentions, earned)
		}
	})
}

// TestRollupsBucketEdges checks activities exactly on hour and bucket
// edges and on the range's ends, a brand with no data and an empty range.
func TestRollupsBucketEdges(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		w := mustSync(t, db, workspace("edges"))
		acme := w.Brands[0].ID
		paris, _ := time.LoadLocation("Europe/Paris")
		edges := []time.Time{
			time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),  // UTC day and week start, a range start
			time.Date(2026, 3, 1, 23, 0, 0, 0, time.UTC), // Paris Monday 00:00 (CET)
			time.Date(2026, 3, 1, 22, 59, 59, 999_000_000, time.UTC),
			time.Date(2026, 3, 29, 22, 0, 0, 0, time.UTC), // Paris Monday 00:00 (CEST)
			time.Date(2026, 3, 29, 21, 59, 59, 0, time.UTC),
			time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), // a range end: excluded
		}
		var acts []*herald.Activity
		for k, at := range edges {
			a := post(fmt.Sprint("e", k), author(fmt.Sprint(k), fmt.Sprint("u", k)), "Acme")
			a.CreatedAt = at
			a.Brands = []herald.BrandMention{{BrandID: acme, Source: herald.MatchKeyword,
				Stance: herald.Stance{Sentiment: herald.Sentiment{Label: herald.Positive}}}}
			acts = append(acts, a)
		}
		put(t, db, w.ID, acts...)
		var qs []store.MetricsQuery
		for _, loc := range []*time.Location{time.UTC, paris} {
			for _, g := range []string{"day", "week", "month"} {
				qs = append(qs, store.MetricsQuery{From: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
					To: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Granularity: g, Location: loc},
					store.MetricsQuery{From: time.Date(2026, 3, 1, 23, 0, 0, 0, time.UTC),
						To: time.Date(2026, 3, 29, 22, 0, 0, 0, time.UTC), Granularity: g, Location: loc},
					store.MetricsQuery{From: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC),
						To: time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC), Granularity: g, Location: loc})
			}
		}
		checkRollups(t, db, w.ID, qs, "edges")
		rep, err := db.Metrics(context.Background(), w.ID, qs[0])
		if err != nil {
			t.Fatal(err)
		}
		// [2 March, 1 April) UTC holds e0 (on the start), e3 and e4; not
		// e5 (on the end), e1, e2 (before).
		if got := rep.Brands[0].Total.Mentions; got != 3 {
			t.Errorf("mentions in [2 March, 1 April) = %d, want 3", got)
		}
		if got := rep.Brands[1].Total; got.Mentions != 0 || got.Reach != 0 || got.UniqueAuthors != 0 {
			t.Errorf("a brand with no data has %+v", got)
		}
		// Paris weeks: e4 closes the week before the DST change, e3 (Monday 30
		// March 00:00 CEST) opens the next, which also holds e5.
		pq := store.MetricsQuery{From: time.Date(2026, 3, 23, 0, 0, 0, 0, paris), To: time.Date(2026, 4, 6, 0, 0, 0, 0, paris),
			Granularity: "week", Location: paris}
		rep, err = db.Metrics(context.Background(), w.ID, pq)
		if err != nil {
			t.Fatal(err)
		}
		if b := rep.Brands[0].Buckets; len(b) != 2 || b[0].Mentions != 1 || b[1].Mentions != 2 {
			t.Errorf("Paris weeks around the DST change: %+v", b)
		}
	})
}

// TestRollupsAfterUpgrade fills a database, takes it back to schema 5
// (no rollups, no funnel counts), and checks that opening it runs the
// migration's backfill: the metrics equal the raw recomputation.
func TestRollupsAfterUpgrade(t *testing.T) {
	qs := rollupQueries(t)
	for _, e := range storetest.Engines(t) {
		t.Run(e.Name, func(t *testing.T) {
			ctx := context.Background()
			dsn := e.DSN(t)
			db, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			rw := newRollupWorld(t, db, 42, "up")
			for range 6 {
				rw.batch(t)
				rw.rescore(t)
			}
			db.Close()

			driver := "sqlite"
			if e.Name == "postgres" {
				driver = "pgx"
			}
			raw, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			// the later migrations' tables and indexes first, then 0006's
			down, latest, err := store.UndoMigrationsAfter(store.Engine(e.Name), 6)
			if err != nil {
				t.Fatal(err)
			}
			down = append(down, `DROP TABLE metric_hours`, `DROP TABLE funnel_counts`, `DROP INDEX stage_changes_movement`,
				`DELETE FROM schema_migrations WHERE version = 6`)
			if e.Name == "postgres" {
				down = append(down, `DROP FUNCTION person_scores_funnel() CASCADE`)
			} else {
				down = append(down, `DROP TRIGGER person_scores_funnel_insert`, `DROP TRIGGER person_scores_funnel_delete`,
					`DROP TRIGGER person_scores_funnel_update`)
			}
			for _, q := range down {
				if _, err := raw.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			var v int
			if err := raw.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil || v != 5 {
				t.Fatalf("schema version %d (%v), want 5", v, err)
			}
			raw.Close()

			db = storetest.Open(t, storetest.Engine{Name: e.Name, DSN: func(testing.TB) string { return dsn }})
			if v, _ := db.Version(ctx); v != latest {
				t.Fatalf("version after upgrade %d, want %d", v, latest)
			}
			checkRollups(t, db, rw.ws.ID, qs[:9], "after upgrade")                        // UTC
			checkRollups(t, db, rw.ws.ID, qs[len(qs)-9:], "after upgrade (raw fallback)") // Asia/Kolkata
			rep, err := db.Metrics(ctx, rw.ws.ID, qs[0])
			if err != nil {
				t.Fatal(err)
			}
			if rep.Brands[0].Total.Mentions == 0 || rep.Brands[0].Funnel.Stages["audience"]+rep.Brands[0].Funnel.Stages["engaged"]+
				rep.Brands[0].Funnel.Stages["potential"]+rep.Brands[0].Funnel.Stages["advocate"]+rep.Brands[0].Funnel.Stages["champion"] == 0 {
				t.Fatalf("upgraded database has no data to check: %+v", rep.Brands[0].Total)
			}
		})
	}
}

// TestRollupsPerBatchCommit checks that every batch commit of a writer
// carries its rollups, not only the final one: other readers see the
// committed batches while the writer goes on.
func TestRollupsPerBatchCommit(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := mustSync(t, db, workspace("batches"))
		wr, err := db.NewWriter(ctx, w.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		defer wr.Rollback()
		q := store.MetricsQuery{From: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
			Granularity: "day"}
		for k := range 3 {
			a := post(fmt.Sprint("b", k), author(fmt.Sprint(k), fmt.Sprint("u", k)), "Acme")
			a.Brands = []herald.BrandMention{{BrandID: w.Brands[0].ID, Source: herald.MatchKeyword}}
			if _, err := wr.PutActivity(ctx, a); err != nil {
				t.Fatal(err)
			}
			checkRollups(t, db, w.ID, []store.MetricsQuery{q}, fmt.Sprintf("after batch %d", k))
			rep, err := db.Metrics(ctx, w.ID, q)
			if err != nil {
				t.Fatal(err)
			}
			if got := rep.Brands[0].Total.Mentions; got != int64(k+1) {
				t.Fatalf("after batch %d: %d mentions, want %d", k, got, k+1)
			}
		}
		if err := wr.Commit(); err != nil {
			t.Fatal(err)
		}
	})
}

// TestRollupsResponsiveness checks the answers of the brand through the
// rollups: a reply re-analysed away from the brand is no answer any more,
// and a reply dated before the question (skewed clocks) counts only when
// the range holds it, so such a range falls back to the raw rows.
func TestRollupsResponsiveness(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := mustSync(t, db, workspace("resp"))
		acme := w.Brands[0].ID
		q := post("q1", author("1", "alice"), "@acme help?")
		q.CreatedAt = time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)
		q.Brands = []herald.BrandMention{{BrandID: acme, Source: herald.MatchMention, Direct: true}}
		r := post("r1", author("900", "acme"), "sure")
		r.Kind, r.InReplyTo, r.CreatedAt = herald.KindReply, "q1", time.Date(2026, 3, 2, 9, 50, 0, 0, time.UTC)
		r.Brands = []herald.BrandMention{{BrandID: acme, Source: herald.MatchAuthor}}
		put(t, db, w.ID, r, q) // the reply first: storing the question rolls it up with its answer
		day := store.MetricsQuery{From: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC),
			Granularity: "day"}
		late := day
		late.From = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
		checkRollups(t, db, w.ID, []store.MetricsQuery{day, late}, "reply before the question")
		for _, c := range []struct {
			q        store.MetricsQuery
			answered int64
		}{{day, 1}, {late, 0}} {
			rep, err := db.Metrics(ctx, w.ID, c.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := rep.Brands[0].Responsiveness; got.Asked != 1 || got.Answered != c.answered {
				t.Errorf("from %s: %+v, want 1 asked, %d answered", c.q.From, got, c.answered)
			}
		}

		// another question answered after it, then the answer re-analysed:
		// not the brand's any more (a range without the skewed reply, so the
		// rollups answer it)
		q2 := post("q2", author("2", "bob"), "@acme when?")
		q2.CreatedAt = time.Date(2026, 3, 2, 14, 30, 0, 0, time.UTC)
		q2.Brands = []herald.BrandMention{{BrandID: acme, Source: herald.MatchMention, Direct: true}}
		r2 := post("r2", author("900", "acme"), "at 8")
		r2.Kind, r2.InReplyTo, r2.CreatedAt = herald.KindReply, "q2", time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC)
		r2.Brands = []herald.BrandMention{{BrandID: acme, Source: herald.MatchAuthor}}
		put(t, db, w.ID, q2, r2)
		after := day
		after.From = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
		checkRollups(t, db, w.ID, []store.MetricsQuery{day, late, after}, "a second question")
		rep, err := db.Metrics(ctx, w.ID, after)
		if err != nil {
			t.Fatal(err)
		}
		if got := rep.Brands[0].Responsiveness; got.Asked != 1 || got.Answered != 1 || got.MedianSeconds != 5400 {
			t.Errorf("second question: %+v, want answered in 5400 s", got)
		}
		r2.Brands = []herald.BrandMention{{BrandID: w.Brands[1].ID, Source: herald.MatchKeyword}}
		wr, err := db.NewWriter(ctx, w.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := wr.PutAnalyses(ctx, []*herald.Activity{r2}); err != nil {
			t.Fatal(err)
		}
		if err := wr.Commit(); err != nil {
			t.Fatal(err)
		}
		checkRollups(t, db, w.ID, []store.MetricsQuery{day, late, after}, "the answer re-analysed")
		rep, err = db.Metrics(ctx, w.ID, after)
		if err != nil {
			t.Fatal(err)
		}
		if got := rep.Brands[0].Responsiveness; got.Asked != 1 || got.Answered != 0 {
			t.Errorf("after re-analysis: %+v, want 1 asked, none answered", got)
		}
	})
}

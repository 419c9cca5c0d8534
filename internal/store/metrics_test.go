package store_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

func utc(day, hour, minute int) time.Time {
	return time.Date(2026, 3, day, hour, minute, 0, 0, time.UTC)
}

// metricsWorkspace stores two brands with a handful of posts, a third brand
// with none, and scores for two people.
func metricsWorkspace(t *testing.T, db *store.DB) *herald.Workspace {
	t.Helper()
	w := workspace("m")
	w.Brands = append(w.Brands, herald.Brand{Slug: "ghost", Name: "Ghost", Role: herald.RoleCompetitor})
	mustSync(t, db, w)
	acme, rival := w.Brands[0].ID, w.Brands[1].ID
	mention := func(brand int64, src herald.MatchSource, direct bool, pol herald.Polarity) herald.BrandMention {
		return herald.BrandMention{BrandID: brand, Source: src, Direct: direct, Stance: herald.Stance{Sentiment: herald.Sentiment{Label: pol}}}
	}
	alice, bob, brand := author("1", "alice"), author("2", "bob"), author("9", "acme")
	alice.Followers, bob.Followers, brand.Followers = 10, 100, 5000
	at := func(a *herald.Activity, t time.Time, likes, shares, replies int64, ms ...herald.BrandMention) *herald.Activity {
		a.CreatedAt, a.Metrics, a.Brands = t, herald.Metrics{Likes: likes, Shares: shares, Replies: replies, Quotes: -1}, ms
		return a
	}
	p1 := at(post("p1", alice, "@acme love it"), utc(2, 10, 0), 1, 2, 0, mention(acme, herald.MatchMention, true, herald.Positive))
	p2 := at(post("p2", bob, "why is Acme worse than Rival?"), utc(2, 11, 0), 5, -1, 1,
		mention(acme, herald.MatchKeyword, false, herald.Negative), mention(rival, herald.MatchKeyword, false, herald.Positive))
	p2.Analysis = &herald.Analysis{Intents: herald.IntentQuestion}
	p3 := at(post("p3", alice, "Rival ok"), utc(3, 9, 0), 0, 0, 0, mention(rival, herald.MatchKeyword, false, herald.Neutral))
	r1 := at(post("r1", brand, "thanks!"), utc(2, 12, 0), 0, 0, 0, mention(acme, herald.MatchAuthor, false, ""))
	r1.InReplyTo = "p1"
	late := at(post("p4", bob, "Acme"), utc(6, 0, 0), 1, 1, 1, mention(acme, herald.MatchKeyword, false, herald.Positive))
	night := at(post("p5", bob, "Rival at night"), utc(4, 23, 30), 0, 0, 0, mention(rival, herald.MatchKeyword, false, herald.Positive))
	put(t, db, w.ID, p1, p2, p3, r1, late, night)

	ctx := context.Background()
	person := func(h string) int64 {
		id, err := db.FindIdentity(ctx, w.ID, herald.AccountRef{Network: herald.Twitter, Handle: h})
		if err != nil {
			t.Fatal(err)
		}
		return id.PersonID
	}
	score := func(who string, at time.Time, stage string, flags advocacy.Flags, stance float64) {
		sc := store.PersonScore{BrandID: acme, Stage: stage, Flags: int64(flags), AsOf: at}
		sc.Facets[3] = stance
		if err := db.SaveScores(ctx, w.ID, []store.ScoredPerson{{PersonID: person(who), Scores: []store.PersonScore{sc}}}); err != nil {
			t.Fatal(err)
		}
	}
	score("alice", utc(2, 0, 0), "potential", 0, 0.8)
	score("bob", utc(2, 0, 0), "advocate", 0, 0.9)
	score("alice", utc(3, 0, 0), "advocate", 0, 0.8)
	score("bob", utc(3, 0, 0), "engaged", advocacy.FlagAtRisk, 0.9)
	return w
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMetricsVolume(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := metricsWorkspace(t, db)
		rep, err := db.Metrics(ctx, w.ID, store.MetricsQuery{From: utc(2, 0, 0), To: utc(5, 0, 0), Granularity: "day"})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Brands) != 3 || rep.Brands[0].Brand != "acme" || rep.Brands[1].Brand != "ghost" || rep.Brands[2].Brand != "rival" {
			t.Fatalf("brands %+v", rep.Brands)
		}
		type row struct {
			mentions, authors, reach, eng int64
			sov, engShare                 float64
			pos, neg, neu                 int64
			net                           float64
		}
		want := map[string][]row{
			"acme": {{2, 2, 110, 9, 2.0 / 3, 9.0 / 15, 1, 1, 0, 0}, {}, {}},
			"rival": {{1, 1, 100, 6, 1.0 / 3, 6.0 / 15, 1, 0, 0, 1}, {1, 1, 10, 0, 1, 0, 0, 0, 1, 0},
				{1, 1, 100, 0, 1, 0, 1, 0, 0, 1}},
			"ghost": {{}, {}, {}},
		}
		for _, b := range rep.Brands {
			if len(b.Buckets) != 3 {
				t.Fatalf("%s: %d buckets, want 3", b.Brand, len(b.Buckets))
			}
			for i, got := range b.Buckets {
				w := want[b.Brand][i]
				if !got.Start.Equal(utc(2+i, 0, 0)) {
					t.Errorf("%s bucket %d starts %s", b.Brand, i, got.Start)
				}
				s := got.Sentiment
				g := row{got.Mentions, got.UniqueAuthors, got.Reach, got.Engagement, got.ShareOfVoice, got.EngagementShare,
					s.Positive, s.Negative, s.Neutral, s.Net}
				if g.mentions != w.mentions || g.authors != w.authors || g.reach != w.reach || g.eng != w.eng ||
					!near(g.sov, w.sov) || !near(g.engShare, w.engShare) || g.pos != w.pos || g.neg != w.neg ||
					g.neu != w.neu || !near(g.net, w.net) {
					t.Errorf("%s bucket %d: got %+v, want %+v", b.Brand, i, g, w)
				}
			}
		}
		acme := rep.Brands[0]
		if acme.Total.Mentions != 2 || acme.Total.UniqueAuthors != 2 || !near(acme.Total.ShareOfVoice, 2.0/5) {
			t.Errorf("acme total %+v", acme.Total)
		}
		// alice is acme's advocate now: her one mention of acme (day 2),
		// with her audience; bob's (no longer an advocate) do not count
		if got := [3]int64{acme.Buckets[0].EarnedReach, acme.Buckets[0].ActiveAdvocates, acme.Buckets[1].EarnedReach}; got != [3]int64{10, 1, 0} {
			t.Errorf("acme earned reach by day: %v, want [10 1 0]", got)
		}
		if acme.Total.EarnedReach != 10 || acme.Total.ActiveAdvocates != 1 || rep.Brands[2].Total.EarnedReach != 0 {
			t.Errorf("earned reach: acme %+v, rival %+v", acme.Total, rep.Brands[2].Total)
		}
		f := acme.Funnel
		if f.Stages["advocate"] != 1 || f.Stages["engaged"] != 1 || f.Stages["champion"] != 0 || f.AtRisk != 1 ||
			f.Positive != 2 || !near(f.Gap, 0.5) {
			t.Errorf("acme funnel %+v", f)
		}
		if m := acme.Movement; m != (store.FunnelMovement{New: 2, Promoted: 1, Lost: 1, AtRisk: 1}) {
			t.Errorf("acme movement %+v", m)
		}
		r := acme.Responsiveness
		if r.Asked != 2 || r.Answered != 1 || !near(r.Share, 0.5) || r.MedianSeconds != 7200 || r.P90Seconds != 7200 {
			t.Errorf("acme responsiveness %+v", r)
		}
		ghost := rep.Brands[1]
		if ghost.Total != (store.BucketMetrics{Start: utc(2, 0, 0)}) || ghost.Funnel.Positive != 0 || ghost.Funnel.Stages["audience"] != 0 ||
			ghost.Responsiveness != (store.Responsiveness{}) || ghost.Movement != (store.FunnelMovement{}) {
			t.Errorf("a brand with no data: %+v", ghost)
		}
		// Her audience is the largest over her accounts: link a second one.
		wr, err := db.NewWriter(ctx, w.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		second := author("11", "alice_alt")
		second.Followers = 700
		if err := wr.PutIdentities(ctx, []*herald.Identity{&second}); err != nil {
			t.Fatal(err)
		}
		if err := wr.Commit(); err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, h := range []string{"alice", "alice_alt"} {
			id, err := db.FindIdentity(ctx, w.ID, herald.AccountRef{Network: herald.Twitter, Handle: h})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id.ID)
		}
		if _, err := db.LinkIdentities(ctx, w.ID, ids); err != nil {
			t.Fatal(err)
		}
		rep, err = db.Metrics(ctx, w.ID, store.MetricsQuery{From: utc(2, 0, 0), To: utc(5, 0, 0), Granularity: "day"})
		if err != nil {
			t.Fatal(err)
		}
		if got := rep.Brands[0].Total.EarnedReach; got != 700 {
			t.Errorf("earned reach after linking a 700-follower account: %d, want 700", got)
		}
		// Movement outside the range is not counted.
		rep, err = db.Metrics(ctx, w.ID, store.MetricsQuery{From: utc(3, 0, 0), To: utc(4, 0, 0), Granularity: "day"})
		if err != nil {
			t.Fatal(err)
		}
		if m := rep.Brands[0].Movement; m != (store.FunnelMovement{New: 1, Promoted: 1, Lost: 1, AtRisk: 1}) {
			t.Errorf("acme movement on day 3: %+v", m)
		}
	})
}

func TestMetricsBuckets(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := metricsWorkspace(t, db)
		paris, err := time.LoadLocation("Europe/Paris")
		if err != nil {
			t.Skip("no tzdata:", err)
		}
		inParis := func(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, paris) }
		cases := []struct {
			name   string
			q      store.MetricsQuery
			starts []time.Time
			rival  []int64 // rival's mentions per bucket
		}{
			{"utc days", store.MetricsQuery{From: utc(4, 0, 0), To: utc(6, 0, 0), Granularity: "day"},
				[]time.Time{utc(4, 0, 0), utc(5, 0, 0)}, []int64{1, 0}},
			{"23:30 UTC is the next day in Paris", store.MetricsQuery{From: inParis(4), To: inParis(6), Granularity: "day", Location: paris},
				[]time.Time{inParis(4), inParis(5)}, []int64{0, 1}},
			{"weeks start on Monday", store.MetricsQuery{From: utc(1, 0, 0), To: utc(10, 0, 0), Granularity: "week"},
				[]time.Time{time.Date(2026, 2, 23, 0, 0, 0, 0, time.UTC), utc(2, 0, 0), utc(9, 0, 0)}, []int64{0, 3, 0}},
			{"months", store.MetricsQuery{From: utc(2, 0, 0), To: time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC), Granularity: "month"},
				[]time.Time{utc(1, 0, 0), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}, []int64{3, 0}},
			{"empty range", store.MetricsQuery{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC), Granularity: "day"},
				[]time.Time{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)}, []int64{0, 0}},
		}
		for _, c := range cases {
			rep, err := db.Metrics(ctx, w.ID, c.q)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			for _, b := range rep.Brands {
				if len(b.Buckets) != len(c.starts) {
					t.Fatalf("%s: %s has %d buckets, want %d", c.name, b.Brand, len(b.Buckets), len(c.starts))
				}
				for i, bk := range b.Buckets {
					if !bk.Start.Equal(c.starts[i]) {
						t.Errorf("%s: bucket %d starts %s, want %s", c.name, i, bk.Start, c.starts[i])
					}
					if b.Brand == "rival" && bk.Mentions != c.rival[i] {
						t.Errorf("%s: rival bucket %d: %d mentions, want %d", c.name, i, bk.Mentions, c.rival[i])
					}
					if b.Brand != "rival" && c.name == "empty range" && bk != (store.BucketMetrics{Start: bk.Start}) {
						t.Errorf("%s: %s bucket %d not zero: %+v", c.name, b.Brand, i, bk)
					}
				}
			}
		}
		// Bad queries.
		for name, q := range map[string]store.MetricsQuery{
			"from after to":   {From: utc(5, 0, 0), To: utc(2, 0, 0), Granularity: "day"},
			"empty":           {From: utc(5, 0, 0), To: utc(5, 0, 0), Granularity: "day"},
			"zero":            {Granularity: "day"},
			"bad granularity": {From: utc(2, 0, 0), To: utc(5, 0, 0), Granularity: "year"},
			"too long":        {From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Granularity: "month"},
		} {
			if _, err := db.Metrics(ctx, w.ID, q); herald.ErrorCode(err) != herald.EInvalid {
				t.Errorf("%s: got %v, want invalid", name, err)
			}
		}
	})
}

package scoring_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

var t0 = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

func testWorkspace(slug string) *herald.Workspace {
	return &herald.Workspace{Slug: slug, Name: slug, Brands: []herald.Brand{
		{Slug: "acme", Name: "Acme", Role: herald.RoleOwn, Handles: map[herald.Network][]string{herald.Twitter: {"acme"}},
			Employees: []herald.AccountRef{{Network: herald.Twitter, Handle: "user3"}}},
		{Slug: "rival", Name: "Rival", Role: herald.RoleCompetitor},
	}}
}

// randomStream is activity about two brands by a dozen people over twenty
// weeks, with the hard cases mixed in: re-imports that change the stance,
// deletions, replies to other people's questions, mentions, likes.
func randomStream(rng *rand.Rand, ws *herald.Workspace, n int) []herald.Record {
	var out []herald.Record
	pols := []herald.Polarity{herald.Positive, herald.Negative, herald.Neutral}
	for k := 0; k < n; k++ {
		// An activity keeps its author (network ids are immutable); a
		// re-import may change everything else.
		num := rng.IntN(n/2 + 1)
		id, u := fmt.Sprint(num), num%12
		by := herald.Identity{Network: herald.Twitter, ExternalID: fmt.Sprint(100 + u), Handle: fmt.Sprintf("user%d", u),
			Followers: int64(rng.IntN(5000)), Following: -1, ObservedAt: t0}
		if rng.IntN(15) == 0 {
			out = append(out, herald.Record{Tombstone: &herald.Key{Network: herald.Twitter, ExternalID: id}})
			continue
		}
		a := &herald.Activity{Network: herald.Twitter, ExternalID: id, Kind: herald.KindPost, Author: by,
			CreatedAt: t0.Add(time.Duration(rng.IntN(20*7*24)) * time.Hour), Text: fmt.Sprintf("acme text %d", rng.IntN(4)),
			Metrics: herald.Metrics{Likes: int64(rng.IntN(9)), Shares: int64(rng.IntN(3)), Replies: -1, Quotes: -1}}
		switch rng.IntN(5) {
		case 0:
			a.Kind, a.Text, a.Subject, a.SubjectAuthor = herald.KindLike, "", "x", "acme"
		case 1:
			a.Kind, a.InReplyTo, a.InReplyToAuthor = herald.KindReply, fmt.Sprint(rng.IntN(n/2+1)), fmt.Sprintf("user%d", rng.IntN(12))
		}
		a.Mentions = []string{fmt.Sprintf("user%d", rng.IntN(12))}
		if a.Kind != herald.KindLike {
			p := pols[rng.IntN(3)]
			a.Analysis = &herald.Analysis{Lang: "en", Sentiment: herald.Sentiment{Label: p, Score: 0.5}, Intents: herald.Intents(rng.IntN(128))}
		}
		for bi, b := range ws.Brands {
			if rng.IntN(2) == 0 || bi == 0 && len(a.Brands) == 0 && rng.IntN(2) == 0 {
				a.Brands = append(a.Brands, herald.BrandMention{BrandID: b.ID, Brand: b.Slug, Source: herald.MatchMention, Direct: true,
					Stance: herald.Stance{Sentiment: herald.Sentiment{Label: pols[rng.IntN(3)], Score: rng.Float64()*2 - 1}}})
			}
		}
		out = append(out, herald.Record{Activity: a})
	}
	return out
}

// write stores records with a writer and returns the people it touched.
func write(t *testing.T, db *store.DB, ws int64, recs []herald.Record) []int64 {
	t.Helper()
	ctx := context.Background()
	w, err := db.NewWriter(ctx, ws, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r.Tombstone != nil {
			_, err = w.Tombstone(ctx, *r.Tombstone)
		} else {
			c := *r.Activity
			_, err = w.PutActivities(ctx, []*herald.Activity{&c})
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return w.Touched()
}

// allScores reads every stored score of the workspace, by person and brand.
func allScores(t *testing.T, db *store.DB, ws *herald.Workspace) []store.Advocate {
	t.Helper()
	var out []store.Advocate
	for _, b := range ws.Brands {
		rows, err := db.Advocates(context.Background(), ws.ID, store.AdvocateFilter{BrandID: b.ID, Limit: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rows...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].PersonID != out[j].PersonID {
			return out[i].PersonID < out[j].PersonID
		}
		return out[i].BrandID < out[j].BrandID
	})
	return out
}

// TestIncrementalEqualsFull imports random streams in random batches,
// updating scores after each batch for the people it touched, and checks
// that the result is exactly what a full rescore of the same data gives.
func TestIncrementalEqualsFull(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for seed := uint64(1); seed <= 12; seed++ {
			ws := testWorkspace(fmt.Sprintf("w%d", seed))
			if err := db.SyncWorkspace(ctx, ws); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(seed, 11))
			stream := randomStream(rng, ws, 80)
			sc := scoring.New(db, ws, advocacy.DefaultWeights())
			for rest := stream; len(rest) > 0; {
				n := min(1+rng.IntN(25), len(rest))
				if _, err := sc.Update(ctx, write(t, db, ws.ID, rest[:n])); err != nil {
					t.Fatal(err)
				}
				rest = rest[n:]
			}
			incremental := allScores(t, db, ws)
			if _, err := sc.Rescore(ctx); err != nil {
				t.Fatal(err)
			}
			full := allScores(t, db, ws)
			if len(full) == 0 {
				t.Fatalf("seed %d: nothing scored", seed)
			}
			if diff := cmp.Diff(full, incremental); diff != "" {
				t.Fatalf("seed %d: incremental scores differ from a full rescore (-full +incremental):\n%s", seed, diff)
			}
		}
	})
}

package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

// randomStream is a stream of activities with the hard cases mixed in:
// re-imports with changed counts and texts, accounts seen by handle only
// and by real id, newer and older account snapshots.
func randomStream(rng *rand.Rand, n int) []*herald.Activity {
	var out []*herald.Activity
	for k := 0; k < n; k++ {
		u := rng.IntN(12)
		by := author(fmt.Sprint(100+u), fmt.Sprintf("user%d", u))
		if rng.IntN(3) == 0 {
			by = herald.Identity{Network: herald.Twitter, ExternalID: fmt.Sprintf("@user%d", u), Handle: fmt.Sprintf("User%d", u),
				Followers: -1, Following: -1}
		}
		by.ObservedAt = t0.Add(time.Duration(rng.IntN(100)) * time.Minute)
		by.Followers = int64(rng.IntN(3)) - 1
		a := post(fmt.Sprint(rng.IntN(n/2+1)), by, fmt.Sprintf("text %d", rng.IntN(3)))
		a.Metrics.Likes = int64(rng.IntN(4)) - 1
		out = append(out, a)
	}
	return out
}

type snapshot struct {
	Acts   []string
	People int64
	IDs    int64
}

func snap(t *testing.T, db *store.DB, ws int64) snapshot {
	acts := list(t, db, ws, store.ActivityFilter{Limit: 10000})
	st, err := db.Status(context.Background(), ws)
	if err != nil {
		t.Fatal(err)
	}
	s := snapshot{People: st.People, IDs: st.Identities}
	for _, a := range acts {
		s.Acts = append(s.Acts, fmt.Sprintf("%s %q likes=%d by=%s/%s followers=%d", a.ExternalID, a.Text, a.Metrics.Likes,
			a.Author.ExternalID, a.Author.Handle, a.Author.Followers))
	}
	return s
}

// TestBatchedEqualsOneByOne checks that writing a stream in batches of any
// size gives the same database as writing it record by record.
func TestBatchedEqualsOneByOne(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for seed := uint64(1); seed <= 25; seed++ {
			rng := rand.New(rand.NewPCG(seed, 7))
			stream := randomStream(rng, 60)
			one := mustSync(t, db, workspace(fmt.Sprintf("one%d", seed))).ID
			many := mustSync(t, db, workspace(fmt.Sprintf("many%d", seed))).ID
			w1, _ := db.NewWriter(ctx, one, 7)
			for _, a := range stream {
				c := *a
				if _, err := w1.PutActivities(ctx, []*herald.Activity{&c}); err != nil {
					t.Fatal(err)
				}
			}
			w1.Commit()
			w2, _ := db.NewWriter(ctx, many, 0)
			for rest := stream; len(rest) > 0; {
				n := min(1+rng.IntN(20), len(rest))
				batch := make([]*herald.Activity, n)
				for k := range batch {
					c := *rest[k]
					batch[k] = &c
				}
				if _, err := w2.PutActivities(ctx, batch); err != nil {
					t.Fatal(err)
				}
				rest = rest[n:]
			}
			w2.Commit()
			if diff := cmp.Diff(snap(t, db, one), snap(t, db, many)); diff != "" {
				t.Fatalf("seed %d: batched writes differ from one-by-one (-one +batched):\n%s", seed, diff)
			}
		}
	})
}

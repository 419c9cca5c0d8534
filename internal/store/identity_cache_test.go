package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

// TestIdentityCacheFullMidBatch: a full cache is cleared between batches,
// never in the middle of one — otherwise an author found cached at the
// start of a batch, evicted while it is written, was created a second
// time (UNIQUE constraint failed, seen at 200,000 identities).
func TestIdentityCacheFullMidBatch(t *testing.T) {
	defer store.SetIdentityCacheMax(4)()
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ws := mustSync(t, db, workspace("a")).ID
		w, err := db.NewWriter(ctx, ws, 1000)
		if err != nil {
			t.Fatal(err)
		}
		// Three authors fill the cache to one below its bound; the next
		// batch brings two new authors before one of the three.
		batches := [][]string{{"a", "b", "c"}, {"x", "y", "a"}, {"z", "w", "v", "b", "c"}}
		want := 8
		for round, names := range batches {
			var batch []*herald.Activity
			for k, name := range names {
				batch = append(batch, post(fmt.Sprintf("p%d-%d", round, k), author(name, name), "hi"))
			}
			if _, err := w.PutActivities(ctx, batch); err != nil {
				t.Fatalf("batch %d: %v", round, err)
			}
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		people, err := db.People(ctx, ws, store.PeopleFilter{Limit: 500})
		if err != nil || len(people) != want {
			t.Fatalf("%d people (%v), want %d", len(people), err, want)
		}
	})
}

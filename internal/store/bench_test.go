package store_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

// benchActivity is a realistic fediverse post: a URL id, an author among
// 20,000, one brand mention.
func benchActivity(i, brandID int) *herald.Activity {
	u := (i * 7919) % 20000
	actor := fmt.Sprintf("https://social%d.example/users/u%d", u%7, u)
	return &herald.Activity{Network: herald.Mastodon, ExternalID: actor + "/statuses/" + strconv.Itoa(i), Kind: herald.KindPost,
		Author: herald.Identity{Network: herald.Mastodon, ExternalID: actor, Handle: "u" + strconv.Itoa(u) + "@social.example",
			DisplayName: "User " + strconv.Itoa(u), Bio: "I drink coffee", Followers: int64(10 + u%5000), Following: -1,
			ProfileURL: actor, ObservedAt: t0},
		CreatedAt: t0.Add(time.Duration(i) * 7 * time.Second), URL: actor + "/" + strconv.Itoa(i),
		Text:     "@acme beans staff order cold cold staff love never best brew beans brew staff latte never love #acme",
		Mentions: []string{"acme@brand.example"}, Hashtags: []string{"acme"},
		Metrics: herald.Metrics{Likes: int64(i % 9), Shares: int64(i % 3), Replies: 0, Quotes: -1},
		Brands:  []herald.BrandMention{{BrandID: int64(brandID), Brand: "acme", Source: herald.MatchMention, Direct: true}}}
}

// BenchmarkPutActivities measures the writer alone (no parsing): new
// activities in batches of 256, committed every 10,000, as an import does.
func BenchmarkPutActivities(b *testing.B) {
	for _, e := range storetest.Engines(b) {
		b.Run(e.Name, func(b *testing.B) {
			db := storetest.Open(b, e)
			ctx := context.Background()
			w := workspace("bench")
			if err := db.SyncWorkspace(ctx, w); err != nil {
				b.Fatal(err)
			}
			wr, err := db.NewWriter(ctx, w.ID, 10000)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i += 256 {
				batch := make([]*herald.Activity, 0, 256)
				for k := i; k < min(i+256, b.N); k++ {
					batch = append(batch, benchActivity(k, int(w.Brands[0].ID)))
				}
				if _, err := wr.PutActivities(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			if err := wr.Commit(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "activities/s")
		})
	}
}

var _ = store.Created

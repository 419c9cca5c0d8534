package store_test

import (
	"context"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/herald-advocacy/herald/internal/store"
)

// BenchmarkMetrics90DaysWeekly times the 90-day weekly metrics query on
// the database named by HERALD_BENCH_DB (e.g. a `herald demo` database with
// a million people; skipped when unset), ending at the day of the
// workspace's data clock, in UTC and in Europe/Paris, through the rollups
// and through the raw recomputation (what Metrics did before them), one
// query at a time and in parallel. Besides ns/op it reports the p50 and
// p99 latency of the recorded queries.
//
//	HERALD_BENCH_DB=/tmp/herald-big/big.db go test -run '^$' -bench Metrics90DaysWeekly -benchtime 50x ./internal/store
func BenchmarkMetrics90DaysWeekly(b *testing.B) {
	dsn := os.Getenv("HERALD_BENCH_DB")
	if dsn == "" {
		b.Skip("HERALD_BENCH_DB not set")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	wss, err := db.Workspaces(ctx)
	if err != nil || len(wss) == 0 {
		b.Fatalf("no workspace in %s (%v)", dsn, err)
	}
	ws := wss[0].ID
	clock, err := db.DataClock(ctx, ws)
	if err != nil {
		b.Fatal(err)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		b.Fatal(err)
	}
	for _, loc := range []*time.Location{time.UTC, paris} {
		c := clock.In(loc)
		to := time.Date(c.Year(), c.Month(), c.Day()+1, 0, 0, 0, 0, loc)
		q := store.MetricsQuery{From: to.AddDate(0, 0, -90), To: to, Granularity: "week", Location: loc}
		for _, path := range []struct {
			name string
			run  func(context.Context, int64, store.MetricsQuery) (*store.MetricsReport, error)
		}{{"cached", db.Metrics}, {"rollup", db.MetricsUncached}, {"raw", db.MetricsRaw}} {
			name := path.name + "/" + loc.String()
			b.Run(name, func(b *testing.B) {
				var ds []time.Duration
				for b.Loop() {
					start := time.Now()
					if _, err := path.run(ctx, ws, q); err != nil {
						b.Fatal(err)
					}
					ds = append(ds, time.Since(start))
				}
				reportLatency(b, ds)
			})
			b.Run(name+"/parallel", func(b *testing.B) {
				var mu sync.Mutex
				var ds []time.Duration
				b.SetParallelism(2)
				b.RunParallel(func(pb *testing.PB) {
					var mine []time.Duration
					for pb.Next() {
						start := time.Now()
						if _, err := path.run(ctx, ws, q); err != nil {
							b.Error(err)
							return
						}
						mine = append(mine, time.Since(start))
					}
					mu.Lock()
					ds = append(ds, mine...)
					mu.Unlock()
				})
				reportLatency(b, ds)
			})
		}
	}
}

// reportLatency reports the median and 99th percentile (nearest rank) of
// the recorded query times, in milliseconds.
func reportLatency(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	at := func(p float64) float64 {
		i := min(max(int(p*float64(len(ds))+0.999999)-1, 0), len(ds)-1)
		return float64(ds[i]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

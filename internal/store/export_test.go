package store

import (
	"context"
	"time"
)

// MetricsRaw computes the metrics from the raw rows only, never from the
// rollups: the reference the rollups are tested against.
func (d *DB) MetricsRaw(ctx context.Context, ws int64, q MetricsQuery) (*MetricsReport, error) {
	return d.metrics(ctx, ws, q, true)
}

// MetricsUseRollups reports whether Metrics answers q from the hourly
// rollups.
func MetricsUseRollups(q MetricsQuery) bool {
	loc := q.Location
	if loc == nil {
		loc = time.UTC
	}
	return hourAligned(q, bucketStarts(q.From, q.To, q.Granularity, loc))
}

// SetIdentityCacheMax changes the writer's identity cache bound for a test
// and returns a function that restores it.
func SetIdentityCacheMax(n int) (restore func()) {
	old := identityCacheMax
	identityCacheMax = n
	return func() { identityCacheMax = old }
}

package store

import (
	"context"
	"fmt"
	"regexp"
	"strings"
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

// UndoMigrationsAfter lists statements that take a database back to
// schema version v (the tables and indexes later migrations created,
// newest first, and their schema_migrations rows), and the latest version:
// what upgrade tests need to fake a database made by an older herald.
func UndoMigrationsAfter(engine Engine, v int) (undo []string, latest int, err error) {
	all, err := loadMigrations(engine)
	if err != nil {
		return nil, 0, err
	}
	created := regexp.MustCompile(`(?im)^\s*CREATE\s+(TABLE|INDEX)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)`)
	for i := len(all) - 1; i >= 0 && all[i].version > v; i-- {
		found := created.FindAllStringSubmatch(all[i].sql, -1)
		for j := len(found) - 1; j >= 0; j-- {
			undo = append(undo, fmt.Sprintf("DROP %s IF EXISTS %s", strings.ToUpper(found[j][1]), found[j][2]))
		}
		undo = append(undo, fmt.Sprintf("DELETE FROM schema_migrations WHERE version = %d", all[i].version))
	}
	return undo, all[len(all)-1].version, nil
}

// MetricsUncached computes the metrics as Metrics does, without the
// report cache.
func (d *DB) MetricsUncached(ctx context.Context, ws int64, q MetricsQuery) (*MetricsReport, error) {
	return d.metrics(ctx, ws, q, false)
}

package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"
)

// reportCache keeps the latest metrics reports computed, each under the
// data version of its workspace when its computation began: a report is
// served again while the version has not moved (every change to the data
// it reads moves it, in the changing transaction: version.go), and
// requests that arrive while the same report is being computed wait for
// that computation instead of starting their own.
type reportCache struct {
	mu      sync.Mutex
	max     int
	entries map[string]*cachedReport
	clock   uint64 // for least-recently-used eviction
}

type cachedReport struct {
	version int64
	used    uint64
	done    chan struct{} // closed when rep and err are set
	rep     *MetricsReport
	err     error
}

func newReportCache(max int) *reportCache {
	return &reportCache{max: max, entries: map[string]*cachedReport{}}
}

// reportKey identifies a report: the workspace and the query.
func reportKey(ws int64, q MetricsQuery, loc *time.Location) string {
	return fmt.Sprintf("%d|%d|%d|%s|%s", ws, q.From.UnixNano(), q.To.UnixNano(), q.Granularity, loc.String())
}

// get returns the report for key at version, computing it with compute
// unless it is cached or being computed. The caller gets its own copy.
func (c *reportCache) get(ctx context.Context, key string, version int64,
	compute func() (*MetricsReport, error)) (*MetricsReport, error) {
	c.mu.Lock()
	c.clock++
	e := c.entries[key]
	if e == nil || e.version < version {
		e = &cachedReport{version: version, used: c.clock, done: make(chan struct{})}
		c.entries[key] = e
		c.evict()
		c.mu.Unlock()
		e.rep, e.err = compute()
		close(e.done)
		if e.err != nil {
			c.forget(key, e)
			return nil, e.err
		}
		return e.rep.clone(), nil
	}
	e.used = c.clock
	c.mu.Unlock()
	select {
	case <-e.done:
	case <-ctx.Done():
		return nil, fmt.Errorf("metrics: %w", ctx.Err())
	}
	if e.err != nil {
		// the computation this request waited for failed (perhaps its own
		// request was cancelled): compute again for this one
		rep, err := compute()
		if err != nil {
			return nil, err
		}
		return rep, nil
	}
	return e.rep.clone(), nil
}

// forget drops a failed entry unless a newer one replaced it.
func (c *reportCache) forget(key string, e *cachedReport) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries[key] == e {
		delete(c.entries, key)
	}
}

// evict drops the least recently used entries beyond max (c.mu held).
func (c *reportCache) evict() {
	for len(c.entries) > c.max {
		var oldest string
		var used uint64
		for k, e := range c.entries {
			if oldest == "" || e.used < used {
				oldest, used = k, e.used
			}
		}
		delete(c.entries, oldest)
	}
}

// clone is a deep copy of the report.
func (r *MetricsReport) clone() *MetricsReport {
	out := *r
	out.Brands = slices.Clone(r.Brands)
	for i := range out.Brands {
		b := &out.Brands[i]
		b.Buckets = slices.Clone(b.Buckets)
		b.Funnel.Stages = maps.Clone(b.Funnel.Stages)
	}
	return &out
}

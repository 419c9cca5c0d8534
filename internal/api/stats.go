package api

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/herald-advocacy/herald/internal/ingest"
)

// latencyBuckets are the request-duration histogram's upper bounds, in
// seconds.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// registry holds the server's Prometheus metrics. It is small on purpose:
// the text exposition format is simple enough not to need a library.
type registry struct {
	mu         sync.Mutex
	requests   map[reqKey]*histogram
	imported   map[string]int64 // records by outcome
	jobs       map[string]int64 // finished jobs by status
	exported   map[string]int64 // streamed rows by resource
	queueDepth atomic.Int64
}

type reqKey struct {
	route string
	code  int
}

type histogram struct {
	counts []int64 // per bucket, not cumulative
	sum    float64
	n      int64
}

func newRegistry() *registry {
	return &registry{requests: map[reqKey]*histogram{}, imported: map[string]int64{}, jobs: map[string]int64{}, exported: map[string]int64{}}
}

func (r *registry) observeRequest(route string, code int, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := reqKey{route, code}
	h := r.requests[k]
	if h == nil {
		h = &histogram{counts: make([]int64, len(latencyBuckets)+1)}
		r.requests[k] = h
	}
	sec := d.Seconds()
	h.counts[sort.SearchFloat64s(latencyBuckets, sec)]++
	h.sum += sec
	h.n++
}

// addImported adds the records a run stored since its previous report.
func (r *registry) addImported(now, before ingest.Counts) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.imported["created"] += max(now.Created-before.Created, 0)
	r.imported["updated"] += max(now.Updated-before.Updated, 0)
	r.imported["unchanged"] += max(now.Unchanged+now.Deleted-before.Unchanged-before.Deleted, 0)
	r.imported["rejected"] += max(now.Rejected-before.Rejected, 0)
}

func (r *registry) jobDone(status string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.jobs[status]++
}

func (r *registry) addExported(resource string, n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.exported[resource] += int64(n)
}

// write renders the metrics in the Prometheus text format, sorted for
// stable output.
func (r *registry) write(w io.Writer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintln(w, "# HELP herald_http_request_duration_seconds Time to serve an API request, by route and status.")
	fmt.Fprintln(w, "# TYPE herald_http_request_duration_seconds histogram")
	keys := make([]reqKey, 0, len(r.requests))
	for k := range r.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].route < keys[j].route || keys[i].route == keys[j].route && keys[i].code < keys[j].code
	})
	for _, k := range keys {
		h := r.requests[k]
		labels := fmt.Sprintf(`route=%q,code="%d"`, k.route, k.code)
		var cum int64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "herald_http_request_duration_seconds_bucket{%s,le=%q} %d\n", labels, strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		cum += h.counts[len(latencyBuckets)]
		fmt.Fprintf(w, "herald_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %d\n", labels, cum)
		fmt.Fprintf(w, "herald_http_request_duration_seconds_sum{%s} %s\n", labels, promFloat(h.sum))
		fmt.Fprintf(w, "herald_http_request_duration_seconds_count{%s} %d\n", labels, h.n)
	}
	counter := func(name, help, label string, m map[string]int64, always ...string) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n", name, help, name)
		for _, k := range always {
			if _, ok := m[k]; !ok {
				m[k] = 0
			}
		}
		ks := make([]string, 0, len(m))
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			fmt.Fprintf(w, "%s{%s=%q} %d\n", name, label, k, m[k])
		}
	}
	counter("herald_import_records_total", "Records processed by API import jobs, by outcome.", "outcome", r.imported,
		"created", "updated", "unchanged", "rejected")
	counter("herald_import_jobs_total", "Finished API import jobs, by status.", "status", r.jobs, "done", "failed")
	counter("herald_export_rows_total", "Rows streamed by exports, by resource.", "resource", r.exported)
	fmt.Fprintln(w, "# HELP herald_import_queue_depth Uploaded imports waiting to run.")
	fmt.Fprintln(w, "# TYPE herald_import_queue_depth gauge")
	fmt.Fprintf(w, "herald_import_queue_depth %d\n", r.queueDepth.Load())
}

func promFloat(x float64) string {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return "0"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

func (s *Server) prometheus(c *call) error {
	c.w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	c.w.WriteHeader(http.StatusOK)
	s.stats.write(c.w)
	return nil
}

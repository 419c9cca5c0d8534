package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/api"
)

// apiLatency is the latency of one endpoint under load.
type apiLatency struct {
	Endpoint string  `json:"endpoint"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	P50MS    float64 `json:"p50_ms"`
	P95MS    float64 `json:"p95_ms"`
	P99MS    float64 `json:"p99_ms"`
	MaxMS    float64 `json:"max_ms"`
	PerSec   float64 `json:"per_sec"`
}

// runBenchAPI measures API latency under concurrent load on loopback,
// against an existing database: the advocates list, a person, and a
// 90-day weekly metrics query, each by its own pool of clients at once;
// the metrics also with a new range at every request (never cached).
func runBenchAPI(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("bench api", "[flags]")
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	duration := fs.Duration("duration", 20*time.Second, "how long to load each endpoint")
	clients := fs.Int("clients", 4, "concurrent clients per endpoint")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	lex, err := a.lexicons()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "herald-bench-api-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	srv, err := api.New(api.Config{DB: db, Lexicons: lex, DataDir: dir})
	if err != nil {
		return err
	}
	defer srv.Close(context.Background())
	tok := &herald.Token{WorkspaceID: ws.ID, Name: "bench api", Scope: herald.ScopeRead, ExpiresAt: time.Now().Add(time.Hour)}
	secret, err := api.CreateToken(ctx, db, tok)
	if err != nil {
		return err
	}
	defer db.RevokeToken(context.WithoutCancel(ctx), ws.ID, tok.ID)
	addr, stop, err := serveLoopback(srv.Handler())
	if err != nil {
		return err
	}
	defer stop()
	base := addr + "/api/v1/workspaces/" + ws.Slug
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	get := func(url string) (int, []byte, error) {
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		resp, err := client.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, err
	}
	// People to ask for: the top of the ranking and a random spread.
	code, body, err := get(base + "/advocates?limit=500")
	if err != nil || code != 200 {
		return fmt.Errorf("bench api: advocates: %d %v", code, err)
	}
	var page struct {
		Data []struct {
			PersonID int64 `json:"person_id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &page); err != nil || len(page.Data) == 0 {
		return fmt.Errorf("bench api: no scored people in workspace %s (run herald rescore)", ws.Slug)
	}
	// The default metrics range ends at the data clock; the cold variant
	// asks for a range ending a day earlier at each request, so no report
	// is served from the cache (as after every write, on live data).
	code, body, err = get(base + "/metrics?granularity=week")
	if err != nil || code != 200 {
		return fmt.Errorf("bench api: metrics: %d %v", code, err)
	}
	var rep struct {
		To time.Time `json:"to"`
	}
	if err := json.Unmarshal(body, &rep); err != nil {
		return fmt.Errorf("bench api: metrics: %w", err)
	}
	var coldDay atomic.Int64
	endpoints := []loadTarget{
		{"advocates (top 50)", func(*rand.Rand) string { return base + "/advocates?limit=50" }},
		{"person", func(r *rand.Rand) string {
			return fmt.Sprintf("%s/people/%d", base, page.Data[r.IntN(len(page.Data))].PersonID)
		}},
		{"metrics (90 days, weekly)", func(*rand.Rand) string { return base + "/metrics?granularity=week" }},
		{"metrics, uncached", func(*rand.Rand) string {
			to := rep.To.AddDate(0, 0, -int(coldDay.Add(1)))
			return fmt.Sprintf("%s/metrics?granularity=week&from=%s&to=%s", base, to.AddDate(0, 0, -90).Format(time.DateOnly),
				to.Format(time.DateOnly))
		}},
	}
	return a.runLoad(ctx, endpoints, *clients, *duration, *asJSON, func(url string) (int, error) {
		code, _, err := get(url)
		return code, err
	})
}

// loadEndpoint runs clients goroutines calling do for d and returns the
// latency distribution.
func loadEndpoint(ctx context.Context, name string, clients int, d time.Duration, do func(r *rand.Rand) (bool, error)) apiLatency {
	var mu sync.Mutex
	var lat []float64
	errs := 0
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), 7))
			for time.Now().Before(deadline) && ctx.Err() == nil {
				start := time.Now()
				ok, err := do(r)
				ms := float64(time.Since(start).Microseconds()) / 1000
				mu.Lock()
				lat = append(lat, ms)
				if !ok || err != nil {
					errs++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(lat)
	q := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	return apiLatency{Endpoint: name, Requests: len(lat), Errors: errs, P50MS: q(0.50), P95MS: q(0.95), P99MS: q(0.99),
		MaxMS: q(1), PerSec: float64(len(lat)) / d.Seconds()}
}

// loadTarget is one endpoint or page to load: its name and the URL of each
// request.
type loadTarget struct {
	name string
	url  func(r *rand.Rand) string
}

// serveLoopback serves h on a free port of 127.0.0.1 and returns its base
// URL and the function that stops it.
func serveLoopback(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	hs := &http.Server{Handler: h}
	go hs.Serve(ln)
	return "http://" + ln.Addr().String(), func() { hs.Close() }, nil
}

// runLoad loads each target in turn with clients concurrent clients for d
// (a target whose first request answers 404 is skipped: this build does
// not have it) and prints the latencies.
func (a *app) runLoad(ctx context.Context, targets []loadTarget, clients int, d time.Duration, asJSON bool,
	get func(url string) (int, error)) error {
	var out []apiLatency
	for _, t := range targets {
		if code, err := get(t.url(rand.New(rand.NewPCG(1, 1)))); err != nil || code == http.StatusNotFound {
			continue
		}
		res := loadEndpoint(ctx, t.name, clients, d, func(r *rand.Rand) (bool, error) {
			code, err := get(t.url(r))
			return code == http.StatusOK, err
		})
		out = append(out, res)
		if !asJSON {
			fmt.Fprintf(a.env.Stdout, "%-26s %6d requests (%d errors) %7.1f/s   p50 %7.2f ms   p95 %7.2f ms   p99 %7.2f ms   max %7.2f ms\n",
				res.Endpoint, res.Requests, res.Errors, res.PerSec, res.P50MS, res.P95MS, res.P99MS, res.MaxMS)
		}
	}
	if asJSON {
		return a.printJSON(out)
	}
	return nil
}

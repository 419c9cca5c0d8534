package cli

import (
	"encoding/json"
	"testing"
)

// TestBenchAPIAndWeb runs the latency benchmarks briefly on a demo
// database: every endpoint and page answers, without errors.
func TestBenchAPIAndWeb(t *testing.T) {
	dir := demoDB(t)
	for _, c := range []struct {
		what  string
		names []string
	}{
		{"api", []string{"advocates (top 50)", "person", "metrics (90 days, weekly)", "metrics, uncached"}},
		{"web", []string{"overview (30 days)", "overview (90 days)", "overview, uncached", "advocates", "advocates (at risk)", "person"}},
	} {
		r := runCLI(t, dir, "", "bench", c.what, "--duration", "300ms", "--clients", "2", "--json")
		if r.code != 0 {
			t.Fatalf("bench %s: %+v", c.what, r)
		}
		var got []apiLatency
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatalf("bench %s: %v\n%s", c.what, err, r.stdout)
		}
		seen := map[string]bool{}
		for _, l := range got {
			seen[l.Endpoint] = true
			if l.Requests == 0 || l.Errors != 0 || l.P99MS < l.P50MS {
				t.Errorf("bench %s: %+v", c.what, l)
			}
		}
		for _, n := range c.names {
			if !seen[n] {
				t.Errorf("bench %s: no %q in %s", c.what, n, r.stdout)
			}
		}
	}
}

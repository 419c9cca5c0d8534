package cli

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/store"
)

func TestMetricsCommand(t *testing.T) {
	dir := demoDB(t)
	r := runCLI(t, dir, "", "metrics", "--json", "--granularity", "week", "--tz", "Europe/Paris")
	if r.code != 0 {
		t.Fatalf("metrics: %+v", r)
	}
	var rep store.MetricsReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("metrics --json: %v\n%s", err, r.stdout)
	}
	if len(rep.Brands) < 2 || rep.Brands[0].Total.Mentions == 0 || rep.TimeZone != "Europe/Paris" {
		t.Fatalf("report: %+v", rep)
	}
	for k, bk := range rep.Brands[0].Buckets {
		var mentions int64
		var sov float64
		for _, b := range rep.Brands {
			if len(b.Buckets) != len(rep.Brands[0].Buckets) {
				t.Fatalf("%s has %d buckets", b.Brand, len(b.Buckets))
			}
			mentions += b.Buckets[k].Mentions
			sov += b.Buckets[k].ShareOfVoice
		}
		if mentions > 0 && math.Abs(sov-1) > 1e-9 {
			t.Errorf("bucket %s: share of voice sums to %v", bk.Start, sov)
		}
		if bk.Start.Weekday() != 1 {
			t.Errorf("week bucket starts on %s", bk.Start.Weekday())
		}
	}

	r = runCLI(t, dir, "", "metrics", "--granularity", "day", "--from", "2020-01-01", "--to", "2020-01-03", "--brand", "northwind")
	if r.code != 0 || !strings.Contains(r.stdout, "northwind") || strings.Count(r.stdout, "2020-01-0") != 5 || strings.Contains(r.stdout, "brewline") {
		t.Errorf("metrics on an empty range: %+v", r)
	}
	for _, args := range [][]string{{"--granularity", "year"}, {"--tz", "Mars/Olympus"}, {"--from", "yesterday"},
		{"--from", "2020-02-01", "--to", "2020-01-01"}} {
		if r := runCLI(t, dir, "", append([]string{"metrics"}, args...)...); r.code != 2 {
			t.Errorf("metrics %v: exit %d, want 2: %+v", args, r.code, r)
		}
	}
}

package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/store"
)

// exportDemo loads a small demo community: enough for every export, fast
// under -race.
func exportDemo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if r := runCLI(t, dir, "", "demo", "--people", "80", "--days", "45"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	return dir
}

func TestExport(t *testing.T) {
	dir := exportDemo(t)
	t.Run("activities", func(t *testing.T) { testExportActivities(t, dir) })
	t.Run("kinds", func(t *testing.T) { testExportKinds(t, dir) })
	t.Run("out", func(t *testing.T) { testExportOut(t, dir) })
}

func testExportActivities(t *testing.T, dir string) {
	r := runCLI(t, dir, "", "export", "activities", "--format", "csv", "--brand", "northwind")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "id,network,external_id,kind") {
		t.Fatalf("export csv: %+v", r.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("export csv rows: %d, %v", len(rows), err)
	}
	if !strings.Contains(r.stderr, fmt.Sprintf("exported %d activities", len(rows)-1)) {
		t.Errorf("count: %s", r.stderr)
	}
	out := filepath.Join(dir, "acts.jsonl")
	r = runCLI(t, dir, "", "export", "activities", "--out", out, "--since", "2000-01-01")
	data, _ := os.ReadFile(out)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var first export.Activity
	if r.code != 0 || len(lines) < len(rows)-1 || json.Unmarshal([]byte(lines[0]), &first) != nil || first.ID == 0 {
		t.Errorf("export jsonl: %+v, %d lines", r, len(lines))
	}
	// Every kind in every format: the count on stderr is what reads back.
	for _, kind := range []string{"activities", "advocates", "people", "metrics"} {
		for _, format := range []string{"csv", "jsonl", "json"} {
			args := []string{"export", kind, "--format", format}
			if kind == "activities" {
				args = append(args, "--brand", "brewline")
			}
			r := runCLI(t, dir, "", args...)
			var n int
			if _, err := fmt.Sscanf(r.stderr, "exported %d ", &n); r.code != 0 || err != nil {
				t.Fatalf("%v: %+v %v", args, r, err)
			}
			if got := countRecords(t, format, r.stdout); (kind != "metrics" || format != "json") && got != n {
				t.Errorf("%v: says %d, reads back %d", args, n, got)
			}
			if n == 0 {
				t.Errorf("%v: nothing exported", args)
			}
		}
	}
	for _, bad := range [][]string{{"export"}, {"export", "posts"}, {"export", "activities", "--format", "xml"},
		{"export", "activities", "--since", "May 1"}, {"export", "advocates", "--format", ""}, {"export", "people", "--format", "tsv"},
		{"export", "metrics", "--format", "yaml"}, {"export", "advocates", "--stage", "hero"}, {"export", "advocates", "--top", "-1"},
		{"export", "advocates", "--since", "yesterday"}, {"export", "metrics", "--granularity", "hour"}, {"export", "metrics", "--tz", "Mars/Base"},
		{"export", "metrics", "--from", "2030-01-01", "--to", "2029-01-01"}, {"export", "people", "extra"}, {"export", "people", "--network", "no way"}} {
		if r := runCLI(t, dir, "", bad...); r.code != ExitUsage {
			t.Errorf("%v: exit %d (%s), want usage error", bad, r.code, r.stderr)
		}
	}
}

func countRecords(t *testing.T, format, out string) int {
	t.Helper()
	switch format {
	case "csv":
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) == 0 {
			t.Fatalf("csv: %v\n%s", err, out)
		}
		return len(rows) - 1
	case "json":
		var arr []json.RawMessage
		if err := json.Unmarshal([]byte(out), &arr); err != nil {
			var obj map[string]any // metrics: the report
			if json.Unmarshal([]byte(out), &obj) != nil {
				t.Fatalf("json: %v\n%.300s", err, out)
			}
		}
		return len(arr)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !json.Valid([]byte(line)) {
			t.Fatalf("jsonl line %q", line)
		}
		n++
	}
	return n
}

func testExportKinds(t *testing.T, dir string) {
	// Advocates: the ranking, whole or the top, filtered like `herald advocates`.
	r := runCLI(t, dir, "", "export", "advocates", "--top", "5", "--format", "json")
	var top []export.Advocate
	if err := json.Unmarshal([]byte(r.stdout), &top); r.code != 0 || err != nil || len(top) != 5 {
		t.Fatalf("advocates --top 5: %+v %v", r, err)
	}
	for i, a := range top {
		if a.Rank != i+1 || a.Brand != "northwind" || a.AsOf.IsZero() || (i > 0 && a.Score > top[i-1].Score) {
			t.Errorf("row %d: %+v", i, a)
		}
	}
	if len(top[0].Reasons) == 0 {
		t.Errorf("no reasons: %+v", top[0])
	}
	r = runCLI(t, dir, "", "export", "advocates", "--format", "csv", "--stage", "potential,advocate,champion", "--brand", "northwind")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if r.code != 0 || err != nil || len(rows) < 2 || strings.Join(rows[0], ",") != strings.Join(export.AdvocateCSVHeader, ",") {
		t.Fatalf("advocates csv: %+v %v", r, err)
	}
	for _, row := range rows[1:] {
		if row[8] != "potential" && row[8] != "advocate" && row[8] != "champion" {
			t.Errorf("--stage let through %v", row)
		}
	}
	// The same people as `herald advocates --csv` lists, in the same order.
	r = runCLI(t, dir, "", "advocates", "--csv", "--stage", "potential,advocate,champion", "--top", "100000")
	old, _ := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if len(old) != len(rows) {
		t.Fatalf("advocates --csv: %d rows, export: %d", len(old), len(rows))
	}
	for i := range old {
		if strings.Join(old[i][:5], ",") != strings.Join(rows[i][:5], ",") {
			t.Errorf("row %d: %v vs %v", i, old[i][:5], rows[i][:5])
		}
	}
	r = runCLI(t, dir, "", "export", "advocates", "--flag", "detractor", "--since", "1d", "--format", "jsonl")
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var a export.Advocate
		if line != "" && (json.Unmarshal([]byte(line), &a) != nil || !strings.Contains(strings.Join(a.Flags, ","), "detractor")) {
			t.Errorf("--flag detractor: %s", line)
		}
	}
	if r.code != 0 {
		t.Errorf("advocates --flag: %+v", r)
	}

	// People: filtered by network and query.
	r = runCLI(t, dir, "", "export", "people", "--network", "bluesky", "--format", "jsonl")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(lines) == 0 {
		t.Fatalf("people --network: %+v", r)
	}
	for _, line := range lines {
		var p export.Person
		if err := json.Unmarshal([]byte(line), &p); err != nil || !strings.Contains(line, `"network":"bluesky"`) || p.CreatedAt.IsZero() {
			t.Errorf("people --network bluesky: %s", line)
		}
	}
	var p export.Person
	_ = json.Unmarshal([]byte(lines[0]), &p)
	r = runCLI(t, dir, "", "export", "people", "--query", p.Identities[0].Handle, "--format", "csv")
	if rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll(); r.code != 0 || err != nil || len(rows) < 2 ||
		!strings.Contains(rows[1][4], p.Identities[0].Handle) {
		t.Errorf("people --query: %+v", r)
	}

	// Metrics: one row per bucket then a total, per brand.
	r = runCLI(t, dir, "", "export", "metrics", "--granularity", "month", "--brand", "northwind", "--format", "csv", "--tz", "Europe/Paris")
	rows, err = csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if r.code != 0 || err != nil || len(rows) < 3 || rows[len(rows)-1][2] != "total" {
		t.Fatalf("metrics csv: %+v %v", r, err)
	}
	for _, row := range rows[1:] {
		if row[0] != "northwind" || strings.Contains(strings.Join(row, ","), "NaN") {
			t.Errorf("metrics row %v", row)
		}
	}
	if !strings.HasSuffix(rows[1][2], "+01:00") && !strings.HasSuffix(rows[1][2], "+02:00") {
		t.Errorf("bucket start not in the report's zone: %v", rows[1])
	}
	r = runCLI(t, dir, "", "export", "metrics", "--format", "json", "--granularity", "day")
	var rep store.MetricsReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); r.code != 0 || err != nil || len(rep.Brands) != 3 || rep.Granularity != "day" {
		t.Errorf("metrics json: %v %+v", err, r.stderr)
	}

	// Flags may come before the kind.
	if r := runCLI(t, dir, "", "export", "--format", "csv", "people"); r.code != 0 || !strings.HasPrefix(r.stdout, "id,display_name,created_at") {
		t.Errorf("flags first: %+v", r.stderr)
	}
	for _, help := range [][]string{{"export", "--help"}, {"help", "export"}, {"export", "metrics", "--help"}} {
		if r := runCLI(t, dir, "", help...); r.code != 0 || !strings.Contains(r.stderr, "Usage: herald export") {
			t.Errorf("%v: %+v", help, r)
		}
	}
}

// TestExportOut: --out is written whole or not at all.
func testExportOut(t *testing.T, dir string) {
	out := filepath.Join(dir, "advocates.csv")
	if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"advocates", "activities", "metrics"} {
		r := runCLI(t, dir, "", "export", kind, "--brand", "nope", "--out", out)
		if r.code != ExitError || !strings.Contains(r.stderr, "nope") {
			t.Errorf("unknown brand: %+v", r)
		}
	}
	if data, _ := os.ReadFile(out); string(data) != "old\n" {
		t.Errorf("a failed export touched the file: %q", data)
	}
	r := runCLI(t, dir, "", "export", "advocates", "--format", "csv", "--out", out)
	data, _ := os.ReadFile(out)
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if r.code != 0 || err != nil || r.stdout != "" || !strings.Contains(r.stderr, fmt.Sprintf("exported %d advocates", len(rows)-1)) {
		t.Errorf("export --out: %+v %v", r, err)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("mode: %v %v", st, err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if r := runCLI(t, dir, "", "export", "people", "--out", filepath.Join(dir, "no", "such", "dir.csv")); r.code != ExitError {
		t.Errorf("unwritable --out: %+v", r)
	}
}

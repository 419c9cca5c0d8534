package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	// A tiny community keeps the test fast; internal/report tests the
	// content on a larger one.
	if r := runCLI(t, dir, "", "demo", "--people", "30", "--days", "14"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	out := filepath.Join(dir, "out", "report.html")
	if err := os.Mkdir(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, dir, "", "report", "--out", out, "--tz", "Europe/Paris")
	if r.code != 0 || !strings.HasPrefix(r.stderr, "wrote "+out+" (") || !strings.Contains(r.stderr, "KB): Northwind Coffee, ") ||
		strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
		t.Fatalf("report: %+v", r)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	if !strings.HasPrefix(html, "<!DOCTYPE html>") || !strings.Contains(html, "</html>") || strings.Count(html, "<svg") != 3 ||
		strings.Contains(html, "<script") || strings.Contains(html, "NaN") {
		t.Errorf("the report file is not a complete report (%d bytes)", len(b))
	}
	// Written atomically: nothing else is left in the directory.
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("the output directory holds %d files, want only the report", len(entries))
	}

	r = runCLI(t, dir, "", "report", "--out", "-", "--brand", "brewline", "--granularity", "day")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") || !strings.Contains(r.stdout, "Brewline: advocacy report") ||
		!strings.HasPrefix(r.stderr, "wrote the report (") {
		t.Errorf("report --out -: code %d, stderr %q, %d bytes", r.code, r.stderr, len(r.stdout))
	}

	for _, args := range [][]string{
		{"--out", out, "--from", "yesterday"},
		{"--out", out, "--from", "2020-02-01", "--to", "2020-01-01"},
		{"--out", out, "--granularity", "year"},
		{"--out", out, "--tz", "Mars/Olympus"},
		{},
	} {
		r := runCLI(t, dir, "", append([]string{"report"}, args...)...)
		if r.code != 2 || !strings.HasPrefix(r.stderr, "herald: ") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("report %v: exit %d, want 2 with a one-line message: %q", args, r.code, r.stderr)
		}
	}
	if r := runCLI(t, dir, "", "report", "--out", out, "--brand", "nope"); r.code != 1 || !strings.Contains(r.stderr, "nope") {
		t.Errorf("report --brand nope: %+v", r)
	}
	if r := runCLI(t, dir, "", "report", "--out", filepath.Join(dir, "missing", "r.html")); r.code != 1 {
		t.Errorf("report into a missing directory: %+v", r)
	}
}

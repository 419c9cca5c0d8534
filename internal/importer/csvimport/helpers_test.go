package csvimport

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
)

// dataDir locates the shared data sets from the package directory.
func dataDir(t testing.TB, sub ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "..", "shared", "data"}, sub...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	return p
}

// parseAll parses input with m and returns every record emitted.
func parseAll(t testing.TB, input string, m *Mapping) ([]herald.Record, error) {
	t.Helper()
	var recs []herald.Record
	err := Parse(context.Background(), strings.NewReader(input), m, func(r herald.Record) error {
		recs = append(recs, r)
		return nil
	})
	return recs, err
}

// parseFile parses a file with m and returns every record emitted.
func parseFile(t testing.TB, path string, m *Mapping) []herald.Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []herald.Record
	err = Parse(context.Background(), f, m, func(r herald.Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return recs
}

// split separates activities from rejects, checking the preamble comes first.
func split(t testing.TB, recs []herald.Record) (acts []*herald.Activity, rejects []herald.Record) {
	t.Helper()
	for i, r := range recs {
		switch {
		case r.Preamble:
			if i != 0 {
				t.Errorf("preamble at record %d", i)
			}
		case r.Err != nil:
			rejects = append(rejects, r)
		case r.Activity != nil:
			acts = append(acts, r.Activity)
		default:
			t.Errorf("record %d is empty: %+v", i, r)
		}
	}
	return acts, rejects
}

// validate checks a as the pipeline does (Normalize, then Validate), on a copy.
func validate(a *herald.Activity, now time.Time) error {
	c := *a
	c.Mentions = slices.Clone(a.Mentions)
	c.Hashtags = slices.Clone(a.Hashtags)
	c.Normalize()
	return c.Validate(now)
}

// Package importertest holds the test helpers of the importer packages:
// finding the shared fixtures, running a Parse function, checking the
// records every importer must produce, golden files, generic bad inputs,
// fuzzing and benchmarking. Import it from _test.go files only.
package importertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
)

// Update is the -update flag: rewrite the golden files instead of comparing.
var Update = flag.Bool("update", false, "rewrite the golden files in testdata")

// ParseFunc is a format's Parse (CSV's with its mapping bound).
type ParseFunc func(ctx context.Context, r io.Reader, emit herald.Emit) error

// sharedData is the shared data sets' directory seen from a package
// directory under internal/importer.
const sharedData = "../../../../shared/data"

// FixturePath returns the path of a format's shared fixture (the directory
// when name is ""); the file may be absent.
func FixturePath(format, name string) string {
	return filepath.Join(sharedData, "fixtures", format, name)
}

// SharedData returns the path of a shared data set, skipping the test when
// it is absent.
func SharedData(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{sharedData}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	return p
}

// Read returns the contents of a file, skipping the test when the file is
// a shared one that is absent.
func Read(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && strings.HasPrefix(path, filepath.Clean(sharedData)):
		tb.Skipf("shared data absent: %v", err)
	case err != nil:
		tb.Fatal(err)
	}
	return b
}

// Inputs returns the files matching the glob patterns that are inputs, not
// golden files or notes.
func Inputs(patterns ...string) []string {
	var out []string
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, f := range files {
			if !strings.HasSuffix(f, ".golden.json") && !strings.HasSuffix(f, ".md") && !strings.HasSuffix(f, ".map") {
				out = append(out, f)
			}
		}
	}
	return out
}

// Seeds returns the contents of Inputs(patterns...), for fuzzing and
// benchmarks.
func Seeds(tb testing.TB, patterns ...string) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, f := range Inputs(patterns...) {
		out = append(out, Read(tb, f))
	}
	return out
}

// Collect runs parse over input and returns every record and Parse's error.
// It reports every record that is not well formed (see Problem).
func Collect(tb testing.TB, parse ParseFunc, input []byte) ([]herald.Record, error) {
	tb.Helper()
	var recs []herald.Record
	err := parse(context.Background(), bytes.NewReader(input), func(r herald.Record) error {
		if p := Problem(r); p != "" {
			tb.Errorf("%s: %+v", p, r)
		}
		recs = append(recs, r)
		return nil
	})
	return recs, err
}

// Parse is Collect for inputs that Parse must read to their end.
func Parse(tb testing.TB, parse ParseFunc, input []byte) []herald.Record {
	tb.Helper()
	recs, err := Collect(tb, parse, input)
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	return recs
}

// Problem reports what is wrong with the shape of a record, or "": every
// record is exactly one of a preamble, a reject, an activity, a tombstone or
// an Actors-only record; every record but a preamble has a position and a
// copy of its input bytes in Raw.
func Problem(r herald.Record) string {
	content := r.Activity != nil || r.Actors != nil || r.Tombstone != nil
	switch {
	case r.Preamble && (content || r.Err != nil):
		return "preamble with more than Raw"
	case len(r.Raw) == 0 && r.Preamble:
		return "preamble without Raw"
	case r.Preamble:
		return ""
	case r.Pos < 1:
		return "no position"
	case len(r.Raw) == 0:
		return "no Raw"
	case r.Err != nil && content:
		return "reject with content"
	case r.Err != nil:
		return ""
	case r.Activity != nil && r.Tombstone != nil:
		return "activity and tombstone"
	case !content:
		return "empty record"
	case r.Activity == nil:
		return ""
	case r.Activity.ExternalID == "" || r.Activity.Author.ExternalID == "" && r.Activity.Author.Handle == "":
		return "activity without id or author"
	case !utf8.ValidString(r.Activity.Text):
		return "text is not valid UTF-8"
	}
	return ""
}

// Now is the clock Valid checks timestamps against.
var Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// Valid checks that the activities and actors of the good records pass the
// pipeline's checks (Normalize, then Validate as of Now).
func Valid(tb testing.TB, recs []herald.Record) {
	tb.Helper()
	for i, r := range recs {
		if r.Err != nil {
			continue
		}
		if r.Activity != nil {
			if err := Validate(r.Activity, Now); err != nil {
				tb.Errorf("record %d (%s): %v", i, r.Activity.ExternalID, err)
			}
		}
		for _, id := range r.Actors {
			id.Normalize()
			if err := id.Validate(); err != nil {
				tb.Errorf("record %d: actor %+v: %v", i, id, err)
			}
		}
	}
}

// Validate checks a as the pipeline does (Normalize, then Validate), on a
// copy.
func Validate(a *herald.Activity, now time.Time) error {
	c := *a
	c.Mentions, c.Hashtags = slices.Clone(a.Mentions), slices.Clone(a.Hashtags)
	c.Normalize()
	return c.Validate(now)
}

// Tally counts records by what they carry.
type Tally struct{ Activities, Actors, Rejects, Tombstones int }

// Count tallies records.
func Count(recs []herald.Record) Tally {
	var n Tally
	for _, r := range recs {
		switch {
		case r.Err != nil:
			n.Rejects++
		case r.Activity != nil:
			n.Activities++
		case r.Tombstone != nil:
			n.Tombstones++
		case len(r.Actors) > 0:
			n.Actors++
		}
	}
	return n
}

// CheckFile parses the file at path and checks its records: they pass
// Valid, match testdata/<golden>.golden.json, and the Raw of each activity
// re-imports it (see Reimport). It returns the records.
func CheckFile(t *testing.T, parse ParseFunc, path, golden string, same func(got, want *herald.Activity) bool) []herald.Record {
	t.Helper()
	recs := Parse(t, parse, Read(t, path))
	Valid(t, recs)
	Golden(t, golden, recs)
	Reimport(t, parse, recs, same)
	return recs
}

// CheckFiles runs CheckFile on each file, named by its path, with the
// golden file named after the file without its extension, and checks the
// tally of its records.
func CheckFiles(t *testing.T, parse ParseFunc, same func(got, want *herald.Activity) bool, files map[string]Tally) {
	for _, path := range slices.Sorted(maps.Keys(files)) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			recs := CheckFile(t, parse, path, strings.TrimSuffix(name, filepath.Ext(name)), same)
			if got := Count(recs); got != files[path] {
				t.Errorf("got %+v, want %+v", got, files[path])
			}
		})
	}
}

// goldenRecord is a record as written to a golden file.
type goldenRecord struct {
	Pos       int64             `json:"pos"`
	Err       string            `json:"err,omitempty"`
	Raw       string            `json:"raw,omitempty"`
	Activity  *herald.Activity  `json:"activity,omitempty"`
	Actors    []herald.Identity `json:"actors,omitempty"`
	Tombstone *herald.Key       `json:"tombstone,omitempty"`
	Preamble  bool              `json:"preamble,omitempty"`
}

// Golden compares recs with testdata/<name>.golden.json, or rewrites that
// file when the -update flag is set.
func Golden(t *testing.T, name string, recs []herald.Record) {
	t.Helper()
	out := make([]goldenRecord, 0, len(recs))
	for _, r := range recs {
		g := goldenRecord{Pos: r.Pos, Raw: string(r.Raw), Activity: r.Activity, Actors: r.Actors,
			Tombstone: r.Tombstone, Preamble: r.Preamble}
		if r.Err != nil {
			g.Err = r.Err.Error()
		}
		out = append(out, g)
	}
	got, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name+".golden.json")
	if *Update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("records differ from %s (run go test -update and review the diff): %s", path, firstDiff(got, want))
	}
}

// firstDiff shows the first line that differs between got and want.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d is\n%s\nwant\n%s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

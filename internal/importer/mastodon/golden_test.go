package mastodon

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixtures is where the shared real payloads are, from the package dir.
const fixtures = "../../../../shared/data/fixtures/mastodon"

// goldenRecord is a record as written to a golden file.
type goldenRecord struct {
	Pos       int64
	Err       string            `json:",omitempty"`
	Raw       string            `json:",omitempty"`
	Activity  *herald.Activity  `json:",omitempty"`
	Actors    []herald.Identity `json:",omitempty"`
	Tombstone *herald.Key       `json:",omitempty"`
	Preamble  bool              `json:",omitempty"`
}

// parseAll parses input and returns its records.
func parseAll(t testing.TB, input []byte) []herald.Record {
	t.Helper()
	var recs []herald.Record
	err := Parse(context.Background(), bytes.NewReader(input), func(r herald.Record) error {
		if problem := checkRecord(r); problem != "" {
			t.Errorf("%s: %+v", problem, r)
		}
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return recs
}

// checkRecord reports what is wrong with a record's shape.
func checkRecord(r herald.Record) string {
	switch {
	case r.Err != nil && r.Raw == nil:
		return "rejection without Raw"
	case r.Err == nil && r.Activity == nil && r.Actors == nil && r.Tombstone == nil && !r.Preamble:
		return "empty record"
	case r.Pos < 1:
		return "no position"
	case r.Activity != nil && (r.Activity.ExternalID == "" || r.Activity.Author.ExternalID == ""):
		return "activity without id or author"
	}
	return ""
}

// checkGolden compares the records of input with testdata/name.golden.json.
func checkGolden(t *testing.T, name string, input []byte) {
	t.Helper()
	var out []goldenRecord
	for _, r := range parseAll(t, input) {
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
	if *update {
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
		t.Errorf("records of %s differ from %s (run go test -update to accept):\n%s", name, path, got)
	}
}

// TestFixtures decodes the real Mastodon 4.6 payloads.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.*"))
	var n int
	for _, f := range files {
		name := filepath.Base(f)
		if name == "SOURCE.md" {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			input, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !Sniff(input) {
				t.Errorf("Sniff(%s) = false", name)
			}
			checkGolden(t, "real_"+strings.TrimSuffix(name, filepath.Ext(name)), input)
		})
	}
	if n == 0 {
		t.Skip("shared fixtures not found")
	}
}

// TestTestdata decodes the crafted inputs in testdata.
func TestTestdata(t *testing.T) {
	files, _ := filepath.Glob("testdata/*")
	for _, f := range files {
		name := filepath.Base(f)
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			input, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, input)
		})
	}
}

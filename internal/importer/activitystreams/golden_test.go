package activitystreams

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/herald-advocacy/herald"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixtures is where the shared real payloads are, from the package dir.
const fixtures = "../../../../shared/data/fixtures/activitystreams"

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
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return recs
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

// TestFixtures decodes the W3C specification examples.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.json"))
	if len(files) == 0 {
		t.Skip("shared fixtures not found")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			input, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !Sniff(input) {
				t.Errorf("Sniff(%s) = false", name)
			}
			checkGolden(t, "w3c_"+name[:len(name)-len(".json")], input)
		})
	}
}

// TestTestdata decodes the crafted inputs in testdata.
func TestTestdata(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.json*")
	for _, f := range files {
		name := filepath.Base(f)
		if filepath.Ext(name) == ".json" && filepath.Ext(name[:len(name)-5]) == ".golden" {
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

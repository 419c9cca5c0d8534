package csvimport

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenRecord is a record as stored in a golden file.
type goldenRecord struct {
	Pos      int64            `json:"pos"`
	Preamble bool             `json:"preamble,omitempty"`
	Raw      string           `json:"raw,omitempty"`
	Err      string           `json:"err,omitempty"`
	Activity *herald.Activity `json:"activity,omitempty"`
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"airline_excerpt", "twcs_pandas_excerpt", "bad_rows"} {
		t.Run(name, func(t *testing.T) {
			m := goldenMapping(t, name)
			recs := parseFile(t, filepath.Join("testdata", name+".csv"), m)
			checkRecords(t, recs)
			got := encodeGolden(t, recs)
			path := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the decoded records; run go test -update and review the diff", path)
			}
		})
	}
}

// goldenMapping loads testdata/NAME.map when present; nil uses presets.
func goldenMapping(t *testing.T, name string) *Mapping {
	f, err := os.Open(filepath.Join("testdata", name+".map"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := LoadMapping(f)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMapping(pairs)
	if err != nil {
		t.Fatal(err)
	}
	return &m
}

func encodeGolden(t *testing.T, recs []herald.Record) []byte {
	out := make([]goldenRecord, len(recs))
	for i, r := range recs {
		out[i] = goldenRecord{Pos: r.Pos, Preamble: r.Preamble, Raw: string(r.Raw), Activity: r.Activity}
		if r.Err != nil {
			out[i].Err = r.Err.Error()
		}
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

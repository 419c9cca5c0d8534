package csvimport

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

func TestGolden(t *testing.T) {
	for _, name := range []string{"airline_excerpt", "twcs_pandas_excerpt", "bad_rows"} {
		t.Run(name, func(t *testing.T) {
			m := goldenMapping(t, name)
			recs := parseFile(t, filepath.Join("testdata", name+".csv"), m)
			checkRecords(t, recs)
			importertest.Golden(t, name, recs)
			importertest.Reimport(t, parser(m), recs, nil)
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

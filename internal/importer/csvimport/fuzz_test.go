package csvimport

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

func FuzzParse(f *testing.F) {
	for _, name := range []string{"airline_excerpt.csv", "twcs_pandas_excerpt.csv", "bad_rows.csv"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b, false)
		}
	}
	f.Add([]byte("\uFEFFid,author,text,created\n1,a,\"x\ny\",2015-02-24\n2,b,c\"d,1424806552\n"), false)
	f.Add([]byte("id,author,text,created\n1,a,@b@c #d https://e,Wed Oct 11 06:55:44 +0000 2017\n"), true)
	f.Add([]byte("id,id\n"), false)
	f.Add([]byte(""), false)
	mastodon, err := ParseMapping(map[string]string{"id": "id", "author": "author", "text": "text", "created": "created",
		"network": "=mastodon", "likes": "text", "kind": "author", "attr.x": "id"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, withMapping bool) {
		var m *Mapping
		if withMapping {
			m = &mastodon
		}
		n := 0
		err := Parse(context.Background(), strings.NewReader(string(data)), m, func(r herald.Record) error {
			checkFuzzRecord(t, r, n)
			n++
			return nil
		})
		if err != nil && n > 0 && !strings.Contains(err.Error(), "larger than") {
			t.Errorf("fatal error %v after %d records", err, n)
		}
	})
}

func checkFuzzRecord(t *testing.T, r herald.Record, n int) {
	if p := importertest.Problem(r); p != "" {
		t.Errorf("%s: %+v", p, r)
	}
	switch {
	case r.Preamble != (n == 0):
		t.Errorf("preamble %v at %d", r.Preamble, n)
	case !r.Preamble && r.Pos < 2:
		t.Errorf("record at line %d: %+v", r.Pos, r)
	case r.Activity != nil:
		a := r.Activity
		if a.CreatedAt.IsZero() || !a.Kind.Valid() || !herald.ValidNetwork(string(a.Network)) {
			t.Errorf("invalid activity: %+v", a)
		}
		// The clock and sizes are the pipeline's business (Validate, Normalize).
		if err := importertest.Validate(a, time.Now()); err != nil && !strings.Contains(err.Error(), "timestamp") &&
			!strings.Contains(err.Error(), "longer than") {
			t.Errorf("Validate: %v", err)
		}
	}
}

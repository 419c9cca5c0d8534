package activitystreams

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
)

// seeds returns the fixtures and testdata inputs.
func seeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.json"))
	more, _ := filepath.Glob("testdata/*")
	for _, name := range append(files, more...) {
		if b, err := os.ReadFile(name); err == nil && !bytes.HasSuffix([]byte(name), []byte(".golden.json")) {
			f.Add(b)
		}
	}
	f.Add([]byte(goodLine))
	f.Add([]byte("[" + goodLine + "," + goodLine + "]"))
	f.Add([]byte(`{"type":"OrderedCollection","first":{"orderedItems":[` + goodLine + `]}}`))
}

// FuzzParse checks that Parse never panics nor fails on any input, and that
// every record it emits is well formed.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, input []byte) {
		err := Parse(context.Background(), bytes.NewReader(input), func(r herald.Record) error {
			if problem := checkRecord(r); problem != "" {
				t.Fatalf("%s: %+v", problem, r)
			}
			if r.Activity != nil && !utf8.ValidString(r.Activity.Text) {
				t.Fatalf("invalid UTF-8 text %q", r.Activity.Text)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
	})
}

// FuzzScanner checks that the scanner accepts exactly what encoding/json
// accepts, and decodes strings as it does.
func FuzzScanner(f *testing.F) {
	for _, s := range []string{`{"a":[1,-0.5e+3,true,false,null,"x\u00e9\ud83d\ude00\n"]}`, `"\ud800\u0041"`,
		`[01]`, `{"a":1,}`, `"\x"`, "\"\t\"", `1e`, `-`, `[1 2]`, `{"a" 1}`, ` [] `, `"\ud83d"`, `"\/\b\f\r"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // rejected before scanning
		}
		s := scanner{data: data}
		s.skip()
		s.end()
		if got, want := s.err == nil, json.Valid(data); got != want {
			t.Fatalf("scanner valid = %v (%v), encoding/json valid = %v for %q", got, s.err, want, data)
		}
		var want string
		if json.Unmarshal(data, &want) != nil {
			return
		}
		s = scanner{data: data}
		if got := s.str(); got != want {
			t.Fatalf("string %q decoded as %q, want %q", data, got, want)
		}
	})
}

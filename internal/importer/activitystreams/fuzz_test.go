package activitystreams

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// FuzzParse checks that Parse never panics nor fails on any input, and that
// every record it emits is well formed.
func FuzzParse(f *testing.F) {
	for _, s := range importertest.Seeds(f, importertest.FixturePath(Name, "*.json"), "testdata/*") {
		f.Add(s)
	}
	f.Add([]byte(goodLine))
	f.Add([]byte("[" + goodLine + "," + goodLine + "]"))
	f.Add([]byte(`{"type":"OrderedCollection","first":{"orderedItems":[` + goodLine + `]}}`))
	importertest.Fuzz(f, Parse)
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

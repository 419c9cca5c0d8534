package reddit

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// comment returns a t1 thing with the given data fields added.
func comment(fields string) string {
	return `{"kind":"t1","data":{"body":"hi","parent_id":"t3_a","link_id":"t3_a"` + fields + `}}`
}

func listing(children ...string) string {
	return `{"kind":"Listing","data":{"children":[` + strings.Join(children, ",") + `]}}`
}

func TestBadInput(t *testing.T) {
	good := comment(`,"name":"t1_ok","author":"ann","created_utc":1700000000.0`)
	noAuthor := comment(`,"name":"t1_b","created_utc":1700000000.0`)
	deleted := comment(`,"name":"t1_b","author":"[deleted]","created_utc":1700000000.0`)
	noID := comment(`,"author":"ann","created_utc":1700000000.0`)
	badDate := comment(`,"name":"t1_b","author":"ann","created_utc":"soon"`)
	noDate := comment(`,"name":"t1_b","author":"ann"`)
	badType := comment(`,"name":"t1_b","author":"ann","created_utc":1700000000.0,"score":"lots"`)
	invalid := comment(`,"name":"t1_b","author":"ann","created_utc":1700000000.0,"body2":"caf` + "\xe9" + `"`)
	big := listing(comment(`,"name":"t1_big","author":"ann","created_utc":1,"selftext":"` + strings.Repeat("x", 600) + `"`))
	type want struct {
		Pos      int64
		Err, Raw string
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"binary garbage", "\x00\x01\xfe\xffjunk", []want{{1, "invalid JSON: invalid character '\\x00'", "\x00\x01\xfe\xffjunk"}}},
		{"text garbage", "hello", []want{{1, "invalid JSON: invalid character 'h'", "hello"}}},
		{"truncated JSON", listing(good, good)[:120], []want{{1, "truncated JSON: unexpected end of input", listing(good, good)[:120]}}},
		{"truncated array", "[" + listing(good) + ",\n" + listing(good)[:40], []want{{1, "", good}, {2, "truncated JSON", listing(good)[:40]}}},
		{"invalid UTF-8", listing(good, invalid), []want{{1, "invalid UTF-8 at byte", listing(good, invalid)}}},
		{"over-long value", big + "\n" + listing(good), []want{{1, "record longer than 512 bytes", big[:512]}, {2, "", good}}},
		{"no author", listing(noAuthor, good), []want{{1, "missing author", noAuthor}, {2, "", good}}},
		{"deleted author", listing(deleted, good), []want{{1, "author deleted", deleted}, {2, "", good}}},
		{"missing id", listing(noID), []want{{1, "missing id", noID}}},
		{"unparseable date", listing(badDate), []want{{1, `unparseable created_utc "soon"`, badDate}}},
		{"missing date", listing(noDate), []want{{1, "missing created_utc", noDate}}},
		{"wrong field type", listing(badType), []want{{1, "field score: JSON string where int64 expected", badType}}},
		{"not a listing", `{"error": 404}`, []want{{1, "not a Reddit listing or thing", `{"error": 404}`}}},
		{"scalar", `42`, []want{{1, "JSON number where reddit.thing expected", `42`}}},
		{"more and t5 skipped", listing(`{"kind":"more","data":{"count":3}}`, `{"kind":"t5","data":{}}`, good), []want{{1, "", good}}},
		{"empty replies", listing(comment(`,"name":"t1_c","author":"ann","created_utc":1,"replies":""`)),
			[]want{{1, "", comment(`,"name":"t1_c","author":"ann","created_utc":1,"replies":""`)}}},
		{"BOM", "\xef\xbb\xbf" + listing(good), []want{{1, "", good}}},
	}
	defer func(n int) { maxRecord = n }(maxRecord)
	maxRecord = 512
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			importertest.CheckWant(t, importertest.Parse(t, Parse, []byte(tt.in)), tt.want)
		})
	}
}

// TestGenericBadInput checks the bad inputs every JSON format rejects alike.
func TestGenericBadInput(t *testing.T) {
	importertest.BadInputs(t, Parse, comment(`,"name":"t1_ok","author":"ann","created_utc":1700000000.0`))
}

func TestEmitError(t *testing.T) {
	importertest.EmitError(t, Parse, importertest.Read(t, "testdata/subreddit_listing.json"))
}

func TestCancel(t *testing.T) {
	importertest.Cancel(t, Parse, []byte(listing(`{"kind":"more","data":{}}`)))
}

func TestReadError(t *testing.T) {
	importertest.ReadError(t, Parse, `[{"kind":"Listing","data":{"children":[`)
}

// seeds returns the fixtures and testdata inputs.
func seeds(tb testing.TB) [][]byte {
	return importertest.Seeds(tb, importertest.FixturePath(Name, "*.json"), "testdata/*.json*")
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	importertest.Fuzz(f, Parse)
}

func BenchmarkParse(b *testing.B) {
	var in []byte
	for _, s := range seeds(b) {
		in = append(append(in, s...), '\n')
	}
	importertest.Bench(b, Parse, bytes.Repeat(in, 20))
}

func TestTooLargeStreamed(t *testing.T) {
	defer func(n int) { maxRecord = n }(maxRecord)
	maxRecord = 512
	big := listing(comment(`,"name":"t1_big","author":"ann","created_utc":1,"body":"` + strings.Repeat("x", 2000) + `"`))
	var recs []herald.Record
	err := Parse(context.Background(), iotest.OneByteReader(strings.NewReader(big)), func(r herald.Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil || len(recs) != 1 || len(recs[0].Raw) != maxRecord || !strings.Contains(recs[0].Err.Error(), "the rest of the document was not read") {
		t.Fatalf("Parse = %v, %d records: %+v", err, len(recs), recs)
	}
}

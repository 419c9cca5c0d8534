package reddit

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/herald-advocacy/herald"
)

// reject is an expected rejected record.
type reject struct {
	pos int64
	raw string // expected Raw
	err string // expected substring of Err
}

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
	tests := []struct {
		name    string
		in      string
		rejects []reject
		good    int
	}{
		{"empty", "", nil, 0},
		{"blank", " \n\t\n", nil, 0},
		{"binary garbage", "\x00\x01\xfe\xffjunk", []reject{{1, "\x00\x01\xfe\xffjunk", "invalid JSON: invalid character '\\x00'"}}, 0},
		{"text garbage", "hello", []reject{{1, "hello", "invalid JSON: invalid character 'h'"}}, 0},
		{"truncated JSON", listing(good, good)[:120], []reject{{1, listing(good, good)[:120], "truncated JSON: unexpected end of input"}}, 0},
		{"truncated array", "[" + listing(good) + ",\n" + listing(good)[:40], []reject{{2, listing(good)[:40], "truncated JSON"}}, 1},
		{"invalid UTF-8", listing(good, invalid), []reject{{1, listing(good, invalid), "invalid UTF-8 at byte"}}, 0},
		{"over-long value", big + "\n" + listing(good), []reject{{1, big[:512], "record longer than 512 bytes"}}, 1},
		{"no author", listing(noAuthor, good), []reject{{1, noAuthor, "missing author"}}, 1},
		{"deleted author", listing(deleted, good), []reject{{1, deleted, "author deleted"}}, 1},
		{"missing id", listing(noID), []reject{{1, noID, "missing id"}}, 0},
		{"unparseable date", listing(badDate), []reject{{1, badDate, `unparseable created_utc "soon"`}}, 0},
		{"missing date", listing(noDate), []reject{{1, noDate, "missing created_utc"}}, 0},
		{"wrong field type", listing(badType), []reject{{1, badType, "field score: JSON string where int64 expected"}}, 0},
		{"not a listing", `{"error": 404}`, []reject{{1, `{"error": 404}`, "not a Reddit listing or thing"}}, 0},
		{"scalar", `42`, []reject{{1, `42`, "JSON number where reddit.thing expected"}}, 0},
		{"more and t5 skipped", listing(`{"kind":"more","data":{"count":3}}`, `{"kind":"t5","data":{}}`, good), nil, 1},
		{"empty replies", listing(comment(`,"name":"t1_c","author":"ann","created_utc":1,"replies":""`)), nil, 1},
	}
	defer func(n int) { maxRecord = n }(maxRecord)
	maxRecord = 512
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRejects(t, parseAll(t, []byte(tt.in)), tt.rejects, tt.good)
		})
	}
}

// checkRejects compares the rejected records with want and counts the others.
func checkRejects(t *testing.T, recs []herald.Record, want []reject, good int) {
	t.Helper()
	var got []herald.Record
	for _, r := range recs {
		if r.Err != nil {
			got = append(got, r)
		}
	}
	if n := len(recs) - len(got); n != good {
		t.Errorf("%d good records, want %d: %+v", n, good, recs)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rejects, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Pos != w.pos || string(g.Raw) != w.raw || !strings.Contains(g.Err.Error(), w.err) {
			t.Errorf("reject %d = {%d %q %q}, want {%d %q ~%q}", i, g.Pos, g.Raw, g.Err, w.pos, w.raw, w.err)
		}
	}
}

func TestEmitError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Parse(context.Background(), bytes.NewReader(mustRead(t, "testdata/subreddit_listing.json")), func(herald.Record) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Fatalf("Parse = %v after %d records, want stop after 1", err, n)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Parse(ctx, strings.NewReader(listing(`{"kind":"more","data":{}}`)), func(herald.Record) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("Parse = %v, want context.Canceled", err)
	}
}

type failReader struct {
	data []byte
	err  error
}

func (r *failReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadError(t *testing.T) {
	boom := errors.New("connection reset")
	err := Parse(context.Background(), &failReader{[]byte(`[{"kind":"Listing","data":{"children":[`), boom}, func(herald.Record) error { return nil })
	if !errors.Is(err, boom) {
		t.Fatalf("Parse = %v, want %v", err, boom)
	}
}

// seeds returns the fixtures and testdata inputs.
func seeds(tb testing.TB) [][]byte {
	var out [][]byte
	for _, pattern := range []string{fixtures + "/*.json", "testdata/*.json*"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			if strings.HasSuffix(f, ".golden.json") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, b)
		}
	}
	return out
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Parse(context.Background(), bytes.NewReader(data), func(r herald.Record) error {
			switch {
			case r.Pos < 1:
				t.Fatalf("Pos %d", r.Pos)
			case r.Err != nil && len(r.Raw) == 0:
				t.Fatalf("reject without Raw: %v", r.Err)
			case r.Err == nil && r.Activity == nil && len(r.Actors) == 0 && r.Tombstone == nil && !r.Preamble:
				t.Fatalf("empty record %+v", r)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	var in []byte
	for _, s := range seeds(b) {
		in = append(append(in, s...), '\n')
	}
	in = bytes.Repeat(in, 20)
	b.SetBytes(int64(len(in)))
	var n int
	for b.Loop() {
		n = 0
		if err := Parse(context.Background(), bytes.NewReader(in), func(herald.Record) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
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

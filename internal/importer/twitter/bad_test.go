package twitter

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

// reject is an expected rejected record.
type reject struct {
	pos int64
	raw string // expected Raw
	err string // expected substring of Err
}

func TestBadInput(t *testing.T) {
	const good = `{"delete":{"status":{"id_str":"9"}}}`
	long := `{"id_str":"1","text":"` + strings.Repeat("x", 200) + `"}`
	tests := []struct {
		name    string
		in      string
		rejects []reject
		good    int // records without Err
	}{
		{"empty", "", nil, 0},
		{"blank lines", "\n \r\n\t\n", nil, 0},
		{"binary garbage", "\x00\x01\xff\xfe\x80garbage\n" + good, []reject{{1, "\x00\x01\xff\xfe\x80garbage", "invalid UTF-8 at byte 2"}}, 1},
		{"text garbage", "hello world\n" + good, []reject{{1, "hello world", "invalid JSON: invalid character 'h'"}}, 1},
		{"scalar", "42\n" + good, []reject{{1, "42", "not a JSON object"}}, 1},
		{"truncated line", `{"id_str":"1","user":{"id_str":"2"` + "\n" + good + "\n",
			[]reject{{1, `{"id_str":"1","user":{"id_str":"2"`, "truncated JSON: unexpected end of input"}}, 1},
		{"truncated last line", good + "\n" + `{"data":[{"id":"1"`, []reject{{2, `{"data":[{"id":"1"`, "truncated JSON"}}, 1},
		{"truncated document", "{\n  \"data\": [\n    {\"id\": \"1\",", []reject{{1, "{\n  \"data\": [\n    {\"id\": \"1\",", "truncated JSON"}}, 0},
		{"invalid UTF-8 in string", `{"id_str":"1","text":"caf` + "\xe9" + `"}` + "\n" + good,
			[]reject{{1, `{"id_str":"1","text":"caf` + "\xe9" + `"}`, "invalid UTF-8 at byte 25"}}, 1},
		{"over-long line", long + "\n" + good, []reject{{1, long[:128], "line longer than 128 bytes"}}, 1},
		{"v2 tweet without author", `{"data":{"id":"5","text":"hi"}}`, []reject{{1, `{"id":"5","text":"hi"}`, "tweet has no author_id"}}, 0},
		{"v1 status without user", `{"id_str":"5","text":"hi","created_at":"Wed Oct 10 20:19:24 +0000 2018"}`,
			[]reject{{1, `{"id_str":"5","text":"hi","created_at":"Wed Oct 10 20:19:24 +0000 2018"}`, "missing author"}}, 0},
		{"v1 missing id", `{"text":"hi","user":{"id_str":"2"}}`, []reject{{1, `{"text":"hi","user":{"id_str":"2"}}`, "missing id"}}, 0},
		{"v2 missing id", `{"data":[{"text":"hi","author_id":"2"}]}`, []reject{{1, `{"text":"hi","author_id":"2"}`, "missing id"}}, 0},
		{"v1 unparseable date", `{"id_str":"5","user":{"id_str":"2"},"created_at":"yesterday"}`,
			[]reject{{1, `{"id_str":"5","user":{"id_str":"2"},"created_at":"yesterday"}`, `unparseable created_at "yesterday"`}}, 0},
		{"v2 unparseable date", `{"data":[{"id":"5","text":"x","author_id":"2","created_at":"2022-13-45T00:00:00Z"}]}`,
			[]reject{{1, `{"id":"5","text":"x","author_id":"2","created_at":"2022-13-45T00:00:00Z"}`, "unparseable created_at"}}, 0},
		{"v2 missing date", `{"data":[{"id":"5","text":"x","author_id":"2"}]}`,
			[]reject{{1, `{"id":"5","text":"x","author_id":"2"}`, "missing created_at"}}, 0},
		{"wrong field type", `{"data":[{"id":"5","text":"x","author_id":"2","public_metrics":{"like_count":"many"}}]}`,
			[]reject{{1, `{"id":"5","text":"x","author_id":"2","public_metrics":{"like_count":"many"}}`, "field public_metrics.like_count: JSON string where int64 expected"}}, 0},
		{"unknown object", `{"foo":1}`, []reject{{1, `{"foo":1}`, "not a Twitter record"}}, 0},
		{"delete without id", `{"delete":{"status":{}}}`, []reject{{1, `{"delete":{"status":{}}}`, "delete notice has no status id"}}, 0},
		{"array with a bad element", "[\n" + good + ",\n{\"id_str\": tru\n]", []reject{{2, "{\"id_str\": tru\n]", "invalid JSON"}}, 1},
		{"array missing its end", "[\n" + good + ",\n", nil, 1},
		{"one-line array longer than a record", "[" + strings.Repeat(good+",", 5) + good + "]", nil, 6},
		{"stream notice", `{"limit":{"track":3}}`, nil, 0},
	}
	defer func(n int) { maxRecord = n }(maxRecord)
	maxRecord = 128
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

func TestDocumentTooLarge(t *testing.T) {
	defer func(n int) { maxRecord = n }(maxRecord)
	maxRecord = 1 << 10
	doc := "{\n  \"data\": [\n" + strings.Repeat("    {\"id\": \"1\", \"text\": \"x\"},\n", 200) + "    {}\n  ]\n}\n"
	recs := parseAll(t, []byte(doc))
	if len(recs) != 1 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "longer than") || len(recs[0].Raw) != maxRecord {
		t.Fatalf("got %d records: %+v", len(recs), recs)
	}
}

func TestEmitError(t *testing.T) {
	stop := errors.New("stop")
	data := mustRead(t, "testdata/v1_statuses.jsonl")
	n := 0
	err := Parse(context.Background(), bytes.NewReader(data), func(herald.Record) error {
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
	data := bytes.Repeat([]byte(`{"limit":{"track":1}}`+"\n"), 1000)
	if err := Parse(ctx, bytes.NewReader(data), func(herald.Record) error { return nil }); !errors.Is(err, context.Canceled) {
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
	boom := errors.New("disk on fire")
	for _, in := range []string{`{"limit":{}}` + "\n" + `{"id_str":`, "[\n{\"limit\":{}},\n{\"id"} {
		err := Parse(context.Background(), &failReader{[]byte(in), boom}, func(herald.Record) error { return nil })
		if !errors.Is(err, boom) {
			t.Errorf("Parse(%q) = %v, want %v", in, err, boom)
		}
	}
}

// seeds returns the fixtures and testdata inputs, for fuzzing and benchmarks.
func seeds(tb testing.TB) [][]byte {
	var out [][]byte
	for _, pattern := range []string{fixtures + "/*.json*", "testdata/*.json*"} {
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
	f.Add([]byte("[\n{\"id_str\": tru\n]"))
	f.Add([]byte("{\n  \"data\": [\n"))
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
		if bytes.Count(bytes.TrimSpace(s), []byte("\n")) == 0 || bytes.HasSuffix(s, []byte("jsonl")) {
			in = append(append(in, bytes.TrimSpace(s)...), '\n')
		}
	}
	in = append(in, mustRead(b, "testdata/v1_statuses.jsonl")...)
	in = bytes.Repeat(in, 50)
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

var _ io.Reader = (*failReader)(nil)

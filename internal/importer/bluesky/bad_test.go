package bluesky

import (
	"bytes"
	"context"
	"errors"
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
	const good = `{"did":"did:plc:a","time_us":1783175888000000,"kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.like","rkey":"3k"}}`
	post := func(did, rkey, rec string, timeUS string) string {
		return `{"did":"` + did + `","time_us":` + timeUS + `,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"` + rkey + `","record":` + rec + `}}`
	}
	long := post("did:plc:a", "3k", `{"text":"`+strings.Repeat("x", 300)+`"}`, "1")
	noDid := post("", "3k", `{"text":"hi","createdAt":"2026-07-04T14:38:06.240Z"}`, "1783175888000000")
	noRkey := post("did:plc:a", "", `{"text":"hi","createdAt":"2026-07-04T14:38:06.240Z"}`, "1783175888000000")
	badDate := post("did:plc:a", "3k", `{"text":"hi","createdAt":"last tuesday"}`, "0")
	noDate := post("did:plc:a", "3k", `{"text":"hi"}`, "0")
	fallback := post("did:plc:a", "3k", `{"text":"hi","createdAt":"last tuesday"}`, "1783175888000000")
	badRecord := post("did:plc:a", "3k", `{"text":42}`, "1")
	noRecord := `{"did":"did:plc:a","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k"}}`
	likeNoSubject := `{"did":"did:plc:a","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3k","record":{"createdAt":"2026-07-04T14:38:06.240Z"}}}`
	followNotDid := `{"did":"did:plc:a","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.graph.follow","rkey":"3k","record":{"subject":{"uri":"at://x"}}}}`
	tests := []struct {
		name    string
		in      string
		rejects []reject
		good    int
	}{
		{"empty", "", nil, 0},
		{"blank lines", "\n\r\n  \n", nil, 0},
		{"binary garbage", "\x00\x9f\xffgarbage\n" + good, []reject{{1, "\x00\x9f\xffgarbage", "invalid UTF-8 at byte 1"}}, 1},
		{"text garbage", "not json\n" + good, []reject{{1, "not json", "invalid JSON: invalid character 'o' in literal null"}}, 1},
		{"truncated JSON", good[:50] + "\n" + good, []reject{{1, good[:50], "truncated JSON: unexpected end of input"}}, 1},
		{"truncated last line", good + "\n" + good[:50], []reject{{2, good[:50], "truncated JSON"}}, 1},
		{"invalid UTF-8", post("did:plc:a", "3k", `{"text":"caf`+"\xe9"+`"}`, "1"), []reject{{1, post("did:plc:a", "3k", `{"text":"caf`+"\xe9"+`"}`, "1"), "invalid UTF-8 at byte 145"}}, 0},
		{"over-long line", long + "\n" + good, []reject{{1, long[:256], "line longer than 256 bytes"}}, 1},
		{"no author", noDid, []reject{{1, noDid, "missing did (author)"}}, 0},
		{"missing id", noRkey, []reject{{1, noRkey, "missing rkey (id)"}}, 0},
		{"unparseable date", badDate, []reject{{1, badDate, `unparseable createdAt "last tuesday" and no time_us`}}, 0},
		{"no date at all", noDate, []reject{{1, noDate, "missing createdAt and time_us"}}, 0},
		{"unparseable date, time_us fallback", fallback, nil, 1},
		{"wrong field type", badRecord, []reject{{1, badRecord, "field text: JSON number where string expected"}}, 0},
		{"create without record", noRecord, []reject{{1, noRecord, "create app.bsky.feed.post without record"}}, 0},
		{"like without subject", likeNoSubject, []reject{{1, likeNoSubject, "like has no subject uri"}}, 0},
		{"follow subject not a DID", followNotDid, []reject{{1, followNotDid, "follow subject is not a DID"}}, 0},
		{"no kind", `{"did":"did:plc:a"}`, []reject{{1, `{"did":"did:plc:a"}`, "not a Jetstream event"}}, 0},
		{"commit kind without commit", `{"did":"did:plc:a","kind":"commit"}`, []reject{{1, `{"did":"did:plc:a","kind":"commit"}`, "commit event without commit"}}, 0},
		{"array line", `[1]`, []reject{{1, `[1]`, "field : JSON array where bluesky.event expected"}}, 0},
		{"future kind", `{"did":"did:plc:a","kind":"sync","time_us":1}`, nil, 0},
	}
	defer func(n int) { maxRecord = n }(maxRecord)
	maxRecord = 256
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
	err := Parse(context.Background(), bytes.NewReader(mustRead(t, "testdata/crafted.jsonl")), func(herald.Record) error {
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
	data := bytes.Repeat([]byte(`{"did":"did:plc:a","kind":"account","time_us":1}`+"\n"), 1000)
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
	boom := errors.New("connection reset")
	err := Parse(context.Background(), &failReader{[]byte(`{"did":"did:plc:a","kind":"account"}` + "\n{\"did"), boom}, func(herald.Record) error { return nil })
	if !errors.Is(err, boom) {
		t.Fatalf("Parse = %v, want %v", err, boom)
	}
}

// seeds returns the fixtures and testdata inputs.
func seeds(tb testing.TB) [][]byte {
	var out [][]byte
	for _, pattern := range []string{fixtures + "/event_*.json", fixtures + "/*.jsonl", "testdata/*.jsonl"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
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
	in := mustRead(b, "testdata/crafted.jsonl")
	if big, err := os.ReadFile(filepath.Join(fixtures, "jetstream_v1_events.jsonl")); err == nil {
		in = big
	}
	in = bytes.Repeat(in, 10)
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

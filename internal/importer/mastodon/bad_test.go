package mastodon

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

// goodStatus is a minimal valid status.
const goodStatus = `{"id":"1","uri":"https://m.example/users/a/statuses/1","created_at":"2026-01-01T00:00:00Z","content":"<p>hi</p>",` +
	`"account":{"id":"9","username":"a","acct":"a","uri":"https://m.example/users/a","url":"https://m.example/@a"}}`

// TestBadInput checks that bad records are rejected with their position,
// their exact bytes and a clear reason, and that parsing goes on after them
// when it can.
func TestBadInput(t *testing.T) {
	type want struct {
		pos int64
		err string // substring of Err; "" for a good record
		raw string // expected Raw of a rejection; "" not to check
	}
	badUTF8 := strings.Replace(goodStatus, "hi", "h\xffi", 1)
	tests := []struct {
		name  string
		input string
		want  []want
	}{
		{"empty", "", nil},
		{"blank", " \n\n", nil},
		{"binary garbage", "\x00\x01\xff\xfe garbage", []want{{1, "invalid JSON", "\x00\x01\xff\xfe garbage"}}},
		{"truncated", goodStatus[:50], []want{{1, "truncated JSON: unexpected end of input", goodStatus[:50]}}},
		{"truncated array", "[" + goodStatus + ",\n" + goodStatus[:50], []want{{1, "", ""}, {2, "truncated JSON", goodStatus[:50]}}},
		{"invalid UTF-8", "[" + badUTF8 + "," + goodStatus + "]",
			[]want{{1, fmt.Sprintf("invalid UTF-8 at byte %d", strings.Index(badUTF8, "\xff")), badUTF8}, {2, "", ""}}},
		{"no account", `{"id":"1","uri":"u","created_at":"2026-01-01T00:00:00Z","content":""}`, []want{{1, "missing account", ""}}},
		{"account without uri or url", strings.Replace(strings.Replace(goodStatus, `"uri":"https://m.example/users/a",`, "", 1), `,"url":"https://m.example/@a"`, "", 1),
			[]want{{1, "account: missing uri and url", ""}}},
		{"missing id", `{"id":"1","created_at":"2026-01-01T00:00:00Z","content":"","account":{"acct":"a","uri":"x"}}`, []want{{1, "missing uri", ""}}},
		{"unknown type", `{"id":"1","kind":"thing"}`, []want{{1, "not a Mastodon status, notification, account or conversation", `{"id":"1","kind":"thing"}`}}},
		{"not an object", "[1, \"x\", " + goodStatus + "]", []want{{1, "not a JSON object", "1"}, {2, "not a JSON object", `"x"`}, {3, "", ""}}},
		{"sse bad event", "event: update\ndata: {nope\n\nevent: update\ndata: " + goodStatus + "\n",
			[]want{{1, "invalid JSON", "event: update\ndata: {nope\n"}, {4, "", ""}}},
		{"sse invalid UTF-8", "event: update\ndata: " + badUTF8 + "\n\nevent: update\ndata: " + goodStatus + "\n\n",
			[]want{{1, "invalid UTF-8", "event: update\ndata: " + badUTF8 + "\n"}, {4, "", ""}}},
		{"BOM and JSON", "\xef\xbb\xbf" + goodStatus, []want{{1, "", ""}}},
		{"BOM and SSE", "\xef\xbb\xbf:)\nevent: update\ndata: " + goodStatus + "\n", []want{{2, "", ""}}},
		{"sse heartbeats only", ":)\n:)\n\n:)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := parseAll(t, []byte(tt.input))
			if len(recs) != len(tt.want) {
				t.Fatalf("got %d records, want %d: %+v", len(recs), len(tt.want), recs)
			}
			for i, w := range tt.want {
				r := recs[i]
				if r.Pos != w.pos {
					t.Errorf("record %d: Pos = %d, want %d", i, r.Pos, w.pos)
				}
				if w.err == "" {
					if r.Err != nil || r.Activity == nil {
						t.Errorf("record %d: want an activity, got Err %v", i, r.Err)
					}
					continue
				}
				if r.Err == nil || !strings.Contains(r.Err.Error(), w.err) {
					t.Errorf("record %d: Err = %v, want %q", i, r.Err, w.err)
				}
				if len(r.Raw) == 0 || w.raw != "" && string(r.Raw) != w.raw {
					t.Errorf("record %d: Raw = %q, want %q", i, r.Raw, w.raw)
				}
			}
		})
	}
}

// TestLongEvent checks that an SSE event over the record limit is rejected
// and parsing goes on.
func TestLongEvent(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 16 MiB")
	}
	long := "event: update\ndata: " + strings.Repeat("a", herald.MaxRecordBytes) + "\n\n"
	recs := parseAll(t, []byte(long+"event: update\ndata: "+goodStatus+"\n\n"))
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	if r := recs[0]; r.Pos != 1 || r.Err == nil || !strings.Contains(r.Err.Error(), "event longer than") {
		t.Errorf("long event: Pos %d, Err %v", r.Pos, r.Err)
	}
	if r := recs[1]; r.Pos != 4 || r.Activity == nil {
		t.Errorf("event after the long one: Pos %d, Err %v", r.Pos, r.Err)
	}
}

// TestEmitError checks that an error from emit stops Parse and is returned
// as is.
func TestEmitError(t *testing.T) {
	stop := errors.New("stop here")
	for _, input := range []string{"[" + goodStatus + "," + goodStatus + "]", "event: update\ndata: " + goodStatus + "\n\n:)\n\nevent: update\ndata: x\n\n"} {
		n := 0
		err := Parse(context.Background(), strings.NewReader(input), func(herald.Record) error {
			n++
			return stop
		})
		if err != stop || n != 1 {
			t.Errorf("%.20q: Parse = %v after %d records, want %v after 1", input, err, n, stop)
		}
	}
}

// TestCancel checks that a cancelled context stops Parse.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	input := "[" + strings.Repeat(goodStatus+",", 999) + goodStatus + "]"
	err := Parse(ctx, strings.NewReader(input), func(herald.Record) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Parse = %v, want context.Canceled", err)
	}
}

type failingReader struct{ n int }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n > 0 {
		return 0, errors.New("disk on fire")
	}
	f.n++
	return copy(p, "["+goodStatus+",\n"), nil
}

// TestReadError checks that an input error is returned, not rejected.
func TestReadError(t *testing.T) {
	err := Parse(context.Background(), &failingReader{}, func(herald.Record) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("Parse = %v, want the read error", err)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{goodStatus, true},
		{`[{"id":"9","username":"a","acct":"a"`, true},
		{":)\nevent: update\ndata: {", true},
		{":)\n", false},
		{`{"@context":"https://www.w3.org/ns/activitystreams","type":"Note","attributedTo":"x"}`, false},
		{`{"data":[{"id":"1","text":"tweet"}]}`, false},
		{"id,text\n1,x\n", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func TestQualify(t *testing.T) {
	tests := []struct{ acct, username, url, want string }{
		{"alice", "", "https://m.example/@alice", "alice@m.example"},
		{"alice", "", "http://localhost:3000/@alice", "alice@localhost"},
		{"bob@other.example", "", "https://other.example/@bob", "bob@other.example"},
		{"", "carol", "https://M.Example/@carol", "carol@m.example"},
		{"@dave", "", "", "dave"},
	}
	for _, tt := range tests {
		if got := qualify(tt.acct, tt.username, tt.url); got != tt.want {
			t.Errorf("qualify(%q, %q, %q) = %q, want %q", tt.acct, tt.username, tt.url, got, tt.want)
		}
	}
}

// seeds adds the fixtures and testdata inputs to a fuzz corpus.
func seeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.*"))
	more, _ := filepath.Glob("testdata/*")
	for _, name := range append(files, more...) {
		if strings.HasSuffix(name, ".golden.json") || strings.HasSuffix(name, ".md") {
			continue
		}
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(goodStatus))
}

// FuzzParse checks that Parse never panics nor fails on any input, and that
// every record it emits is well formed.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, input []byte) {
		err := Parse(context.Background(), strings.NewReader(string(input)), func(r herald.Record) error {
			if problem := checkRecord(r); problem != "" {
				t.Fatalf("%s: %+v", problem, r)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
	})
}

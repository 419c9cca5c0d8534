package activitystreams

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

const goodLine = `{"id":"https://m.example/n/1","type":"Note","attributedTo":"https://m.example/users/a","published":"2024-01-01T00:00:00Z","content":"hi"}`

// TestBadInput checks that bad records are rejected with their position,
// their exact bytes and a clear reason, and that parsing goes on after them.
func TestBadInput(t *testing.T) {
	type want struct {
		pos int64
		err string // substring of Err; "" for a good record
		raw string // expected Raw of a rejection
	}
	tests := []struct {
		name  string
		input string
		want  []want
	}{
		{"empty", "", nil},
		{"blank lines", "\n\n  \r\n", nil},
		{"binary garbage", "\x00\x01\x02\xff\xfe\n" + goodLine,
			[]want{{1, "invalid UTF-8 at byte 3", "\x00\x01\x02\xff\xfe"}, {2, "", ""}}},
		{"garbage text", "PK\x03\x04 zip?", []want{{1, "invalid JSON", "PK\x03\x04 zip?"}}},
		{"truncated line", `{"id":"x","type":"No` + "\n" + goodLine,
			[]want{{1, "truncated JSON: unexpected end of input", `{"id":"x","type":"No`}, {2, "", ""}}},
		{"truncated document", "{\n  \"id\": \"x\",\n  \"type\": \"No",
			[]want{{1, "truncated JSON", "{\n  \"id\": \"x\",\n  \"type\": \"No"}}},
		{"truncated array", `[` + goodLine + `, {"id":`,
			[]want{{1, "", ""}, {2, "truncated JSON", `{"id":`}}},
		{"unclosed array", `[` + goodLine, []want{{1, "", ""}, {2, "truncated JSON", "-"}}},
		{"invalid UTF-8", goodLine[:len(goodLine)-4] + "\xc3\x28\"}\n" + goodLine,
			[]want{{1, fmt.Sprintf("invalid UTF-8 at byte %d", len(goodLine)-4), goodLine[:len(goodLine)-4] + "\xc3\x28\"}"}, {2, "", ""}}},
		{"invalid UTF-8 in array", "[" + goodLine + ",\n" + goodLine[:len(goodLine)-4] + "\xff\"}]",
			[]want{{1, "", ""}, {2, fmt.Sprintf("invalid UTF-8 at byte %d", len(goodLine)-4), goodLine[:len(goodLine)-4] + "\xff\"}"}}},
		{"no author", `{"id":"https://m.example/n/1","type":"Note","published":"2024-01-01T00:00:00Z"}`,
			[]want{{1, "missing author", `{"id":"https://m.example/n/1","type":"Note","published":"2024-01-01T00:00:00Z"}`}}},
		{"no actor", `{"id":"https://m.example/l/1","type":"Like","object":"https://m.example/n/1","published":"2024-01-01T00:00:00Z"}`,
			[]want{{1, "missing actor", ""}}},
		{"unknown type", `{"id":"x","type":"Frobnicate"}`, []want{{1, `unknown type "Frobnicate"`, `{"id":"x","type":"Frobnicate"}`}}},
		{"unknown object type", `{"id":"x","type":"Create","actor":"https://m.example/users/a","object":{"id":"y","type":"Offer"}}`,
			[]want{{1, `unknown object type "Offer"`, ""}}},
		{"missing id", `{"type":"Note","attributedTo":"https://m.example/users/a","published":"2024-01-01T00:00:00Z"}`,
			[]want{{1, "missing id", ""}}},
		{"undo without object id", `{"type":"Undo","actor":"https://m.example/users/a","object":{"type":"Offer"}}`,
			[]want{{1, "missing object id", ""}}},
		{"pretty document then garbage", "{\n\"id\": \"x\",\n\"type\": \"Frobnicate\"\n}\n]",
			[]want{{1, `unknown type "Frobnicate"`, "{\n\"id\": \"x\",\n\"type\": \"Frobnicate\"\n}"}, {2, "invalid JSON", "]"}}},
		{"BOM and JSON Lines", "\xef\xbb\xbf" + goodLine + "\n" + goodLine, []want{{1, "", ""}, {2, "", ""}}},
		{"BOM and document", "\xef\xbb\xbf\n{\n\"type\": \"Frobnicate\"\n}", []want{{1, "unknown type", "{\n\"type\": \"Frobnicate\"\n}"}}},
		{"scalar line", "\n\"x\"\n", []want{{2, "not a JSON object", `"x"`}}},
		{"scalar after document", "{\n\"type\": \"Frobnicate\"\n}\n\"x\"",
			[]want{{1, "unknown type", ""}, {2, "not a JSON object", `"x"`}}},
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
				if w.raw == "-" { // nothing is left to reject: the input just ends
					if r.Raw == nil {
						t.Errorf("record %d: Raw is nil", i)
					}
					continue
				}
				if len(r.Raw) == 0 || w.raw != "" && string(r.Raw) != w.raw {
					t.Errorf("record %d: Raw = %q, want %q", i, r.Raw, w.raw)
				}
			}
		})
	}
}

// TestRawIsCopy checks that Raw does not alias the reader's buffer.
func TestRawIsCopy(t *testing.T) {
	bad := `{"id":"x","type":"Frobnicate"}`
	input := strings.Repeat(bad+"\n", 5000)
	recs := parseAll(t, []byte(input))
	for _, r := range recs {
		if string(r.Raw) != bad {
			t.Fatalf("record %d: Raw = %q", r.Pos, r.Raw)
		}
	}
}

// TestLongLine checks that a line over the record limit is rejected and
// parsing goes on.
func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 16 MiB")
	}
	long := `{"content":"` + strings.Repeat("a", herald.MaxRecordBytes) + `"}`
	recs := parseAll(t, []byte(goodLine+"\n"+long+"\n"+goodLine+"\n"))
	if len(recs) != 3 {
		t.Fatalf("got %d records, want 3", len(recs))
	}
	r := recs[1]
	if r.Pos != 2 || r.Err == nil || !strings.Contains(r.Err.Error(), "line longer than") || len(r.Raw) != herald.MaxRecordBytes {
		t.Errorf("long line: Pos %d, Err %v, len(Raw) %d", r.Pos, r.Err, len(r.Raw))
	}
	if recs[2].Pos != 3 || recs[2].Activity == nil {
		t.Errorf("line after the long one: %+v", recs[2])
	}
}

// TestEmitError checks that an error from emit stops Parse and is returned
// as is.
func TestEmitError(t *testing.T) {
	stop := errors.New("stop here")
	for _, input := range []string{goodLine + "\n" + goodLine, "[" + goodLine + "," + goodLine + "]", "{\n\"type\": \"Frobnicate\"\n}"} {
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
	input := strings.Repeat(goodLine+"\n", 1000)
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
	return copy(p, "[\n"+goodLine+",\n"), nil
}

// TestReadError checks that an input error is returned, not rejected.
func TestReadError(t *testing.T) {
	err := Parse(context.Background(), &failingReader{}, func(herald.Record) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("Parse = %v, want the read error", err)
	}
}

func TestIsDocument(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"", false},
		{goodLine + "\n" + goodLine + "\n", false},
		{goodLine, false},
		{"\n{\n  \"type\": \"Note\"\n}\n", true},
		{"[" + goodLine + "]", true},
		{"{\"broken\n" + goodLine + "\n", false},
		{"{\"type\": \"Note\",\n \"x\": 1}\n", true},
		{"{\n\"tag\": [\n{\"type\":\"Mention\"}\n]\n}\n", true},
		{"garbage\n", false},
	}
	for _, tt := range tests {
		if got := isDocument([]byte(tt.head), true); got != tt.want {
			t.Errorf("isDocument(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{goodLine, true},
		{`{"@context":"https://www.w3.org/ns/activitystreams","type":"Person"}`, true},
		{`{"herald:network":"reddit"}`, true},
		{`{"id":"1","type":"mention","account":{"acct":"a"}}`, false},
		{`{"id":"1","content":"<p>x</p>","account":{"acct":"a"}}`, false},
		{`{"$type":"app.bsky.feed.post","text":"x"}`, false},
		{"id,text\n1,hello\n", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func TestHandleFromIRI(t *testing.T) {
	tests := []struct{ iri, want string }{
		{"https://m.example/users/alice", "alice@m.example"},
		{"https://M.Example:8443/@bob/", "bob@m.example"},
		{"http://sally.example.org", "sally.example.org"},
		{"https://m.example/users/alice#main-key", "alice@m.example"},
		{"acct:carol@m.example", "carol@m.example"},
		{"did:plc:abc", ""},
		{"https://u:p@[::1]:80/x", "x@[::1]"},
	}
	for _, tt := range tests {
		if got := handleFromIRI(tt.iri); got != tt.want {
			t.Errorf("handleFromIRI(%q) = %q, want %q", tt.iri, got, tt.want)
		}
	}
}

// checkRecord reports what is wrong with a record's shape.
func checkRecord(r herald.Record) string {
	switch {
	case r.Err != nil && r.Raw == nil:
		return "rejection without Raw"
	case r.Err == nil && r.Activity == nil && r.Actors == nil && r.Tombstone == nil && !r.Preamble:
		return "empty record"
	case r.Pos < 1:
		return "no position"
	case r.Activity != nil && (r.Activity.ExternalID == "" || r.Activity.Author.ExternalID == ""):
		return "activity without id or author"
	}
	return ""
}

package mastodon

import (
	"fmt"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// goodStatus is a minimal valid status.
const goodStatus = `{"id":"1","uri":"https://m.example/users/a/statuses/1","created_at":"2026-01-01T00:00:00Z","content":"<p>hi</p>",` +
	`"account":{"id":"9","username":"a","acct":"a","uri":"https://m.example/users/a","url":"https://m.example/@a"}}`

// TestBadInput checks that bad records are rejected with their position,
// their exact bytes and a clear reason, and that parsing goes on after them
// when it can.
func TestBadInput(t *testing.T) {
	type want struct {
		Pos      int64
		Err, Raw string // substring of Err ("" for a good record), Raw ("" not to check)
	}
	badUTF8 := strings.Replace(goodStatus, "hi", "h\xffi", 1)
	tests := []struct {
		name  string
		input string
		want  []want
	}{
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
			[]want{{1, "invalid JSON", "event: update\ndata: {nope\n\n"}, {4, "", ""}}},
		{"sse invalid UTF-8", "event: update\ndata: " + badUTF8 + "\n\nevent: update\ndata: " + goodStatus + "\n\n",
			[]want{{1, "invalid UTF-8", "event: update\ndata: " + badUTF8 + "\n\n"}, {4, "", ""}}},
		{"BOM and JSON", "\xef\xbb\xbf" + goodStatus, []want{{1, "", ""}}},
		{"BOM and SSE", "\xef\xbb\xbf:)\nevent: update\ndata: " + goodStatus + "\n", []want{{2, "", ""}}},
		{"sse heartbeats only", ":)\n:)\n\n:)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			importertest.CheckWant(t, importertest.Parse(t, Parse, []byte(tt.input)), tt.want)
		})
	}
}

// TestGenericBadInput checks the bad inputs every JSON format rejects alike.
func TestGenericBadInput(t *testing.T) {
	importertest.BadInputs(t, Parse, goodStatus)
}

// TestLongEvent checks that an SSE event over the record limit is rejected
// and parsing goes on.
func TestLongEvent(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 16 MiB")
	}
	long := "event: update\ndata: " + strings.Repeat("a", herald.MaxRecordBytes) + "\n\n"
	recs := importertest.Parse(t, Parse, []byte(long+"event: update\ndata: "+goodStatus+"\n\n"))
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
	for _, input := range []string{"[" + goodStatus + "," + goodStatus + "]", "event: update\ndata: " + goodStatus + "\n\n:)\n\nevent: update\ndata: x\n\n"} {
		importertest.EmitError(t, Parse, []byte(input))
	}
}

// TestCancel checks that a cancelled context stops Parse.
func TestCancel(t *testing.T) {
	importertest.Cancel(t, Parse, []byte("["+strings.Repeat(goodStatus+",", 999)+goodStatus+"]"))
}

// TestReadError checks that an input error is returned, not rejected.
func TestReadError(t *testing.T) {
	importertest.ReadError(t, Parse, "["+goodStatus+",\n")
	importertest.ReadError(t, Parse, "event: update\ndata: "+goodStatus+"\n\n")
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

// FuzzParse checks that Parse never panics nor fails on any input, and that
// every record it emits is well formed.
func FuzzParse(f *testing.F) {
	for _, s := range importertest.Seeds(f, importertest.FixturePath(Name, "*.*"), "testdata/*") {
		f.Add(s)
	}
	f.Add([]byte(goodStatus))
	importertest.Fuzz(f, Parse)
}

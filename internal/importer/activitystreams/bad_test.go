package activitystreams

import (
	"fmt"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

const goodLine = `{"id":"https://m.example/n/1","type":"Note","attributedTo":"https://m.example/users/a","published":"2024-01-01T00:00:00Z","content":"hi"}`

// TestBadInput checks that bad records are rejected with their position,
// their exact bytes and a clear reason, and that parsing goes on after them.
func TestBadInput(t *testing.T) {
	type want struct {
		Pos      int64
		Err, Raw string
	}
	tests := []struct {
		name  string
		input string
		want  []want
	}{
		{"binary garbage", "\x00\x01\x02\xff\xfe\n" + goodLine,
			[]want{{1, "invalid UTF-8 at byte 3", "\x00\x01\x02\xff\xfe"}, {2, "", ""}}},
		{"garbage text", "PK\x03\x04 zip?", []want{{1, "invalid JSON", "PK\x03\x04 zip?"}}},
		{"truncated line", `{"id":"x","type":"No` + "\n" + goodLine,
			[]want{{1, "truncated JSON: unexpected end of input", `{"id":"x","type":"No`}, {2, "", ""}}},
		{"truncated document", "{\n  \"id\": \"x\",\n  \"type\": \"No",
			[]want{{1, "truncated JSON", "{\n  \"id\": \"x\",\n  \"type\": \"No"}}},
		{"truncated array", `[` + goodLine + `, {"id":`,
			[]want{{1, "", goodLine}, {2, "truncated JSON", `{"id":`}}},
		// Nothing is left to reject: the input just ends.
		{"unclosed array", `[` + goodLine, []want{{1, "", goodLine}}},
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
		{"BOM and JSON Lines", "\xef\xbb\xbf" + goodLine + "\n" + goodLine, []want{{1, "", goodLine}, {2, "", goodLine}}},
		{"BOM and document", "\xef\xbb\xbf\n{\n\"type\": \"Frobnicate\"\n}", []want{{1, "unknown type", "{\n\"type\": \"Frobnicate\"\n}"}}},
		{"scalar line", "\n\"x\"\n", []want{{2, "not a JSON object", `"x"`}}},
		{"scalar after document", "{\n\"type\": \"Frobnicate\"\n}\n\"x\"",
			[]want{{1, "unknown type", ""}, {2, "not a JSON object", `"x"`}}},
		{"announce of an inline note", `{"id":"https://m.example/a/1","type":"Announce","actor":"https://m.example/users/b",` +
			`"published":"2024-01-02T00:00:00Z","object":` + goodLine + `}`, []want{{1, "", goodLine}, {1, "", ""}}},
		{"collection items", `{"type":"Collection","items":["https://m.example/n/0",` + goodLine + `]}`,
			[]want{{1, "", goodLine}}},
		{"collection document", "{\"type\":\"Collection\",\n\"items\":[\"https://m.example/n/0\",\n" + goodLine + "]}",
			[]want{{2, "", goodLine}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			importertest.CheckWant(t, importertest.Parse(t, Parse, []byte(tt.input)), tt.want)
		})
	}
}

// TestGenericBadInput checks the bad inputs every JSON format rejects alike.
func TestGenericBadInput(t *testing.T) {
	importertest.BadInputs(t, Parse, goodLine)
}

// TestRawIsCopy checks that Raw does not alias the reader's buffer.
func TestRawIsCopy(t *testing.T) {
	for _, line := range []string{`{"id":"x","type":"Frobnicate"}`, goodLine} {
		input := strings.Repeat(line+"\n", 5000)
		for _, r := range importertest.Parse(t, Parse, []byte(input)) {
			if string(r.Raw) != line {
				t.Fatalf("record %d: Raw = %q", r.Pos, r.Raw)
			}
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
	recs := importertest.Parse(t, Parse, []byte(goodLine+"\n"+long+"\n"+goodLine+"\n"))
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
	for _, input := range []string{goodLine + "\n" + goodLine, "[" + goodLine + "," + goodLine + "]", "{\n\"type\": \"Frobnicate\"\n}"} {
		importertest.EmitError(t, Parse, []byte(input))
	}
}

// TestCancel checks that a cancelled context stops Parse.
func TestCancel(t *testing.T) {
	importertest.Cancel(t, Parse, []byte(strings.Repeat(goodLine+"\n", 1000)))
}

// TestReadError checks that an input error is returned, not rejected.
func TestReadError(t *testing.T) {
	importertest.ReadError(t, Parse, "[\n"+goodLine+",\n")
	importertest.ReadError(t, Parse, strings.Repeat(goodLine+"\n", 200))
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

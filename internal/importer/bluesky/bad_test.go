package bluesky

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

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
	type want struct {
		Pos      int64
		Err, Raw string
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"binary garbage", "\x00\x9f\xffgarbage\n" + good, []want{{1, "invalid UTF-8 at byte 1", "\x00\x9f\xffgarbage"}, {2, "", good}}},
		{"text garbage", "not json\n" + good, []want{{1, "invalid JSON: invalid character 'o' in literal null", "not json"}, {2, "", good}}},
		{"truncated JSON", good[:50] + "\n" + good, []want{{1, "truncated JSON: unexpected end of input", good[:50]}, {2, "", good}}},
		{"truncated last line", good + "\n" + good[:50], []want{{1, "", good}, {2, "truncated JSON", good[:50]}}},
		{"invalid UTF-8", post("did:plc:a", "3k", `{"text":"caf`+"\xe9"+`"}`, "1"), []want{{1, "invalid UTF-8 at byte 145", post("did:plc:a", "3k", `{"text":"caf`+"\xe9"+`"}`, "1")}}},
		{"over-long line", long + "\n" + good, []want{{1, "line longer than 256 bytes", long[:256]}, {2, "", good}}},
		{"CRLF and BOM", "\xef\xbb\xbf" + good + "\r\n" + good + "\r\n", []want{{1, "", good}, {2, "", good}}},
		{"no author", noDid, []want{{1, "missing did (author)", noDid}}},
		{"missing id", noRkey, []want{{1, "missing rkey (id)", noRkey}}},
		{"unparseable date", badDate, []want{{1, `unparseable createdAt "last tuesday" and no time_us`, badDate}}},
		{"no date at all", noDate, []want{{1, "missing createdAt and time_us", noDate}}},
		{"unparseable date, time_us fallback", fallback, []want{{1, "", fallback}}},
		{"wrong field type", badRecord, []want{{1, "field text: JSON number where string expected", badRecord}}},
		{"create without record", noRecord, []want{{1, "create app.bsky.feed.post without record", noRecord}}},
		{"like without subject", likeNoSubject, []want{{1, "like has no subject uri", likeNoSubject}}},
		{"follow subject not a DID", followNotDid, []want{{1, "follow subject is not a DID", followNotDid}}},
		{"no kind", `{"did":"did:plc:a"}`, []want{{1, "not a Jetstream event", `{"did":"did:plc:a"}`}}},
		{"commit kind without commit", `{"did":"did:plc:a","kind":"commit"}`, []want{{1, "commit event without commit", `{"did":"did:plc:a","kind":"commit"}`}}},
		{"array line", `[1]`, []want{{1, "field : JSON array where bluesky.event expected", `[1]`}}},
		{"future kind", `{"did":"did:plc:a","kind":"sync","time_us":1}`, nil},
	}
	defer func(n int) { maxRecord = n }(maxRecord)
	maxRecord = 256
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			importertest.CheckWant(t, importertest.Parse(t, Parse, []byte(tt.in)), tt.want)
		})
	}
}

// TestGenericBadInput checks the bad inputs every JSON format rejects alike.
func TestGenericBadInput(t *testing.T) {
	importertest.BadInputs(t, Parse, `{"did":"did:plc:a","time_us":1783175888000000,"kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.like","rkey":"3k"}}`)
}

func TestEmitError(t *testing.T) {
	importertest.EmitError(t, Parse, importertest.Read(t, "testdata/crafted.jsonl"))
}

func TestCancel(t *testing.T) {
	importertest.Cancel(t, Parse, bytes.Repeat([]byte(`{"did":"did:plc:a","kind":"account","time_us":1}`+"\n"), 1000))
}

func TestReadError(t *testing.T) {
	importertest.ReadError(t, Parse, `{"did":"did:plc:a","kind":"account"}`+"\n{\"did")
}

// seeds returns the fixtures and testdata inputs.
func seeds(tb testing.TB) [][]byte {
	return importertest.Seeds(tb, importertest.FixturePath(Name, "event_*.json"), importertest.FixturePath(Name, "*.jsonl"), "testdata/*.jsonl")
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	importertest.Fuzz(f, Parse)
}

func BenchmarkParse(b *testing.B) {
	in := importertest.Read(b, "testdata/crafted.jsonl")
	if big, err := os.ReadFile(importertest.FixturePath(Name, "jetstream_v1_events.jsonl")); err == nil {
		in = big
	}
	importertest.Bench(b, Parse, bytes.Repeat(in, 10))
}

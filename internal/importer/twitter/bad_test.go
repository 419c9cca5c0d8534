package twitter

import (
	"bytes"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

func TestBadInput(t *testing.T) {
	const good = `{"delete":{"status":{"id_str":"9"}}}`
	long := `{"id_str":"1","text":"` + strings.Repeat("x", 200) + `"}`
	type want struct {
		Pos      int64
		Err, Raw string
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"binary garbage", "\x00\x01\xff\xfe\x80garbage\n" + good, []want{{1, "invalid UTF-8 at byte 2", "\x00\x01\xff\xfe\x80garbage"}, {2, "", good}}},
		{"text garbage", "hello world\n" + good, []want{{1, "invalid JSON: invalid character 'h'", "hello world"}, {2, "", good}}},
		{"scalar", "42\n" + good, []want{{1, "not a JSON object", "42"}, {2, "", good}}},
		{"truncated line", `{"id_str":"1","user":{"id_str":"2"` + "\n" + good + "\n",
			[]want{{1, "truncated JSON: unexpected end of input", `{"id_str":"1","user":{"id_str":"2"`}, {2, "", good}}},
		{"truncated last line", good + "\n" + `{"data":[{"id":"1"`, []want{{1, "", good}, {2, "truncated JSON", `{"data":[{"id":"1"`}}},
		{"truncated document", "{\n  \"data\": [\n    {\"id\": \"1\",", []want{{1, "truncated JSON", "{\n  \"data\": [\n    {\"id\": \"1\","}}},
		{"invalid UTF-8 in string", `{"id_str":"1","text":"caf` + "\xe9" + `"}` + "\n" + good,
			[]want{{1, "invalid UTF-8 at byte 25", `{"id_str":"1","text":"caf` + "\xe9" + `"}`}, {2, "", good}}},
		{"over-long line", long + "\n" + good, []want{{1, "line longer than 128 bytes", long[:128]}, {2, "", good}}},
		{"v2 tweet without author", `{"data":{"id":"5","text":"hi"}}`, []want{{1, "tweet has no author_id", `{"id":"5","text":"hi"}`}}},
		{"v1 status without user", `{"id_str":"5","text":"hi","created_at":"Wed Oct 10 20:19:24 +0000 2018"}`,
			[]want{{1, "missing author", `{"id_str":"5","text":"hi","created_at":"Wed Oct 10 20:19:24 +0000 2018"}`}}},
		{"v1 missing id", `{"text":"hi","user":{"id_str":"2"}}`, []want{{1, "missing id", `{"text":"hi","user":{"id_str":"2"}}`}}},
		{"v2 missing id", `{"data":[{"text":"hi","author_id":"2"}]}`, []want{{1, "missing id", `{"text":"hi","author_id":"2"}`}}},
		{"v1 unparseable date", `{"id_str":"5","user":{"id_str":"2"},"created_at":"yesterday"}`,
			[]want{{1, `unparseable created_at "yesterday"`, `{"id_str":"5","user":{"id_str":"2"},"created_at":"yesterday"}`}}},
		{"v2 unparseable date", `{"data":[{"id":"5","text":"x","author_id":"2","created_at":"2022-13-45T00:00:00Z"}]}`,
			[]want{{1, "unparseable created_at", `{"id":"5","text":"x","author_id":"2","created_at":"2022-13-45T00:00:00Z"}`}}},
		{"v2 missing date", `{"data":[{"id":"5","text":"x","author_id":"2"}]}`,
			[]want{{1, "missing created_at", `{"id":"5","text":"x","author_id":"2"}`}}},
		{"wrong field type", `{"data":[{"id":"5","text":"x","author_id":"2","public_metrics":{"like_count":"many"}}]}`,
			[]want{{1, "field public_metrics.like_count: JSON string where int64 expected", `{"id":"5","text":"x","author_id":"2","public_metrics":{"like_count":"many"}}`}}},
		{"unknown object", `{"foo":1}`, []want{{1, "not a Twitter record", `{"foo":1}`}}},
		{"delete without id", `{"delete":{"status":{}}}`, []want{{1, "delete notice has no status id", `{"delete":{"status":{}}}`}}},
		{"array with a bad element", "[\n" + good + ",\n{\"id_str\": tru\n]", []want{{1, "", good}, {2, "invalid JSON", "{\"id_str\": tru\n]"}}},
		{"array missing its end", "[\n" + good + ",\n", []want{{1, "", good}}},
		{"one-line array longer than a record", "[" + strings.Repeat(good+",", 5) + good + "]",
			[]want{{1, "", good}, {2, "", good}, {3, "", good}, {4, "", good}, {5, "", good}, {6, "", good}}},
		{"stream notice", `{"limit":{"track":3}}`, nil},
	}
	defer func(n int) { maxRecord = n }(maxRecord)
	maxRecord = 128
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			importertest.CheckWant(t, importertest.Parse(t, Parse, []byte(tt.in)), tt.want)
		})
	}
}

// TestRaw checks the Raw of the records of v2 pages: a page of its own for
// each tweet, with what its record takes from the page.
func TestRaw(t *testing.T) {
	type want struct {
		Pos      int64
		Err, Raw string
	}
	tweet := func(id, text, more string) string {
		return `{"id":"` + id + `","text":"` + text + `","author_id":"2","created_at":"2022-10-07T22:42:12.000Z"` + more + `}`
	}
	users := `{"users":[{"id":"9","username":"z"},{"id":"3","username":"b"},{"id":"2","username":"a"}]`
	reply := tweet("5", "@b x", `,"entities":{"mentions":[{"username":"b"}]},"referenced_tweets":[{"type":"replied_to","id":"4"}]`)
	replied := tweet("4", "y", `,"referenced_tweets":[{"type":"quoted","id":"1"}]`)
	quoted := `{"id":"1","text":"q","author_id":"9","created_at":"2022-10-07T22:42:12.000Z"}`
	tests := []struct {
		name, in string
		want     []want
	}{
		{"bare v2 tweet", tweet("5", "x", ""), []want{{1, "", tweet("5", "x", "")}}},
		{"page", `{"data":[` + reply + `],"includes":` + users + `},"__twarc":{"retrieved_at":"2023-01-05T17:34:04+00:00"}}`, []want{
			{1, "", `{"data":[` + reply + `],"includes":{"users":[{"id":"3","username":"b"},{"id":"2","username":"a"}]},` +
				`"__twarc":{"retrieved_at":"2023-01-05T17:34:04+00:00"}}`},
			{1, "", `{"data":[` + reply + `],"includes":` + users + `},"__twarc":{"retrieved_at":"2023-01-05T17:34:04+00:00"}}`}}},
		{"included tweets", `{"data":[` + reply + `],"includes":` + users + `,"tweets":[` + replied + `,` + quoted + `]}}`, []want{
			{1, "", `{"data":[` + reply + `],"includes":` + users + `,"tweets":[` + replied + `,` + quoted + `]}}`},
			{1, "", `{"data":[` + replied + `],"includes":{"users":[{"id":"9","username":"z"},{"id":"2","username":"a"}],"tweets":[` + quoted + `]}}`},
			{1, "", `{"data":[` + quoted + `],"includes":{"users":[{"id":"9","username":"z"}]}}`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := importertest.Parse(t, Parse, []byte(tt.in))
			importertest.CheckWant(t, recs, tt.want)
			importertest.Reimport(t, Parse, recs, nil)
		})
	}
}

// TestGenericBadInput checks the bad inputs every JSON format rejects alike.
func TestGenericBadInput(t *testing.T) {
	importertest.BadInputs(t, Parse, `{"delete":{"status":{"id_str":"9"}}}`)
}

func TestDocumentTooLarge(t *testing.T) {
	defer func(n int) { maxRecord = n }(maxRecord)
	maxRecord = 1 << 10
	doc := "{\n  \"data\": [\n" + strings.Repeat("    {\"id\": \"1\", \"text\": \"x\"},\n", 200) + "    {}\n  ]\n}\n"
	recs := importertest.Parse(t, Parse, []byte(doc))
	if len(recs) != 1 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "longer than") || len(recs[0].Raw) != maxRecord {
		t.Fatalf("got %d records: %+v", len(recs), recs)
	}
}

func TestEmitError(t *testing.T) {
	importertest.EmitError(t, Parse, importertest.Read(t, "testdata/v1_statuses.jsonl"))
}

func TestCancel(t *testing.T) {
	importertest.Cancel(t, Parse, bytes.Repeat([]byte(`{"limit":{"track":1}}`+"\n"), 1000))
}

func TestReadError(t *testing.T) {
	for _, in := range []string{`{"limit":{}}` + "\n" + `{"id_str":`, "[\n{\"limit\":{}},\n{\"id"} {
		importertest.ReadError(t, Parse, in)
	}
}

// seeds returns the fixtures and testdata inputs, for fuzzing and benchmarks.
func seeds(tb testing.TB) [][]byte {
	return importertest.Seeds(tb, importertest.FixturePath(Name, "*.json*"), "testdata/*.json*")
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Add([]byte("[\n{\"id_str\": tru\n]"))
	f.Add([]byte("{\n  \"data\": [\n"))
	importertest.Fuzz(f, Parse)
}

func BenchmarkParse(b *testing.B) {
	var in []byte
	for _, s := range seeds(b) {
		if bytes.Count(bytes.TrimSpace(s), []byte("\n")) == 0 || bytes.HasSuffix(s, []byte("jsonl")) {
			in = append(append(in, bytes.TrimSpace(s)...), '\n')
		}
	}
	in = append(in, importertest.Read(b, "testdata/v1_statuses.jsonl")...)
	importertest.Bench(b, Parse, bytes.Repeat(in, 50))
}

package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var day0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// fixture is a small, fixed workspace: two brands, five people, a dozen
// analysed posts over a week, scored.
type fixture struct {
	db *store.DB
	ws *herald.Workspace
}

func (fx fixture) brand(t *testing.T, slug string) herald.Brand {
	t.Helper()
	b, ok := fx.ws.Brand(slug)
	if !ok {
		t.Fatalf("no brand %s", slug)
	}
	return *b
}

// The fixture is built once and only read by the tests.
var (
	shared    fixture
	sharedDir string
	sharedErr bool
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if shared.db != nil {
		shared.db.Close()
	}
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	if sharedErr {
		t.Fatal("the fixture could not be built")
	}
	if shared.db == nil {
		sharedErr = true
		shared = buildFixture(t)
		sharedErr = false
	}
	return shared
}

func buildFixture(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	var err error
	if sharedDir, err = os.MkdirTemp("", "herald-export-test-"); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, filepath.Join(sharedDir, "export.db"))
	if err != nil {
		t.Fatal(err)
	}
	ws := &herald.Workspace{Slug: "shop", Name: "Shop", Brands: []herald.Brand{
		{Slug: "acme", Name: "Acme", Role: herald.RoleOwn, Handles: map[herald.Network][]string{herald.Twitter: {"acme"}},
			Hashtags: []string{"acme"}, Keywords: []string{"Acme"}},
		{Slug: "rival", Name: "Rival", Role: herald.RoleCompetitor, Keywords: []string{"Rival"}},
	}}
	if err := db.SyncWorkspace(ctx, ws); err != nil {
		t.Fatal(err)
	}
	lex, err := analysis.LoadLexicons()
	if err != nil {
		t.Fatal(err)
	}
	an, err := analysis.New(lex, ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	who := func(net herald.Network, id, handle string, followers int64) herald.Identity {
		return herald.Identity{Network: net, ExternalID: id, Handle: handle, DisplayName: "Name " + handle,
			Followers: followers, Following: 3, ObservedAt: day0}
	}
	ann := who(herald.Twitter, "1", "ann", 120)
	bob := who(herald.Twitter, "2", "bob", 40)
	cat := who(herald.Mastodon, "cat@example.social", "cat@example.social", -1)
	dan := who(herald.Twitter, "4", "dan", 5000)
	eve := who(herald.Bluesky, "did:plc:eve", "eve.bsky.social", 7)
	posts := []struct {
		by   herald.Identity
		hour int
		text string
	}{
		{ann, 0, "I love @acme, the best coffee in town! #acme"},
		{bob, 3, "Acme lost my order again, terrible service."},
		{cat, 5, "Is Acme open on Sundays?"},
		{dan, 8, "Rival is great, way better than Acme"},
		{ann, 24, "Acme, thank you for the quick reply, wonderful team"},
		{eve, 30, "trying Rival today, \"first\" time, comma, test"},
		{ann, 50, "Another great morning with @acme #acme"},
		{bob, 60, "Still waiting for Acme to answer. Awful."},
		{dan, 75, "Rival beats Acme every time"},
		{ann, 100, "Recommend Acme to everyone, simply excellent"},
		{cat, 120, "Acme's new menu is fine I guess"},
		{eve, 140, "Rival latte was nice"},
	}
	w, err := db.NewWriter(ctx, ws.ID, 100)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range posts {
		a := &herald.Activity{Network: p.by.Network, ExternalID: "p" + string(rune('a'+i)), Kind: herald.KindPost, Author: p.by,
			CreatedAt: day0.Add(time.Duration(p.hour) * time.Hour), Text: p.text,
			Metrics: herald.Metrics{Likes: int64(i), Shares: int64(i % 3), Replies: 1, Quotes: -1}}
		if i == 2 {
			a.Metrics = herald.Metrics{Likes: -1, Shares: -1, Replies: -1, Quotes: -1}
		}
		a.Normalize()
		if err := a.Validate(day0.AddDate(0, 1, 0)); err != nil {
			t.Fatalf("post %d: %v", i, err)
		}
		an.Tag(a)
		if _, err := w.PutActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	sc, err := scoring.ForWorkspace(db, ws)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sc.Rescore(ctx); err != nil {
		t.Fatal(err)
	}
	return fixture{db, ws}
}

// golden compares got with testdata/name (rewritten with -update).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// exports runs every export of the fixture in a format.
func (fx fixture) exports(t *testing.T, format Format) map[string][]byte {
	t.Helper()
	ctx := context.Background()
	out := map[string][]byte{}
	var buf bytes.Buffer
	check := func(what string, n int, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s %s: %v", what, format, err)
		}
		out[what] = bytes.Clone(buf.Bytes())
		buf.Reset()
	}
	n, err := WriteActivities(ctx, fx.db, fx.ws.ID, store.ActivityFilter{}, format, &buf)
	check("activities", n, err)
	n, err = WriteActivities(ctx, fx.db, fx.ws.ID, store.ActivityFilter{Newest: true, BrandID: fx.brand(t, "acme").ID}, format, &buf)
	check("activities-newest", n, err)
	n, err = WriteAdvocates(ctx, fx.db, fx.ws.ID, fx.brand(t, "acme"), store.AdvocateFilter{}, format, &buf)
	check("advocates", n, err)
	n, err = WritePeople(ctx, fx.db, fx.ws.ID, store.PeopleFilter{}, format, &buf)
	check("people", n, err)
	rep, err := fx.db.Metrics(ctx, fx.ws.ID, store.MetricsQuery{From: day0.Truncate(24 * time.Hour),
		To: day0.Truncate(24*time.Hour).AddDate(0, 0, 7), Granularity: "day"})
	if err != nil {
		t.Fatal(err)
	}
	err = WriteMetrics(rep, format, &buf)
	check("metrics", 0, err)
	// People are stamped with the time they were first stored: fixed here.
	people, err := fx.db.People(ctx, fx.ws.ID, store.PeopleFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		for _, layout := range []string{time.RFC3339Nano, time.RFC3339} {
			out["people"] = bytes.ReplaceAll(out["people"], []byte(p.CreatedAt.Format(layout)), []byte("CREATED"))
		}
	}
	return out
}

func TestGolden(t *testing.T) {
	fx := newFixture(t)
	for _, format := range Formats {
		for what, got := range fx.exports(t, format) {
			golden(t, what+string(format.Ext())+".golden", got)
		}
	}
}

// TestPaging forces pages of one or two records: the output is the same as
// in one page.
func TestPaging(t *testing.T) {
	fx := newFixture(t)
	for _, format := range Formats {
		want := fx.exports(t, format)
		for _, size := range []int{1, 3} {
			setPages(t, size)
			for what, got := range fx.exports(t, format) {
				if !bytes.Equal(got, want[what]) {
					t.Errorf("%s %s with pages of %d:\n%s\nwant\n%s", what, format, size, got, want[what])
				}
			}
		}
		setPages(t, 1000)
	}
}

func setPages(t *testing.T, n int) {
	old := [3]int{activityPage, advocatePage, peoplePage}
	t.Cleanup(func() { activityPage, advocatePage, peoplePage = old[0], old[1], old[2] })
	activityPage, advocatePage, peoplePage = n, n, n
}

// TestLimits: Limit is the total wanted, across pages; ranks go on across
// pages.
func TestLimits(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	setPages(t, 2)
	var buf bytes.Buffer
	n, err := WriteAdvocates(ctx, fx.db, fx.ws.ID, fx.brand(t, "acme"), store.AdvocateFilter{Limit: 3}, JSONL, &buf)
	if err != nil || n != 3 {
		t.Fatalf("advocates limit 3: %d, %v", n, err)
	}
	for i, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var a Advocate
		if err := json.Unmarshal([]byte(line), &a); err != nil || a.Rank != i+1 || a.Brand != "acme" {
			t.Errorf("line %d: %+v %v", i, a, err)
		}
	}
	for _, limit := range []int{1, 2, 3, 5} {
		buf.Reset()
		n, err = WriteActivities(ctx, fx.db, fx.ws.ID, store.ActivityFilter{Limit: limit}, CSV, &buf)
		rows, rerr := csv.NewReader(&buf).ReadAll()
		if err != nil || rerr != nil || n != limit || len(rows) != limit+1 {
			t.Errorf("activities limit %d: %d (%d rows), %v %v", limit, n, len(rows), err, rerr)
		}
		buf.Reset()
		n, err = WritePeople(ctx, fx.db, fx.ws.ID, store.PeopleFilter{Limit: limit}, JSON, &buf)
		var people []Person
		if err != nil || json.Unmarshal(buf.Bytes(), &people) != nil || n != limit || len(people) != limit {
			t.Errorf("people limit %d: %d (%d), %v", limit, n, len(people), err)
		}
	}
}

// TestParseBack: CSV reads back with one row per record, JSON as an array,
// JSON lines as one object a line.
func TestParseBack(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	setPages(t, 3)
	counts := map[string]int{}
	var buf bytes.Buffer
	for what, write := range map[string]func(Format) (int, error){
		"activities": func(f Format) (int, error) {
			return WriteActivities(ctx, fx.db, fx.ws.ID, store.ActivityFilter{}, f, &buf)
		},
		"advocates": func(f Format) (int, error) {
			return WriteAdvocates(ctx, fx.db, fx.ws.ID, fx.brand(t, "rival"), store.AdvocateFilter{}, f, &buf)
		},
		"people": func(f Format) (int, error) { return WritePeople(ctx, fx.db, fx.ws.ID, store.PeopleFilter{}, f, &buf) },
	} {
		for _, format := range Formats {
			buf.Reset()
			n, err := write(format)
			if err != nil || n == 0 {
				t.Fatalf("%s %s: %d, %v", what, format, n, err)
			}
			if c, ok := counts[what]; ok && c != n {
				t.Errorf("%s %s: %d records, %d in another format", what, format, n, c)
			}
			counts[what] = n
			var got int
			switch format {
			case CSV:
				rows, err := csv.NewReader(&buf).ReadAll()
				if err != nil {
					t.Fatalf("%s csv: %v", what, err)
				}
				got = len(rows) - 1
			case JSON:
				var arr []json.RawMessage
				if err := json.Unmarshal(buf.Bytes(), &arr); err != nil {
					t.Fatalf("%s json: %v", what, err)
				}
				got = len(arr)
			case JSONL:
				for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
					var obj map[string]any
					if err := json.Unmarshal([]byte(line), &obj); err != nil {
						t.Fatalf("%s jsonl line %q: %v", what, line, err)
					}
					got++
				}
			}
			if got != n {
				t.Errorf("%s %s: wrote %d, reads back %d", what, format, n, got)
			}
		}
	}
	if counts["activities"] != 12 || counts["people"] != 5 {
		t.Errorf("counts: %v", counts)
	}
}

// TestEmpty: nothing selected is a header alone, an empty array, nothing.
func TestEmpty(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	want := map[Format]string{CSV: strings.Join(PersonCSVHeader, ",") + "\n", JSON: "[]\n", JSONL: ""}
	for _, format := range Formats {
		var buf bytes.Buffer
		n, err := WritePeople(ctx, fx.db, fx.ws.ID, store.PeopleFilter{Query: "nobody-at-all"}, format, &buf)
		if err != nil || n != 0 || buf.String() != want[format] {
			t.Errorf("%s: %d, %v, %q", format, n, err, buf.String())
		}
		buf.Reset()
		n, err = WriteActivities(ctx, fx.db, fx.ws.ID, store.ActivityFilter{Since: day0.AddDate(1, 0, 0)}, format, &buf)
		if err != nil || n != 0 {
			t.Errorf("activities %s: %d, %v", format, n, err)
		}
		if format == JSON {
			var arr []Activity
			if err := json.Unmarshal(buf.Bytes(), &arr); err != nil || arr == nil || len(arr) != 0 {
				t.Errorf("empty json: %q, %v", buf.String(), err)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteMetrics(&store.MetricsReport{}, JSON, &buf); err != nil || !json.Valid(buf.Bytes()) {
		t.Errorf("empty metrics report: %v %q", err, buf.String())
	}
}

// TestCancel: a cancelled context stops every stream with its error.
func TestCancel(t *testing.T) {
	fx := newFixture(t)
	setPages(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	for what, err := range map[string]error{
		"activities": second(WriteActivities(ctx, fx.db, fx.ws.ID, store.ActivityFilter{}, JSON, &buf)),
		"advocates":  second(WriteAdvocates(ctx, fx.db, fx.ws.ID, fx.brand(t, "acme"), store.AdvocateFilter{}, CSV, &buf)),
		"people":     second(WritePeople(ctx, fx.db, fx.ws.ID, store.PeopleFilter{}, JSONL, &buf)),
	} {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", what, err)
		}
	}
	// Cancelled mid-stream: after the first page.
	ctx, cancel = context.WithCancel(context.Background())
	n, err := WriteActivities(ctx, fx.db, fx.ws.ID, store.ActivityFilter{}, JSONL, writerFunc(func(p []byte) (int, error) {
		cancel()
		return len(p), nil
	}))
	if !errors.Is(err, context.Canceled) || n != 2 {
		t.Errorf("cancelled after a page: %d, %v", n, err)
	}
}

func second(_ int, err error) error { return err }

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestFormats(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Format
		ct   string
	}{{"csv", CSV, "text/csv; charset=utf-8"}, {"JSONL", JSONL, "application/x-ndjson"}, {"json", JSON, "application/json"}} {
		f, err := ParseFormat(c.in)
		if err != nil || f != c.want || f.ContentType() != c.ct || f.Ext() != "."+string(c.want) {
			t.Errorf("%q: %v %v %q %q", c.in, f, err, f.ContentType(), f.Ext())
		}
	}
	for _, bad := range []string{"", "xml", "tsv"} {
		if _, err := ParseFormat(bad); herald.ErrorCode(err) != herald.EInvalid {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if _, err := WritePeople(context.Background(), nil, 1, store.PeopleFilter{}, "xml", &bytes.Buffer{}); herald.ErrorCode(err) != herald.EInvalid {
		t.Errorf("bad format: %v", err)
	}
}

func TestNumbers(t *testing.T) {
	nan, inf := 0.0, 1.0
	nan /= nan
	inf /= 0
	for _, c := range []struct {
		x    float64
		want string
	}{{0.12345, "0.1235"}, {-0.00001, "0.0000"}, {nan, ""}, {inf, ""}, {-inf, ""}, {1, "1.0000"}} {
		if got := num(c.x, 4); got != c.want {
			t.Errorf("num(%v) = %q, want %q", c.x, got, c.want)
		}
	}
	row := MetricsCSVRow(MetricsRows(&store.MetricsReport{TimeZone: "UTC", Brands: []store.BrandMetrics{{Brand: "a",
		Total: store.BucketMetrics{ShareOfVoice: nan, Sentiment: store.Sentiment{Net: inf}}}}})[0])
	if strings.Contains(strings.Join(row, ","), "NaN") || strings.Contains(strings.Join(row, ","), "Inf") || row[2] != "total" {
		t.Errorf("row: %v", row)
	}
}

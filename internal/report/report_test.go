package report

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/chart"
	"github.com/herald-advocacy/herald/internal/demo"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// demoEnd is the fixed end of the test communities' history.
var demoEnd = time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC)

// loadDemo generates a small demo community into a fresh SQLite file,
// passing each record through mutate, and scores it. The workspace gets
// an extra competitor, "ghost", that no one mentions.
func loadDemo(t testing.TB, dir string, people int, mutateWS func(*herald.Workspace), mutate func(*herald.Record)) (*store.DB, *herald.Workspace) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(dir, "report.db"))
	if err != nil {
		t.Fatal(err)
	}
	ws := demo.Workspace()
	ws.Brands = append(ws.Brands, herald.Brand{Slug: "ghost", Name: "Ghost Roasters", Role: herald.RoleCompetitor,
		Keywords: []string{"zzqxghostroasters"}})
	if mutateWS != nil {
		mutateWS(&ws)
	}
	if err := db.SyncWorkspace(ctx, &ws); err != nil {
		t.Fatal(err)
	}
	lex, err := analysis.LoadLexicons()
	if err != nil {
		t.Fatal(err)
	}
	an, err := analysis.New(lex, &ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := db.NewWriter(ctx, ws.ID, 10000)
	if err != nil {
		t.Fatal(err)
	}
	opt := demo.Options{Seed: 7, People: people, Start: demoEnd.AddDate(0, 0, -60), End: demoEnd}
	_, err = ingest.Run(ctx, w, ingest.Source{Name: "demo", R: strings.NewReader(""), Size: -1,
		Parse: func(ctx context.Context, _ io.Reader, emit herald.Emit) error {
			_, err := demo.Generate(ctx, opt, func(r herald.Record) error {
				if mutate != nil {
					mutate(&r)
				}
				return emit(r)
			})
			return err
		}}, ingest.Options{Analyzer: an, Now: func() time.Time { return demoEnd }})
	if err != nil {
		w.Rollback()
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	sc, err := scoring.ForWorkspace(db, &ws)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sc.Rescore(ctx); err != nil {
		t.Fatal(err)
	}
	return db, &ws
}

// shared is one demo community for the tests that only read it.
var shared struct {
	once   sync.Once
	dir    string
	db     *store.DB
	ws     *herald.Workspace
	report sync.Once
	data   *Data
	out    string
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if shared.db != nil {
		shared.db.Close()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// sharedDemo returns the shared demo community (200 people, 60 days, with
// hostile strings planted by hostile), loading it on first use.
func sharedDemo(t *testing.T) (*store.DB, *herald.Workspace) {
	t.Helper()
	shared.once.Do(func() {
		dir, err := os.MkdirTemp("", "herald-report-test-")
		if err != nil {
			t.Fatal(err)
		}
		shared.dir = dir
		var mutate func(*herald.Record)
		shared.db, shared.ws = loadDemo(t, dir, 200, func(ws *herald.Workspace) { mutate = hostile(ws) },
			func(r *herald.Record) { mutate(r) })
	})
	if shared.db == nil {
		t.Fatal("the shared demo community failed to load")
	}
	return shared.db, shared.ws
}

// sharedReport is the report on the shared community's last four weeks,
// built once.
func sharedReport(t *testing.T) (*Data, string) {
	t.Helper()
	db, ws := sharedDemo(t)
	shared.report.Do(func() {
		shared.data, shared.out = build(t, db, ws, Options{From: demoEnd.AddDate(0, 0, -28), To: demoEnd, Granularity: "week"})
	})
	if shared.data == nil {
		t.Fatal("the shared report failed to build")
	}
	return shared.data, shared.out
}

// build builds and renders a report, failing the test on any error.
func build(t *testing.T, db *store.DB, ws *herald.Workspace, opt Options) (*Data, string) {
	t.Helper()
	if opt.Now.IsZero() {
		opt.Now = demoEnd.Add(9 * time.Hour)
	}
	d, err := Build(context.Background(), db, ws, opt)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	var b bytes.Buffer
	if err := Render(&b, d); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return d, b.String()
}

var (
	svgRE    = regexp.MustCompile(`(?s)<svg.*?</svg>`)
	anchorRE = regexp.MustCompile(`<a\s[^>]*>`)
	hrefRE   = regexp.MustCompile(`href="([^"]*)"`)
	srcRE    = regexp.MustCompile(`<[a-zA-Z][^>]*\s(src|srcset|poster|data)=[^>]*>`)
)

// checkDocument checks what every report must be: one well-formed
// self-contained document, accessible, with parseable SVG and no NaN.
func checkDocument(t *testing.T, out string) {
	t.Helper()
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="en">`, `<meta charset="utf-8">`, "<h1>", "@media print",
		`id="summary"`, `id="share-of-voice"`, `id="sentiment"`, `id="advocacy"`, `id="people"`, `id="drivers"`,
		`id="responsiveness"`, `id="definitions"`, "Earned reach"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if m := srcRE.FindString(out); m != "" {
		t.Errorf("the report loads something: %s", m)
	}
	for _, bad := range []string{"NaN", "<script", "@import", "url(http", "url(//", "ZgotmplZ", "<link", "<img", "<iframe", "<object", "<embed"} {
		if strings.Contains(out, bad) {
			i := strings.Index(out, bad)
			t.Errorf("the report contains %q: …%s…", bad, out[max(0, i-80):min(len(out), i+80)])
		}
	}
	for _, a := range anchorRE.FindAllString(out, -1) {
		m := hrefRE.FindStringSubmatch(a)
		if m == nil || !(strings.HasPrefix(m[1], "https://") || strings.HasPrefix(m[1], "http://")) || !strings.Contains(a, `rel="noopener nofollow ugc"`) {
			t.Errorf("link %s: want an http(s) href with rel=\"noopener nofollow ugc\"", a)
		}
	}
	for i, svg := range svgRE.FindAllString(out, -1) {
		dec := xml.NewDecoder(strings.NewReader(svg))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("svg %d does not parse: %v\n%s", i, err, svg[:min(len(svg), 400)])
				break
			}
		}
		if strings.Contains(svg, "Inf") {
			t.Errorf("svg %d has an infinite value", i)
		}
		if !strings.Contains(svg, "<title") || !strings.Contains(svg, `role="img"`) {
			t.Errorf("svg %d has no title or role", i)
		}
	}
	if n, h := strings.Count(out, "<th "), strings.Count(out, "<th scope="); n != h {
		t.Errorf("%d of %d table headers have a scope", h, n)
	}
}

func TestReportDemo(t *testing.T) {
	t.Parallel()
	d, out := sharedReport(t)
	checkDocument(t, out)
	if d.Granularity != "week" || d.Brand != "Northwind Coffee" || len(d.Competitors) != 3 || !d.HasData {
		t.Errorf("data: granularity %s, brand %s, competitors %v, has data %v", d.Granularity, d.Brand, d.Competitors, d.HasData)
	}
	if got := strings.Count(out, "<svg"); got != 3 {
		t.Errorf("%d charts, want 3 (share of voice, sentiment, funnel)", got)
	}
	if len(d.KPIs) != 8 {
		t.Errorf("%d KPIs, want 8", len(d.KPIs))
	}
	for _, k := range d.KPIs {
		if k.Value == "" || k.Change == "" {
			t.Errorf("KPI %+v", k)
		}
	}
	if len(d.TopAdvocates) == 0 || len(d.Praise) == 0 || len(d.Complaints) == 0 || len(d.Responsiveness) != 4 {
		t.Errorf("top %d, praise %d, complaints %d, responsiveness %d", len(d.TopAdvocates), len(d.Praise), len(d.Complaints), len(d.Responsiveness))
	}
	for _, want := range []string{"2026-05-03 to 2026-05-30", "Brewline", "Ghost Roasters", "Top advocates", "At risk",
		"Competitor advocates", "New advocates in the period", "Median first response", "Advocacy gap"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if !strings.Contains(out, `rel="noopener nofollow ugc">post</a>`) {
		t.Errorf("no link to an example post")
	}
	for _, dr := range append(d.Praise, d.Complaints...) {
		if len([]rune(dr.Example)) > snippetLen {
			t.Errorf("example of %q not bounded: %d runes", dr.Term, len([]rune(dr.Example)))
		}
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	return loc
}

// TestReportEmpty: a range without data, a brand no one mentions and a
// workspace with nothing at all still render, saying so.
func TestReportEmpty(t *testing.T) {
	t.Parallel()
	db, ws := sharedDemo(t)
	for name, opt := range map[string]Options{
		"empty range":  {From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2020, 1, 8, 0, 0, 0, 0, time.UTC)},
		"ghost brand":  {From: demoEnd.AddDate(0, 0, -30), To: demoEnd, Brand: "ghost"},
		"monthly tiny": {From: demoEnd.AddDate(0, 0, -2), To: demoEnd, Granularity: "month", Location: mustZone(t, "Europe/Paris")},
	} {
		t.Run(name, func(t *testing.T) {
			d, out := build(t, db, ws, opt)
			checkDocument(t, out)
			if name != "monthly tiny" && !strings.Contains(out, "No data in this period") {
				t.Errorf("no \"No data in this period\" in an empty report")
			}
			if name == "monthly tiny" && (d.TimeZone != "Europe/Paris" || len(d.Sentiment.Bars) != 1) {
				t.Errorf("monthly tiny: %s, %d bars", d.TimeZone, len(d.Sentiment.Bars))
			}
			if name == "ghost brand" && (!d.Sentiment.Empty || !d.Funnel.Empty || len(d.TopAdvocates) != 0) {
				t.Errorf("ghost brand: sentiment empty %v, funnel empty %v, %d advocates", d.Sentiment.Empty, d.Funnel.Empty, len(d.TopAdvocates))
			}
		})
	}

	// A workspace that has nothing at all.
	ctx := context.Background()
	bare := &herald.Workspace{Slug: "bare", Name: "Bare", Brands: []herald.Brand{{Slug: "solo", Name: "Solo", Role: herald.RoleOwn}}}
	if err := db.SyncWorkspace(ctx, bare); err != nil {
		t.Fatal(err)
	}
	d, out := build(t, db, bare, Options{})
	checkDocument(t, out)
	if d.HasData || !d.ShareOfVoice.Empty || strings.Count(out, "No data") < 4 {
		t.Errorf("bare workspace: has data %v, %d \"No data\"", d.HasData, strings.Count(out, "No data"))
	}
	if _, err := Build(ctx, db, bare, Options{Brand: "nope"}); herald.ErrorCode(err) != herald.ENotFound {
		t.Errorf("unknown brand: %v", err)
	}
	if _, err := Build(ctx, db, bare, Options{From: demoEnd, To: demoEnd}); herald.ErrorCode(err) != herald.EInvalid {
		t.Errorf("empty range: %v", err)
	}
}

// Hostile strings planted in the shared community.
const (
	script = `<script>alert(1)</script>`
	img    = `"><img src=x onerror=alert(1)>`
	jsURL  = `javascript:alert(1)`
)

// hostile plants script and markup in the names of the workspace and of a
// competitor and in every post, and javascript: links and markup in the
// names and links of every third account.
func hostile(ws *herald.Workspace) func(*herald.Record) {
	ws.Name = script + " Northwind workspace"
	ws.Brands[len(ws.Brands)-2].Name = img + ws.Brands[len(ws.Brands)-2].Name + script
	evil := func(handle string) bool { return len(handle)%3 == 0 }
	return func(r *herald.Record) {
		if a := r.Activity; a != nil && a.Text != "" {
			a.Text = a.Text + " " + script + " " + img
		}
		if a := r.Activity; a != nil && evil(a.Author.Handle) {
			a.URL = jsURL
			a.Author.DisplayName = img + a.Author.DisplayName + script
			a.Author.ProfileURL = jsURL
		}
		for i := range r.Actors {
			if evil(r.Actors[i].Handle) {
				r.Actors[i].DisplayName = img + r.Actors[i].DisplayName + script
				r.Actors[i].ProfileURL = jsURL
			}
		}
	}
}

// TestReportEscaping: hostile names, posts, brand names and links never
// reach the document as markup.
func TestReportEscaping(t *testing.T) {
	t.Parallel()
	d, out := sharedReport(t)
	reached := map[string]bool{"workspace": strings.Contains(d.Workspace, script), "competitor": strings.Contains(strings.Join(d.Competitors, " "), img)}
	for _, p := range append(append(d.TopAdvocates, d.AtRisk...), d.CompetitorAdvocates...) {
		reached["person"] = reached["person"] || strings.Contains(p.Name, script)
	}
	for _, dr := range append(d.Praise, d.Complaints...) {
		reached["post"] = reached["post"] || strings.Contains(dr.Example, script)
	}
	for _, what := range []string{"workspace", "competitor", "person", "post"} {
		if !reached[what] {
			t.Errorf("no hostile %s reached the report data", what)
		}
	}
	for _, bad := range []string{script, img, "<script", "<img", `href="javascript:`, "javascript:", "ZgotmplZ"} {
		if strings.Contains(out, bad) {
			i := strings.Index(out, bad)
			t.Errorf("the report contains %q unescaped: …%s…", bad, out[max(0, i-120):min(len(out), i+120)])
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks the escaped %q", want)
		}
	}
	if svgs := svgRE.FindAllString(out, -1); len(svgs) == 0 || !strings.Contains(svgs[0], "&lt;img src=x") {
		t.Errorf("the share of voice chart does not show the hostile brand name (escaped)")
	}
}

// TestChartGolden pins the SVG of the charts for a fixed input.
func TestChartGolden(t *testing.T) {
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	bucket := func(k int, m int64, sov float64, pos, neg, neu int64) store.BucketMetrics {
		s := store.Sentiment{Positive: pos, Negative: neg, Neutral: neu}
		if n := pos + neg + neu; n > 0 {
			s.Net = float64(pos-neg) / float64(n)
		}
		return store.BucketMetrics{Start: start.AddDate(0, 0, 7*k), Mentions: m, ShareOfVoice: sov, Sentiment: s}
	}
	own := store.BrandMetrics{BrandID: 1, Brand: "acme", Role: "own", Buckets: []store.BucketMetrics{
		bucket(0, 60, 0.6, 30, 10, 20), bucket(1, 0, 0, 0, 0, 0), bucket(2, 75, 0.75, 50, 5, 20), bucket(3, 30, 0.5, 5, 20, 5)},
		Total:  store.BucketMetrics{Mentions: 165, ShareOfVoice: 0.6346, Sentiment: store.Sentiment{Positive: 85, Negative: 35, Neutral: 45, Net: 50.0 / 165}},
		Funnel: store.Funnel{Stages: map[string]int64{"audience": 120, "engaged": 60, "potential": 25, "advocate": 12, "champion": 3}}}
	rival := store.BrandMetrics{BrandID: 2, Brand: "rival", Role: "competitor", Buckets: []store.BucketMetrics{
		bucket(0, 40, 0.4, 0, 0, 0), bucket(1, 0, 0, 0, 0, 0), bucket(2, 25, 0.25, 0, 0, 0), bucket(3, 30, 0.5, 0, 0, 0)},
		Total: store.BucketMetrics{Mentions: 95, ShareOfVoice: 0.3654}}
	rep := &store.MetricsReport{Brands: []store.BrandMetrics{rival, own}}
	names := map[string]string{"acme": "Acme & Co <Coffee>", "rival": "Rival"}
	for name, chart := range map[string]any{
		"sov":       chart.ShareOfVoice(rep, 1, names, "week"),
		"sentiment": chart.Sentiment(own, "Acme & Co <Coffee>", "week"),
		"funnel":    chart.Funnel(own.Funnel),
	} {
		var b bytes.Buffer
		if err := renderChart(&b, name, chart); err != nil {
			t.Fatal(err)
		}
		if err := xml.Unmarshal(b.Bytes(), new(struct{})); err != nil {
			t.Errorf("%s: not well-formed: %v", name, err)
		}
		path := filepath.Join("testdata", name+".golden")
		if *update {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s chart differs from %s (go test -update to accept):\n%s", name, path, b.String())
		}
	}
}

func TestHelpers(t *testing.T) {
	for _, c := range []struct {
		days int
		want string
	}{{1, "day"}, {31, "day"}, {32, "week"}, {366, "week"}, {367, "month"}} {
		if got := DefaultGranularity(demoEnd.AddDate(0, 0, -c.days), demoEnd); got != c.want {
			t.Errorf("%d days: %s, want %s", c.days, got, c.want)
		}
	}
	if got := bound(strings.Repeat("é ", 300), 200); len([]rune(got)) > 200 || !strings.HasSuffix(got, "…") {
		t.Errorf("bound: %d runes", len([]rune(got)))
	}
	for in, want := range map[string]string{"https://example.com/p/1": "https://example.com/p/1", "javascript:alert(1)": "",
		"JAVASCRIPT:alert(1)": "", "//evil.example/x": "", "data:text/html,x": "", "http://x.example": "http://x.example", "": ""} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
	if chart.Thousands(1234567) != "1,234,567" || chart.Thousands(-1000) != "−1,000" || chart.Thousands(999) != "999" {
		t.Errorf("thousands: %s %s %s", chart.Thousands(1234567), chart.Thousands(-1000), chart.Thousands(999))
	}
	if duration(90, 1) != "1m" || duration(3*3600+1200, 1) != "3h 20m" || duration(0, 0) != "–" || duration(50*3600, 1) != "2d 2h" {
		t.Errorf("duration: %s %s %s %s", duration(90, 1), duration(3*3600+1200, 1), duration(0, 0), duration(50*3600, 1))
	}
}

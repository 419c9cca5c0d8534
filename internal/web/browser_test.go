package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/api"
	"github.com/herald-advocacy/herald/internal/chart"
	"github.com/herald-advocacy/herald/internal/cli"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/web"
)

// chromium finds a Chromium: $HERALD_CHROMIUM, then chromium,
// chromium-browser or google-chrome on PATH. Without one the test skips,
// except in CI, where it fails.
func chromium(t *testing.T) string {
	if p := os.Getenv("HERALD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found (set HERALD_CHROMIUM or install the chromium package): CI must run the browser tests")
	}
	t.Skip("no Chromium found: set HERALD_CHROMIUM or install chromium")
	return ""
}

const (
	adminEmail  = "admin@example.org"
	viewerEmail = "viewer@example.org"
	password    = "browser test password"
)

// browserFixture builds a small demo community in a real SQLite file,
// imports posts by a person whose name, bio, texts and URLs are attacks,
// adds an admin and a viewer, and serves the dashboard on loopback.
func browserFixture(t *testing.T) (*store.DB, *httptest.Server, int64) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "demo.db")
	var stderr bytes.Buffer
	env := cli.Env{Getenv: func(string) string { return "" }, Stdout: &bytes.Buffer{}, Stderr: &stderr}
	if code := cli.Run(ctx, []string{"--db", dbPath, "demo", "--people", "300", "--days", "60"}, env); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr.String())
	}
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ws, err := db.Workspace(ctx, "demo")
	if err != nil {
		t.Fatal(err)
	}
	clock, err := db.DataClock(ctx, ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i := range 12 {
		at := clock.AddDate(0, 0, -4*i-1).Format(time.RFC3339)
		actor := map[string]any{"type": "Person", "id": "https://evil.example/users/mallory", "preferredUsername": "mallory",
			"name":    `<script>window.__xss=1;document.title='pwned'</script>Mallory "><img src=x onerror="window.__xss=2">`,
			"summary": `"&gt;&lt;img src=x onerror="window.__xss=3"&gt; &lt;script&gt;window.__xss=4&lt;/script&gt;`, // HTML: the text is its decoding
			"url":     "javascript:window.__xss=5"}
		obj := map[string]any{"type": "Note", "id": fmt.Sprintf("https://evil.example/notes/%d", i), "published": at,
			"content": fmt.Sprintf(`I love Northwind Coffee, the best coffee ever! @northwindcoffee@social.example &lt;script&gt;window.__xss=6&lt;/script&gt; "&gt;&lt;img src=x onerror="window.__xss=7"&gt; #%d`, i),
			"url":     "javascript:window.__xss=8"}
		b, _ := json.Marshal(map[string]any{"type": "Create", "id": fmt.Sprintf("https://evil.example/notes/%d/activity", i),
			"actor": actor, "published": at, "object": obj})
		lines = append(lines, string(b))
	}
	in := filepath.Join(dir, "xss.jsonl")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := cli.Run(ctx, []string{"--db", dbPath, "import", "--workspace", "demo", in}, env); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr.String())
	}
	mallory, err := db.FindIdentity(ctx, ws.ID, herald.AccountRef{Network: herald.Mastodon, Handle: "mallory@evil.example"})
	if err != nil {
		t.Fatalf("the hostile account: %v", err)
	}
	hash, err := web.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	admin := &store.User{Email: adminEmail, Name: "Ada Admin", Admin: true, PasswordHash: hash}
	viewer := &store.User{Email: viewerEmail, Name: "Vic Viewer", PasswordHash: hash}
	for _, u := range []*store.User{admin, viewer} {
		if err := db.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SetUserWorkspace(ctx, viewer.ID, ws.ID, store.RoleViewer); err != nil {
		t.Fatal(err)
	}
	apiSrv, err := api.New(api.Config{DB: db, DataDir: filepath.Join(dir, "api")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { apiSrv.Close(context.Background()) })
	srv, err := web.New(web.Config{DB: db, Imports: apiSrv})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(web.Mount(apiSrv.Handler(), srv.Handler()))
	t.Cleanup(ts.Close)
	return db, ts, mallory.PersonID
}

// TestBrowser drives a real Chromium through the dashboard: sign in, read
// the overview, filter advocates, open a person, check that hostile data
// never runs, and that a viewer cannot change anything.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	db, ts, mallory := browserFixture(t)
	shots := os.Getenv("HERALD_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(t.TempDir(), "screenshots")
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true), chromedp.WindowSize(1280, 900))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	b := &browser{t: t, base: ts.URL, shots: shots}
	var cancelB context.CancelFunc
	b.ctx, cancelB = chromedp.NewContext(actx)
	defer cancelB()
	if err := chromedp.Do(b.ctx); err != nil { // starts the browser: no time limit on this first run
		t.Fatalf("start %s: %v", exe, err)
	}

	// Sign in: the dashboard sends a signed-out visitor to the login form.
	b.do(chromedp.Navigate(ts.URL+"/w/demo/"), chromedp.WaitVisible(chromedp.CSS("#email")))
	b.shot("login")
	b.login(adminEmail)

	// The overview: its KPIs are the store's metrics for the last 30 days.
	b.do(chromedp.WaitVisible(chromedp.CSS(".kpis")))
	ws, _ := db.Workspace(context.Background(), "demo")
	clock, _ := db.DataClock(context.Background(), ws.ID)
	to := time.Date(clock.Year(), clock.Month(), clock.Day()+1, 0, 0, 0, 0, time.UTC)
	rep, err := db.Metrics(context.Background(), ws.ID, store.MetricsQuery{From: to.AddDate(0, 0, -30), To: to, Granularity: "day"})
	if err != nil {
		t.Fatal(err)
	}
	own, _ := ws.PickBrand("")
	var want store.BrandMetrics
	for _, bm := range rep.Brands {
		if bm.BrandID == own.ID {
			want = bm
		}
	}
	kpis := evaluate[map[string]string](b, `Object.fromEntries([...document.querySelectorAll('.kpi')].map(k =>
		[k.querySelector('.kpi-label').textContent, k.querySelector('.kpi-value').textContent]))`)
	for label, v := range map[string]string{"Mentions": chart.Thousands(want.Total.Mentions), "Unique authors": chart.Thousands(want.Total.UniqueAuthors),
		"Share of voice": chart.Percent(want.Total.ShareOfVoice),
		"Advocates":      chart.Thousands(want.Funnel.Stages["advocate"] + want.Funnel.Stages["champion"])} {
		if kpis[label] != v {
			t.Errorf("overview KPI %s = %q, want %q (all: %v)", label, kpis[label], v, kpis)
		}
	}
	if want.Total.Mentions == 0 {
		t.Error("the demo has no mention in the last 30 days")
	}
	if n := evaluate[int](b, `document.querySelectorAll('figure.chart svg').length`); n != 3 {
		t.Errorf("overview charts: %d, want 3", n)
	}
	b.noXSS("overview")
	b.shot("overview")
	b.do(chromedp.EmulateViewport(390, 844))
	b.shot("overview-390")
	if w := evaluate[int](b, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the overview is %dpx wide at 390px: it scrolls sideways", w)
	}
	b.do(chromedp.EmulateViewport(1280, 900))

	// Advocates: filter by stage with the form.
	b.do(chromedp.Navigate(ts.URL+"/w/demo/advocates"), chromedp.WaitVisible(chromedp.CSS("table.advocates")),
		chromedp.SetValue(chromedp.CSS(`select[name="stage"]`), "advocate"),
		chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`)),
		chromedp.WaitReady(chromedp.CSS(`select[name="stage"] option[value="advocate"][selected]`)))
	stages := evaluate[[]string](b, `[...document.querySelectorAll('table.advocates tbody td .chip[class*="stage-"]')].map(e => e.textContent)`)
	if len(stages) == 0 {
		t.Fatal("no advocate in the filtered table")
	}
	for _, s := range stages {
		if s != "advocate" {
			t.Errorf("filtered by stage advocate, a row shows %q", s)
		}
	}
	if loc := evaluate[string](b, `location.search`); !strings.Contains(loc, "stage=advocate") {
		t.Errorf("the filter is not in the URL: %q", loc)
	}
	b.noXSS("advocates")
	b.shot("advocates")

	// Open the first person of the table.
	name := evaluate[string](b, `document.querySelector('table.advocates a.person .name').textContent`)
	b.do(chromedp.Click(chromedp.CSS(`table.advocates a.person`)), chromedp.WaitVisible(chromedp.CSS("#h-why")))
	if h1 := evaluate[string](b, `document.querySelector('h1').textContent`); h1 != name {
		t.Errorf("person page title %q, want %q", h1, name)
	}
	if n := evaluate[int](b, `document.querySelectorAll('.facet-table tbody tr').length`); n != 7 {
		t.Errorf("person page: %d facets, want 7", n)
	}
	b.noXSS("person")
	b.shot("person")

	// Add a note and a tag on the person: they show on the page.
	note := "Called them on Tuesday <b>not bold</b>\nthey want the new blend"
	b.do(chromedp.SendKeys(chromedp.CSS("#note-body"), note), chromedp.Click(chromedp.CSS(`.note-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".notes .note-body")))
	if got := evaluate[string](b, `document.querySelector('.notes .note-body').textContent`); got != note {
		t.Errorf("the note shows %q, want %q", got, note)
	}
	b.do(chromedp.SendKeys(chromedp.CSS("#newtag"), "Ambassador"), chromedp.Click(chromedp.CSS(`.addtag button`)),
		chromedp.WaitVisible(chromedp.CSS(".tags .chip.tag")))
	if got := evaluate[string](b, `document.querySelector('.tags .chip.tag').firstChild.textContent`); got != "ambassador" {
		t.Errorf("the tag shows %q", got)
	}
	b.shot("person-notes")

	// The action lists, with the reasons in the people's own posts.
	b.do(chromedp.Navigate(ts.URL+"/w/demo/competitor-advocates"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if n := evaluate[int](b, `document.querySelectorAll('.actionlist > li').length`); n == 0 {
		t.Error("no competitor advocate in the demo")
	}
	if n := evaluate[int](b, `document.querySelectorAll('.actionlist blockquote').length`); n == 0 {
		t.Error("the competitor advocates quote no post")
	}
	b.noXSS("competitor advocates")
	b.shot("competitor-advocates")
	b.do(chromedp.Navigate(ts.URL+"/w/demo/at-risk"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	t.Logf("at risk: %d people", evaluate[int](b, `document.querySelectorAll('.actionlist > li').length`))
	b.noXSS("at risk")
	b.shot("at-risk")

	// Drivers: praise against complaints, with example posts.
	b.do(chromedp.Navigate(ts.URL+"/w/demo/drivers?compare=positive:negative&days=90"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if n := evaluate[int](b, `document.querySelectorAll('.drivers li .zbar').length`); n < 10 {
		t.Errorf("drivers: %d terms, want both sides filled", n)
	}
	b.noXSS("drivers")
	b.shot("drivers")

	// A brand query: the preview follows the typing (app.js), highlighted.
	b.do(chromedp.Navigate(ts.URL+"/w/demo/settings/brands"), chromedp.WaitVisible(chromedp.CSS("table.brands")))
	b.shot("brands")
	b.do(chromedp.Navigate(ts.URL+"/w/demo/settings/brands/northwind"), chromedp.WaitVisible(chromedp.CSS("#query")))
	evaluate[string](b, `document.querySelector('#query').value = ''`)
	b.do(chromedp.SendKeys(chromedp.CSS("#query"), `"cold brew" OR espresso`), chromedp.WaitVisible(chromedp.CSS("#preview mark")))
	marks := evaluate[[]string](b, `[...document.querySelectorAll('#preview mark')].map(m => m.textContent.toLowerCase())`)
	for _, m := range marks {
		if m != "espresso" && !strings.HasPrefix(m, "cold") {
			t.Errorf("the preview highlights %q", m)
		}
	}
	b.shot("brand-query")
	b.do(chromedp.SendKeys(chromedp.CSS("#query"), ` AND (`), chromedp.WaitVisible(chromedp.CSS("#preview .alert")))
	if msg := evaluate[string](b, `document.querySelector('#preview .alert').textContent`); !strings.HasPrefix(msg, "Line 1, column") {
		t.Errorf("a bad query shows %q", msg)
	}
	b.shot("brand-query-error")

	// Upload a file and watch it imported.
	upload := filepath.Join(t.TempDir(), "more.jsonl")
	clock2, _ := db.DataClock(context.Background(), ws.ID)
	var lines []string
	for i := range 30 {
		lines = append(lines, fmt.Sprintf(`{"type":"Create","id":"https://up.example/a/%d","actor":{"type":"Person","id":"https://up.example/u/%d","preferredUsername":"fan%d"},"published":%q,"object":{"type":"Note","id":"https://up.example/n/%d","content":"Northwind Coffee espresso is lovely %d","published":%q}}`,
			i, i%5, i%5, clock2.Add(-time.Duration(i)*time.Hour).Format(time.RFC3339), i, i, clock2.Add(-time.Duration(i)*time.Hour).Format(time.RFC3339)))
	}
	if err := os.WriteFile(upload, []byte(strings.Join(lines, "\n")+"\n{broken\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(ts.URL+"/w/demo/settings/import"), chromedp.WaitVisible(chromedp.CSS("#file")))
	b.shot("import")
	b.do(chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{upload}), chromedp.Click(chromedp.CSS(`.upload button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".chip.job-done, .chip.job-failed")))
	if got := evaluate[string](b, `document.querySelector('[data-field="created"]').textContent + '/' + document.querySelector('[data-field="rejected"]').textContent`); got != "30/1" {
		t.Errorf("import created/rejected %s, want 30/1", got)
	}
	b.shot("import-job")

	b.do(chromedp.Navigate(ts.URL+"/w/demo/settings/users"), chromedp.WaitVisible(chromedp.CSS("table.users")))
	b.shot("users")

	// The hostile person: every string is shown as text, nothing ran, and
	// the javascript: URLs are not links.
	b.do(chromedp.Navigate(fmt.Sprintf("%s/w/demo/people/%d", ts.URL, mallory)), chromedp.WaitVisible(chromedp.CSS("#h-ids")))
	b.noXSS("hostile person")
	if h1 := evaluate[string](b, `document.querySelector('h1').textContent`); !strings.HasPrefix(h1, "<script>window.__xss=1") {
		t.Errorf("hostile name shown as %q, want the text itself", h1)
	}
	if n := evaluate[int](b, `document.querySelectorAll('a[href^="javascript:"], img, main script').length`); n != 0 {
		t.Errorf("%d javascript: links, images or scripts in the hostile person's page", n)
	}
	if raw := evaluate[string](b, `(document.querySelector('.rawurl') || {}).textContent || ''`); raw != "javascript:window.__xss=5" {
		t.Errorf("the hostile profile URL is shown as %q, want plain text", raw)
	}
	if bio := evaluate[string](b, `document.querySelector('.bio').textContent`); !strings.Contains(bio, `"><img src=x onerror="window.__xss=3"> <script>`) {
		t.Errorf("hostile bio shown as %q", bio)
	}
	if ev := evaluate[string](b, `[...document.querySelectorAll('.posts blockquote')].map(q => q.textContent).join('\n')`); !strings.Contains(ev, "<script>window.__xss=6</script>") ||
		!strings.Contains(ev, `"><img src=x onerror="window.__xss=7">`) {
		t.Errorf("hostile post shown as %q", ev)
	}
	b.shot("person-hostile")
	b.do(chromedp.Navigate(ts.URL+"/w/demo/advocates?network=mastodon&flag=promotional"), chromedp.WaitVisible(chromedp.CSS("main")))
	if n := evaluate[int](b, `[...document.querySelectorAll('table.advocates a.person')].filter(a => a.textContent.includes('<script>')).length`); n != 1 {
		t.Errorf("the hostile person is not listed once among the promotional Mastodon accounts (%d)", n)
	}
	b.noXSS("advocates on mastodon")

	// Settings: the API tokens page of an admin.
	b.do(chromedp.Navigate(ts.URL+"/w/demo/settings/tokens"), chromedp.WaitVisible(chromedp.CSS("#h-new-token")),
		chromedp.SendKeys(chromedp.CSS(`input[name="name"]`), "browser test"),
		chromedp.Click(chromedp.CSS(`form.inline button[type="submit"]`)), chromedp.WaitVisible(chromedp.CSS(".secret-value")))
	if secret := evaluate[string](b, `document.querySelector('.secret-value').textContent`); !strings.HasPrefix(secret, "hrld_") {
		t.Errorf("new token secret %q", secret)
	}
	b.shot("tokens")
	b.do(chromedp.Click(chromedp.CSS(`.account button`)), chromedp.WaitVisible(chromedp.CSS("#email")))

	// A viewer reads, but a state-changing POST, even with a valid CSRF
	// token from their own session, is refused on the server.
	b.login(viewerEmail)
	b.do(chromedp.WaitVisible(chromedp.CSS(".kpis")))
	if n := evaluate[int](b, `document.querySelectorAll('nav.tabs a[href$="settings/tokens"]').length`); n != 0 {
		t.Error("a viewer sees the Settings tab")
	}
	status := evaluate[int](b, `fetch('/w/demo/settings/tokens', {method: 'POST', body: new URLSearchParams({
		csrf: document.querySelector('input[name="csrf"]').value, scope: 'admin', name: 'viewer attempt'})}).then(r => r.status)`,
		chromedp.EvalAwaitPromise)
	if status != http.StatusForbidden {
		t.Errorf("viewer's POST: %d, want 403", status)
	}
	if ts, _ := db.Tokens(context.Background(), ws.ID); len(ts) != 1 {
		t.Errorf("%d tokens after the viewer's attempt, want 1", len(ts))
	}
	b.do(chromedp.Navigate(ts.URL+"/w/demo/settings/tokens"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if h1 := evaluate[string](b, `document.querySelector('main h1').textContent`); h1 != "Not allowed" {
		t.Errorf("viewer on the tokens page: %q", h1)
	}
	b.shot("viewer-forbidden")
	t.Logf("screenshots in %s", shots)
}

// browser runs actions in one tab and fails the test on error.
type browser struct {
	t     *testing.T
	ctx   context.Context
	base  string
	shots string
}

func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		loc, _ := chromedp.Run(b.ctx, chromedp.Location())
		if png, serr := chromedp.Run(b.ctx, chromedp.FullScreenshot(100)); serr == nil {
			_ = os.WriteFile(filepath.Join(b.shots, "failure.png"), png, 0o644)
		}
		b.t.Fatalf("browser at %s: %v (screenshot: failure.png)", loc, err)
	}
}

func evaluate[T any](b *browser, js string, opts ...chromedp.EvaluateOption) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		b.t.Fatalf("evaluate %q: %v", js, err)
	}
	return v
}

func (b *browser) login(email string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.base+"/login?next=%2Fw%2Fdemo%2F"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email), chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)), chromedp.WaitVisible(chromedp.CSS(".kpis")))
}

// noXSS fails when a payload ran: each sets window.__xss or the title.
func (b *browser) noXSS(page string) {
	b.t.Helper()
	if v := evaluate[string](b, `String(window.__xss) + '|' + document.title`); !strings.HasPrefix(v, "undefined|") || v == "undefined|pwned" {
		b.t.Errorf("%s: a script injected in the data ran (window.__xss|title = %q)", page, v)
	}
}

// shot saves a full-page PNG of the current page.
func (b *browser) shot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

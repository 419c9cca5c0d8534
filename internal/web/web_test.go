package web

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

const testPassword = "correct horse battery"

// Hostile strings stored as names, bios, posts and URLs.
const (
	xssName = `<script>window.__xss=1</script>Mallory`
	xssBio  = `"><img src=x onerror="window.__xss=2">`
	xssURL  = `javascript:window.__xss=3`
)

// fixture is a dashboard over a real SQLite file with two workspaces, "a"
// and "b", a few scored people in each, and users of every role.
type fixture struct {
	t      *testing.T
	db     *store.DB
	srv    *Server
	ts     *httptest.Server
	mu     sync.Mutex
	now    time.Time
	person map[string]int64 // "a", "b", "a:mallory": person ids
}

var t0 = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

func newFixture(t *testing.T, cfg Config) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{t: t, db: storetest.Open(t, storetest.Engine{Name: "sqlite", DSN: storetest.SQLiteDSN}), now: t0,
		person: map[string]int64{}}
	for _, slug := range []string{"a", "b"} {
		ws := &herald.Workspace{Slug: slug, Name: "Workspace " + strings.ToUpper(slug), Brands: []herald.Brand{
			{Slug: "acme", Name: "Acme", Role: herald.RoleOwn, Handles: map[herald.Network][]string{herald.Twitter: {"acme"}}, Keywords: []string{"acme"}},
			{Slug: "rival", Name: "Rival", Role: herald.RoleCompetitor, Keywords: []string{"rival"}}}}
		if err := f.db.SyncWorkspace(ctx, ws); err != nil {
			t.Fatal(err)
		}
		f.load(ws, slug)
	}
	cfg.DB, cfg.Now, cfg.bcryptCost = f.db, f.clock, 4
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	f.ts = httptest.NewServer(srv.Handler())
	t.Cleanup(f.ts.Close)
	f.user("admin@example.org", true, nil)
	f.user("viewer@example.org", false, map[string]store.Role{"a": store.RoleViewer})
	f.user("analyst@example.org", false, map[string]store.Role{"a": store.RoleAnalyst})
	f.user("manager@example.org", false, map[string]store.Role{"a": store.RoleManager})
	f.user("wsadmin@example.org", false, map[string]store.Role{"a": store.RoleAdmin})
	return f
}

func (f *fixture) clock() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fixture) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

// load writes posts of three people about the brands, one of them with
// hostile strings everywhere, and scores them.
func (f *fixture) load(ws *herald.Workspace, slug string) {
	ctx := context.Background()
	w, err := f.db.NewWriter(ctx, ws.ID, 10)
	if err != nil {
		f.t.Fatal(err)
	}
	people := []herald.Identity{
		{Network: herald.Twitter, ExternalID: slug + "1", Handle: slug + "_fan", DisplayName: "Fan of " + slug, Followers: 120, ProfileURL: "https://example.org/" + slug + "_fan"},
		{Network: herald.Mastodon, ExternalID: slug + "2", Handle: slug + "_toot", DisplayName: "Tooter", Followers: 30},
		{Network: herald.Twitter, ExternalID: slug + "3", Handle: "mallory_" + slug, DisplayName: xssName, Bio: xssBio, Followers: 5, ProfileURL: xssURL},
	}
	n := 0
	for day := 0; day < 40; day += 3 {
		for i, who := range people {
			n++
			who.ObservedAt = t0.AddDate(0, 0, -day)
			text := "I love acme coffee, better than rival"
			if i == 2 {
				text = `acme <script>window.__xss=4</script> "><img src=x onerror="window.__xss=5">`
			}
			a := &herald.Activity{Network: who.Network, ExternalID: slug + "-p" + strconv.Itoa(n), Kind: herald.KindPost, Author: who,
				CreatedAt: t0.AddDate(0, 0, -day), Text: text, URL: "https://example.org/p/" + strconv.Itoa(n),
				Metrics: herald.Metrics{Likes: 2, Shares: 1}}
			stance := herald.Stance{Sentiment: herald.Sentiment{Label: herald.Positive, Score: 0.8}}
			if i == 2 {
				a.URL = xssURL
				stance = herald.Stance{Sentiment: herald.Sentiment{Label: herald.Negative, Score: -0.6}}
			}
			a.Brands = []herald.BrandMention{{BrandID: ws.Brands[0].ID, Brand: "acme", Source: herald.MatchKeyword, Stance: stance}}
			if i == 0 {
				a.Brands = append(a.Brands, herald.BrandMention{BrandID: ws.Brands[1].ID, Brand: "rival", Source: herald.MatchKeyword,
					Stance: herald.Stance{Sentiment: herald.Sentiment{Label: herald.Neutral}}})
			}
			if _, err := w.PutActivity(ctx, a); err != nil {
				f.t.Fatal(err)
			}
		}
	}
	if err := w.Commit(); err != nil {
		f.t.Fatal(err)
	}
	sc, err := scoring.ForWorkspace(f.db, ws)
	if err != nil {
		f.t.Fatal(err)
	}
	if _, err := sc.Rescore(ctx); err != nil {
		f.t.Fatal(err)
	}
	ps, err := f.db.People(ctx, ws.ID, store.PeopleFilter{})
	if err != nil || len(ps) == 0 {
		f.t.Fatalf("people: %v", err)
	}
	f.person[slug] = ps[0].ID
	for _, p := range ps {
		for _, id := range p.Identities {
			if strings.HasPrefix(id.Handle, "mallory") {
				f.person[slug+":mallory"] = p.ID
			}
		}
	}
}

func (f *fixture) user(email string, admin bool, roles map[string]store.Role) {
	ctx := context.Background()
	h, err := hashPassword(testPassword, 4)
	if err != nil {
		f.t.Fatal(err)
	}
	u := &store.User{Email: email, Name: strings.Split(email, "@")[0], Admin: admin, PasswordHash: h}
	if err := f.db.CreateUser(ctx, u); err != nil {
		f.t.Fatal(err)
	}
	for slug, r := range roles {
		ws, err := f.db.Workspace(ctx, slug)
		if err != nil {
			f.t.Fatal(err)
		}
		if err := f.db.SetUserWorkspace(ctx, u.ID, ws.ID, r); err != nil {
			f.t.Fatal(err)
		}
	}
}

// client is a browser-like client with a cookie jar that does not follow
// redirects.
type client struct {
	f    *fixture
	http *http.Client
	csrf string // the session's CSRF token, read from the last page
}

func (f *fixture) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{f: f, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type response struct {
	status int
	header http.Header
	body   string
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) do(method, path string, form url.Values, header map[string]string) response {
	c.f.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, c.f.ts.URL+path, body)
	if err != nil {
		c.f.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfRE.FindSubmatch(b); m != nil {
		c.csrf = string(m[1])
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

func (c *client) get(path string) response { return c.do("GET", path, nil, nil) }

func (c *client) post(path string, form url.Values) response {
	if form == nil {
		form = url.Values{}
	}
	if form.Get("csrf") == "" {
		form.Set("csrf", c.csrf)
	}
	return c.do("POST", path, form, nil)
}

// login signs in through the form and returns the answer to the POST.
func (c *client) login(email, password string) response {
	c.f.t.Helper()
	if r := c.get("/login"); r.status != 200 {
		c.f.t.Fatalf("GET /login: %d", r.status)
	}
	return c.post("/login", url.Values{"email": {email}, "password": {password}, "next": {"/w/a/"}})
}

func (f *fixture) signedIn(email string) *client {
	f.t.Helper()
	c := f.client()
	if r := c.login(email, testPassword); r.status != http.StatusSeeOther {
		f.t.Fatalf("login %s: %d\n%s", email, r.status, r.body)
	}
	return c
}

func TestLogin(t *testing.T) {
	f := newFixture(t, Config{})
	c := f.client()
	if r := c.get("/w/a/"); r.status != http.StatusSeeOther || r.header.Get("Location") != "/login?next=%2Fw%2Fa%2F" {
		t.Fatalf("signed out GET: %d %q, want a redirect to the login", r.status, r.header.Get("Location"))
	}
	for _, bad := range [][2]string{{"viewer@example.org", "wrong password"}, {"nobody@example.org", testPassword}, {"", ""}} {
		r := c.login(bad[0], bad[1])
		if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "Wrong e-mail address or password") {
			t.Errorf("login %v: %d, want 401 with the message", bad, r.status)
		}
		if strings.Contains(r.header.Get("Set-Cookie"), sessionCookie+"=") {
			t.Errorf("login %v set a session cookie", bad)
		}
	}
	r := c.login("VIEWER@example.org", testPassword)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/w/a/" {
		t.Fatalf("login: %d %q", r.status, r.header.Get("Location"))
	}
	cookie := ""
	for _, v := range r.header.Values("Set-Cookie") {
		if strings.HasPrefix(v, sessionCookie+"=") {
			cookie = v
		}
	}
	if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") || strings.Contains(cookie, "Secure") {
		t.Errorf("session cookie %q: want HttpOnly, SameSite=Lax, not Secure over plain HTTP", cookie)
	}
	if r := c.get("/w/a/"); r.status != 200 || !strings.Contains(r.body, "Share of voice") {
		t.Errorf("overview after login: %d", r.status)
	}
	if r := c.get("/"); r.status != http.StatusSeeOther || r.header.Get("Location") != "/w/a/" {
		t.Errorf("home: %d %q", r.status, r.header.Get("Location"))
	}
	if r := c.post("/logout", nil); r.status != http.StatusSeeOther {
		t.Errorf("logout: %d", r.status)
	}
	if r := c.get("/w/a/"); r.status != http.StatusSeeOther {
		t.Errorf("after logout: %d, want a redirect", r.status)
	}

	// The redirect after login stays on this site.
	for next, want := range map[string]string{"//evil.example/x": "/", "https://evil.example/": "/", "/\\evil.example": "/",
		"/w/a/advocates?stage=advocate": "/w/a/advocates?stage=advocate"} {
		c := f.client()
		c.get("/login")
		r := c.post("/login", url.Values{"email": {"viewer@example.org"}, "password": {testPassword}, "next": {next}})
		if got := r.header.Get("Location"); got != want {
			t.Errorf("next %q: redirected to %q, want %q", next, got, want)
		}
	}

	// A disabled account cannot sign in, and its sessions end.
	s := f.signedIn("manager@example.org")
	u, _ := f.db.UserByEmail(context.Background(), "manager@example.org")
	if err := f.db.SetUserDisabled(context.Background(), u.ID, true); err != nil {
		t.Fatal(err)
	}
	if r := s.get("/w/a/"); r.status != http.StatusSeeOther {
		t.Errorf("disabled user's session: %d", r.status)
	}
	if r := f.client().login("manager@example.org", testPassword); r.status != http.StatusUnauthorized {
		t.Errorf("disabled user's login: %d", r.status)
	}
}

func TestSecureCookie(t *testing.T) {
	f := newFixture(t, Config{Secure: true})
	r := f.client().login("viewer@example.org", testPassword)
	if !strings.Contains(strings.Join(r.header.Values("Set-Cookie"), "\n"), "Secure") {
		t.Errorf("Config.Secure: cookies %q are not Secure", r.header.Values("Set-Cookie"))
	}
}

func TestLoginRateLimit(t *testing.T) {
	f := newFixture(t, Config{})
	c := f.client()
	for i := 0; i < 5; i++ {
		if r := c.login("viewer@example.org", "wrong password "+strconv.Itoa(i)); r.status != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i+1, r.status)
		}
	}
	r := c.login("viewer@example.org", testPassword)
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("6th attempt with the right password: %d, want 429", r.status)
	}
	if ra, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || ra < 1 || ra > 15*60 {
		t.Errorf("Retry-After %q", r.header.Get("Retry-After"))
	}
	// The e-mail address is locked from any client address; another
	// address of the same client is locked too (same IP).
	if r := f.client().login("analyst@example.org", testPassword); r.status != http.StatusTooManyRequests {
		t.Errorf("another account from the same address: %d, want 429", r.status)
	}
	f.advance(15*time.Minute + time.Second)
	if r := c.login("viewer@example.org", testPassword); r.status != http.StatusSeeOther {
		t.Errorf("after the window: %d, want a successful login", r.status)
	}

	// The limiter counts per key, in a sliding window.
	l := newLimiter(2, time.Minute)
	l.fail(t0, "x")
	l.fail(t0.Add(30*time.Second), "x")
	if w := l.wait(t0.Add(40*time.Second), "x", "y"); w != 20*time.Second {
		t.Errorf("wait = %v, want 20s", w)
	}
	if w := l.wait(t0.Add(61*time.Second), "x"); w != 0 {
		t.Errorf("wait after the first failure left = %v", w)
	}
	if w := l.wait(t0, "y"); w != 0 {
		t.Errorf("another key waits %v", w)
	}
}

func TestCSRF(t *testing.T) {
	f := newFixture(t, Config{})
	c := f.signedIn("admin@example.org")
	c.get("/w/a/settings/tokens")
	good := c.csrf
	for name, try := range map[string]func() response{
		"no token": func() response { return c.do("POST", "/w/a/settings/tokens", url.Values{"scope": {"read"}}, nil) },
		"wrong token": func() response {
			return c.post("/w/a/settings/tokens", url.Values{"scope": {"read"}, "csrf": {"x" + good[1:]}})
		},
		"cross-origin": func() response {
			return c.do("POST", "/w/a/settings/tokens", url.Values{"scope": {"read"}, "csrf": {good}}, map[string]string{"Origin": "https://evil.example"})
		},
		"cross-site fetch": func() response {
			return c.do("POST", "/w/a/settings/tokens", url.Values{"scope": {"read"}, "csrf": {good}}, map[string]string{"Sec-Fetch-Site": "cross-site"})
		},
		"logout without token": func() response { return c.do("POST", "/logout", url.Values{}, nil) },
	} {
		if r := try(); r.status != http.StatusForbidden {
			t.Errorf("%s: %d, want 403", name, r.status)
		}
	}
	ws, _ := f.db.Workspace(context.Background(), "a")
	if ts, _ := f.db.Tokens(context.Background(), ws.ID); len(ts) != 0 {
		t.Fatalf("a refused POST created %d tokens", len(ts))
	}
	r := c.do("POST", "/w/a/settings/tokens", url.Values{"scope": {"read"}, "name": {"ci"}, "csrf": {good}},
		map[string]string{"Origin": f.ts.URL, "Sec-Fetch-Site": "same-origin"})
	if r.status != 200 || !strings.Contains(r.body, "hrld_") {
		t.Errorf("same-origin POST with the token: %d", r.status)
	}
	// The login form has its own token.
	l := f.client()
	l.get("/login")
	if r := l.do("POST", "/login", url.Values{"email": {"admin@example.org"}, "password": {testPassword}}, nil); r.status != http.StatusForbidden {
		t.Errorf("login without its token: %d, want 403", r.status)
	}
}

func TestSessionExpiry(t *testing.T) {
	f := newFixture(t, Config{SessionIdle: time.Hour, SessionMax: 3 * time.Hour})
	c := f.signedIn("viewer@example.org")
	for i := 0; i < 3; i++ { // each visit within the idle time moves the expiry
		f.advance(50 * time.Minute)
		if r := c.get("/w/a/advocates"); r.status != 200 {
			t.Fatalf("visit %d after 50 minutes: %d", i, r.status)
		}
	}
	f.advance(50 * time.Minute) // 200 minutes: past the maximum life
	if r := c.get("/w/a/"); r.status != http.StatusSeeOther {
		t.Errorf("after the session's maximum life: %d, want a redirect to the login", r.status)
	}
	d := f.signedIn("viewer@example.org")
	f.advance(61 * time.Minute)
	if r := d.get("/w/a/"); r.status != http.StatusSeeOther {
		t.Errorf("after an idle hour: %d", r.status)
	}
	if r := d.post("/logout", nil); r.status != http.StatusUnauthorized {
		t.Errorf("POST with an expired session: %d, want 401", r.status)
	}
	if n, err := f.db.DeleteExpiredSessions(context.Background(), f.clock()); err != nil || n < 2 {
		t.Errorf("expired sessions removed: %d, %v", n, err)
	}
}

func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t, Config{})
	c := f.signedIn("admin@example.org")
	pages := []string{"/login", "/w/a/", "/w/a/?days=7", "/w/a/advocates", "/w/a/advocates?stage=engaged&network=twitter",
		"/w/a/people/" + strconv.FormatInt(f.person["a"], 10), "/w/a/settings/tokens", "/w/nope/", "/nowhere", "/static/app.css", "/static/app.js",
		"/w/a/competitor-advocates", "/w/a/at-risk", "/w/a/drivers", "/w/a/settings/brands", "/w/a/settings/brands/acme",
		"/w/a/settings/brands/acme/preview?query=acme", "/w/a/settings/users", "/w/a/settings/import"}
	for _, p := range pages {
		r := c.get(p)
		for k, want := range map[string]string{"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff",
			"Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"} {
			if got := r.header.Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", p, k, got, want)
			}
		}
		if strings.Contains(r.header.Get("Content-Type"), "html") {
			if strings.Contains(r.body, " style=") || strings.Contains(r.body, "<style") || regexp.MustCompile(`<script>|<script [^>]*>[^<]`).MatchString(r.body) ||
				regexp.MustCompile(` on[a-z]+="`).MatchString(r.body) {
				t.Errorf("%s: inline style or script that the CSP would block", p)
			}
		}
	}
	if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("csp %q", csp)
	}
}

func TestRoles(t *testing.T) {
	f := newFixture(t, Config{})
	ctx := context.Background()
	ws, _ := f.db.Workspace(ctx, "a")
	tokens := func() int { ts, _ := f.db.Tokens(ctx, ws.ID); return len(ts) }
	for _, c := range []struct {
		email           string
		tokensPage, csv int
		create          int
	}{
		{"viewer@example.org", 403, 403, 403},
		{"analyst@example.org", 403, 200, 403},
		{"manager@example.org", 403, 200, 403},
		{"wsadmin@example.org", 200, 200, 200},
		{"admin@example.org", 200, 200, 200},
	} {
		cl := f.signedIn(c.email)
		cl.get("/w/a/") // a page of the session: its CSRF token
		before := tokens()
		if r := cl.post("/w/a/settings/tokens", url.Values{"scope": {"admin"}, "name": {"by " + c.email}}); r.status != c.create {
			t.Errorf("%s: create token %d, want %d", c.email, r.status, c.create)
		}
		if got, want := tokens()-before, map[bool]int{true: 1, false: 0}[c.create == 200]; got != want {
			t.Errorf("%s: %d tokens created, want %d", c.email, got, want)
		}
		if r := cl.get("/w/a/settings/tokens"); r.status != c.tokensPage {
			t.Errorf("%s: tokens page %d, want %d", c.email, r.status, c.tokensPage)
		}
		r := cl.get("/w/a/advocates.csv?stage=engaged")
		if r.status != c.csv {
			t.Errorf("%s: CSV export %d, want %d", c.email, r.status, c.csv)
		}
		if r.status == 200 && (!strings.HasPrefix(r.body, "rank,person_id") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv")) {
			t.Errorf("%s: CSV export %q", c.email, r.body[:min(len(r.body), 80)])
		}
		nav := strings.Contains(cl.get("/w/a/").body, `href="/w/a/settings/brands"`)
		if nav != (c.csv == 200 && c.email != "analyst@example.org") { // managers and admins
			t.Errorf("%s: Settings in the navigation: %v", c.email, nav)
		}
		sub := strings.Contains(cl.get("/w/a/settings/brands").body, `href="/w/a/settings/tokens"`)
		if sub != (c.tokensPage == 200) {
			t.Errorf("%s: Settings in the navigation: %v", c.email, nav)
		}
	}
	// Revoking is for admins too.
	ts, _ := f.db.Tokens(ctx, ws.ID)
	v := f.signedIn("viewer@example.org")
	v.get("/w/a/")
	if r := v.post("/w/a/settings/tokens/"+strconv.FormatInt(ts[0].ID, 10)+"/revoke", nil); r.status != 403 {
		t.Errorf("viewer revokes: %d", r.status)
	}
	a := f.signedIn("admin@example.org")
	a.get("/w/a/settings/tokens")
	if r := a.post("/w/a/settings/tokens/"+strconv.FormatInt(ts[0].ID, 10)+"/revoke", nil); r.status != http.StatusSeeOther {
		t.Errorf("admin revokes: %d", r.status)
	}
	if ts, _ := f.db.Tokens(ctx, ws.ID); ts[0].RevokedAt.IsZero() {
		t.Error("the token was not revoked")
	}
}

func TestWorkspaceIsolation(t *testing.T) {
	f := newFixture(t, Config{})
	c := f.signedIn("viewer@example.org")
	pb, pa := strconv.FormatInt(f.person["b"], 10), strconv.FormatInt(f.person["a"], 10)
	missing := c.get("/w/nope/")
	for _, p := range []string{"/w/b/", "/w/b/advocates", "/w/b/advocates.csv", "/w/b/people/" + pb, "/w/a/people/" + pb, "/w/a/people/999999", "/w/a/people/x"} {
		r := c.get(p)
		if r.status != 404 {
			t.Errorf("%s: %d, want 404", p, r.status)
		}
		if strings.Contains(r.body, "Workspace B") {
			t.Errorf("%s: shows workspace B's name", p)
		}
	}
	if missing.status != 404 {
		t.Errorf("missing workspace: %d", missing.status)
	}
	r := c.get("/w/a/people/" + pa)
	if r.status != 200 {
		t.Fatalf("own workspace's person: %d", r.status)
	}
	if strings.Contains(r.body, "/w/b/") || strings.Contains(r.body, "Workspace B") {
		t.Error("the workspace switcher offers workspace B to a user of A only")
	}
	if r := f.signedIn("admin@example.org").get("/w/b/people/" + pb); r.status != 200 {
		t.Errorf("admin on B's person: %d", r.status)
	}
}

func TestPages(t *testing.T) {
	f := newFixture(t, Config{})
	c := f.signedIn("admin@example.org")
	r := c.get("/w/a/?days=90")
	for _, want := range []string{"Mentions", "Unique authors", "Reach", "Engagement", "Share of voice", "Net sentiment", "Advocates",
		"Advocacy gap", "Response rate", "Median first response", "<svg", "Advocacy funnel", `aria-current="page"`, "previous 90 days"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	// 3 people × 14 days over the last 40 days: 42 mentions.
	if !regexp.MustCompile(`kpi-label">Mentions</span>\s*<span class="kpi-value">42</span>`).MatchString(r.body) {
		t.Errorf("overview: mentions KPI is not 42:\n%s", r.body[strings.Index(r.body, "kpis"):][:600])
	}
	if r := c.get("/w/a/?from=2026-01-01&to=2026-01-31"); r.status != 200 || !strings.Contains(r.body, "Jan 31, 2026") {
		t.Errorf("custom range: %d", r.status)
	}
	for _, bad := range []string{"/w/a/?days=0", "/w/a/?from=yesterday", "/w/a/advocates?stage=hero", "/w/a/advocates?after=1~2"} {
		if r := c.get(bad); r.status != 400 {
			t.Errorf("%s: %d, want 400", bad, r.status)
		}
	}
	adv := c.get("/w/a/advocates")
	if adv.status != 200 || strings.Count(adv.body, `class="person"`) != 3 {
		t.Errorf("advocates: %d, %d people", adv.status, strings.Count(adv.body, `class="person"`))
	}
	if r := c.get("/w/a/advocates?network=mastodon"); strings.Count(r.body, `class="person"`) != 1 || !strings.Contains(r.body, "a_toot") {
		t.Errorf("network filter: %d people", strings.Count(r.body, `class="person"`))
	}
	if r := c.get("/w/a/advocates.csv?network=mastodon"); strings.Count(r.body, "\n") != 2 || !strings.Contains(r.body, "a_toot") {
		t.Errorf("CSV with a network filter:\n%s", r.body)
	}

	// Hostile names, bios, posts and URLs are escaped, and a javascript:
	// URL is never a link.
	p := c.get("/w/a/people/" + strconv.FormatInt(f.person["a:mallory"], 10))
	if p.status != 200 {
		t.Fatalf("person: %d", p.status)
	}
	for _, raw := range []string{"<script>window", `<img src=x`, `href="javascript:`, `onerror="window`} {
		if strings.Contains(p.body, raw) || strings.Contains(adv.body, raw) {
			t.Errorf("unescaped %q in the person or advocates page", raw)
		}
	}
	if !strings.Contains(p.body, "&lt;script&gt;window.__xss=1&lt;/script&gt;Mallory") || !strings.Contains(p.body, "javascript:window.__xss=3") {
		t.Error("the hostile name or URL is not shown as text")
	}
	if !strings.Contains(c.get("/w/a/people/"+strconv.FormatInt(f.person["a"], 10)).body, `rel="noopener nofollow ugc"`) {
		t.Error("profile links lack rel=noopener nofollow ugc")
	}
}

func TestSafeHelpers(t *testing.T) {
	for in, want := range map[string]string{"https://example.com/p/1": "https://example.com/p/1", "javascript:alert(1)": "",
		" JAVASCRIPT:alert(1)": "", "//evil.example/x": "", "data:text/html,x": "", "http://x.example": "http://x.example", "": ""} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
	if _, err := HashPassword("short"); herald.ErrorCode(err) != herald.EInvalid {
		t.Errorf("short password: %v", err)
	}
	if _, err := hashPassword(strings.Repeat("é", 40), 4); herald.ErrorCode(err) != herald.EInvalid {
		t.Errorf("password over 72 bytes: %v", err)
	}
	if retryAfter(1500*time.Millisecond) != "2" || humanWait(14*time.Minute+time.Second) != "15 minutes" {
		t.Errorf("retryAfter/humanWait: %s %s", retryAfter(1500*time.Millisecond), humanWait(14*time.Minute+time.Second))
	}
}

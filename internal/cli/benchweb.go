package cli

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/web"
)

// runBenchWeb measures how long the dashboard's pages take to render
// under concurrent load on loopback, against an existing database: it
// serves the dashboard in-process, signs in as a temporary administrator
// through the login form, and loads each page with its own pool of
// clients in turn (pages this build does not have are skipped). The
// overview also with a new range at every request, so that its metrics are
// never served from the report cache.
func runBenchWeb(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("bench web", "[flags]")
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	duration := fs.Duration("duration", 10*time.Second, "how long to load each page")
	clients := fs.Int("clients", 4, "concurrent clients per page")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	srv, err := web.New(web.Config{DB: db})
	if err != nil {
		return err
	}
	secret := make([]byte, 16)
	crand.Read(secret)
	password := hex.EncodeToString(secret)
	hash, err := web.HashPassword(password)
	if err != nil {
		return err
	}
	u := &store.User{Email: "bench-" + password[:8] + "@herald.invalid", Name: "bench web", Admin: true, PasswordHash: hash}
	if err := db.CreateUser(ctx, u); err != nil {
		return err
	}
	defer db.DeleteUser(context.WithoutCancel(ctx), u.ID)
	base, stop, err := serveLoopback(srv.Handler())
	if err != nil {
		return err
	}
	defer stop()
	client, err := signIn(ctx, base, u.Email, password)
	if err != nil {
		return fmt.Errorf("bench web: %w", err)
	}
	own, err := ws.PickBrand("")
	if err != nil {
		return err
	}
	top, err := db.Advocates(ctx, ws.ID, store.AdvocateFilter{BrandID: own.ID, Limit: 200})
	if err != nil {
		return err
	}
	if len(top) == 0 {
		return fmt.Errorf("bench web: no scored people in workspace %s (run herald rescore)", ws.Slug)
	}
	clock, err := db.DataClock(ctx, ws.ID)
	if err != nil {
		return err
	}
	var coldDay atomic.Int64
	w := base + "/w/" + url.PathEscape(ws.Slug)
	pages := []loadTarget{
		{"overview (30 days)", func(*rand.Rand) string { return w + "/" }},
		{"overview (90 days)", func(*rand.Rand) string { return w + "/?days=90" }},
		{"overview, uncached", func(*rand.Rand) string {
			// a range ending a day earlier at each request: no report is cached
			to := clock.AddDate(0, 0, -int(coldDay.Add(1)))
			return fmt.Sprintf("%s/?from=%s&to=%s", w, to.AddDate(0, 0, -29).Format(time.DateOnly), to.Format(time.DateOnly))
		}},
		{"advocates", func(*rand.Rand) string { return w + "/advocates" }},
		{"advocates (at risk)", func(*rand.Rand) string { return w + "/advocates?flag=at_risk" }},
		{"person", func(r *rand.Rand) string { return fmt.Sprintf("%s/people/%d", w, top[r.IntN(len(top))].PersonID) }},
		{"competitor advocates", func(*rand.Rand) string { return w + "/competitor-advocates" }},
		{"at risk", func(*rand.Rand) string { return w + "/at-risk" }},
		{"drivers", func(*rand.Rand) string { return w + "/drivers" }},
	}
	get := func(u string) (int, error) {
		req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
		return resp.StatusCode, err
	}
	return a.runLoad(ctx, pages, *clients, *duration, *asJSON, get)
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// signIn signs in through the login form and returns a client holding
// the session cookie.
func signIn(ctx context.Context, base, email, password string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: 64},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/login", nil)
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfInput.FindSubmatch(page)
	if m == nil {
		return nil, fmt.Errorf("sign in: no form token on the login page (%d)", resp.StatusCode)
	}
	form := url.Values{"email": {email}, "password": {password}, csrfFieldName: {string(m[1])}}
	req, _ = http.NewRequestWithContext(ctx, "POST", base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	resp, err = client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("sign in: status %d", resp.StatusCode)
	}
	return client, nil
}

const csrfFieldName = "csrf"

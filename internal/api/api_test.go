package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/api"
	"github.com/herald-advocacy/herald/internal/cli"
	"github.com/herald-advocacy/herald/internal/store"
)

// fixture is a running API over a real SQLite file holding a small demo
// community ("demo") and a second workspace ("other") with a few posts.
type fixture struct {
	t      *testing.T
	db     *store.DB
	srv    *api.Server
	http   *httptest.Server
	tokens map[string]string // "demo:read", "other:admin", …
	ids    map[string]string // ids of objects in each workspace: "demo:person", "other:activity", …
}

const otherCSV = `tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,negativereason_confidence,airline,airline_sentiment_gold,name,negativereason_gold,retweet_count,text,tweet_coord,tweet_created,tweet_location,user_timezone
1001,positive,1.0,,,Other,,alice,,1,@otherco love it,,2015-02-20 10:00:00 -0800,,
1002,negative,1.0,Lost Luggage,1.0,Other,,bob,,0,@otherco lost my bag,,2015-02-21 10:00:00 -0800,,
1003,neutral,1.0,,,Other,,carol,,0,@otherco when do you open?,,2015-02-22 10:00:00 -0800,,
`

// demoDB is a small scored demo community, generated once per test run;
// each fixture works on its own copy.
var demoDB = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "herald-api-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "demo.db")
	var stderr bytes.Buffer
	env := cli.Env{Stdout: io.Discard, Stderr: &stderr, Getenv: func(string) string { return "" }}
	if code := cli.Run(context.Background(), []string{"--db", path, "demo", "--people", "120", "--days", "45"}, env); code != 0 {
		return nil, fmt.Errorf("demo: exit %d: %s", code, stderr.String())
	}
	// One file: fold the write-ahead log in before copying.
	db, err := store.Open(context.Background(), path)
	if err != nil {
		return nil, err
	}
	if err := db.Checkpoint(context.Background()); err != nil {
		return nil, err
	}
	db.Close()
	return os.ReadFile(path)
})

func newFixture(t *testing.T, cfg api.Config) *fixture {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "herald.db")
	data, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	other := &herald.Workspace{Slug: "other", Name: "Other", Brands: []herald.Brand{{Slug: "otherco", Name: "OtherCo", Role: herald.RoleOwn,
		Handles: map[herald.Network][]string{herald.Twitter: {"otherco"}}}}}
	if err := db.SyncWorkspace(ctx, other); err != nil {
		t.Fatal(err)
	}
	cfg.DB, cfg.DataDir = db, filepath.Join(dir, "api")
	srv, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		hs.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Close(ctx)
	})
	f := &fixture{t: t, db: db, srv: srv, http: hs, tokens: map[string]string{}, ids: map[string]string{}}
	for _, ws := range []string{"demo", "other"} {
		w, err := db.Workspace(ctx, ws)
		if err != nil {
			t.Fatal(err)
		}
		for _, sc := range []herald.Scope{herald.ScopeRead, herald.ScopeWrite, herald.ScopeAdmin} {
			tok := &herald.Token{WorkspaceID: w.ID, Name: ws + " " + string(sc), Scope: sc}
			secret, err := api.CreateToken(ctx, db, tok)
			if err != nil {
				t.Fatal(err)
			}
			f.tokens[ws+":"+string(sc)] = secret
			if sc == herald.ScopeRead {
				f.ids[ws+":token"] = fmt.Sprint(tok.ID)
			}
		}
	}
	// The other workspace's data arrives through the API itself.
	job := f.upload("other", "name=other.csv", otherCSV)
	if job.Status != "done" || job.Created != 3 {
		t.Fatalf("other import: %+v", job)
	}
	f.ids["other:import"] = fmt.Sprint(job.ID)
	for _, ws := range []string{"demo", "other"} {
		var acts struct {
			Data []struct {
				ID       int64 `json:"id"`
				PersonID int64 `json:"person_id"`
			}
		}
		f.getJSON(ws+":read", "/api/v1/workspaces/"+ws+"/activities?limit=1", &acts)
		if len(acts.Data) == 0 {
			t.Fatalf("%s has no activities", ws)
		}
		f.ids[ws+":activity"], f.ids[ws+":person"] = fmt.Sprint(acts.Data[0].ID), fmt.Sprint(acts.Data[0].PersonID)
	}
	return f
}

// do sends a request with a token ("" for none).
func (f *fixture) do(token, method, path string, body io.Reader, header ...string) *http.Response {
	f.t.Helper()
	req, err := http.NewRequest(method, f.http.URL+path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[token])
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := f.http.Client().Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	return resp
}

func (f *fixture) getJSON(token, path string, v any) {
	f.t.Helper()
	resp := f.do(token, "GET", path, nil)
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		f.t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		f.t.Fatalf("GET %s: %v", path, err)
	}
}

// upload posts a file to import and waits for its job to end.
func (f *fixture) upload(ws, query, content string) api.Job {
	f.t.Helper()
	resp := f.do(ws+":write", "POST", "/api/v1/workspaces/"+ws+"/imports?"+query, strings.NewReader(content))
	defer resp.Body.Close()
	var job api.Job
	if resp.StatusCode != http.StatusAccepted {
		b, _ := io.ReadAll(resp.Body)
		f.t.Fatalf("upload: %d %s", resp.StatusCode, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(&job); err != nil {
		f.t.Fatal(err)
	}
	loc := resp.Header.Get("Location")
	deadline := time.Now().Add(60 * time.Second)
	for job.Status == "queued" || job.Status == "running" {
		if time.Now().After(deadline) {
			f.t.Fatalf("import job stuck: %+v", job)
		}
		time.Sleep(20 * time.Millisecond)
		f.getJSON(ws+":read", loc, &job)
	}
	return job
}

func TestImportJobs(t *testing.T) {
	f := newFixture(t, api.Config{MaxUploadBytes: 4096})
	bad := otherCSV + "1004,positive,1.0,,,Other,,dave,,0,@otherco hi,,not a date,,\n"
	job := f.upload("other", "name=more.csv", bad)
	if job.Status != "done" || job.Read != 4 || job.Unchanged != 3 || job.Rejected != 1 || len(job.Rejects) != 1 ||
		job.Rejects[0].Position != 5 || job.RejectsURL == "" {
		t.Fatalf("job with a bad row: %+v", job)
	}
	resp := f.do("other:read", "GET", job.RejectsURL, nil)
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(raw), "not a date") || !strings.HasPrefix(string(raw), "tweet_id,") {
		t.Errorf("rejects file: %d %q", resp.StatusCode, raw)
	}
	// Strict: one bad row stores nothing.
	job = f.upload("other", "name=strict.csv&strict=true", strings.Replace(bad, "1001,", "2001,", 1))
	if job.Status != "failed" || !strings.Contains(job.Error, "rolled back") {
		t.Errorf("strict job: %+v", job)
	}
	var acts api.Page[json.RawMessage]
	f.getJSON("other:read", "/api/v1/workspaces/other/activities", &acts)
	if len(acts.Data) != 3 {
		t.Errorf("after a strict failure: %d activities, want 3", len(acts.Data))
	}
	for _, c := range []struct {
		name, query, body string
		status            int
	}{
		{"empty", "", "", 400},
		{"too large", "", strings.Repeat("x", 5000), 413},
		{"undetectable", "", "hello world\n", 400},
		{"bad mapping", "format=csv&map=text", "a,b\n1,2\n", 400},
		{"bad strict", "strict=maybe", "a", 400},
	} {
		resp := f.do("other:write", "POST", "/api/v1/workspaces/other/imports?"+c.query, strings.NewReader(c.body))
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s, want %d problem", c.name, resp.StatusCode, b, c.status)
		}
	}
	var jobs api.List[api.Job]
	f.getJSON("other:read", "/api/v1/workspaces/other/imports", &jobs)
	if len(jobs.Data) < 3 || jobs.Data[0].ID <= jobs.Data[1].ID {
		t.Errorf("imports list: %+v", jobs.Data)
	}
}

func TestAuthAndIsolation(t *testing.T) {
	f := newFixture(t, api.Config{})
	// Every workspace route, for each of: another workspace's token, no
	// token, a malformed token; and with the other workspace's ids.
	for _, rt := range routes(t, f) {
		if rt.scope == "" {
			continue
		}
		for _, c := range []struct {
			token, ws, idsOf string
			status           int
		}{
			{"other:admin", "demo", "demo", 404},   // another workspace's token
			{"demo:admin", "demo", "other", 404},   // ids of another workspace
			{"", "demo", "demo", 401},              // no token
			{"demo:admin", "nowhere", "demo", 404}, // unknown workspace
		} {
			path := rt.fill(c.ws, f.ids, c.idsOf)
			if !strings.Contains(rt.path, "{ws}") && c.ws != "demo" {
				continue
			}
			if !strings.Contains(rt.path, "{id}") && c.idsOf == "other" {
				continue
			}
			if !strings.Contains(rt.path, "{ws}") && c.status == 404 {
				continue
			}
			resp := f.do(c.token, rt.method, path, strings.NewReader("{}"), "Content-Type", "application/json")
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.status || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("%s %s with %q: %d %s, want %d", rt.method, path, c.token, resp.StatusCode, b, c.status)
			}
			if c.status == 404 && strings.Contains(string(b), "OtherCo") {
				t.Errorf("%s %s leaks the other workspace: %s", rt.method, path, b)
			}
		}
	}
	// Scopes: read cannot write or administer, write cannot administer.
	for _, c := range []struct{ token, method, path string }{
		{"demo:read", "POST", "/api/v1/workspaces/demo/imports"},
		{"demo:read", "GET", "/api/v1/workspaces/demo/tokens"},
		{"demo:write", "POST", "/api/v1/workspaces/demo/tokens"},
		{"demo:write", "DELETE", "/api/v1/workspaces/demo/tokens/1"},
	} {
		resp := f.do(c.token, c.method, c.path, strings.NewReader("x"))
		resp.Body.Close()
		if resp.StatusCode != 403 {
			t.Errorf("%s %s with %s: %d, want 403", c.method, c.path, c.token, resp.StatusCode)
		}
	}
	// Tokens: created through the API, usable, revoked, then refused.
	resp := f.do("demo:admin", "POST", "/api/v1/workspaces/demo/tokens", strings.NewReader(`{"name":"ci","scope":"read"}`), "Content-Type", "application/json")
	var nt api.NewToken
	json.NewDecoder(resp.Body).Decode(&nt)
	resp.Body.Close()
	if resp.StatusCode != 201 || !strings.HasPrefix(nt.Secret, "hrld_") || nt.Token.Scope != "read" {
		t.Fatalf("create token: %d %+v", resp.StatusCode, nt)
	}
	f.tokens["new"] = nt.Secret
	if resp := f.do("new", "GET", "/api/v1/workspaces/demo", nil); resp.StatusCode != 200 {
		t.Errorf("new token: %d", resp.StatusCode)
	}
	if resp := f.do("demo:admin", "DELETE", fmt.Sprintf("/api/v1/workspaces/demo/tokens/%d", nt.Token.ID), nil); resp.StatusCode != 204 {
		t.Errorf("revoke: %d", resp.StatusCode)
	}
	if resp := f.do("new", "GET", "/api/v1/workspaces/demo", nil); resp.StatusCode != 401 {
		t.Errorf("revoked token: %d, want 401", resp.StatusCode)
	}
	f.tokens["forged"] = "hrld_" + strings.Repeat("a", 32)
	if resp := f.do("forged", "GET", "/api/v1/workspaces/demo", nil); resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("forged token: %d", resp.StatusCode)
	}
	for _, body := range []string{`{"name":"x","scope":"root"}`, `{"name":"","scope":"read"}`, `{"name":"x","scope":"read","extra":1}`, `not json`} {
		resp := f.do("demo:admin", "POST", "/api/v1/workspaces/demo/tokens", strings.NewReader(body), "Content-Type", "application/json")
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("create token %s: %d, want 400", body, resp.StatusCode)
		}
	}
}

func TestPagination(t *testing.T) {
	f := newFixture(t, api.Config{})
	for _, path := range []string{"/api/v1/workspaces/demo/advocates", "/api/v1/workspaces/demo/activities",
		"/api/v1/workspaces/demo/activities?order=id", "/api/v1/workspaces/demo/people", "/api/v1/workspaces/demo/people?q=a"} {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		var all api.Page[map[string]any]
		f.getJSON("demo:read", path+sep+"limit=500", &all)
		var paged []map[string]any
		next := path + sep + "limit=37"
		for pages := 0; next != ""; pages++ {
			var p api.Page[map[string]any]
			resp := f.do("demo:read", "GET", next, nil)
			json.NewDecoder(resp.Body).Decode(&p)
			resp.Body.Close()
			paged = append(paged, p.Data...)
			next = ""
			if link := resp.Header.Get("Link"); p.NextCursor != "" {
				next = strings.TrimSuffix(strings.TrimPrefix(link, "<"), `>; rel="next"`)
			}
			if pages > 500 {
				t.Fatal("pagination does not end")
			}
		}
		if len(all.Data) < 8 || len(paged) < len(all.Data) || len(all.Data) < 500 && len(paged) != len(all.Data) {
			t.Fatalf("%s: %d paged vs %d in one page", path, len(paged), len(all.Data))
		}
		for i := range all.Data {
			a, _ := json.Marshal(paged[i])
			b, _ := json.Marshal(all.Data[i])
			if !bytes.Equal(a, b) {
				t.Fatalf("%s: row %d differs when paged:\n%s\n%s", path, i, a, b)
			}
		}
	}
	for _, bad := range []string{"?cursor=zzz", "?limit=0", "?limit=501", "?stage=hero", "?flag=vip", "?brand=nope", "?since=yesterday", "?limit=1&limit=2"} {
		resp := f.do("demo:read", "GET", "/api/v1/workspaces/demo/advocates"+bad, nil)
		var p api.Problem
		json.NewDecoder(resp.Body).Decode(&p)
		resp.Body.Close()
		if resp.StatusCode != 400 || p.Status != 400 || len(p.Errors) != 1 {
			t.Errorf("advocates%s: %d %+v", bad, resp.StatusCode, p)
		}
	}
}

func TestPrometheusAndHealth(t *testing.T) {
	f := newFixture(t, api.Config{})
	f.do("demo:read", "GET", "/api/v1/workspaces/demo/advocates", nil).Body.Close()
	var b []byte
	for range 100 { // a request is counted once its handler has returned
		resp := f.do("", "GET", "/metrics", nil)
		b, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "workspaces/{ws}/advocates") {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, want := range []string{`herald_http_request_duration_seconds_bucket{route="GET /api/v1/workspaces/{ws}/advocates",code="200",le="+Inf"} 1`,
		`herald_import_records_total{outcome="created"} 3`, `herald_import_jobs_total{status="done"} 1`, "herald_import_queue_depth 0"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/metrics lacks %q:\n%s", want, b)
		}
	}
	for _, p := range []string{"/healthz", "/readyz"} {
		if resp := f.do("", "GET", p, nil); resp.StatusCode != 200 {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
	}
	f.db.Close()
	if resp := f.do("", "GET", "/readyz", nil); resp.StatusCode != 503 {
		t.Errorf("readyz with the database closed: %d", resp.StatusCode)
	}
}

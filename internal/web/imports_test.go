package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald/internal/api"
)

// upload posts a file with the form's fields as multipart/form-data.
func (c *client) upload(path, name string, content []byte, fields url.Values) response {
	c.f.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	if name != "" {
		fw, _ := mw.CreateFormFile("file", name)
		_, _ = fw.Write(content)
	}
	_ = mw.Close()
	req, _ := http.NewRequest("POST", c.f.ts.URL+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.http.Do(req)
	if err != nil {
		c.f.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, string(body)}
}

// notes is an ActivityStreams file of n posts about acme and one broken line.
func notesFile(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"type":"Create","id":"https://m.example/a/%d","actor":{"type":"Person","id":"https://m.example/users/u%d","preferredUsername":"u%d"},`+
			`"published":"2026-03-0%dT10:00:00Z","object":{"type":"Note","id":"https://m.example/n/%d","published":"2026-03-0%dT10:00:00Z","content":"acme is great %d"}}`+"\n",
			i, i%3, i%3, 1+i%9, i, 1+i%9, i)
	}
	b.WriteString(`{"type":"Note","content":"broken` + "\n")
	return []byte(b.String())
}

func TestImport(t *testing.T) {
	f := newFixture(t, Config{})
	apiSrv, err := api.New(api.Config{DB: f.db, DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { apiSrv.Close(t.Context()) })
	f.srv.cfg.Imports = apiSrv
	m := f.signedIn("manager@example.org")
	if r := m.get("/w/a/settings/import"); r.status != 200 || !strings.Contains(r.body, `enctype="multipart/form-data"`) {
		t.Fatalf("import page: %d", r.status)
	}
	r := m.upload("/w/a/settings/import", "posts.jsonl", notesFile(5), url.Values{"csrf": {m.csrf}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/w/a/settings/import/") {
		t.Fatalf("upload: %d %q\n%s", r.status, r.header.Get("Location"), r.body)
	}
	page := r.header.Get("Location")
	var j api.Job
	for deadline := time.Now().Add(20 * time.Second); ; {
		s := m.get(page + "/status")
		if s.status != 200 || s.header.Get("Content-Type") != "application/json" {
			t.Fatalf("status: %d %q", s.status, s.header.Get("Content-Type"))
		}
		if err := json.Unmarshal([]byte(s.body), &j); err != nil {
			t.Fatal(err)
		}
		if j.Status == "done" || j.Status == "failed" || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if j.Status != "done" || j.Created != 5 || j.Rejected != 1 || j.Source != "posts.jsonl" {
		t.Fatalf("job %+v", j)
	}
	p := m.get(page)
	if p.status != 200 || !strings.Contains(p.body, "posts.jsonl") || !strings.Contains(p.body, `data-field="created">5<`) ||
		!strings.Contains(p.body, "First rejected records") || strings.Contains(p.body, "http-equiv") {
		t.Errorf("job page: %d\n%s", p.status, p.body)
	}
	// Errors: no file, an unknown format, a file of no known format.
	m.get("/w/a/settings/import")
	if r := m.upload("/w/a/settings/import", "", nil, url.Values{"csrf": {m.csrf}}); r.status != http.StatusBadRequest {
		t.Errorf("no file: %d, want 400", r.status)
	}
	if r := m.upload("/w/a/settings/import", "x.txt", []byte("hello"), url.Values{"csrf": {m.csrf}, "format": {"word"}}); r.status != http.StatusBadRequest {
		t.Errorf("unknown format: %d, want 400", r.status)
	}
	if r := m.upload("/w/a/settings/import", "x.bin", []byte("\x00\x01 not a format"), url.Values{"csrf": {m.csrf}}); r.status != http.StatusBadRequest {
		t.Errorf("undetectable file: %d, want 400", r.status)
	}
	// Roles, isolation, CSRF.
	for _, email := range []string{"viewer@example.org", "analyst@example.org"} {
		c := f.signedIn(email)
		c.get("/w/a/")
		for _, p := range []string{"/w/a/settings/import", page, page + "/status"} {
			if r := c.get(p); r.status != http.StatusForbidden {
				t.Errorf("%s: GET %s: %d, want 403", email, p, r.status)
			}
		}
		if r := c.upload("/w/a/settings/import", "p.jsonl", notesFile(1), url.Values{"csrf": {c.csrf}}); r.status != http.StatusForbidden {
			t.Errorf("%s: upload %d, want 403", email, r.status)
		}
	}
	if r := m.upload("/w/a/settings/import", "p.jsonl", notesFile(1), nil); r.status != http.StatusForbidden {
		t.Errorf("upload without CSRF token: %d, want 403", r.status)
	}
	g := f.signedIn("admin@example.org")
	if r := g.get(strings.Replace(page, "/w/a/", "/w/b/", 1)); r.status != http.StatusNotFound {
		t.Errorf("a's job seen from b: %d, want 404", r.status)
	}
	if r := g.get("/w/a/settings/import/999999"); r.status != http.StatusNotFound {
		t.Errorf("missing job: %d, want 404", r.status)
	}
}

package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/text/query"
)

func TestBrandQueries(t *testing.T) {
	f := newFixture(t, Config{})
	ctx := context.Background()
	m := f.signedIn("manager@example.org")
	r := m.get("/w/a/settings/brands")
	if r.status != 200 || !strings.Contains(r.body, "twitter:@acme") || !strings.Contains(r.body, `href="/w/a/settings/brands/rival"`) {
		t.Fatalf("brands: %d", r.status)
	}
	edit := "/w/a/settings/brands/acme"
	if r := m.get(edit); r.status != 200 || !strings.Contains(r.body, `data-preview="/w/a/settings/brands/acme/preview"`) {
		t.Fatalf("edit: %d", r.status)
	}
	// Preview without JavaScript: the matches, highlighted and escaped.
	r = m.post(edit, url.Values{"query": {"acme AND script"}, "do": {"preview"}})
	if r.status != 200 || !strings.Contains(r.body, "<mark>acme</mark> &lt;<mark>script</mark>&gt;") {
		t.Errorf("preview: %d\n%s", r.status, r.body[strings.Index(r.body, `id="preview"`):])
	}
	if strings.Contains(r.body, "<script>window") {
		t.Error("a previewed post is not escaped")
	}
	ws, _ := f.db.Workspace(ctx, "a")
	if b, _ := ws.PickBrand("acme"); b.Query != "" {
		t.Errorf("a preview saved the query %q", b.Query)
	}
	// The fragment for the script.
	r = m.get(edit + "/preview?query=" + url.QueryEscape("rival NOT nothing"))
	if r.status != 200 || strings.Contains(r.body, "<html") || !strings.Contains(r.body, "<mark>rival</mark>") {
		t.Errorf("fragment: %d %q", r.status, r.body)
	}
	r = m.get(edit + "/preview?query=" + url.QueryEscape("(acme OR\n rival"))
	if !strings.Contains(r.body, "Line 2, column") {
		t.Errorf("fragment of a bad query: %q", r.body)
	}
	// A bad query is not saved: its line and column are shown.
	r = m.post(edit, url.Values{"query": {"acme AND (coffee"}, "do": {"save"}})
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "Line 1, column") {
		t.Errorf("save a bad query: %d", r.status)
	}
	// Saving.
	r = m.post(edit, url.Values{"query": {"acme OR \"acme coffee\""}, "do": {"save"}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != edit+"?saved=1" {
		t.Fatalf("save: %d %q", r.status, r.header.Get("Location"))
	}
	ws, _ = f.db.Workspace(ctx, "a")
	b, _ := ws.PickBrand("acme")
	if b.Query != `acme OR "acme coffee"` || len(ws.Brands) != 2 || len(b.Keywords) != 1 {
		t.Errorf("saved brand %+v", b)
	}
	if _, err := query.Parse(b.Query); err != nil {
		t.Error(err)
	}
	if r := m.get(edit + "?saved=1"); !strings.Contains(r.body, "herald reanalyze --workspace a") {
		t.Error("no word on re-analysis after saving")
	}
	if other, _ := f.db.Workspace(ctx, "b"); other.Brands[0].Query != "" {
		t.Error("workspace b's brand changed")
	}

	// Roles, isolation, CSRF.
	for _, email := range []string{"viewer@example.org", "analyst@example.org"} {
		c := f.signedIn(email)
		for _, p := range []string{"/w/a/settings/brands", edit, edit + "/preview?query=acme"} {
			if r := c.get(p); r.status != http.StatusForbidden {
				t.Errorf("%s: GET %s: %d, want 403", email, p, r.status)
			}
		}
		if r := c.post(edit, url.Values{"query": {"x"}, "do": {"save"}}); r.status != http.StatusForbidden {
			t.Errorf("%s: save: %d, want 403", email, r.status)
		}
	}
	for _, p := range []string{"/w/b/settings/brands", "/w/b/settings/brands/acme", "/w/a/settings/brands/nope"} {
		if r := m.get(p); r.status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, r.status)
		}
	}
	if r := m.do("POST", edit, url.Values{"query": {"x"}, "do": {"save"}}, nil); r.status != http.StatusForbidden {
		t.Errorf("save without CSRF token: %d", r.status)
	}
}

package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

func TestNotesAndTags(t *testing.T) {
	f := newFixture(t, Config{})
	ctx := context.Background()
	ws, _ := f.db.Workspace(ctx, "a")
	pa := strconv.FormatInt(f.person["a"], 10)
	pb := strconv.FormatInt(f.person["b"], 10)
	page := "/w/a/people/" + pa

	m := f.signedIn("manager@example.org")
	m.get(page)
	body := "Met at the <b>meetup</b>\nwants a \"sticker\" pack"
	if r := m.post(page+"/notes", url.Values{"body": {body}}); r.status != http.StatusSeeOther || r.header.Get("Location") != page+"#notes" {
		t.Fatalf("add note: %d %q", r.status, r.header.Get("Location"))
	}
	if r := m.post(page+"/notes", url.Values{"body": {"   "}}); r.status != http.StatusBadRequest {
		t.Errorf("empty note: %d, want 400", r.status)
	}
	r := m.get(page)
	if !strings.Contains(r.body, "Met at the &lt;b&gt;meetup&lt;/b&gt;\nwants a &#34;sticker&#34; pack") || !strings.Contains(r.body, "manager@example.org") {
		t.Errorf("the note is not shown escaped with its author")
	}
	notes, _ := f.db.Notes(ctx, ws.ID, f.person["a"])
	if len(notes) != 1 || notes[0].Author != "manager@example.org" {
		t.Fatalf("notes: %+v", notes)
	}
	del := page + "/notes/" + strconv.FormatInt(notes[0].ID, 10) + "/delete"

	// Tags: add, normalized, shown; remove.
	if r := m.post(page+"/tags", url.Values{"tag": {"  VIP   Customer "}}); r.status != http.StatusSeeOther {
		t.Fatalf("add tag: %d", r.status)
	}
	if r := m.post(page+"/tags", url.Values{"tag": {"<script>"}}); r.status != http.StatusBadRequest {
		t.Errorf("bad tag: %d, want 400", r.status)
	}
	if tags, _ := f.db.PersonTags(ctx, ws.ID, f.person["a"]); len(tags) != 1 || tags[0] != "vip customer" {
		t.Errorf("tags %q", tags)
	}
	if r := m.get(page); !strings.Contains(r.body, `class="chip tag">vip customer`) || !strings.Contains(r.body, `action="/w/a/people/`+pa+`/tags/remove"`) {
		t.Error("the person page does not show the tag with a remove button")
	}

	// A viewer and an analyst see notes and tags but no forms, and every
	// POST of theirs is refused.
	for _, email := range []string{"viewer@example.org", "analyst@example.org"} {
		c := f.signedIn(email)
		r := c.get(page)
		if !strings.Contains(r.body, "meetup") || strings.Contains(r.body, `name="body"`) || strings.Contains(r.body, "/delete") ||
			strings.Contains(r.body, "/tags/remove") {
			t.Errorf("%s: the page shows edit forms, or not the note", email)
		}
		for path, form := range map[string]url.Values{page + "/notes": {"body": {"x"}}, del: nil, page + "/tags": {"tag": {"x"}},
			page + "/tags/remove": {"tag": {"vip customer"}}, "/w/a/advocates/tag": {"tag": {"x"}, "person": {pa}}} {
			if r := c.post(path, form); r.status != http.StatusForbidden {
				t.Errorf("%s: POST %s: %d, want 403", email, path, r.status)
			}
		}
	}
	if n, _ := f.db.Notes(ctx, ws.ID, f.person["a"]); len(n) != 1 {
		t.Errorf("%d notes after refused POSTs", len(n))
	}

	// Another workspace's person, or the other workspace, is not found;
	// without the CSRF token nothing happens.
	for _, path := range []string{"/w/a/people/" + pb + "/notes", "/w/b/people/" + pb + "/notes", "/w/a/people/x/notes"} {
		if r := m.post(path, url.Values{"body": {"x"}}); r.status != http.StatusNotFound {
			t.Errorf("POST %s: %d, want 404", path, r.status)
		}
	}
	if r := m.post("/w/a/advocates/tag", url.Values{"tag": {"x"}, "person": {pb}}); r.status != http.StatusNotFound {
		t.Errorf("bulk tag of another workspace's person: %d, want 404", r.status)
	}
	if r := m.do("POST", page+"/notes", url.Values{"body": {"no token"}}, nil); r.status != http.StatusForbidden {
		t.Errorf("note without CSRF token: %d, want 403", r.status)
	}

	// Deleting: the author (here a manager) may; untag.
	if r := m.post(page+"/tags/remove", url.Values{"tag": {"VIP customer"}}); r.status != http.StatusSeeOther {
		t.Errorf("remove tag: %d", r.status)
	}
	if tags, _ := f.db.PersonTags(ctx, ws.ID, f.person["a"]); len(tags) != 0 {
		t.Errorf("tags after removal %q", tags)
	}
	if r := m.post(del, nil); r.status != http.StatusSeeOther {
		t.Errorf("delete note: %d", r.status)
	}
	if r := m.post(del, nil); r.status != http.StatusNotFound {
		t.Errorf("delete a deleted note: %d, want 404", r.status)
	}
}

func TestBulkTagging(t *testing.T) {
	f := newFixture(t, Config{})
	ctx := context.Background()
	ws, _ := f.db.Workspace(ctx, "a")
	m := f.signedIn("manager@example.org")
	r := m.get("/w/a/advocates?brand=acme&network=twitter")
	if !strings.Contains(r.body, `form="bulk-tag"`) || !strings.Contains(r.body, `name="back" value="brand=acme&amp;network=twitter"`) {
		t.Fatalf("the advocates page lacks the bulk tagging form")
	}
	ids := []string{strconv.FormatInt(f.person["a"], 10), strconv.FormatInt(f.person["a:mallory"], 10)}
	r = m.post("/w/a/advocates/tag", url.Values{"tag": {"Ambassadors"}, "person": ids,
		"back": {"brand=acme&network=twitter&evil=1"}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/w/a/advocates?brand=acme&network=twitter" {
		t.Fatalf("bulk tag: %d %q, want a redirect to the same filter", r.status, r.header.Get("Location"))
	}
	if r := m.post("/w/a/advocates/tag", url.Values{"tag": {"x"}}); r.status != http.StatusBadRequest {
		t.Errorf("nobody ticked: %d, want 400", r.status)
	}
	tags, _ := f.db.Tags(ctx, ws.ID)
	if len(tags) != 1 || tags[0].Tag != "ambassadors" || tags[0].People != 2 {
		t.Fatalf("tags %+v", tags)
	}
	r = m.get("/w/a/advocates?tag=ambassadors")
	if n := strings.Count(r.body, `class="person"`); n != 2 || !strings.Contains(r.body, `<option value="ambassadors" selected>`) ||
		!strings.Contains(r.body, `class="chip tag">ambassadors`) {
		t.Errorf("tag filter: %d people, or the tag is not selected or shown", n)
	}
	if r := m.get("/w/a/advocates?tag=%3Cx%3E"); r.status != http.StatusBadRequest {
		t.Errorf("bad tag filter: %d, want 400", r.status)
	}
	if r := f.signedIn("viewer@example.org").get("/w/a/advocates"); strings.Contains(r.body, "bulk-tag") {
		t.Error("a viewer sees the bulk tagging form")
	}
}

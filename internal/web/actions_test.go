package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/store"
)

func TestActionLists(t *testing.T) {
	f := newFixture(t, Config{})
	ctx := context.Background()
	ws, _ := f.db.Workspace(ctx, "a")
	// Mallory, at risk for acme, with a reason quoting their hostile post.
	acts, err := f.db.Activities(ctx, ws.ID, store.ActivityFilter{PersonID: f.person["a:mallory"], Limit: 3})
	if err != nil || len(acts) == 0 {
		t.Fatalf("mallory's posts: %v", err)
	}
	scores, _ := f.db.PersonScores(ctx, ws.ID, f.person["a:mallory"])
	sc := scores[0]
	sc.Flags |= int64(advocacy.FlagAtRisk)
	sc.Reasons, _ = json.Marshal([]advocacy.Reason{{Facet: "at_risk", Why: "positive in 9 of 10 weeks <b>then</b> silent",
		Activities: []int64{acts[0].ID, acts[1].ID, acts[2].ID}}})
	if err := f.db.SaveScores(ctx, ws.ID, []store.ScoredPerson{{PersonID: sc.PersonID, Scores: []store.PersonScore{sc}}}); err != nil {
		t.Fatal(err)
	}
	c := f.signedIn("viewer@example.org")
	r := c.get("/w/a/at-risk")
	if r.status != 200 {
		t.Fatalf("at risk: %d", r.status)
	}
	for _, want := range []string{"positive in 9 of 10 weeks &lt;b&gt;then&lt;/b&gt; silent", "&lt;script&gt;window.__xss=4&lt;/script&gt;",
		`href="/w/a/people/`, `aria-current="page"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("at risk lacks %q", want)
		}
	}
	if n := strings.Count(r.body, "<blockquote>"); n != actionEvidence {
		t.Errorf("at risk quotes %d posts, want %d", n, actionEvidence)
	}
	if strings.Contains(r.body, "<script>window") || strings.Contains(r.body, `href="javascript:`) {
		t.Error("unescaped post or javascript: link on the at-risk list")
	}
	if n := strings.Count(r.body, `class="person"`); n != 1 {
		t.Errorf("at risk: %d people, want 1", n)
	}
	r = c.get("/w/a/competitor-advocates")
	if r.status != 200 || !strings.Contains(r.body, "No one advocates a competitor") {
		t.Errorf("competitor advocates: %d", r.status)
	}
	if r := c.get("/w/a/at-risk?brand=rival"); r.status != 200 || strings.Contains(r.body, "<blockquote>") {
		t.Errorf("at risk for rival: %d", r.status)
	}
	if r := c.get("/w/a/at-risk?brand=nope"); r.status != http.StatusBadRequest {
		t.Errorf("unknown brand: %d, want 400", r.status)
	}
	for _, p := range []string{"/w/b/at-risk", "/w/b/competitor-advocates"} {
		if r := c.get(p); r.status != 404 {
			t.Errorf("%s: %d, want 404", p, r.status)
		}
	}
	if !strings.Contains(c.get("/w/a/").body, `href="/w/a/competitor-advocates"`) {
		t.Error("no Competitor advocates in the navigation")
	}
}

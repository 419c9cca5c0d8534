package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

// varied writes posts of many customers: praise of the espresso, and
// complaints about slow service, one of them hostile.
func (f *fixture) varied(slug string) {
	ctx := context.Background()
	ws, _ := f.db.Workspace(ctx, slug)
	w, err := f.db.NewWriter(ctx, ws.ID, 10)
	if err != nil {
		f.t.Fatal(err)
	}
	for i := range 24 {
		who := herald.Identity{Network: herald.Twitter, ExternalID: "v" + strconv.Itoa(i), Handle: "customer" + strconv.Itoa(i), ObservedAt: t0}
		text, label := "acme espresso is smooth and rich, lovely baristas #"+strconv.Itoa(i), herald.Positive
		if i%2 == 1 {
			text, label = "acme service so slow, cold latte again <script>window.__xss=9</script> "+strconv.Itoa(i), herald.Negative
		}
		a := &herald.Activity{Network: herald.Twitter, ExternalID: "v-p" + strconv.Itoa(i), Kind: herald.KindPost, Author: who,
			CreatedAt: t0.AddDate(0, 0, -i), Text: text,
			Brands: []herald.BrandMention{{BrandID: ws.Brands[0].ID, Brand: "acme", Source: herald.MatchKeyword,
				Stance: herald.Stance{Sentiment: herald.Sentiment{Label: label}}}}}
		if _, err := w.PutActivity(ctx, a); err != nil {
			f.t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		f.t.Fatal(err)
	}
}

func TestDrivers(t *testing.T) {
	f := newFixture(t, Config{})
	f.varied("a")
	c := f.signedIn("analyst@example.org")
	r := c.get("/w/a/drivers?compare=positive:negative&days=90")
	if r.status != 200 {
		t.Fatalf("drivers: %d", r.status)
	}
	for _, want := range []string{"Praise", "Complaints", `class="zbar"`, `<span class="term">espresso`, `<span class="term">slow`, "acme espresso is smooth",
		"&lt;script&gt;window.__xss=9&lt;/script&gt;", `<option value="positive:negative" selected>`, `aria-current="page"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("drivers lack %q", want)
		}
	}
	if strings.Contains(r.body, "<script>window") {
		t.Error("an example post is not escaped")
	}
	// The period presets keep the comparison.
	if !strings.Contains(r.body, `href="?brand=acme&amp;compare=positive%3Anegative&amp;days=7"`) {
		t.Error("the period presets lose the comparison")
	}
	for _, q := range []string{"", "?compare=brand:competitor&brand=rival", "?compare=advocates:satisfied&from=2026-01-01&to=2026-03-10"} {
		if r := c.get("/w/a/drivers" + q); r.status != 200 {
			t.Errorf("drivers%s: %d", q, r.status)
		}
	}
	for _, q := range []string{"?compare=x:y", "?brand=nope", "?from=2026-03-01&to=2026-01-01", "?days=0"} {
		if r := c.get("/w/a/drivers" + q); r.status != http.StatusBadRequest {
			t.Errorf("drivers%s: %d, want 400", q, r.status)
		}
	}
	v := f.signedIn("viewer@example.org")
	if r := v.get("/w/a/drivers"); r.status != http.StatusForbidden {
		t.Errorf("viewer on drivers: %d, want 403", r.status)
	}
	if strings.Contains(v.get("/w/a/").body, "/w/a/drivers") {
		t.Error("a viewer sees Drivers in the navigation")
	}
	if r := c.get("/w/b/drivers"); r.status != http.StatusNotFound {
		t.Errorf("other workspace's drivers: %d, want 404", r.status)
	}
}

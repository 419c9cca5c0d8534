package insight_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/store/storetest"
	"github.com/herald-advocacy/herald/internal/text/query"
)

func TestPreviewQuery(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t, storetest.Engine{Name: "sqlite", DSN: storetest.SQLiteDSN})
	ws := &herald.Workspace{Slug: "p", Name: "P", Brands: []herald.Brand{{Slug: "acme", Name: "Acme", Role: herald.RoleOwn}}}
	if err := db.SyncWorkspace(ctx, ws); err != nil {
		t.Fatal(err)
	}
	w, err := db.NewWriter(ctx, ws.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	by := herald.Identity{Network: herald.Twitter, ExternalID: "1", Handle: "ann", ObservedAt: time.Unix(0, 0)}
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	texts := []string{"I love Acme", "acme refund please", "nothing here", "#AcmeCoffee rocks", "", "ACME again"}
	var acts []*herald.Activity
	for i, text := range texts {
		a := &herald.Activity{Network: herald.Twitter, ExternalID: fmt.Sprint(i), Kind: herald.KindPost, Author: by,
			CreatedAt: start.Add(time.Duration(i) * time.Hour), Text: text}
		if text == "" {
			a.Kind, a.Subject = herald.KindLike, "0"
		}
		acts = append(acts, a)
	}
	if _, err := w.PutActivities(ctx, acts); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		src                    string
		scan, limit            int
		scanned, matched, hits int
		first                  string
	}{
		{"acme AND NOT refund", 100, 10, 5, 3, 3, "ACME again"}, // #AcmeCoffee's CamelCase part counts
		{"acme OR #acme", 100, 1, 5, 4, 1, "ACME again"},
		{"acme", 2, 10, 2, 2, 2, "ACME again"}, // the two newest posts with text (the like has none)
		{"zebra", 100, 10, 5, 0, 0, ""},
	} {
		p, err := insight.PreviewQuery(ctx, db, ws.ID, c.src, c.scan, c.limit)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		if p.Scanned != c.scanned || p.Matched != c.matched || len(p.Hits) != c.hits {
			t.Errorf("%s: scanned %d matched %d hits %d; want %d %d %d", c.src, p.Scanned, p.Matched, len(p.Hits), c.scanned, c.matched, c.hits)
			continue
		}
		if c.hits > 0 {
			h := p.Hits[0]
			if h.Activity.Text != c.first || len(h.Spans) == 0 || h.Activity.Text[h.Spans[0].Start:h.Spans[0].End] != "ACME" {
				t.Errorf("%s: first hit %q spans %v", c.src, h.Activity.Text, h.Spans)
			}
		}
	}
	_, err = insight.PreviewQuery(ctx, db, ws.ID, "acme AND (refund", 100, 10)
	var qe *query.Error
	if !errors.As(err, &qe) || qe.Line != 1 {
		t.Fatalf("bad query: %v", err)
	}
}

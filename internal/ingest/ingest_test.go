package ingest_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

var now = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)

// lines is a toy format: one record per line, "id|handle|text|likes",
// with "ERR reason" lines standing for records the format rejects.
func lines(ctx context.Context, r io.Reader, emit herald.Emit) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	for i, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		rec := herald.Record{Pos: int64(i + 1), Raw: []byte(l)}
		if reason, ok := strings.CutPrefix(l, "ERR "); ok {
			rec.Err = errors.New(reason)
		} else {
			f := strings.Split(l, "|")
			likes := int64(0)
			if f[3] == "-5" {
				likes = -5
			}
			rec.Activity = &herald.Activity{Network: herald.Twitter, ExternalID: f[0], Kind: herald.KindPost,
				Author: herald.Identity{Handle: f[1], Followers: -1, Following: -1}, CreatedAt: now.Add(-time.Hour),
				Text: f[2], Metrics: herald.Metrics{Likes: likes, Shares: -1, Replies: -1, Quotes: -1}}
			if f[2] == "future" {
				rec.Activity.CreatedAt = now.Add(72 * time.Hour)
			}
		}
		if err := emit(rec); err != nil {
			return err
		}
	}
	return nil
}

type tagAll struct{ brand herald.Brand }

func (t tagAll) Tag(a *herald.Activity) {
	a.Brands = []herald.BrandMention{{BrandID: t.brand.ID, Brand: t.brand.Slug, Source: herald.MatchKeyword}}
}

func setup(t *testing.T, db *store.DB) *herald.Workspace {
	w := &herald.Workspace{Slug: "w", Name: "W", Brands: []herald.Brand{{Slug: "acme", Name: "Acme", Role: herald.RoleOwn}}}
	if err := db.SyncWorkspace(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	return w
}

func run(t *testing.T, db *store.DB, ws *herald.Workspace, input string, opt ingest.Options) (ingest.Counts, error) {
	t.Helper()
	ctx := context.Background()
	batch := 3
	if opt.Strict {
		batch = 0
	}
	w, err := db.NewWriter(ctx, ws.ID, batch)
	if err != nil {
		t.Fatal(err)
	}
	opt.Now = func() time.Time { return now }
	opt.Analyzer = tagAll{ws.Brands[0]}
	c, err := ingest.Run(ctx, w, ingest.Source{Name: "in.txt", R: strings.NewReader(input), Size: int64(len(input)), Parse: lines}, opt)
	if err != nil {
		w.Rollback()
		return c, err
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return c, nil
}

const input = `1|alice|hello|0
2|bob|hi|0
ERR truncated JSON
3||no author|0
4|carol|future|0
5|dan|negative|-5
1|alice|hello|0
6|erin|last|0`

func TestRunCountsAndRejects(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ws := setup(t, db)
		var got []ingest.Reject
		sink := &ingest.RejectFiles{Dir: t.TempDir()}
		c, err := run(t, db, ws, input, ingest.Options{Rejects: sink, OnReject: func(r ingest.Reject) { got = append(got, r) }})
		if err != nil {
			t.Fatal(err)
		}
		want := ingest.Counts{Read: 8, Created: 3, Unchanged: 1, Rejected: 4}
		if c != want {
			t.Errorf("counts %+v, want %+v", c, want)
		}
		wantPos := []int64{3, 4, 5, 6}
		wantReason := []string{"truncated JSON", "author: missing", "in the future", "negative like count"}
		for i, r := range got {
			if r.Pos != wantPos[i] || !strings.Contains(r.Reason, wantReason[i]) {
				t.Errorf("reject %d = %s, want line %d with %q", i, r.Error(), wantPos[i], wantReason[i])
			}
		}
		if err := sink.Close(); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(sink.Dir, "in.rejects.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if want := "ERR truncated JSON\n3||no author|0\n4|carol|future|0\n5|dan|negative|-5\n"; string(raw) != want {
			t.Errorf("rejects file %q, want %q", raw, want)
		}
		acts, _ := db.Activities(context.Background(), ws.ID, store.ActivityFilter{})
		if len(acts) != 3 || len(acts[0].Brands) != 1 {
			t.Errorf("stored %d activities (brands %v), want 3 tagged", len(acts), acts)
		}
		// The same input again changes nothing.
		c2, _ := run(t, db, ws, input, ingest.Options{})
		if c2.Created != 0 || c2.Unchanged != 4 {
			t.Errorf("second run %+v, want 0 created, 4 unchanged", c2)
		}
	})
}

func TestStrictStoresNothing(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ws := setup(t, db)
		_, err := run(t, db, ws, input, ingest.Options{Strict: true})
		if !errors.Is(err, ingest.ErrStrict) || !strings.Contains(err.Error(), "in.txt:3: truncated JSON") {
			t.Fatalf("err = %v, want strict error at in.txt:3", err)
		}
		st, _ := db.Status(context.Background(), ws.ID)
		if st.Activities != 0 || st.People != 0 {
			t.Errorf("strict failure left %d activities, %d people", st.Activities, st.People)
		}
	})
}

func TestPreambleAndPaths(t *testing.T) {
	dir := t.TempDir()
	s := &ingest.RejectFiles{}
	for src, want := range map[[2]string]string{
		{filepath.Join(dir, "Tweets.csv"), "csv"}:     filepath.Join(dir, "Tweets.rejects.csv"),
		{filepath.Join(dir, "page.json"), "mastodon"}: filepath.Join(dir, "page.rejects.jsonl"),
		{filepath.Join(dir, "events"), "bluesky"}:     filepath.Join(dir, "events.rejects.jsonl"),
		{"-", "activitystreams"}:                      "stdin.rejects.jsonl",
		{"-", "csv"}:                                  "stdin.rejects.csv",
	} {
		if got := s.PathFor(src[0], src[1]); got != want {
			t.Errorf("PathFor(%s) = %s, want %s", src, got, want)
		}
	}
	src := filepath.Join(dir, "x.csv")
	s.Write(ingest.Reject{Source: src, Format: "csv", Raw: []byte("1,a")}, []byte("id,name"))
	s.Write(ingest.Reject{Source: src, Format: "csv", Raw: []byte("2,b\n")}, []byte("id,name"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(s.PathFor(src, "csv")); string(b) != "id,name\n1,a\n2,b\n" {
		t.Errorf("rejects file %q", b)
	}
}

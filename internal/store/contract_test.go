package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func workspace(slug string) *herald.Workspace {
	return &herald.Workspace{Slug: slug, Name: "WS " + slug, Brands: []herald.Brand{
		{Slug: "acme", Name: "Acme", Role: herald.RoleOwn, Handles: map[herald.Network][]string{herald.Twitter: {"acme"}},
			Hashtags: []string{"acme"}, Keywords: []string{"Acme"}, Employees: []herald.AccountRef{{Network: herald.Twitter, Handle: "bob"}}},
		{Slug: "rival", Name: "Rival", Role: herald.RoleCompetitor},
	}}
}

func author(id, handle string) herald.Identity {
	return herald.Identity{Network: herald.Twitter, ExternalID: id, Handle: handle, DisplayName: "Name " + handle,
		Followers: 10, Following: 5, ObservedAt: t0}
}

func post(id string, by herald.Identity, text string) *herald.Activity {
	return &herald.Activity{Network: herald.Twitter, ExternalID: id, Kind: herald.KindPost, Author: by,
		CreatedAt: t0, Text: text, Metrics: herald.Metrics{Likes: 1, Shares: 2, Replies: 0, Quotes: -1}}
}

func mustSync(t *testing.T, db *store.DB, w *herald.Workspace) *herald.Workspace {
	t.Helper()
	if err := db.SyncWorkspace(context.Background(), w); err != nil {
		t.Fatalf("SyncWorkspace: %v", err)
	}
	return w
}

// put stores activities in one writer and returns their outcomes.
func put(t *testing.T, db *store.DB, ws int64, acts ...*herald.Activity) []herald.Outcome {
	t.Helper()
	ctx := context.Background()
	w, err := db.NewWriter(ctx, ws, 2)
	if err != nil {
		t.Fatalf("NewWriter: %v", err)
	}
	var outs []herald.Outcome
	for _, a := range acts {
		o, err := w.PutActivity(ctx, a)
		if err != nil {
			t.Fatalf("PutActivity %s: %v", a.ExternalID, err)
		}
		outs = append(outs, o)
	}
	if err := w.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return outs
}

func list(t *testing.T, db *store.DB, ws int64, f store.ActivityFilter) []herald.Activity {
	t.Helper()
	acts, err := db.Activities(context.Background(), ws, f)
	if err != nil {
		t.Fatalf("Activities: %v", err)
	}
	return acts
}

func TestWorkspaceSync(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := mustSync(t, db, workspace("a"))
		id := w.ID
		w2 := workspace("a")
		w2.Name = "Renamed"
		w2.Brands[1].Keywords = []string{"rivalco"}
		mustSync(t, db, w2)
		if w2.ID != id {
			t.Fatalf("second sync got id %d, want %d", w2.ID, id)
		}
		got, err := db.Workspace(ctx, "a")
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Renamed" || len(got.Brands) != 2 {
			t.Fatalf("got %+v", got)
		}
		own, _ := got.Own()
		if own.Slug != "acme" || own.Handles[herald.Twitter][0] != "acme" || own.Employees[0].Handle != "bob" {
			t.Errorf("own brand round trip: %+v", own)
		}
		if r, _ := got.Brand("rival"); r.Keywords[0] != "rivalco" {
			t.Errorf("rival keywords %v, want [rivalco]", r.Keywords)
		}
		if _, err := db.Workspace(ctx, "missing"); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("missing workspace: got %v, want not_found", err)
		}
	})
}

func TestActivityIdempotence(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ws := mustSync(t, db, workspace("a")).ID
		alice := author("1", "alice")
		a := post("100", alice, "hello @acme")
		a.Brands = []herald.BrandMention{{BrandID: 1, Brand: "acme", Source: herald.MatchMention, Direct: true}}
		w, _ := db.Workspace(context.Background(), "a")
		a.Brands[0].BrandID = w.Brands[0].ID
		if got := put(t, db, ws, a, post("101", alice, "second")); got[0] != store.Created || got[1] != store.Created {
			t.Fatalf("first import outcomes %v, want created", got)
		}
		if got := put(t, db, ws, a); got[0] != store.Unchanged {
			t.Fatalf("re-import outcome %v, want unchanged", got[0])
		}
		b := *a
		b.Metrics.Likes = 7
		b.Metrics.Shares = -1 // unknown: keeps 2
		if got := put(t, db, ws, &b); got[0] != store.Updated {
			t.Fatalf("changed count outcome %v, want updated", got[0])
		}
		acts := list(t, db, ws, store.ActivityFilter{})
		if len(acts) != 2 {
			t.Fatalf("got %d activities, want 2", len(acts))
		}
		if m := acts[0].Metrics; m.Likes != 7 || m.Shares != 2 {
			t.Errorf("metrics %+v, want likes 7 shares 2", m)
		}
		if len(acts[0].Brands) != 1 || acts[0].Brands[0].Brand != "acme" || !acts[0].Brands[0].Direct {
			t.Errorf("brands %+v", acts[0].Brands)
		}
		if acts[0].Author.Handle != "alice" || acts[0].Author.PersonID == 0 {
			t.Errorf("author %+v", acts[0].Author)
		}
	})
}

func TestTombstone(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ws := mustSync(t, db, workspace("a")).ID
		a := post("100", author("1", "alice"), "secret")
		put(t, db, ws, a)
		w, _ := db.NewWriter(ctx, ws, 0)
		if o, err := w.Tombstone(ctx, a.Key()); err != nil || o != store.Updated {
			t.Fatalf("Tombstone = %v, %v; want updated", o, err)
		}
		if o, _ := w.Tombstone(ctx, herald.Key{Network: herald.Twitter, ExternalID: "nope"}); o != store.Unchanged {
			t.Errorf("tombstone of unknown = %v, want unchanged", o)
		}
		w.Commit()
		if got := put(t, db, ws, a); got[0] != store.Unchanged {
			t.Errorf("re-import of deleted = %v, want unchanged (stays deleted)", got[0])
		}
		if n := len(list(t, db, ws, store.ActivityFilter{})); n != 0 {
			t.Errorf("live activities %d, want 0", n)
		}
		all := list(t, db, ws, store.ActivityFilter{Deleted: true})
		if len(all) != 1 || !all[0].Deleted || all[0].Text != "" {
			t.Errorf("tombstone %+v, want deleted with no text", all)
		}
	})
}

func TestWorkspaceIsolation(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustSync(t, db, workspace("a")).ID
		b := mustSync(t, db, workspace("b")).ID
		put(t, db, a, post("100", author("1", "alice"), "in a"))
		if got := put(t, db, b, post("100", author("1", "alice"), "in b")); got[0] != store.Created {
			t.Fatalf("same id in workspace b: %v, want created", got[0])
		}
		put(t, db, b, post("200", author("2", "bea"), "only b"))
		if acts := list(t, db, a, store.ActivityFilter{}); len(acts) != 1 || acts[0].Text != "in a" {
			t.Errorf("workspace a sees %+v", acts)
		}
		sa, _ := db.Status(ctx, a)
		sb, _ := db.Status(ctx, b)
		if sa.Activities != 1 || sa.People != 1 || sb.Activities != 2 || sb.People != 2 {
			t.Errorf("status a %+v b %+v", sa, sb)
		}
		bea, err := db.FindIdentity(ctx, b, herald.AccountRef{Network: herald.Twitter, Handle: "bea"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindIdentity(ctx, a, herald.AccountRef{Network: herald.Twitter, Handle: "bea"}); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("workspace a finds b's identity: %v", err)
		}
		if _, err := db.Person(ctx, a, bea.PersonID); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("workspace a reads b's person: %v", err)
		}
		aliceA, _ := db.FindIdentity(ctx, a, herald.AccountRef{Network: herald.Twitter, Handle: "alice"})
		if _, err := db.LinkIdentities(ctx, a, []int64{aliceA.ID, bea.ID}); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("linking across workspaces: %v, want not_found", err)
		}
	})
}

func TestIdentitySnapshots(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ws := mustSync(t, db, workspace("a")).ID
		// Handle-only first (a CSV), then the API with a real id: one identity.
		csv := herald.Identity{Network: herald.Twitter, ExternalID: "@alice", Handle: "Alice", Followers: -1, Following: -1, ObservedAt: t0}
		put(t, db, ws, post("1", csv, "from csv"))
		api := author("42", "alice")
		api.Bio, api.Followers, api.ObservedAt = "coffee", 900, t0.Add(time.Hour)
		put(t, db, ws, post("2", api, "from api"))
		older := author("42", "alice_old")
		older.ObservedAt = t0.Add(-time.Hour)
		put(t, db, ws, post("3", older, "older snapshot"))
		sparse := herald.Identity{Network: herald.Twitter, ExternalID: "42", Followers: -1, Following: -1, ObservedAt: t0.Add(2 * time.Hour)}
		put(t, db, ws, post("4", sparse, "sparse snapshot"))
		i, err := db.FindIdentity(ctx, ws, herald.AccountRef{Network: herald.Twitter, Handle: "ALICE"})
		if err != nil {
			t.Fatal(err)
		}
		if i.ExternalID != "42" || i.Handle != "alice" || i.Bio != "coffee" || i.Followers != 900 {
			t.Errorf("identity %+v, want id 42, handle alice, bio coffee, 900 followers", i)
		}
		st, _ := db.Status(ctx, ws)
		if st.Identities != 1 || st.People != 1 {
			t.Errorf("identities %d people %d, want 1 and 1", st.Identities, st.People)
		}
		// Handle-only again after the real id is known: same account.
		put(t, db, ws, post("5", csv, "csv again"))
		if st, _ := db.Status(ctx, ws); st.Identities != 1 {
			t.Errorf("identities after handle-only re-import %d, want 1", st.Identities)
		}
	})
}

func TestLinkUnlink(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ws := mustSync(t, db, workspace("a")).ID
		tw := author("1", "alice")
		md := herald.Identity{Network: herald.Mastodon, ExternalID: "https://m.example/users/alice", Handle: "alice@m.example",
			Followers: 3, Following: 1, ObservedAt: t0}
		put(t, db, ws, post("1", tw, "tw"))
		m := post("https://m.example/1", md, "toot")
		m.Network = herald.Mastodon
		put(t, db, ws, m)
		i1, _ := db.FindIdentity(ctx, ws, herald.AccountRef{Network: herald.Twitter, Handle: "alice"})
		i2, _ := db.FindIdentity(ctx, ws, herald.AccountRef{Network: herald.Mastodon, Handle: "alice@m.example"})
		pid, err := db.LinkIdentities(ctx, ws, []int64{i1.ID, i2.ID})
		if err != nil || pid != i1.PersonID {
			t.Fatalf("LinkIdentities = %d, %v; want %d", pid, err, i1.PersonID)
		}
		p, _ := db.Person(ctx, ws, pid)
		if len(p.Identities) != 2 {
			t.Fatalf("linked person has %d identities, want 2", len(p.Identities))
		}
		if acts := list(t, db, ws, store.ActivityFilter{PersonID: pid}); len(acts) != 2 {
			t.Errorf("person's activities %d, want 2", len(acts))
		}
		if st, _ := db.Status(ctx, ws); st.People != 1 {
			t.Errorf("people after link %d, want 1", st.People)
		}
		back, err := db.UnlinkIdentity(ctx, ws, i2.ID)
		if err != nil || back != i2.PersonID {
			t.Fatalf("UnlinkIdentity = %d, %v; want %d", back, err, i2.PersonID)
		}
		if p, _ := db.Person(ctx, ws, pid); len(p.Identities) != 1 {
			t.Errorf("after unlink %d identities, want 1", len(p.Identities))
		}
	})
}

func TestStrictRollback(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ws := mustSync(t, db, workspace("a")).ID
		w, err := db.NewWriter(ctx, ws, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"1", "2", "3"} {
			if _, err := w.PutActivity(ctx, post(id, author("9", "zed"), "x")); err != nil {
				t.Fatal(err)
			}
		}
		w.Rollback()
		st, _ := db.Status(ctx, ws)
		if st.Activities != 0 || st.Identities != 0 || st.People != 0 {
			t.Errorf("after rollback: %+v, want nothing", st)
		}
	})
}

func TestStatusAndImports(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := mustSync(t, db, workspace("a"))
		r := post("2", author("1", "alice"), "reply")
		r.Kind, r.CreatedAt = herald.KindReply, t0.Add(48*time.Hour)
		r.Brands = []herald.BrandMention{{BrandID: w.Brands[1].ID, Brand: "rival", Source: herald.MatchKeyword}}
		put(t, db, w.ID, post("1", author("1", "alice"), "post"), r)
		st, err := db.Status(ctx, w.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !st.First.Equal(t0) || !st.Last.Equal(t0.Add(48*time.Hour)) {
			t.Errorf("range %v..%v", st.First, st.Last)
		}
		if len(st.ByKind) != 2 || len(st.ByBrand) != 2 || st.ByBrand[0].Key != "rival" || st.ByBrand[0].Count != 1 {
			t.Errorf("by kind %v by brand %v", st.ByKind, st.ByBrand)
		}
		j := &store.ImportJob{WorkspaceID: w.ID, Source: "f.jsonl", Format: "activitystreams"}
		if err := db.StartImport(ctx, j); err != nil {
			t.Fatal(err)
		}
		j.Status, j.Read, j.Created, j.Rejected = "done", 3, 2, 1
		if err := db.FinishImport(ctx, j); err != nil {
			t.Fatal(err)
		}
		jobs, err := db.Imports(ctx, w.ID, 10)
		if err != nil || len(jobs) != 1 || jobs[0].Created != 2 || jobs[0].Rejected != 1 || jobs[0].Status != "done" {
			t.Errorf("Imports = %+v, %v", jobs, err)
		}
	})
}

// TestBatchOrder stores one batch holding the same activity twice and the
// same account by handle and then by id: the batch behaves like the records
// one by one.
func TestBatchOrder(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ws := mustSync(t, db, workspace("a")).ID
		byHandle := herald.Identity{Network: herald.Twitter, ExternalID: "@zoe", Handle: "Zoe", Followers: -1, Following: -1, ObservedAt: t0}
		byID := author("77", "zoe")
		byID.ObservedAt = t0.Add(time.Minute)
		first := post("1", byHandle, "v1")
		again := post("1", byHandle, "v2")
		other := post("2", byID, "by id")
		w, err := db.NewWriter(ctx, ws, 0)
		if err != nil {
			t.Fatal(err)
		}
		outs, err := w.PutActivities(ctx, []*herald.Activity{first, again, other, post("3", author("78", "yan"), "x")})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		want := []herald.Outcome{store.Created, store.Updated, store.Created, store.Created}
		for k := range want {
			if outs[k] != want[k] {
				t.Errorf("outcome %d = %v, want %v", k, outs[k], want[k])
			}
		}
		acts := list(t, db, ws, store.ActivityFilter{})
		if len(acts) != 3 || acts[0].Text != "v2" {
			t.Fatalf("activities %+v, want 3 with the later text kept", acts)
		}
		if acts[0].Author.ID != acts[1].Author.ID || acts[1].Author.ExternalID != "77" {
			t.Errorf("handle-only and real-id records of one account: identities %d and %d (%s), want one with id 77",
				acts[0].Author.ID, acts[1].Author.ID, acts[1].Author.ExternalID)
		}
	})
}

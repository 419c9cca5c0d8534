package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

// personOf stores a post by handle in the workspace and returns its author.
func personOf(t *testing.T, db *store.DB, ws int64, id, handle string) int64 {
	t.Helper()
	put(t, db, ws, post("p"+id, author(id, handle), "hi"))
	ident, err := db.FindIdentity(context.Background(), ws, herald.AccountRef{Network: herald.Twitter, Handle: handle})
	if err != nil {
		t.Fatal(err)
	}
	return ident.PersonID
}

func TestNotes(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, b := mustSync(t, db, workspace("na")), mustSync(t, db, workspace("nb"))
		ann := personOf(t, db, a.ID, "1", "ann")
		bea := personOf(t, db, b.ID, "2", "bea")
		n1 := herald.Note{WorkspaceID: a.ID, PersonID: ann, Author: "cm@example.com", Body: "  met at the meetup  "}
		if err := db.AddNote(ctx, &n1); err != nil {
			t.Fatal(err)
		}
		n2 := herald.Note{WorkspaceID: a.ID, PersonID: ann, Author: "token:crm", Body: "<script>alert(1)</script> stays text"}
		if err := db.AddNote(ctx, &n2); err != nil {
			t.Fatal(err)
		}
		got, err := db.Notes(ctx, a.ID, ann)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].ID != n2.ID || got[1].Body != "met at the meetup" || got[1].Author != "cm@example.com" ||
			got[0].Body != n2.Body || !got[1].CreatedAt.Equal(n1.CreatedAt) {
			t.Fatalf("notes %+v", got)
		}
		for _, bad := range []herald.Note{
			{WorkspaceID: a.ID, PersonID: bea, Author: "x", Body: "another workspace's person"},
			{WorkspaceID: a.ID, PersonID: 999999, Author: "x", Body: "nobody"},
		} {
			if err := db.AddNote(ctx, &bad); herald.ErrorCode(err) != herald.ENotFound {
				t.Errorf("note on person %d of another workspace or none: %v, want not found", bad.PersonID, err)
			}
		}
		if err := db.AddNote(ctx, &herald.Note{WorkspaceID: a.ID, PersonID: ann, Body: " "}); herald.ErrorCode(err) != herald.EInvalid {
			t.Errorf("empty note: %v", err)
		}
		if err := db.DeleteNote(ctx, b.ID, n1.ID); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("deleting a note from another workspace: %v, want not found", err)
		}
		if err := db.DeleteNote(ctx, a.ID, n1.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Notes(ctx, a.ID, ann); len(got) != 1 || got[0].ID != n2.ID {
			t.Fatalf("after delete: %+v", got)
		}
		if got, _ := db.Notes(ctx, b.ID, ann); len(got) != 0 {
			t.Fatalf("workspace b sees a's notes: %+v", got)
		}
	})
}

func TestTags(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, b := mustSync(t, db, workspace("ta")), mustSync(t, db, workspace("tb"))
		ann, bob := personOf(t, db, a.ID, "1", "ann"), personOf(t, db, a.ID, "2", "bob")
		bea := personOf(t, db, b.ID, "3", "bea")
		if n, err := db.TagPeople(ctx, a.ID, " VIP ", []int64{ann, bob, ann}); err != nil || n != 2 {
			t.Fatalf("tag: %d, %v", n, err)
		}
		if n, err := db.TagPeople(ctx, a.ID, "vip", []int64{ann}); err != nil || n != 0 {
			t.Fatalf("tag again: %d, %v", n, err)
		}
		if _, err := db.TagPeople(ctx, a.ID, "beta", []int64{ann}); err != nil {
			t.Fatal(err)
		}
		// another workspace's person fails the whole call
		if _, err := db.TagPeople(ctx, a.ID, "press", []int64{bob, bea}); herald.ErrorCode(err) != herald.ENotFound {
			t.Fatalf("tagging another workspace's person: %v", err)
		}
		if _, err := db.TagPeople(ctx, a.ID, "a,b", []int64{ann}); herald.ErrorCode(err) != herald.EInvalid {
			t.Fatalf("bad tag: %v", err)
		}
		if tags, err := db.PersonTags(ctx, a.ID, ann); err != nil || !slices.Equal(tags, []string{"beta", "vip"}) {
			t.Fatalf("ann's tags %v %v", tags, err)
		}
		if tags, _ := db.PersonTags(ctx, a.ID, bob); !slices.Equal(tags, []string{"vip"}) {
			t.Fatalf("bob's tags %v (press must not have been given)", tags)
		}
		all, err := db.Tags(ctx, a.ID)
		if err != nil || len(all) != 2 || all[0] != (store.TagCount{Tag: "beta", People: 1}) || all[1] != (store.TagCount{Tag: "vip", People: 2}) {
			t.Fatalf("tags %+v %v", all, err)
		}
		if other, _ := db.Tags(ctx, b.ID); len(other) != 0 {
			t.Fatalf("workspace b sees tags %+v", other)
		}
		// the advocates filter
		var scored []store.ScoredPerson
		for _, p := range []int64{ann, bob} {
			scored = append(scored, store.ScoredPerson{PersonID: p, Scores: []store.PersonScore{{BrandID: a.Brands[0].ID, Stage: "engaged", AsOf: t0}}})
		}
		if err := db.SaveScores(ctx, a.ID, scored); err != nil {
			t.Fatal(err)
		}
		for tag, want := range map[string][]int64{"vip": {ann, bob}, "beta": {ann}, "none": nil} {
			rows, err := db.Advocates(ctx, a.ID, store.AdvocateFilter{BrandID: a.Brands[0].ID, Tag: tag})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, r := range rows {
				got = append(got, r.PersonID)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("advocates tagged %s: %v, want %v", tag, got, want)
			}
		}
		if n, err := db.UntagPeople(ctx, a.ID, "VIP", []int64{ann, bob}); err != nil || n != 2 {
			t.Fatalf("untag: %d %v", n, err)
		}
		if _, err := db.TagPeople(ctx, a.ID, "x", make([]int64, 10_001)); herald.ErrorCode(err) != herald.EInvalid ||
			!strings.Contains(err.Error(), "10000") {
			t.Fatalf("too many people: %v", err)
		}
	})
}

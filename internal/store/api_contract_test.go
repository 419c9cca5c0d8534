package store_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

func TestTokens(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, b := mustSync(t, db, workspace("a")), mustSync(t, db, workspace("b"))
		hash := func(s string) []byte { h := sha256.Sum256([]byte(s)); return h[:] }
		ta := &herald.Token{WorkspaceID: a.ID, Name: "ci", Scope: herald.ScopeRead, Prefix: "hrld_aa"}
		if err := db.CreateToken(ctx, ta, hash("secret-a")); err != nil || ta.ID == 0 || ta.CreatedAt.IsZero() {
			t.Fatalf("CreateToken: %v %+v", err, ta)
		}
		tb := &herald.Token{WorkspaceID: b.ID, Name: "ci", Scope: herald.ScopeAdmin, Prefix: "hrld_bb", ExpiresAt: t0.Add(time.Hour)}
		if err := db.CreateToken(ctx, tb, hash("secret-b")); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateToken(ctx, &herald.Token{WorkspaceID: a.ID, Name: "dup", Scope: herald.ScopeRead}, hash("secret-a")); err == nil {
			t.Error("a second token with the same secret was accepted")
		}
		if err := db.CreateToken(ctx, &herald.Token{WorkspaceID: a.ID, Scope: "root"}, hash("x")); herald.ErrorCode(err) != herald.EInvalid {
			t.Errorf("bad scope: %v", err)
		}
		got, err := db.TokenByHash(ctx, hash("secret-b"))
		if err != nil || got.ID != tb.ID || got.WorkspaceID != b.ID || got.Scope != herald.ScopeAdmin || !got.ExpiresAt.Equal(tb.ExpiresAt) {
			t.Fatalf("TokenByHash: %v %+v", err, got)
		}
		if _, err := db.TokenByHash(ctx, hash("nope")); herald.ErrorCode(err) != herald.EUnauthorized {
			t.Errorf("unknown token: %v", err)
		}
		if err := db.TouchToken(ctx, ta.ID, t0); err != nil {
			t.Fatal(err)
		}
		if err := db.RevokeToken(ctx, b.ID, ta.ID); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("revoking another workspace's token: %v", err)
		}
		if err := db.RevokeToken(ctx, a.ID, ta.ID); err != nil {
			t.Fatal(err)
		}
		list, err := db.Tokens(ctx, a.ID)
		if err != nil || len(list) != 1 || list[0].RevokedAt.IsZero() || !list[0].LastUsedAt.Equal(t0) || list[0].Active(t0) {
			t.Fatalf("Tokens(a): %v %+v", err, list)
		}
		if list, _ := db.Tokens(ctx, b.ID); len(list) != 1 || !list[0].Active(t0) || list[0].Active(t0.Add(2*time.Hour)) {
			t.Errorf("Tokens(b): %+v", list)
		}
	})
}

func TestPeopleAndCursors(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := mustSync(t, db, workspace("a"))
		other := mustSync(t, db, workspace("b"))
		var acts []*herald.Activity
		for i := range 7 {
			who := author(fmt.Sprint(i), fmt.Sprintf("user_%d", i))
			if i == 3 {
				who.Handle, who.DisplayName = "Zed%", "Zoë 100% Real"
			}
			a := post(fmt.Sprint(100+i), who, "hello @acme")
			a.CreatedAt = t0.Add(time.Duration(i%3) * time.Hour) // ties on created_at
			a.Brands = []herald.BrandMention{{BrandID: w.Brands[0].ID, Brand: "acme", Source: herald.MatchMention, Direct: true}}
			acts = append(acts, a)
		}
		put(t, db, w.ID, acts...)
		put(t, db, other.ID, post("900", author("9", "user_9"), "elsewhere"))

		var ids []int64
		var after int64
		for {
			page, err := db.People(ctx, w.ID, store.PeopleFilter{AfterID: after, Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			for _, p := range page {
				if len(p.Identities) != 1 || p.DisplayName == "" {
					t.Errorf("person %+v", p)
				}
				ids = append(ids, p.ID)
			}
			after = page[len(page)-1].ID
		}
		if len(ids) != 7 {
			t.Fatalf("paged people: %v, want 7", ids)
		}
		for q, want := range map[string]int{"user_": 6, "@USER_1": 1, "zed%": 1, "100%": 1, "%": 1, "_": 6, "nobody": 0} {
			got, err := db.People(ctx, w.ID, store.PeopleFilter{Query: q})
			if err != nil || len(got) != want {
				t.Errorf("People(%q): %d people, %v; want %d", q, len(got), err, want)
			}
		}
		if got, _ := db.People(ctx, w.ID, store.PeopleFilter{Network: herald.Mastodon}); len(got) != 0 {
			t.Errorf("mastodon people: %d", len(got))
		}

		// Newest first, paged by cursor, ties on created_at broken by id.
		var seen []int64
		var cur *store.ActivityCursor
		for {
			page := list(t, db, w.ID, store.ActivityFilter{Newest: true, Before: cur, Limit: 2})
			if len(page) == 0 {
				break
			}
			for _, a := range page {
				seen = append(seen, a.ID)
				if len(a.Brands) != 1 || a.Brands[0].Brand != "acme" {
					t.Errorf("activity %d on a newest-first page: brands %+v", a.ID, a.Brands)
				}
			}
			last := page[len(page)-1]
			cur = &store.ActivityCursor{CreatedAt: last.CreatedAt, ID: last.ID}
		}
		all := list(t, db, w.ID, store.ActivityFilter{Newest: true, Limit: 100})
		if len(seen) != 7 || len(all) != 7 {
			t.Fatalf("paged %d, all %d activities; want 7", len(seen), len(all))
		}
		for i, a := range all {
			if seen[i] != a.ID {
				t.Fatalf("paged order %v differs from one page %v", seen, all)
			}
			if i > 0 && (a.CreatedAt.After(all[i-1].CreatedAt) || a.CreatedAt.Equal(all[i-1].CreatedAt) && a.ID > all[i-1].ID) {
				t.Fatalf("not newest first at %d", i)
			}
		}
	})
}

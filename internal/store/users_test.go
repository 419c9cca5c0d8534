package store_test

import (
	"context"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

func TestUsersAndRoles(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, b := mustSync(t, db, workspace("a")), mustSync(t, db, workspace("b"))
		ann := &store.User{Email: " Ann@Example.org ", Name: "Ann", Admin: true, PasswordHash: []byte("$2a$hash-ann")}
		if err := db.CreateUser(ctx, ann); err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		if ann.ID == 0 || ann.Email != "Ann@Example.org" || ann.CreatedAt.IsZero() {
			t.Errorf("created user %+v", ann)
		}
		dup := &store.User{Email: "ann@EXAMPLE.org", Name: "Other", PasswordHash: []byte("x")}
		if err := db.CreateUser(ctx, dup); herald.ErrorCode(err) != herald.EConflict {
			t.Errorf("duplicate e-mail in another case: %v, want conflict", err)
		}
		for _, bad := range []*store.User{{Email: "no-at-sign", PasswordHash: []byte("x")}, {Email: "a@b.c"}, {Email: "@x", PasswordHash: []byte("x")}} {
			if err := db.CreateUser(ctx, bad); herald.ErrorCode(err) != herald.EInvalid {
				t.Errorf("CreateUser(%+v): %v, want invalid", bad, err)
			}
		}
		vic := &store.User{Email: "vic@example.org", Name: "Vic", PasswordHash: []byte("$2a$hash-vic")}
		if err := db.CreateUser(ctx, vic); err != nil {
			t.Fatal(err)
		}
		if err := db.SetUserWorkspace(ctx, vic.ID, a.ID, store.RoleViewer); err != nil {
			t.Fatalf("SetUserWorkspace: %v", err)
		}
		if err := db.SetUserWorkspace(ctx, vic.ID, a.ID, store.RoleManager); err != nil {
			t.Fatalf("SetUserWorkspace again: %v", err)
		}
		if err := db.SetUserWorkspace(ctx, vic.ID, b.ID, "owner"); herald.ErrorCode(err) != herald.EInvalid {
			t.Errorf("unknown role: %v", err)
		}
		if err := db.SetUserWorkspace(ctx, vic.ID, 9999, store.RoleViewer); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("unknown workspace: %v", err)
		}
		if err := db.SetUserWorkspace(ctx, 9999, a.ID, store.RoleViewer); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("unknown user: %v", err)
		}

		got, err := db.UserByEmail(ctx, "VIC@example.ORG")
		if err != nil {
			t.Fatalf("UserByEmail: %v", err)
		}
		if got.ID != vic.ID || got.Name != "Vic" || string(got.PasswordHash) != "$2a$hash-vic" || got.Admin {
			t.Errorf("UserByEmail = %+v", got)
		}
		if len(got.Workspaces) != 1 || got.Workspaces[0].Slug != "a" || got.Workspaces[0].Role != store.RoleManager {
			t.Errorf("memberships %+v, want manager of a", got.Workspaces)
		}
		if r := got.RoleIn(a.ID); r != store.RoleManager {
			t.Errorf("RoleIn(a) = %q", r)
		}
		if r := got.RoleIn(b.ID); r != "" {
			t.Errorf("RoleIn(b) = %q, want none", r)
		}
		if r := ann.RoleIn(b.ID); r != store.RoleAdmin {
			t.Errorf("admin's RoleIn(b) = %q", r)
		}
		if _, err := db.UserByEmail(ctx, "nobody@example.org"); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("unknown e-mail: %v", err)
		}
		if _, err := db.User(ctx, 424242); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("unknown id: %v", err)
		}

		all, err := db.Users(ctx)
		if err != nil || len(all) != 2 || all[0].Email != "Ann@Example.org" || all[1].Email != "vic@example.org" {
			t.Fatalf("Users = %+v, %v", all, err)
		}
		if len(all[0].Workspaces) != 0 || len(all[1].Workspaces) != 1 {
			t.Errorf("Users memberships: %+v / %+v", all[0].Workspaces, all[1].Workspaces)
		}

		if err := db.SetUserWorkspace(ctx, vic.ID, a.ID, ""); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.User(ctx, vic.ID); len(got.Workspaces) != 0 {
			t.Errorf("after removing the role: %+v", got.Workspaces)
		}
		if err := db.SetUserAdmin(ctx, vic.ID, true); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.User(ctx, vic.ID); !got.Admin {
			t.Error("SetUserAdmin did not stick")
		}
		if err := db.SetPassword(ctx, vic.ID, []byte("$2a$new")); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.User(ctx, vic.ID); string(got.PasswordHash) != "$2a$new" {
			t.Errorf("password hash %q", got.PasswordHash)
		}
		if err := db.SetPassword(ctx, 9999, []byte("x")); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("SetPassword of unknown user: %v", err)
		}
		if err := db.DeleteUser(ctx, vic.ID); err != nil {
			t.Fatalf("DeleteUser: %v", err)
		}
		if err := db.DeleteUser(ctx, vic.ID); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("DeleteUser twice: %v", err)
		}
	})
}

func TestSessions(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ws := mustSync(t, db, workspace("a"))
		u := &store.User{Email: "s@example.org", Name: "S", PasswordHash: []byte("h")}
		if err := db.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if err := db.SetUserWorkspace(ctx, u.ID, ws.ID, store.RoleViewer); err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC().Truncate(time.Millisecond)
		hash := func(s string) []byte { h := sha256.Sum256([]byte(s)); return h[:] }
		s1 := &store.Session{Hash: hash("one"), UserID: u.ID, CSRF: []byte("csrf-1"), ExpiresAt: now.Add(time.Hour)}
		s2 := &store.Session{Hash: hash("two"), UserID: u.ID, CSRF: []byte("csrf-2"), ExpiresAt: now.Add(-time.Minute)}
		for _, s := range []*store.Session{s1, s2} {
			if err := db.CreateSession(ctx, s); err != nil {
				t.Fatalf("CreateSession: %v", err)
			}
		}
		if err := db.CreateSession(ctx, &store.Session{UserID: u.ID}); herald.ErrorCode(err) != herald.EInvalid {
			t.Errorf("session without hash: %v", err)
		}
		got, err := db.SessionByHash(ctx, hash("one"), now)
		if err != nil {
			t.Fatalf("SessionByHash: %v", err)
		}
		if got.UserID != u.ID || string(got.CSRF) != "csrf-1" || !got.ExpiresAt.Equal(s1.ExpiresAt) {
			t.Errorf("session %+v", got)
		}
		if _, err := db.SessionByHash(ctx, hash("two"), now); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("expired session: %v, want not found", err)
		}
		if _, err := db.SessionByHash(ctx, hash("one"), now.Add(2*time.Hour)); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("session after its expiry: %v, want not found", err)
		}
		later := now.Add(30 * time.Minute)
		if err := db.TouchSession(ctx, hash("one"), later, later.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if got, err := db.SessionByHash(ctx, hash("one"), now.Add(80*time.Minute)); err != nil || !got.LastSeenAt.Equal(later) {
			t.Errorf("after touch: %+v, %v", got, err)
		}
		if n, err := db.DeleteExpiredSessions(ctx, now); err != nil || n != 1 {
			t.Errorf("DeleteExpiredSessions = %d, %v; want 1", n, err)
		}
		if err := db.DeleteSession(ctx, hash("one")); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SessionByHash(ctx, hash("one"), now); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("deleted session: %v", err)
		}

		// A new password, a disabled account or a deleted user ends every session.
		for i, end := range []func() error{
			func() error { return db.SetPassword(ctx, u.ID, []byte("h2")) },
			func() error { return db.SetUserDisabled(ctx, u.ID, true) },
			func() error { return db.DeleteUser(ctx, u.ID) },
		} {
			h := hash(string(rune('a' + i)))
			if err := db.CreateSession(ctx, &store.Session{Hash: h, UserID: u.ID, CSRF: []byte("c"), ExpiresAt: now.Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
			if err := end(); err != nil {
				t.Fatal(err)
			}
			if _, err := db.SessionByHash(ctx, h, now); herald.ErrorCode(err) != herald.ENotFound {
				t.Errorf("case %d: session still there: %v", i, err)
			}
		}
	})
}

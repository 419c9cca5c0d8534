package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/store"
)

func TestUsers(t *testing.T) {
	f := newFixture(t, Config{})
	ctx := context.Background()
	ws, _ := f.db.Workspace(ctx, "a")
	a := f.signedIn("wsadmin@example.org")
	r := a.get("/w/a/settings/users")
	if r.status != 200 || !strings.Contains(r.body, "viewer@example.org") || !strings.Contains(r.body, "of every workspace") {
		t.Fatalf("users: %d", r.status)
	}
	// Add a user: they can sign in with the password and have the role.
	if r := a.post("/w/a/settings/users", url.Values{"email": {"new@example.org"}, "name": {"<b>New</b>"}, "role": {"analyst"},
		"password": {testPassword}}); r.status != http.StatusSeeOther {
		t.Fatalf("add user: %d", r.status)
	}
	if r := a.get("/w/a/settings/users?done=added"); !strings.Contains(r.body, "&lt;b&gt;New&lt;/b&gt;") || !strings.Contains(r.body, "The user was added.") {
		t.Error("the new user is not listed, escaped")
	}
	n := f.signedIn("new@example.org")
	if r := n.get("/w/a/drivers"); r.status != 200 {
		t.Errorf("the new analyst on drivers: %d", r.status)
	}
	for _, bad := range []url.Values{{"email": {"x@example.org"}, "role": {"boss"}, "password": {testPassword}},
		{"email": {"x@example.org"}, "role": {"viewer"}, "password": {"short"}}, {"email": {"nope"}, "role": {"viewer"}, "password": {testPassword}}} {
		if r := a.post("/w/a/settings/users", bad); r.status != http.StatusBadRequest {
			t.Errorf("add %v: %d, want 400", bad, r.status)
		}
	}
	u, _ := f.db.UserByEmail(ctx, "new@example.org")
	id := strconv.FormatInt(u.ID, 10)
	if r := a.post("/w/a/settings/users/"+id+"/role", url.Values{"role": {"manager"}}); r.status != http.StatusSeeOther {
		t.Errorf("change role: %d", r.status)
	}
	if u, _ := f.db.User(ctx, u.ID); u.RoleIn(ws.ID) != store.RoleManager {
		t.Errorf("role %q, want manager", u.RoleIn(ws.ID))
	}
	if r := a.post("/w/a/settings/users/"+id+"/disable", url.Values{"disabled": {"1"}}); r.status != http.StatusSeeOther {
		t.Errorf("disable: %d", r.status)
	}
	if r := n.get("/w/a/"); r.status != http.StatusSeeOther {
		t.Errorf("a disabled user's session still works: %d", r.status)
	}
	if r := a.post("/w/a/settings/users/"+id+"/disable", url.Values{"disabled": {"0"}}); r.status != http.StatusSeeOther {
		t.Errorf("enable: %d", r.status)
	}
	if r := a.post("/w/a/settings/users/"+id+"/remove", nil); r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "done=deleted") {
		t.Errorf("remove: %d %q", r.status, r.header.Get("Location"))
	}
	if _, err := f.db.UserByEmail(ctx, "new@example.org"); err == nil {
		t.Error("the removed account (no other workspace) still exists")
	}

	// The last enabled admin of a workspace stays one: with the global
	// admin disabled, a has two workspace admins, then one.
	global, _ := f.db.UserByEmail(ctx, "admin@example.org")
	if err := f.db.SetUserDisabled(ctx, global.ID, true); err != nil {
		t.Fatal(err)
	}
	wa, _ := f.db.UserByEmail(ctx, "wsadmin@example.org")
	if err := f.db.SetUserWorkspace(ctx, mustUser(t, f, "manager@example.org"), ws.ID, store.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	m := f.signedIn("manager@example.org")
	m.get("/w/a/settings/users")
	// Two admins: wsadmin may be demoted...
	if r := m.post("/w/a/settings/users/"+strconv.FormatInt(wa.ID, 10)+"/role", url.Values{"role": {"viewer"}}); r.status != http.StatusSeeOther {
		t.Errorf("demote one of two admins: %d", r.status)
	}
	// ...but then manager@ is the last one: demoting or removing them is refused.
	a = f.signedIn("manager@example.org")
	a.get("/w/a/settings/users")
	me := strconv.FormatInt(mustUser(t, f, "manager@example.org"), 10)
	r = a.post("/w/a/settings/users/"+me+"/role", url.Values{"role": {"viewer"}})
	if r.status != http.StatusConflict || !strings.Contains(r.body, "last admin") {
		t.Errorf("demote the last admin: %d", r.status)
	}
	if r := a.post("/w/a/settings/users/"+me+"/remove", nil); r.status != http.StatusConflict {
		t.Errorf("remove yourself: %d, want 409", r.status)
	}
	if r := a.post("/w/a/settings/users/"+me+"/disable", url.Values{"disabled": {"1"}}); r.status != http.StatusConflict {
		t.Errorf("disable yourself: %d, want 409", r.status)
	}
	if err := f.db.SetUserDisabled(ctx, global.ID, false); err != nil {
		t.Fatal(err)
	}

	// Roles, isolation, CSRF.
	for _, email := range []string{"viewer@example.org", "analyst@example.org"} {
		c := f.signedIn(email)
		if r := c.get("/w/a/settings/users"); r.status != http.StatusForbidden {
			t.Errorf("%s: users page %d, want 403", email, r.status)
		}
		for _, p := range []string{"/w/a/settings/users", "/w/a/settings/users/" + me + "/role", "/w/a/settings/users/" + me + "/disable",
			"/w/a/settings/users/" + me + "/remove"} {
			if r := c.post(p, url.Values{"role": {"admin"}, "email": {"evil@example.org"}, "password": {testPassword}}); r.status != http.StatusForbidden {
				t.Errorf("%s: POST %s: %d, want 403", email, p, r.status)
			}
		}
	}
	g := f.signedIn("admin@example.org")
	g.get("/w/b/settings/users")
	if r := g.post("/w/b/settings/users/"+me+"/role", url.Values{"role": {"viewer"}}); r.status != http.StatusNotFound {
		t.Errorf("a user of a, changed from b: %d, want 404", r.status)
	}
	if r := a.get("/w/b/settings/users"); r.status != http.StatusNotFound {
		t.Errorf("users of b for an admin of a: %d, want 404", r.status)
	}
	if r := g.do("POST", "/w/a/settings/users", url.Values{"email": {"x@example.org"}, "role": {"viewer"}, "password": {testPassword}}, nil); r.status != http.StatusForbidden {
		t.Errorf("add without CSRF token: %d", r.status)
	}
}

func mustUser(t *testing.T, f *fixture, email string) int64 {
	u, err := f.db.UserByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

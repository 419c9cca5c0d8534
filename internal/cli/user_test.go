package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/herald-advocacy/herald/internal/store"
)

// TestUser adds users of every kind, lists them, changes a password and
// removes a user, through the command line.
func TestUser(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "in.jsonl", `{"type":"Create","id":"https://s.example/1/activity","actor":{"type":"Person","id":"https://s.example/u/al","preferredUsername":"al"},"published":"2026-01-02T10:00:00Z","object":{"type":"Note","id":"https://s.example/1","content":"hello","published":"2026-01-02T10:00:00Z"}}`+"\n")
	if r := runCLI(t, dir, "", "import", filepath.Join(dir, "in.jsonl")); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	pwFile := writeFile(t, dir, "pw.txt", "a long enough password\n")
	if r := runCLI(t, dir, "", "user", "add", "--email", "Ada@Example.org", "--name", "Ada", "--role", "admin", "--password-file", pwFile); r.code != 0 ||
		!strings.Contains(r.stderr, "administrator of every workspace") {
		t.Fatalf("add admin: %+v", r)
	}
	// The password from standard input; the only workspace by default.
	if r := runCLI(t, dir, "viewer password 123\n", "user", "add", "--email", "vic@example.org", "--role", "viewer"); r.code != 0 ||
		!strings.Contains(r.stderr, "viewer of default") {
		t.Fatalf("add viewer: %+v", r)
	}
	if r := runCLI(t, dir, "another password\n", "user", "add", "--email", "mo@example.org", "--role", "manager", "--workspace", "default"); r.code != 0 {
		t.Fatalf("add manager: %+v", r)
	}
	for _, bad := range []struct {
		stdin string
		args  []string
		code  int
	}{
		{"long enough pw\n", []string{"user", "add", "--email", "ada@example.org", "--role", "viewer"}, ExitError}, // taken, whatever the case
		{"short\n", []string{"user", "add", "--email", "x@example.org"}, ExitError},
		{"", []string{"user", "add", "--email", "x@example.org"}, ExitUsage},
		{"long enough pw\n", []string{"user", "add", "--email", "x@example.org", "--role", "owner"}, ExitUsage},
		{"long enough pw\n", []string{"user", "add", "--email", "x@example.org", "--workspace", "nope"}, ExitError},
		{"long enough pw\n", []string{"user", "add", "--role", "viewer"}, ExitUsage},
		{"", []string{"user"}, ExitUsage},
		{"", []string{"user", "fly"}, ExitUsage},
		{"", []string{"user", "remove", "--email", "nobody@example.org"}, ExitError},
	} {
		if r := runCLI(t, dir, bad.stdin, bad.args...); r.code != bad.code {
			t.Errorf("%v: %+v, want exit %d", bad.args, r, bad.code)
		}
	}

	r := runCLI(t, dir, "", "user", "list", "--json")
	var us []store.User
	if err := json.Unmarshal([]byte(r.stdout), &us); err != nil || r.code != 0 {
		t.Fatalf("list --json: %v %+v", err, r)
	}
	if len(us) != 3 || us[0].Email != "Ada@Example.org" || !us[0].Admin || us[2].Email != "vic@example.org" ||
		len(us[2].Workspaces) != 1 || us[2].Workspaces[0].Role != store.RoleViewer || us[1].Workspaces[0].Role != store.RoleManager {
		t.Errorf("users: %+v", us)
	}
	if strings.Contains(r.stdout, "$2a$") {
		t.Error("user list shows password hashes")
	}
	if r := runCLI(t, dir, "", "user", "list"); r.code != 0 || !strings.Contains(r.stdout, "default:viewer") {
		t.Errorf("list: %+v", r)
	}

	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(dir, "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check := func(email, pw string) bool {
		u, err := db.UserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		return bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(pw)) == nil
	}
	if !check("vic@example.org", "viewer password 123") || !check("ada@example.org", "a long enough password") {
		t.Fatal("the stored hashes do not match the passwords given")
	}
	if cost, _ := bcrypt.Cost(mustUser(t, db, "vic@example.org").PasswordHash); cost != 12 {
		t.Errorf("bcrypt cost %d, want 12", cost)
	}
	if r := runCLI(t, dir, "a new password!\n", "user", "passwd", "--email", "VIC@example.org"); r.code != 0 {
		t.Fatalf("passwd: %+v", r)
	}
	if !check("vic@example.org", "a new password!") {
		t.Error("passwd did not change the password")
	}
	if r := runCLI(t, dir, "", "user", "remove", "--email", "vic@example.org"); r.code != 0 {
		t.Fatalf("remove: %+v", r)
	}
	if _, err := db.UserByEmail(ctx, "vic@example.org"); err == nil {
		t.Error("the removed user is still there")
	}
}

func mustUser(t *testing.T, db *store.DB, email string) *store.User {
	t.Helper()
	u, err := db.UserByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

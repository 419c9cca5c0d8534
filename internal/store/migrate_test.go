package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testDSNs returns a fresh SQLite path and, when configured, a fresh
// PostgreSQL schema (this internal test cannot use storetest: import cycle).
func testDSNs(t *testing.T) map[string]string {
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "old.db")}
	base := os.Getenv("HERALD_TEST_POSTGRES_URL")
	if base == "" {
		return dsns
	}
	schema := fmt.Sprintf("herald_migrate_%d", time.Now().UnixNano())
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec("DROP SCHEMA " + schema + " CASCADE"); admin.Close() })
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	dsns["postgres"] = base + sep + "search_path=" + schema
	return dsns
}

// TestUpgradeFromVersion1 creates a database as the first release did,
// fills it, and checks that opening it with this version upgrades it in
// place and keeps the data.
func TestUpgradeFromVersion1(t *testing.T) {
	for name, dsn := range testDSNs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			old, err := open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			if err := old.Migrate(ctx, 1); err != nil {
				t.Fatalf("migrate to 1: %v", err)
			}
			for _, q := range []string{
				`INSERT INTO workspaces (slug, name, created_at) VALUES ('w', 'W', 1)`,
				`INSERT INTO persons (workspace_id, display_name, created_at) VALUES (1, '', 1)`,
				`INSERT INTO identities (workspace_id, person_id, origin_person_id, network, external_id, handle, handle_key,
					display_name, bio, followers, following, profile_url, observed_at) VALUES (1, 1, 1, 'twitter', '7', 'al', 'al', '', '', 1, 1, '', 1)`,
				`INSERT INTO activities (workspace_id, network, external_id, kind, identity_id, created_at, text, lang, url,
					in_reply_to, in_reply_to_author, subject, subject_author, conversation, mentions, hashtags, links, media,
					likes, shares, replies, quotes, attributes) VALUES (1, 'twitter', '9', 'post', 1, 1000, 'old', '', '', '', '', '', '', '', '[]', '[]', '[]', 0, 0, 0, 0, 0, '{}')`,
			} {
				if _, err := old.db.ExecContext(ctx, q); err != nil {
					t.Fatalf("fill v1 database: %v", err)
				}
			}
			old.Close()
			db, err := Open(ctx, dsn)
			if err != nil {
				t.Fatalf("open old database: %v", err)
			}
			defer db.Close()
			v, _ := db.Version(ctx)
			all, _ := loadMigrations(db.engine)
			if v != all[len(all)-1].version {
				t.Errorf("version after upgrade %d, want %d", v, all[len(all)-1].version)
			}
			st, err := db.Status(ctx, 1)
			if err != nil || st.Activities != 1 || st.Imports != 0 {
				t.Errorf("status after upgrade %+v, %v", st, err)
			}
		})
	}
}

func TestRefuseNewerSchema(t *testing.T) {
	ctx := context.Background()
	dsn := filepath.Join(t.TempDir(), "new.db")
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)`)
	db.Close()
	if _, err := Open(ctx, dsn); err == nil {
		t.Fatal("opening a database from a newer herald succeeded, want an error")
	}
}

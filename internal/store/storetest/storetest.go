// Package storetest opens real, migrated Herald databases for tests: a fresh
// SQLite file per test, and — when HERALD_TEST_POSTGRES_URL is set — a fresh
// PostgreSQL schema per test on that server.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/herald-advocacy/herald/internal/store"
)

// PostgresEnv names the variable holding the PostgreSQL test server URL.
const PostgresEnv = "HERALD_TEST_POSTGRES_URL"

// Engine is a way to get a fresh database.
type Engine struct {
	Name string
	// DSN returns a DSN for a new, empty database owned by the test.
	DSN func(t testing.TB) string
}

// Engines returns SQLite and, when configured, PostgreSQL. In CI (CI set)
// a missing PostgreSQL URL fails the test instead of skipping it.
func Engines(t testing.TB) []Engine {
	es := []Engine{{Name: "sqlite", DSN: SQLiteDSN}}
	if os.Getenv(PostgresEnv) != "" {
		es = append(es, Engine{Name: "postgres", DSN: PostgresDSN})
	} else if os.Getenv("CI") != "" {
		t.Fatalf("%s is not set: CI must run the PostgreSQL store tests", PostgresEnv)
	}
	return es
}

// SQLiteDSN returns the path of a new SQLite file in the test's temp dir.
func SQLiteDSN(t testing.TB) string { return filepath.Join(t.TempDir(), "herald.db") }

var schemaSeq atomic.Int64

// PostgresDSN creates a new schema on the test server, drops it when the
// test ends, and returns a DSN whose search_path points at it. It skips the
// test when PostgreSQL is not configured.
func PostgresDSN(t testing.TB) string {
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skipf("%s not set", PostgresEnv)
	}
	schema := fmt.Sprintf("herald_test_%d_%d", time.Now().UnixNano(), schemaSeq.Add(1))
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Open opens a migrated database for the engine and closes it when the test
// ends.
func Open(t testing.TB, e Engine) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), e.DSN(t))
	if err != nil {
		t.Fatalf("open %s store: %v", e.Name, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Run runs f as a subtest once per engine.
func Run(t *testing.T, f func(t *testing.T, db *store.DB)) {
	for _, e := range Engines(t) {
		t.Run(e.Name, func(t *testing.T) { f(t, Open(t, e)) })
	}
}

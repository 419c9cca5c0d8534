// Package store persists Herald's domain in SQLite (embedded, the default) or
// PostgreSQL. Both engines run the same hand-written SQL with $N parameters;
// the few differences live in per-dialect migrations. Public methods own
// their transactions; every query is scoped to one workspace.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Engine names a database engine.
type Engine string

// Supported engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// DB is Herald's database handle. It is safe for concurrent use.
type DB struct {
	db     *sql.DB
	engine Engine
	dsn    string
	now    func() time.Time
	// reports keeps computed metrics reports under the data version they
	// were computed at (metrics_cache.go).
	reports *reportCache
}

// Option configures Open.
type Option func(*DB)

// WithClock replaces the wall clock (tests).
func WithClock(now func() time.Time) Option { return func(d *DB) { d.now = now } }

// Open connects to dsn — a postgres:// (or postgresql://) URL, or a SQLite
// file path — and applies pending migrations.
func Open(ctx context.Context, dsn string, opts ...Option) (*DB, error) {
	d, err := open(ctx, dsn, opts...)
	if err != nil {
		return nil, err
	}
	if err := d.Migrate(ctx, 0); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

func open(ctx context.Context, dsn string, opts ...Option) (*DB, error) {
	d := &DB{dsn: dsn, now: time.Now, reports: newReportCache(64)}
	for _, o := range opts {
		o(d)
	}
	var err error
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		d.engine = Postgres
		d.db, err = openPostgres(dsn)
	case dsn == "":
		return nil, fmt.Errorf("open database: no database given (use --db or HERALD_DB)")
	default:
		d.engine = SQLite
		if dir := filepath.Dir(strings.TrimPrefix(dsn, "file:")); !strings.Contains(dsn, "?") {
			if st, serr := os.Stat(dir); serr != nil || !st.IsDir() {
				return nil, fmt.Errorf("open sqlite database %s: directory %s does not exist", dsn, dir)
			}
		}
		d.db, err = sql.Open("sqlite", sqliteDSN(dsn))
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", d.engine, err)
	}
	if err := d.db.PingContext(ctx); err != nil {
		d.db.Close()
		return nil, fmt.Errorf("open %s database %s: %w", d.engine, redact(dsn), err)
	}
	return d, nil
}

// openPostgres opens a pgx-backed pool. Unless the DSN says otherwise, it
// asks the server for custom plans: the writer's batched lookups are
// prepared statements, and a generic plan chosen while a table was still
// empty (a sequential scan) would stay in use as the table grows.
func openPostgres(dsn string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	if _, ok := cfg.RuntimeParams["plan_cache_mode"]; !ok {
		cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	return stdlib.OpenDB(*cfg), nil
}

// sqliteDSN turns a file path into a modernc DSN with Herald's pragmas: WAL
// for concurrent readers, a busy timeout so writers wait instead of failing,
// and enforced foreign keys.
func sqliteDSN(path string) string {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)", "cache_size(-65536)", "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	if strings.HasPrefix(path, "file:") {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		return path + sep + q.Encode()
	}
	return "file:" + path + "?" + q.Encode()
}

// redact hides a password in a postgres URL for error messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Engine reports which database engine d runs on.
func (d *DB) Engine() Engine { return d.engine }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// ms converts a time to stored Unix milliseconds (0 for the zero time).
func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// fromMS converts stored Unix milliseconds back to a UTC time.
func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

// rollback ends tx after a failure; its own error is irrelevant then.
func rollback(tx *sql.Tx) { _ = tx.Rollback() }

// Checkpoint folds SQLite's write-ahead log into the database file, so the
// file alone holds everything (before a copy); a no-op on PostgreSQL.
func (d *DB) Checkpoint(ctx context.Context) error {
	if d.engine != SQLite {
		return nil
	}
	if _, err := d.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

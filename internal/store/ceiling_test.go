package store

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkSQLiteInsertCeiling measures the fastest way SQLite (this
// driver, this schema, these pragmas) can take activity rows: one plain
// prepared INSERT per row, 10,000 rows per transaction, no upsert, no
// authors, no brand rows. It is the ceiling the import writer
// (BenchmarkPutActivities) is measured against; see BENCHMARKS.md.
func BenchmarkSQLiteInsertCeiling(b *testing.B) {
	ctx := context.Background()
	d := ceilingDB(b)
	q := upsertActivityHead + "(" + placeholders(1, activityColumns) + ")"
	text := strings.Repeat("@acme beans staff order cold brew ", 3)
	b.ResetTimer()
	for start := 0; start < b.N; start += 10000 {
		tx, err := d.db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		for i := start; i < min(start+10000, b.N); i++ {
			if _, err := st.ExecContext(ctx, ceilingRow(i, text)...); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// ceilingRow is the i-th activity row of the ceiling benchmarks.
func ceilingRow(i int, text string) []any {
	actor := "https://social" + strconv.Itoa(i%7) + ".example/users/u" + strconv.Itoa(i%20000)
	return []any{int64(1), "mastodon", actor + "/statuses/" + strconv.Itoa(i), "post", int64(1),
		int64(1.6e12) + int64(i)*7000, text, "en", actor + "/" + strconv.Itoa(i), "", "", "", "", "",
		`["acme@brand.example"]`, `["acme"]`, "[]", int64(0), int64(i % 9), int64(i % 3), int64(0), int64(-1), "{}",
		"positive", 0.5, int64(4), "en", `{"version":"v"}`}
}

// BenchmarkSQLiteInsertCeilingMultiRow is BenchmarkSQLiteInsertCeiling
// with 32 rows per INSERT statement: what the per-statement cost of the
// driver leaves when it is paid once for many rows.
func BenchmarkSQLiteInsertCeilingMultiRow(b *testing.B) {
	ctx := context.Background()
	d := ceilingDB(b)
	const per = 32
	var values []string
	for r := range per {
		values = append(values, "("+placeholders(1+r*activityColumns, activityColumns)+")")
	}
	q := upsertActivityHead + strings.Join(values, ", ")
	text := strings.Repeat("@acme beans staff order cold brew ", 3)
	args := make([]any, 0, per*activityColumns)
	b.ResetTimer()
	for start := 0; start < b.N; start += 10016 {
		tx, err := d.db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		for i := start; i < min(start+10016, b.N); i += per {
			args = args[:0]
			for r := range per {
				args = append(args, ceilingRow(i+r, text)...)
			}
			if _, err := st.ExecContext(ctx, args...); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// ceilingDB is a new database with the one workspace, person and identity
// the ceiling benchmarks' rows belong to.
func ceilingDB(b *testing.B) *DB {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(b.TempDir(), "ceiling.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	if _, err := d.db.ExecContext(ctx, `INSERT INTO workspaces (id, slug, name, created_at) VALUES (1, 'w', 'W', 0);
		INSERT INTO persons (id, workspace_id, display_name, created_at) VALUES (1, 1, 'p', 0);
		INSERT INTO identities (id, workspace_id, person_id, origin_person_id, network, external_id, handle, handle_key,
			display_name, bio, followers, following, profile_url, observed_at) VALUES (1, 1, 1, 1, 'mastodon', 'u', 'u', 'u', '', '', 0, 0, '', 0)`); err != nil {
		b.Fatal(err)
	}
	return d
}

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
	d, err := Open(ctx, filepath.Join(b.TempDir(), "ceiling.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	if _, err := d.db.ExecContext(ctx, `INSERT INTO workspaces (id, slug, name, created_at) VALUES (1, 'w', 'W', 0);
		INSERT INTO persons (id, workspace_id, display_name, created_at) VALUES (1, 1, 'p', 0);
		INSERT INTO identities (id, workspace_id, person_id, origin_person_id, network, external_id, handle, handle_key,
			display_name, bio, followers, following, profile_url, observed_at) VALUES (1, 1, 1, 1, 'mastodon', 'u', 'u', 'u', '', '', 0, 0, '', 0)`); err != nil {
		b.Fatal(err)
	}
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
			actor := "https://social" + strconv.Itoa(i%7) + ".example/users/u" + strconv.Itoa(i%20000)
			if _, err := st.ExecContext(ctx, int64(1), "mastodon", actor+"/statuses/"+strconv.Itoa(i), "post", int64(1),
				int64(1.6e12)+int64(i)*7000, text, "en", actor+"/"+strconv.Itoa(i), "", "", "", "", "",
				`["acme@brand.example"]`, `["acme"]`, "[]", int64(0), int64(i%9), int64(i%3), int64(0), int64(-1), "{}",
				"positive", 0.5, int64(4), "en", `{"version":"v"}`); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

package store

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkTopAdvocates measures `herald advocates --top 100` on a
// workspace of HERALD_BENCH_PEOPLE scored people (default 1,000,000), for
// one brand, on SQLite. The people are generated in SQL before the timer.
func BenchmarkTopAdvocates(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("HERALD_BENCH_PEOPLE")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(b.TempDir(), "top.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	for _, q := range []string{
		`INSERT INTO workspaces (id, slug, name, created_at) VALUES (1, 'w', 'W', 0)`,
		`INSERT INTO brands (id, workspace_id, slug, name, role, definition) VALUES (1, 1, 'acme', 'Acme', 'own', '{}')`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ` + strconv.Itoa(n) + `)
			INSERT INTO persons (id, workspace_id, display_name, created_at) SELECT i, 1, 'p' || i, 0 FROM n`,
		`INSERT INTO identities (id, workspace_id, person_id, origin_person_id, network, external_id, handle, handle_key,
			display_name, bio, followers, following, profile_url, observed_at)
			SELECT id, 1, id, id, 'twitter', 'u' || id, 'u' || id, 'u' || id, '', '', id % 5000, 0, '', 0 FROM persons`,
		`INSERT INTO person_scores (workspace_id, person_id, brand_id, score, ordering, stage, flags, tenure, regularity,
			recency, stance, influence, contribution, competitor, reasons, evidence, as_of)
			SELECT 1, id, 1, (id * 7919 % 10000) / 100.0, (id * 7919 % 10000) / 100.0, 'engaged', 0, 0.5, 0.5, 0.5, 0.5, 0.5,
			0.5, 0.1, '[]', '[]', 0 FROM persons`,
	} {
		if _, err := d.db.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		rows, err := d.Advocates(ctx, 1, AdvocateFilter{BrandID: 1, Limit: 100})
		if err != nil || len(rows) != 100 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

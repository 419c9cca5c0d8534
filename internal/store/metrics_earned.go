package store

import (
	"context"
	"fmt"
	"time"
)

// earnedReach fills in EarnedReach and AdvocateMentions: the mentions of
// each brand in the range by its current advocates and champions (read
// from their scores through person_scores_stage, then their accounts and
// activities), each weighted by the person's audience.
func (d *DB) earnedReach(ctx context.Context, ws int64, q MetricsQuery, loc *time.Location, rep *MetricsReport,
	byBrand map[int64]int, index map[int64]int) error {
	rows, err := d.db.QueryContext(ctx, `SELECT ps.brand_id, a.created_at,
		(SELECT MAX(i2.followers) FROM identities i2 WHERE i2.person_id = ps.person_id)
		FROM person_scores ps
		JOIN identities i ON i.person_id = ps.person_id
		JOIN activities a ON a.identity_id = i.id
		JOIN activity_brands ab ON ab.activity_id = a.id AND ab.brand_id = ps.brand_id
		WHERE ps.workspace_id = $1 AND ps.stage IN ('advocate', 'champion') AND i.workspace_id = $1
		AND a.workspace_id = $1 AND a.deleted = 0 AND a.created_at >= $2 AND a.created_at < $3 AND ab.source <> 'author'`,
		ws, q.From.UnixMilli(), q.To.UnixMilli())
	if err != nil {
		return fmt.Errorf("read earned reach: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var brand, at, audience int64
		if err := rows.Scan(&brand, &at, &audience); err != nil {
			return fmt.Errorf("read earned reach: %w", err)
		}
		bi, ok := byBrand[brand]
		if !ok {
			continue
		}
		k, ok := index[bucketStart(time.UnixMilli(at), q.Granularity, loc).Unix()]
		if !ok {
			continue
		}
		bm := &rep.Brands[bi]
		for _, m := range []*BucketMetrics{&bm.Buckets[k], &bm.Total} {
			m.EarnedReach += max(audience, 0)
			m.AdvocateMentions++
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read earned reach: %w", err)
	}
	return nil
}

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
	for brand, bi := range byBrand {
		if err := d.earnedReachOf(ctx, ws, brand, q, loc, &rep.Brands[bi], index); err != nil {
			return err
		}
	}
	return nil
}

// earnedReachOf adds up one brand's earned reach. The joins are written
// in the order SQLite must take them (CROSS JOIN fixes it there): from the
// few advocates to their accounts and activities, not from every activity
// of the range.
func (d *DB) earnedReachOf(ctx context.Context, ws, brand int64, q MetricsQuery, loc *time.Location, bm *BrandMetrics,
	index map[int64]int) error {
	audiences, err := d.advocateAudiences(ctx, ws, brand)
	if err != nil || len(audiences) == 0 {
		return err
	}
	rows, err := d.db.QueryContext(ctx, `SELECT ps.person_id, a.created_at
		FROM person_scores ps
		CROSS JOIN identities i CROSS JOIN activities a CROSS JOIN activity_brands ab
		WHERE ps.workspace_id = $1 AND ps.brand_id = $2 AND ps.stage IN ('advocate', 'champion')
		AND i.person_id = ps.person_id AND i.workspace_id = $1
		AND a.identity_id = i.id AND a.created_at >= $3 AND a.created_at < $4 AND a.workspace_id = $1 AND a.deleted = 0
		AND ab.activity_id = a.id AND ab.brand_id = $2 AND ab.source <> 'author'`,
		ws, brand, q.From.UnixMilli(), q.To.UnixMilli())
	if err != nil {
		return fmt.Errorf("read earned reach: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var person, at int64
		if err := rows.Scan(&person, &at); err != nil {
			return fmt.Errorf("read earned reach: %w", err)
		}
		k, ok := index[bucketStart(time.UnixMilli(at), q.Granularity, loc).Unix()]
		if !ok {
			continue
		}
		for _, m := range []*BucketMetrics{&bm.Buckets[k], &bm.Total} {
			m.EarnedReach += audiences[person]
			m.AdvocateMentions++
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read earned reach: %w", err)
	}
	return nil
}

// advocateAudiences maps each current advocate and champion of the brand
// to their audience: the largest follower count over their accounts
// (unknown as 0).
func (d *DB) advocateAudiences(ctx context.Context, ws, brand int64) (map[int64]int64, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT ps.person_id, MAX(i.followers)
		FROM person_scores ps CROSS JOIN identities i
		WHERE ps.workspace_id = $1 AND ps.brand_id = $2 AND ps.stage IN ('advocate', 'champion')
		AND i.person_id = ps.person_id AND i.workspace_id = $1
		GROUP BY ps.person_id`, ws, brand)
	if err != nil {
		return nil, fmt.Errorf("read advocates' audiences: %w", err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var person, followers int64
		if err := rows.Scan(&person, &followers); err != nil {
			return nil, fmt.Errorf("read advocates' audiences: %w", err)
		}
		out[person] = max(followers, 0)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read advocates' audiences: %w", err)
	}
	return out, nil
}

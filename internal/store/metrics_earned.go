package store

import (
	"context"
	"fmt"
)

// advocateAudiences maps, for each brand of the report (by index), its
// current advocates and champions to their audience: the largest follower
// count over their accounts (unknown as 0). Earned reach and active
// advocates count the mentions of these people.
func (d *DB) advocateAudiences(ctx context.Context, ws int64, rep *MetricsReport) ([]map[int64]int64, error) {
	out := make([]map[int64]int64, len(rep.Brands))
	for bi, b := range rep.Brands {
		m, err := d.advocateAudiencesOf(ctx, ws, b.BrandID)
		if err != nil {
			return nil, err
		}
		out[bi] = m
	}
	return out, nil
}

// advocateAudiencesOf reads one brand's advocates and their audiences
// (through person_scores_stage; CROSS JOIN keeps SQLite on that order).
func (d *DB) advocateAudiencesOf(ctx context.Context, ws, brand int64) (map[int64]int64, error) {
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

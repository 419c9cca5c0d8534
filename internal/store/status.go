package store

import (
	"context"
	"fmt"
	"time"
)

// Count is a labelled count.
type Count struct {
	Key   string `json:"key"`
	Count int64  `json:"count"`
}

// Status summarises what a workspace holds.
type Status struct {
	Workspace  string    `json:"workspace"`
	People     int64     `json:"people"`
	Identities int64     `json:"identities"`
	Activities int64     `json:"activities"`
	Deleted    int64     `json:"deleted"`
	First      time.Time `json:"first,omitzero"`
	Last       time.Time `json:"last,omitzero"`
	ByNetwork  []Count   `json:"by_network"`
	ByKind     []Count   `json:"by_kind"`
	ByBrand    []Count   `json:"by_brand"`
	Imports    int64     `json:"imports"`
}

// Status counts a workspace's people, identities and live activities, per
// network, kind and brand, with the time range they span.
func (d *DB) Status(ctx context.Context, workspaceID int64) (*Status, error) {
	s := &Status{}
	var first, last int64
	err := d.db.QueryRowContext(ctx, `SELECT
		(SELECT slug FROM workspaces WHERE id = $1),
		(SELECT COUNT(DISTINCT person_id) FROM identities WHERE workspace_id = $1),
		(SELECT COUNT(*) FROM identities WHERE workspace_id = $1),
		(SELECT COUNT(*) FROM activities WHERE workspace_id = $1 AND deleted = 0),
		(SELECT COUNT(*) FROM activities WHERE workspace_id = $1 AND deleted = 1),
		(SELECT COALESCE(MIN(created_at), 0) FROM activities WHERE workspace_id = $1 AND deleted = 0),
		(SELECT COALESCE(MAX(created_at), 0) FROM activities WHERE workspace_id = $1 AND deleted = 0),
		(SELECT COUNT(*) FROM imports WHERE workspace_id = $1)`, workspaceID).
		Scan(&s.Workspace, &s.People, &s.Identities, &s.Activities, &s.Deleted, &first, &last, &s.Imports)
	if err != nil {
		return nil, fmt.Errorf("workspace status: %w", err)
	}
	s.First, s.Last = fromMS(first), fromMS(last)
	if s.ByNetwork, err = d.counts(ctx, `SELECT network, COUNT(*) FROM activities
		WHERE workspace_id = $1 AND deleted = 0 GROUP BY network ORDER BY 2 DESC, 1`, workspaceID); err != nil {
		return nil, err
	}
	if s.ByKind, err = d.counts(ctx, `SELECT kind, COUNT(*) FROM activities
		WHERE workspace_id = $1 AND deleted = 0 GROUP BY kind ORDER BY 2 DESC, 1`, workspaceID); err != nil {
		return nil, err
	}
	if s.ByBrand, err = d.counts(ctx, `SELECT b.slug, COUNT(ab.activity_id) FROM brands b
		LEFT JOIN activity_brands ab ON ab.brand_id = b.id AND ab.workspace_id = $1
		WHERE b.workspace_id = $1 GROUP BY b.slug ORDER BY 2 DESC, 1`, workspaceID); err != nil {
		return nil, err
	}
	return s, nil
}

func (d *DB) counts(ctx context.Context, q string, args ...any) ([]Count, error) {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("workspace status: %w", err)
	}
	defer rows.Close()
	out := []Count{}
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Key, &c.Count); err != nil {
			return nil, fmt.Errorf("workspace status: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// bumpVersion adds one to a workspace's data version, in the transaction
// that changes its data, so that a report computed from the old data is
// never served for the new (migration 0007).
func bumpVersion(ctx context.Context, q querier, ws int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO data_versions (workspace_id, version) VALUES ($1, 1)
		ON CONFLICT (workspace_id) DO UPDATE SET version = data_versions.version + 1`, ws)
	if err != nil {
		return fmt.Errorf("record data version: %w", err)
	}
	return nil
}

// DataVersion is a number that changes whenever the data a workspace's
// metrics, funnel or advocates are computed from changes (0 before the
// first change). Equal versions mean equal reports: a cache key, an ETag.
func (d *DB) DataVersion(ctx context.Context, ws int64) (int64, error) {
	var v int64
	err := d.db.QueryRowContext(ctx, `SELECT version FROM data_versions WHERE workspace_id = $1`, ws).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read data version: %w", err)
	}
	return v, nil
}

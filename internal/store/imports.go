package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/herald-advocacy/herald"
)

// ImportJob is one import run and what it did.
type ImportJob struct {
	ID          int64     `json:"id"`
	WorkspaceID int64     `json:"-"`
	Source      string    `json:"source"`
	Format      string    `json:"format"`
	Status      string    `json:"status"` // running, done, failed
	StartedAt   time.Time `json:"started_at"`
	FinishedAt  time.Time `json:"finished_at,omitzero"`
	Read        int64     `json:"read"`
	Created     int64     `json:"created"`
	Updated     int64     `json:"updated"`
	Unchanged   int64     `json:"unchanged"`
	Rejected    int64     `json:"rejected"`
	Error       string    `json:"error,omitempty"`
}

// querier is what runs a statement: the database or a transaction.
type querier interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// StartImport records the start of an import job and sets its ID.
func (d *DB) StartImport(ctx context.Context, j *ImportJob) error { return d.startImport(ctx, d.db, j) }

// FinishImport records an import job's final counts and status.
func (d *DB) FinishImport(ctx context.Context, j *ImportJob) error {
	return d.finishImport(ctx, d.db, j)
}

// StartImport records the start of an import job within the writer's
// transaction (on SQLite, a second connection would wait for its lock).
func (w *Writer) StartImport(ctx context.Context, j *ImportJob) error {
	return w.d.startImport(ctx, w.tx, j)
}

// FinishImport records an import job's end within the writer's transaction.
func (w *Writer) FinishImport(ctx context.Context, j *ImportJob) error {
	return w.d.finishImport(ctx, w.tx, j)
}

func (d *DB) startImport(ctx context.Context, q querier, j *ImportJob) error {
	if j.Status == "" {
		j.Status = "running"
	}
	j.StartedAt = d.now().UTC()
	err := q.QueryRowContext(ctx, `INSERT INTO imports (workspace_id, source, format, status, started_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, j.WorkspaceID, j.Source, j.Format, j.Status, ms(j.StartedAt)).Scan(&j.ID)
	if err != nil {
		return fmt.Errorf("record import of %s: %w", j.Source, err)
	}
	return nil
}

func (d *DB) finishImport(ctx context.Context, q querier, j *ImportJob) error {
	j.FinishedAt = d.now().UTC()
	_, err := q.ExecContext(ctx, `UPDATE imports SET status = $2, finished_at = $3, records_read = $4, created = $5,
		updated = $6, unchanged = $7, rejected = $8, error = $9 WHERE id = $1`,
		j.ID, j.Status, ms(j.FinishedAt), j.Read, j.Created, j.Updated, j.Unchanged, j.Rejected, j.Error)
	if err != nil {
		return fmt.Errorf("record end of import %d: %w", j.ID, err)
	}
	return nil
}

// Import returns one of a workspace's import jobs.
func (d *DB) Import(ctx context.Context, workspaceID, id int64) (*ImportJob, error) {
	jobs, err := d.importJobs(ctx, ` AND id = $2 LIMIT 1`, workspaceID, id)
	if err != nil {
		return nil, err
	}
	if len(jobs) == 0 {
		return nil, herald.Errorf(herald.ENotFound, "import %d not found", id)
	}
	return &jobs[0], nil
}

// FailUnfinishedImports marks the workspace-wide jobs left queued or
// running by a process that stopped (status given), with a reason.
func (d *DB) FailUnfinishedImports(ctx context.Context, status, reason string) (int64, error) {
	res, err := d.db.ExecContext(ctx, `UPDATE imports SET status = 'failed', error = $2, finished_at = $3 WHERE status = $1`,
		status, reason, ms(d.now()))
	if err != nil {
		return 0, fmt.Errorf("close unfinished imports: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// Imports lists a workspace's import jobs, newest first.
func (d *DB) Imports(ctx context.Context, workspaceID int64, limit int) ([]ImportJob, error) {
	return d.importJobs(ctx, ` ORDER BY id DESC LIMIT $2`, workspaceID, limit)
}

func (d *DB) importJobs(ctx context.Context, tail string, workspaceID int64, arg any) ([]ImportJob, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, source, format, status, started_at, finished_at, records_read,
		created, updated, unchanged, rejected, error FROM imports WHERE workspace_id = $1`+tail, workspaceID, arg)
	if err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	defer rows.Close()
	out := []ImportJob{}
	for rows.Next() {
		j := ImportJob{WorkspaceID: workspaceID}
		var started, finished int64
		if err := rows.Scan(&j.ID, &j.Source, &j.Format, &j.Status, &started, &finished, &j.Read,
			&j.Created, &j.Updated, &j.Unchanged, &j.Rejected, &j.Error); err != nil {
			return nil, fmt.Errorf("list imports: %w", err)
		}
		j.StartedAt, j.FinishedAt = fromMS(started), fromMS(finished)
		out = append(out, j)
	}
	return out, rows.Err()
}

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/herald-advocacy/herald"
)

// StoredModel is a trained model kept in the database: its identity, what
// it was trained on, its evaluation and (when loaded) its bytes.
type StoredModel struct {
	ID          int64           `json:"id"`
	WorkspaceID int64           `json:"-"`
	Kind        string          `json:"kind"` // "sentiment"
	Version     string          `json:"version"`
	Classes     []string        `json:"classes"`
	Examples    int             `json:"examples"`
	Source      string          `json:"source"`
	Metrics     json.RawMessage `json:"metrics,omitempty"`
	TrainedAt   time.Time       `json:"trained_at"`
	Active      bool            `json:"active"`
	Data        []byte          `json:"-"`
}

// SaveModel stores a trained model as the workspace's active model of its
// kind (earlier ones of the kind stay, inactive, for the record) and sets
// its ID and training time.
func (d *DB) SaveModel(ctx context.Context, m *StoredModel) error {
	if len(m.Data) == 0 || m.Kind == "" || m.Version == "" {
		return herald.Errorf(herald.EInvalid, "save model: kind, version and data are required")
	}
	classes, _ := json.Marshal(m.Classes) // []string always marshals
	metrics := string(m.Metrics)
	if metrics == "" {
		metrics = "{}"
	}
	m.TrainedAt, m.Active = d.now().UTC(), true
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	defer rollback(tx)
	if _, err := tx.ExecContext(ctx, `UPDATE models SET active = 0 WHERE workspace_id = $1 AND kind = $2`,
		m.WorkspaceID, m.Kind); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO models (workspace_id, kind, version, classes, examples, source, metrics,
		trained_at, active, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9) RETURNING id`,
		m.WorkspaceID, m.Kind, m.Version, string(classes), int64(m.Examples), m.Source, metrics, ms(m.TrainedAt),
		m.Data).Scan(&m.ID)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// ActiveModel returns the workspace's active model of a kind with its
// bytes, or an ENotFound error when none was trained.
func (d *DB) ActiveModel(ctx context.Context, workspaceID int64, kind string) (*StoredModel, error) {
	row := d.db.QueryRowContext(ctx, modelSelect+`, data FROM models
		WHERE workspace_id = $1 AND kind = $2 AND active = 1 ORDER BY id DESC LIMIT 1`, workspaceID, kind)
	m, err := scanModel(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, herald.Errorf(herald.ENotFound, "no trained %s model in this workspace", kind)
	}
	if err != nil {
		return nil, fmt.Errorf("load %s model: %w", kind, err)
	}
	m.WorkspaceID = workspaceID
	return m, nil
}

// Models lists a workspace's trained models, newest first, without their
// bytes.
func (d *DB) Models(ctx context.Context, workspaceID int64) ([]StoredModel, error) {
	rows, err := d.db.QueryContext(ctx, modelSelect+` FROM models WHERE workspace_id = $1 ORDER BY id DESC`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("list models: %w", err)
	}
	defer rows.Close()
	var out []StoredModel
	for rows.Next() {
		m, err := scanModel(rows, false)
		if err != nil {
			return nil, fmt.Errorf("list models: %w", err)
		}
		m.WorkspaceID = workspaceID
		out = append(out, *m)
	}
	return out, rows.Err()
}

const modelSelect = `SELECT id, kind, version, classes, examples, source, metrics, trained_at, active`

func scanModel(s interface{ Scan(...any) error }, withData bool) (*StoredModel, error) {
	var m StoredModel
	var classes, metrics string
	var examples, trained, active int64
	dest := []any{&m.ID, &m.Kind, &m.Version, &classes, &examples, &m.Source, &metrics, &trained, &active}
	if withData {
		dest = append(dest, &m.Data)
	}
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(classes), &m.Classes); err != nil {
		return nil, fmt.Errorf("model %d: corrupt classes: %w", m.ID, err)
	}
	m.Examples, m.TrainedAt, m.Active, m.Metrics = int(examples), fromMS(trained), active != 0, json.RawMessage(metrics)
	return &m, nil
}

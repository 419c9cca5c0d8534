package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/herald-advocacy/herald"
)

// brandDefinition is the stored JSON form of how a brand is recognised.
type brandDefinition struct {
	Handles   map[herald.Network][]string `json:"handles,omitempty"`
	Hashtags  []string                    `json:"hashtags,omitempty"`
	Keywords  []string                    `json:"keywords,omitempty"`
	Query     string                      `json:"query,omitempty"`
	Employees []string                    `json:"employees,omitempty"` // network:handle
}

// SyncWorkspace creates or updates a workspace and its brands (matched by
// slug) from a declaration, and fills in the IDs. Brands missing from the
// declaration are kept: their data stays attributable.
func (d *DB) SyncWorkspace(ctx context.Context, w *herald.Workspace) error {
	if err := w.Validate(); err != nil {
		return err
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sync workspace %s: %w", w.Slug, err)
	}
	defer rollback(tx)
	scoring, _ := json.Marshal(w.Scoring) // map[string]float64 always marshals (NaN is refused by Validate)
	if w.Scoring == nil {
		scoring = []byte("{}")
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO workspaces (slug, name, created_at, scoring) VALUES ($1, $2, $3, $4)
		ON CONFLICT (slug) DO UPDATE SET name = excluded.name, scoring = excluded.scoring RETURNING id`,
		w.Slug, w.Name, ms(d.now()), string(scoring)).Scan(&w.ID)
	if err != nil {
		return fmt.Errorf("sync workspace %s: %w", w.Slug, err)
	}
	for i := range w.Brands {
		b := &w.Brands[i]
		b.WorkspaceID = w.ID
		def, err := json.Marshal(toDefinition(b))
		if err != nil {
			return fmt.Errorf("sync brand %s: %w", b.Slug, err)
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO brands (workspace_id, slug, name, role, definition)
			VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (workspace_id, slug) DO UPDATE SET name = excluded.name, role = excluded.role, definition = excluded.definition
			RETURNING id`, w.ID, b.Slug, b.Name, string(b.Role), string(def)).Scan(&b.ID)
		if err != nil {
			return fmt.Errorf("sync brand %s/%s: %w", w.Slug, b.Slug, err)
		}
	}
	if err := bumpVersion(ctx, tx, w.ID); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sync workspace %s: %w", w.Slug, err)
	}
	return nil
}

func toDefinition(b *herald.Brand) brandDefinition {
	def := brandDefinition{Handles: b.Handles, Hashtags: b.Hashtags, Keywords: b.Keywords, Query: b.Query}
	for _, e := range b.Employees {
		def.Employees = append(def.Employees, e.String())
	}
	return def
}

// Workspace returns the workspace with the given slug and its brands.
func (d *DB) Workspace(ctx context.Context, slug string) (*herald.Workspace, error) {
	w := &herald.Workspace{Slug: slug}
	var scoring string
	err := d.db.QueryRowContext(ctx, `SELECT id, name, scoring FROM workspaces WHERE slug = $1`, slug).Scan(&w.ID, &w.Name, &scoring)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, herald.Errorf(herald.ENotFound, "workspace %q not found", slug)
	}
	if err != nil {
		return nil, fmt.Errorf("read workspace %s: %w", slug, err)
	}
	if err := readScoring(scoring, w); err != nil {
		return nil, err
	}
	if w.Brands, err = d.brands(ctx, w.ID); err != nil {
		return nil, err
	}
	return w, nil
}

// readScoring decodes a workspace's scoring overrides.
func readScoring(js string, w *herald.Workspace) error {
	if js == "" || js == "{}" {
		return nil
	}
	if err := json.Unmarshal([]byte(js), &w.Scoring); err != nil {
		return fmt.Errorf("workspace %s: corrupt scoring settings: %w", w.Slug, err)
	}
	return nil
}

// Workspaces lists all workspaces with their brands, by slug.
func (d *DB) Workspaces(ctx context.Context) ([]herald.Workspace, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, slug, name, scoring FROM workspaces ORDER BY slug`)
	if err != nil {
		return nil, fmt.Errorf("list workspaces: %w", err)
	}
	var out []herald.Workspace
	for rows.Next() {
		var w herald.Workspace
		var scoring string
		if err := rows.Scan(&w.ID, &w.Slug, &w.Name, &scoring); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list workspaces: %w", err)
		}
		if err := readScoring(scoring, &w); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list workspaces: %w", err)
	}
	for i := range out {
		if out[i].Brands, err = d.brands(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (d *DB) brands(ctx context.Context, workspaceID int64) ([]herald.Brand, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, slug, name, role, definition FROM brands
		WHERE workspace_id = $1 ORDER BY CASE role WHEN 'own' THEN 0 ELSE 1 END, slug`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("list brands: %w", err)
	}
	defer rows.Close()
	var out []herald.Brand
	for rows.Next() {
		b := herald.Brand{WorkspaceID: workspaceID}
		var role, def string
		if err := rows.Scan(&b.ID, &b.Slug, &b.Name, &role, &def); err != nil {
			return nil, fmt.Errorf("list brands: %w", err)
		}
		b.Role = herald.BrandRole(role)
		if err := fromDefinition(&b, def); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

func fromDefinition(b *herald.Brand, def string) error {
	var bd brandDefinition
	if err := json.Unmarshal([]byte(def), &bd); err != nil {
		return fmt.Errorf("brand %s: corrupt definition: %w", b.Slug, err)
	}
	b.Handles, b.Hashtags, b.Keywords, b.Query = bd.Handles, bd.Hashtags, bd.Keywords, bd.Query
	for _, e := range bd.Employees {
		ref, err := herald.ParseAccountRef(e)
		if err != nil {
			return fmt.Errorf("brand %s: %w", b.Slug, err)
		}
		b.Employees = append(b.Employees, ref)
	}
	return nil
}

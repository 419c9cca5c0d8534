package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/herald-advocacy/herald"
)

const tokenColumns = `id, workspace_id, name, scope, prefix, created_at, expires_at, last_used_at, revoked_at`

func scanToken(s interface{ Scan(...any) error }) (herald.Token, error) {
	var t herald.Token
	var scope string
	var created, expires, used, revoked int64
	err := s.Scan(&t.ID, &t.WorkspaceID, &t.Name, &scope, &t.Prefix, &created, &expires, &used, &revoked)
	t.Scope = herald.Scope(scope)
	t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt = fromMS(created), fromMS(expires), fromMS(used), fromMS(revoked)
	return t, err
}

// CreateToken stores a new token of t.WorkspaceID with the hash of its
// secret, and sets its ID and creation time.
func (d *DB) CreateToken(ctx context.Context, t *herald.Token, hash []byte) error {
	if !t.Scope.Valid() {
		return herald.Errorf(herald.EInvalid, "token scope %q is not read, write or admin", t.Scope)
	}
	if len(hash) == 0 {
		return herald.Errorf(herald.EInvalid, "token without a hash")
	}
	t.CreatedAt = d.now().UTC().Truncate(time.Millisecond)
	err := d.db.QueryRowContext(ctx, `INSERT INTO api_tokens (workspace_id, name, scope, prefix, hash, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		t.WorkspaceID, t.Name, string(t.Scope), t.Prefix, hash, ms(t.CreatedAt), ms(t.ExpiresAt)).Scan(&t.ID)
	if err != nil {
		return fmt.Errorf("create token %q: %w", t.Name, err)
	}
	return nil
}

// TokenByHash finds the token whose secret has this hash, in any workspace
// (the caller then scopes every request to the token's workspace).
func (d *DB) TokenByHash(ctx context.Context, hash []byte) (*herald.Token, error) {
	t, err := scanToken(d.db.QueryRowContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE hash = $1`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, herald.Errorf(herald.EUnauthorized, "unknown API token")
	}
	if err != nil {
		return nil, fmt.Errorf("look up API token: %w", err)
	}
	return &t, nil
}

// Tokens lists a workspace's tokens, newest first (revoked ones included).
func (d *DB) Tokens(ctx context.Context, ws int64) ([]herald.Token, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE workspace_id = $1 ORDER BY id DESC`, ws)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	out := []herald.Token{}
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	return out, nil
}

// RevokeToken revokes a workspace's token; revoking twice is harmless.
func (d *DB) RevokeToken(ctx context.Context, ws, id int64) error {
	res, err := d.db.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = CASE WHEN revoked_at = 0 THEN $3 ELSE revoked_at END
		WHERE workspace_id = $1 AND id = $2`, ws, id, ms(d.now()))
	if err != nil {
		return fmt.Errorf("revoke token %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return herald.Errorf(herald.ENotFound, "token %d not found", id)
	}
	return nil
}

// TouchToken records that a token was used at a time.
func (d *DB) TouchToken(ctx context.Context, id int64, at time.Time) error {
	if _, err := d.db.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND last_used_at < $2`, id, ms(at)); err != nil {
		return fmt.Errorf("record token use: %w", err)
	}
	return nil
}

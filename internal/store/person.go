package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/herald-advocacy/herald"
)

const identityColumns = `id, person_id, network, external_id, handle, display_name, bio, followers, following, profile_url, observed_at`

func scanIdentity(s interface{ Scan(...any) error }) (herald.Identity, error) {
	var i herald.Identity
	var network string
	var observed int64
	err := s.Scan(&i.ID, &i.PersonID, &network, &i.ExternalID, &i.Handle, &i.DisplayName, &i.Bio,
		&i.Followers, &i.Following, &i.ProfileURL, &observed)
	i.Network, i.ObservedAt = herald.Network(network), fromMS(observed)
	return i, err
}

// FindIdentity returns the identity in the workspace named by ref: by
// handle (case-insensitive) or, failing that, by external id. An empty
// ref.Network searches every network.
func (d *DB) FindIdentity(ctx context.Context, workspaceID int64, ref herald.AccountRef) (herald.Identity, error) {
	row := d.db.QueryRowContext(ctx, `SELECT `+identityColumns+` FROM identities
		WHERE workspace_id = $1 AND ($2 = '' OR network = $2) AND (handle_key = $3 OR external_id = $4)
		ORDER BY CASE WHEN handle_key = $3 THEN 0 ELSE 1 END, followers DESC, observed_at DESC LIMIT 1`,
		workspaceID, string(ref.Network), strings.ToLower(ref.Handle), ref.Handle)
	i, err := scanIdentity(row)
	if errors.Is(err, sql.ErrNoRows) {
		return i, herald.Errorf(herald.ENotFound, "no identity %s in this workspace", ref)
	}
	if err != nil {
		return i, fmt.Errorf("find identity %s: %w", ref, err)
	}
	return i, nil
}

// Person returns a person of the workspace with all their identities.
func (d *DB) Person(ctx context.Context, workspaceID, personID int64) (*herald.Person, error) {
	p := &herald.Person{ID: personID, WorkspaceID: workspaceID}
	var created int64
	err := d.db.QueryRowContext(ctx, `SELECT display_name, created_at FROM persons WHERE workspace_id = $1 AND id = $2`,
		workspaceID, personID).Scan(&p.DisplayName, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, herald.Errorf(herald.ENotFound, "person %d not found", personID)
	}
	if err != nil {
		return nil, fmt.Errorf("read person %d: %w", personID, err)
	}
	p.CreatedAt = fromMS(created)
	rows, err := d.db.QueryContext(ctx, `SELECT `+identityColumns+` FROM identities
		WHERE workspace_id = $1 AND person_id = $2`, workspaceID, personID)
	if err != nil {
		return nil, fmt.Errorf("read person %d identities: %w", personID, err)
	}
	defer rows.Close()
	for rows.Next() {
		i, err := scanIdentity(rows)
		if err != nil {
			return nil, fmt.Errorf("read person %d identities: %w", personID, err)
		}
		p.Identities = append(p.Identities, i)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read person %d identities: %w", personID, err)
	}
	sortIdentities(p.Identities)
	if p.DisplayName == "" {
		p.DisplayName = derivedName(p.Identities)
	}
	return p, nil
}

// sortIdentities orders a person's identities by network, then id. (In Go:
// an ORDER BY network would lead SQLite to the handle index, a scan of the
// whole workspace, instead of the person's few rows.)
func sortIdentities(ids []herald.Identity) {
	slices.SortFunc(ids, func(a, b herald.Identity) int {
		return cmp.Or(cmp.Compare(a.Network, b.Network), cmp.Compare(a.ID, b.ID))
	})
}

// derivedName names a person by their best-known identity.
func derivedName(ids []herald.Identity) string {
	best := -1
	for k, i := range ids {
		if best < 0 || i.Followers > ids[best].Followers {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	if ids[best].DisplayName != "" {
		return ids[best].DisplayName
	}
	return ids[best].Handle
}

// LinkIdentities makes every given identity belong to the person of the
// first one, recording each move so it can be undone with UnlinkIdentity.
// It returns the person they now belong to.
func (d *DB) LinkIdentities(ctx context.Context, workspaceID int64, identityIDs []int64) (int64, error) {
	if len(identityIDs) < 2 {
		return 0, herald.Errorf(herald.EInvalid, "link needs at least two identities")
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("link identities: %w", err)
	}
	defer rollback(tx)
	var target int64
	err = tx.QueryRowContext(ctx, `SELECT person_id FROM identities WHERE workspace_id = $1 AND id = $2`,
		workspaceID, identityIDs[0]).Scan(&target)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, herald.Errorf(herald.ENotFound, "identity %d not found", identityIDs[0])
	}
	if err != nil {
		return 0, fmt.Errorf("link identities: %w", err)
	}
	for _, id := range identityIDs[1:] {
		if err := d.moveIdentity(ctx, tx, workspaceID, id, target); err != nil {
			return 0, err
		}
	}
	if err := bumpVersion(ctx, tx, workspaceID); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("link identities: %w", err)
	}
	return target, nil
}

// UnlinkIdentity moves an identity back to the person it was first seen as
// (undoing links), and returns that person.
func (d *DB) UnlinkIdentity(ctx context.Context, workspaceID, identityID int64) (int64, error) {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("unlink identity: %w", err)
	}
	defer rollback(tx)
	var origin int64
	err = tx.QueryRowContext(ctx, `SELECT origin_person_id FROM identities WHERE workspace_id = $1 AND id = $2`,
		workspaceID, identityID).Scan(&origin)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, herald.Errorf(herald.ENotFound, "identity %d not found", identityID)
	}
	if err != nil {
		return 0, fmt.Errorf("unlink identity %d: %w", identityID, err)
	}
	if err := d.moveIdentity(ctx, tx, workspaceID, identityID, origin); err != nil {
		return 0, err
	}
	if err := bumpVersion(ctx, tx, workspaceID); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("unlink identity %d: %w", identityID, err)
	}
	return origin, nil
}

func (d *DB) moveIdentity(ctx context.Context, tx *sql.Tx, ws, identityID, to int64) error {
	var from int64
	err := tx.QueryRowContext(ctx, `SELECT person_id FROM identities WHERE workspace_id = $1 AND id = $2`, ws, identityID).Scan(&from)
	if errors.Is(err, sql.ErrNoRows) {
		return herald.Errorf(herald.ENotFound, "identity %d not found", identityID)
	}
	if err != nil {
		return fmt.Errorf("move identity %d: %w", identityID, err)
	}
	if from == to {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE identities SET person_id = $1 WHERE id = $2`, to, identityID); err != nil {
		return fmt.Errorf("move identity %d: %w", identityID, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO identity_links (workspace_id, identity_id, from_person_id, to_person_id, at)
		VALUES ($1, $2, $3, $4, $5)`, ws, identityID, from, to, ms(d.now()))
	if err != nil {
		return fmt.Errorf("record link of identity %d: %w", identityID, err)
	}
	return nil
}

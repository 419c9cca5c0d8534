package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/herald-advocacy/herald"
)

// AddNote stores a note on a person of n.WorkspaceID and sets its ID and
// creation time. The body is checked and trimmed (herald.CleanNote).
func (d *DB) AddNote(ctx context.Context, n *herald.Note) error {
	body, err := herald.CleanNote(n.Body)
	if err != nil {
		return err
	}
	n.Body, n.CreatedAt = body, d.now().UTC().Truncate(time.Millisecond)
	err = d.db.QueryRowContext(ctx, `INSERT INTO person_notes (workspace_id, person_id, author, body, created_at)
		SELECT $1, id, $3, $4, $5 FROM persons WHERE workspace_id = $1 AND id = $2 RETURNING id`,
		n.WorkspaceID, n.PersonID, n.Author, n.Body, ms(n.CreatedAt)).Scan(&n.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return herald.Errorf(herald.ENotFound, "person %d not found", n.PersonID)
	}
	if err != nil {
		return fmt.Errorf("add note on person %d: %w", n.PersonID, err)
	}
	return nil
}

// Notes lists the notes on a person, newest first.
func (d *DB) Notes(ctx context.Context, ws, person int64) ([]herald.Note, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, workspace_id, person_id, author, body, created_at FROM person_notes
		WHERE workspace_id = $1 AND person_id = $2 ORDER BY id DESC`, ws, person)
	if err != nil {
		return nil, fmt.Errorf("read notes of person %d: %w", person, err)
	}
	defer rows.Close()
	out := []herald.Note{}
	for rows.Next() {
		var n herald.Note
		var created int64
		if err := rows.Scan(&n.ID, &n.WorkspaceID, &n.PersonID, &n.Author, &n.Body, &created); err != nil {
			return nil, fmt.Errorf("read notes of person %d: %w", person, err)
		}
		n.CreatedAt = fromMS(created)
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read notes of person %d: %w", person, err)
	}
	return out, nil
}

// DeleteNote deletes a note of the workspace.
func (d *DB) DeleteNote(ctx context.Context, ws, id int64) error {
	res, err := d.db.ExecContext(ctx, `DELETE FROM person_notes WHERE workspace_id = $1 AND id = $2`, ws, id)
	if err != nil {
		return fmt.Errorf("delete note %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return herald.Errorf(herald.ENotFound, "note %d not found", id)
	}
	return nil
}

// TagPeople gives a tag to people of the workspace, in one transaction,
// and returns how many did not have it yet. The tag is normalized
// (herald.NormalizeTag); a person not in the workspace fails the whole call.
func (d *DB) TagPeople(ctx context.Context, ws int64, tag string, people []int64) (int64, error) {
	return d.tagPeople(ctx, ws, tag, people, true)
}

// UntagPeople takes a tag from people of the workspace and returns how
// many had it.
func (d *DB) UntagPeople(ctx context.Context, ws int64, tag string, people []int64) (int64, error) {
	return d.tagPeople(ctx, ws, tag, people, false)
}

// maxTagBatch bounds the people of one tagging call.
const maxTagBatch = 10_000

func (d *DB) tagPeople(ctx context.Context, ws int64, tag string, people []int64, add bool) (int64, error) {
	tag, err := herald.NormalizeTag(tag)
	if err != nil {
		return 0, err
	}
	if len(people) > maxTagBatch {
		return 0, herald.Errorf(herald.EInvalid, "at most %d people at a time (got %d)", maxTagBatch, len(people))
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("tag people: %w", err)
	}
	defer rollback(tx)
	check, err := tx.PrepareContext(ctx, `SELECT 1 FROM persons WHERE workspace_id = $1 AND id = $2`)
	if err != nil {
		return 0, fmt.Errorf("tag people: %w", err)
	}
	defer check.Close()
	q := `DELETE FROM person_tags WHERE workspace_id = $1 AND tag = $2 AND person_id = $3`
	if add {
		q = `INSERT INTO person_tags (workspace_id, tag, person_id, created_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, tag, person_id) DO NOTHING`
	}
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return 0, fmt.Errorf("tag people: %w", err)
	}
	defer st.Close()
	now := ms(d.now())
	var changed int64
	for _, p := range slices.Compact(slices.Sorted(slices.Values(people))) {
		var one int
		if err := check.QueryRowContext(ctx, ws, p).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return 0, herald.Errorf(herald.ENotFound, "person %d not found", p)
		} else if err != nil {
			return 0, fmt.Errorf("tag person %d: %w", p, err)
		}
		args := []any{ws, tag, p}
		if add {
			args = append(args, now)
		}
		res, err := st.ExecContext(ctx, args...)
		if err != nil {
			return 0, fmt.Errorf("tag person %d: %w", p, err)
		}
		n, _ := res.RowsAffected()
		changed += n
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("tag people: %w", err)
	}
	return changed, nil
}

// PersonTags lists a person's tags in order.
func (d *DB) PersonTags(ctx context.Context, ws, person int64) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT tag FROM person_tags WHERE workspace_id = $1 AND person_id = $2 ORDER BY tag`, ws, person)
	if err != nil {
		return nil, fmt.Errorf("read tags of person %d: %w", person, err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("read tags of person %d: %w", person, err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// TagCount is a tag and how many people carry it.
type TagCount struct {
	Tag    string `json:"tag"`
	People int64  `json:"people"`
}

// Tags lists the workspace's tags in order, with their people.
func (d *DB) Tags(ctx context.Context, ws int64) ([]TagCount, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT tag, COUNT(*) FROM person_tags WHERE workspace_id = $1 GROUP BY tag ORDER BY tag`, ws)
	if err != nil {
		return nil, fmt.Errorf("read tags: %w", err)
	}
	defer rows.Close()
	out := []TagCount{}
	for rows.Next() {
		var t TagCount
		if err := rows.Scan(&t.Tag, &t.People); err != nil {
			return nil, fmt.Errorf("read tags: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

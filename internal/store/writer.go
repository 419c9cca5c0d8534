package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/herald-advocacy/herald"
)

// Outcomes of storing a record, re-exported for callers of this package.
const (
	Unchanged = herald.Unchanged
	Created   = herald.Created
	Updated   = herald.Updated
)

// Writer stores the records of one import (or one connector session) into
// one workspace. It batches its work into transactions of BatchSize records;
// with BatchSize 0 everything is one transaction, committed by Commit — the
// all-or-nothing mode behind `import --strict`. A Writer is not safe for
// concurrent use.
type Writer struct {
	d       *DB
	ws      int64
	batch   int
	pending int
	tx      *sql.Tx
	cache   *identityCache
}

// NewWriter starts a writer for the workspace. batchSize is the number of
// records per transaction (0: a single transaction).
func (d *DB) NewWriter(ctx context.Context, workspaceID int64, batchSize int) (*Writer, error) {
	w := &Writer{d: d, ws: workspaceID, batch: batchSize, cache: newIdentityCache()}
	if err := w.begin(ctx); err != nil {
		return nil, err
	}
	return w, nil
}

func (w *Writer) begin(ctx context.Context) error {
	// The transaction outlives the context of the call that happens to start
	// it (a batch boundary inside one pipeline run): it ends by Commit or
	// Rollback only, never by that context's cancellation.
	tx, err := w.d.db.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return fmt.Errorf("begin import transaction: %w", err)
	}
	w.tx, w.pending = tx, 0
	return nil
}

// step counts one stored record and commits the batch when it is full.
func (w *Writer) step(ctx context.Context) error {
	w.pending++
	if w.batch > 0 && w.pending >= w.batch {
		if err := w.tx.Commit(); err != nil {
			return fmt.Errorf("commit import batch: %w", err)
		}
		return w.begin(ctx)
	}
	return nil
}

// Commit commits what the writer has stored and ends it.
func (w *Writer) Commit() error {
	if w.tx == nil {
		return errors.New("commit import: writer already ended")
	}
	err := w.tx.Commit()
	w.tx = nil
	if err != nil {
		return fmt.Errorf("commit import: %w", err)
	}
	return nil
}

// Rollback discards what was stored since the last batch commit (with
// BatchSize 0: everything) and ends the writer. It is safe after Commit.
func (w *Writer) Rollback() {
	if w.tx != nil {
		rollback(w.tx)
		w.tx = nil
	}
}

// PutIdentity stores an account snapshot (an actor seen in a record).
func (w *Writer) PutIdentity(ctx context.Context, i *herald.Identity) error {
	if _, err := w.putIdentity(ctx, i); err != nil {
		return err
	}
	return w.step(ctx)
}

// PutActivity stores an activity, its author and its brand mentions. The
// activity is keyed by network and external id: storing it again updates
// it when anything changed (text, counts, attributes) and never duplicates
// it. Unknown (-1) counts keep the stored ones. A tombstoned activity stays
// deleted.
func (w *Writer) PutActivity(ctx context.Context, a *herald.Activity) (herald.Outcome, error) {
	author, err := w.putIdentity(ctx, &a.Author)
	if err != nil {
		return Unchanged, err
	}
	var id, revision int64
	err = w.tx.QueryRowContext(ctx, upsertActivitySQL, activityArgs(w.ws, author.id, a)...).Scan(&id, &revision)
	if errors.Is(err, sql.ErrNoRows) {
		return Unchanged, w.step(ctx)
	}
	if err != nil {
		return Unchanged, fmt.Errorf("store activity %s: %w", a.Key(), err)
	}
	a.ID, a.WorkspaceID = id, w.ws
	out := Created
	if revision > 0 {
		out = Updated
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM activity_brands WHERE activity_id = $1`, id); err != nil {
			return out, fmt.Errorf("store activity %s brands: %w", a.Key(), err)
		}
	}
	for _, m := range a.Brands {
		if _, err := w.tx.ExecContext(ctx, `INSERT INTO activity_brands (activity_id, brand_id, workspace_id, source, direct)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (activity_id, brand_id) DO NOTHING`,
			id, m.BrandID, w.ws, string(m.Source), boolInt(m.Direct)); err != nil {
			return out, fmt.Errorf("store activity %s brand %s: %w", a.Key(), m.Brand, err)
		}
	}
	return out, w.step(ctx)
}

// Tombstone marks an activity deleted and erases its content. Unknown
// activities are left alone (Unchanged).
func (w *Writer) Tombstone(ctx context.Context, k herald.Key) (herald.Outcome, error) {
	var id int64
	err := w.tx.QueryRowContext(ctx, `UPDATE activities SET deleted = 1, text = '', mentions = '[]', hashtags = '[]',
		links = '[]', attributes = '{}', url = '', revision = revision + 1
		WHERE workspace_id = $1 AND network = $2 AND external_id = $3 AND deleted = 0 RETURNING id`,
		w.ws, string(k.Network), k.ExternalID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Unchanged, w.step(ctx)
	}
	if err != nil {
		return Unchanged, fmt.Errorf("delete activity %s: %w", k, err)
	}
	if _, err := w.tx.ExecContext(ctx, `DELETE FROM activity_brands WHERE activity_id = $1`, id); err != nil {
		return Unchanged, fmt.Errorf("delete activity %s brands: %w", k, err)
	}
	return Updated, w.step(ctx)
}

const upsertActivitySQL = `INSERT INTO activities (workspace_id, network, external_id, kind, identity_id, created_at,
	text, lang, url, in_reply_to, in_reply_to_author, subject, subject_author, conversation,
	mentions, hashtags, links, media, likes, shares, replies, quotes, attributes)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
ON CONFLICT (workspace_id, network, external_id) DO UPDATE SET
	kind = excluded.kind, identity_id = excluded.identity_id, created_at = excluded.created_at,
	text = excluded.text, lang = excluded.lang, url = excluded.url,
	in_reply_to = excluded.in_reply_to, in_reply_to_author = excluded.in_reply_to_author,
	subject = excluded.subject, subject_author = excluded.subject_author, conversation = excluded.conversation,
	mentions = excluded.mentions, hashtags = excluded.hashtags, links = excluded.links, media = excluded.media,
	likes = CASE WHEN excluded.likes < 0 THEN activities.likes ELSE excluded.likes END,
	shares = CASE WHEN excluded.shares < 0 THEN activities.shares ELSE excluded.shares END,
	replies = CASE WHEN excluded.replies < 0 THEN activities.replies ELSE excluded.replies END,
	quotes = CASE WHEN excluded.quotes < 0 THEN activities.quotes ELSE excluded.quotes END,
	attributes = excluded.attributes, revision = activities.revision + 1
WHERE activities.deleted = 0 AND (
	activities.kind <> excluded.kind OR activities.identity_id <> excluded.identity_id OR
	activities.created_at <> excluded.created_at OR activities.text <> excluded.text OR
	activities.lang <> excluded.lang OR activities.url <> excluded.url OR
	activities.in_reply_to <> excluded.in_reply_to OR activities.in_reply_to_author <> excluded.in_reply_to_author OR
	activities.subject <> excluded.subject OR activities.subject_author <> excluded.subject_author OR
	activities.conversation <> excluded.conversation OR activities.mentions <> excluded.mentions OR
	activities.hashtags <> excluded.hashtags OR activities.links <> excluded.links OR
	activities.media <> excluded.media OR activities.attributes <> excluded.attributes OR
	(excluded.likes >= 0 AND activities.likes <> excluded.likes) OR
	(excluded.shares >= 0 AND activities.shares <> excluded.shares) OR
	(excluded.replies >= 0 AND activities.replies <> excluded.replies) OR
	(excluded.quotes >= 0 AND activities.quotes <> excluded.quotes))
RETURNING id, revision`

func activityArgs(ws, identityID int64, a *herald.Activity) []any {
	return []any{ws, string(a.Network), a.ExternalID, string(a.Kind), identityID, ms(a.CreatedAt),
		a.Text, a.Lang, a.URL, a.InReplyTo, a.InReplyToAuthor, a.Subject, a.SubjectAuthor, a.Conversation,
		jsonList(a.Mentions), jsonList(a.Hashtags), jsonList(a.Links), int64(a.Media),
		a.Metrics.Likes, a.Metrics.Shares, a.Metrics.Replies, a.Metrics.Quotes, jsonMap(a.Attributes)}
}

// jsonList encodes a string list for a JSON text column ("[]" when empty).
func jsonList(s []string) string {
	if len(s) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(s) // []string always marshals
	return string(b)
}

// jsonMap encodes attributes for a JSON text column ("{}" when empty).
func jsonMap(m map[string]string) string {
	if len(m) == 0 {
		return "{}"
	}
	b, _ := json.Marshal(m) // map[string]string always marshals; keys sorted
	return string(b)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

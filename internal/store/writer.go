package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

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
	stmts   map[string]*sql.Stmt // prepared on tx, by SQL text
	cache   *identityCache
	touched map[int64]bool         // people whose activities were created, updated or deleted
	dirty   dirtyHours             // UTC hours whose metric rollups this transaction changed (rollup.go)
	replyTo map[[2]string]struct{} // (network, external id) of posts whose brand replies changed
}

// replied notes that a reply to (network, id) was written or changed: the
// rollups of the post it answers change too.
func (w *Writer) replied(n herald.Network, id string) {
	if id != "" {
		w.replyTo[[2]string{string(n), id}] = struct{}{}
	}
}

// Touched lists the people whose activities this writer created, updated
// or deleted (scores to bring up to date), in id order.
func (w *Writer) Touched() []int64 {
	out := make([]int64, 0, len(w.touched))
	for p := range w.touched {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// stmt returns the statement for q prepared on the current transaction:
// parsing SQL costs more than running it, so each text is prepared once per
// batch.
func (w *Writer) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if s, ok := w.stmts[q]; ok {
		return s, nil
	}
	s, err := w.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	w.stmts[q] = s
	return s, nil
}

// exec runs a prepared statement in the writer's transaction.
func (w *Writer) exec(ctx context.Context, q string, args ...any) error {
	s, err := w.stmt(ctx, q)
	if err != nil {
		return err
	}
	_, err = s.ExecContext(ctx, args...)
	return err
}

// queryRow runs a prepared single-row query in the writer's transaction
// and scans its result into dest.
func (w *Writer) queryRow(ctx context.Context, q string, args []any, dest ...any) error {
	s, err := w.stmt(ctx, q)
	if err != nil {
		return err
	}
	return s.QueryRowContext(ctx, args...).Scan(dest...)
}

// NewWriter starts a writer for the workspace. batchSize is the number of
// records per transaction (0: a single transaction).
func (d *DB) NewWriter(ctx context.Context, workspaceID int64, batchSize int) (*Writer, error) {
	w := &Writer{d: d, ws: workspaceID, batch: batchSize, cache: newIdentityCache(), touched: map[int64]bool{},
		dirty: dirtyHours{}, replyTo: map[[2]string]struct{}{}}
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
	w.tx, w.pending, w.stmts = tx, 0, map[string]*sql.Stmt{}
	return nil
}

// step counts n stored records and commits the batch when it is full.
func (w *Writer) step(ctx context.Context, n int) error {
	w.pending += n
	if w.batch > 0 && w.pending >= w.batch {
		if err := w.endBatch(ctx); err != nil {
			return err
		}
		if err := w.tx.Commit(); err != nil {
			return fmt.Errorf("commit import batch: %w", err)
		}
		return w.begin(ctx)
	}
	return nil
}

// endBatch brings the rollups of the batch up to date and moves the
// workspace's data version, in the batch's transaction.
func (w *Writer) endBatch(ctx context.Context) error {
	if err := w.flushRollups(ctx); err != nil {
		return err
	}
	return bumpVersion(ctx, w.tx, w.ws)
}

// Commit commits what the writer has stored and ends it.
func (w *Writer) Commit() error {
	if w.tx == nil {
		return errors.New("commit import: writer already ended")
	}
	if err := w.endBatch(context.Background()); err != nil {
		w.Rollback()
		return fmt.Errorf("commit import: %w", err)
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
	clear(w.dirty)
	clear(w.replyTo)
}

// PutIdentities stores account snapshots (actors seen in records).
func (w *Writer) PutIdentities(ctx context.Context, ids []*herald.Identity) error {
	if _, err := w.putIdentities(ctx, ids); err != nil {
		return err
	}
	return w.step(ctx, len(ids))
}

// PutActivity stores one activity; see PutActivities.
func (w *Writer) PutActivity(ctx context.Context, a *herald.Activity) (herald.Outcome, error) {
	outs, err := w.PutActivities(ctx, []*herald.Activity{a})
	if err != nil {
		return Unchanged, err
	}
	return outs[0], nil
}

// PutActivities stores activities, their authors and their brand mentions,
// and returns what happened to each. An activity is keyed by network and
// external id: storing it again updates it when anything changed (text,
// counts, attributes) and never duplicates it; unknown (-1) counts keep the
// stored ones; a tombstoned activity stays deleted. The same activity twice
// in one call is stored in order, the later version last.
func (w *Writer) PutActivities(ctx context.Context, acts []*herald.Activity) ([]herald.Outcome, error) {
	authors := make([]*herald.Identity, len(acts))
	for k, a := range acts {
		authors[k] = &a.Author
	}
	ids, err := w.putIdentities(ctx, authors)
	if err != nil {
		return nil, err
	}
	outs := make([]herald.Outcome, len(acts))
	for start := 0; start < len(acts); {
		end := distinctRun(acts, start, w.d.rowsPerStatement())
		if err := w.upsertActivities(ctx, acts[start:end], ids[start:end], outs[start:end]); err != nil {
			return nil, err
		}
		start = end
	}
	return outs, w.step(ctx, len(acts))
}

// distinctRun returns the end of the longest run from start, at most max
// long, in which no activity key repeats (one upsert statement may not
// touch a row twice).
func distinctRun(acts []*herald.Activity, start, max int) int {
	seen := map[herald.Key]bool{}
	end := start
	for end < len(acts) && end-start < max && !seen[acts[end].Key()] {
		seen[acts[end].Key()] = true
		end++
	}
	return end
}

// upsertActivities stores activities with distinct keys in one statement,
// then their brand mentions.
func (w *Writer) upsertActivities(ctx context.Context, acts []*herald.Activity, ids []cachedIdentity, outs []herald.Outcome) error {
	if w.d.engine == SQLite && len(acts) == 1 {
		created, err := w.insertNew(ctx, acts[0], ids[0].id)
		if err != nil {
			return fmt.Errorf("store activity %s: %w", acts[0].Key(), err)
		}
		if created {
			outs[0] = Created
			w.touched[ids[0].personID] = true
			w.dirty.add(ms(acts[0].CreatedAt))
			if hasAuthor(acts[0].Brands) {
				w.replied(acts[0].Network, acts[0].InReplyTo)
			}
			var rows []any
			for _, m := range acts[0].Brands {
				rows = append(rows, brandArgs(acts[0].ID, w.ws, m)...)
			}
			return w.replaceBrands(ctx, nil, rows)
		}
	}
	args := make([]any, 0, len(acts)*activityColumns)
	vals := make([]string, len(acts))
	for k, a := range acts {
		vals[k] = "(" + placeholders(len(args)+1, activityColumns) + ")"
		args = append(args, activityArgs(w.ws, ids[k].id, a)...)
	}
	// The stored times of the activities that exist already: an update
	// that moves one to another hour changes the rollups of both.
	old, err := w.storedTimes(ctx, acts)
	if err != nil {
		return fmt.Errorf("store activities: %w", err)
	}
	type result struct{ id, revision int64 }
	got := map[herald.Key]result{}
	q := upsertActivityHead + strings.Join(vals, ", ") + upsertActivityTail
	err = w.scanRows(ctx, q, args, func(scan func(...any) error) error {
		var r result
		var n, ext string
		err := scan(&r.id, &r.revision, &n, &ext)
		got[herald.Key{Network: herald.Network(n), ExternalID: ext}] = r
		return err
	})
	if err != nil {
		return fmt.Errorf("store activities: %w", err)
	}
	var updated []int64
	var brandRows []any
	for k, a := range acts {
		r, ok := got[a.Key()]
		if !ok {
			outs[k] = Unchanged
			continue
		}
		a.ID, a.WorkspaceID, outs[k] = r.id, w.ws, Created
		w.touched[ids[k].personID] = true
		w.dirty.add(ms(a.CreatedAt))
		if r.revision > 0 {
			outs[k] = Updated
			updated = append(updated, r.id)
		}
		if o, ok := old[a.Key()]; ok {
			w.dirty.add(o.at)
			w.replied(a.Network, o.inReplyTo)
			w.replied(a.Network, a.InReplyTo)
		} else if hasAuthor(a.Brands) {
			w.replied(a.Network, a.InReplyTo)
		}
		for _, m := range a.Brands {
			brandRows = append(brandRows, brandArgs(r.id, w.ws, m)...)
		}
	}
	return w.replaceBrands(ctx, updated, brandRows)
}

// insertNew inserts an activity that is not stored yet and reports whether
// it was new. On SQLite a plain insert costs half of the general upsert
// (no RETURNING rows to step through, no change comparison), and most
// imported records are new; a stored one falls back to the upsert.
func (w *Writer) insertNew(ctx context.Context, a *herald.Activity, identityID int64) (bool, error) {
	st, err := w.stmt(ctx, insertActivitySQL)
	if err != nil {
		return false, err
	}
	res, err := st.ExecContext(ctx, activityArgs(w.ws, identityID, a)...)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	a.ID, a.WorkspaceID = id, w.ws
	return true, nil
}

var insertActivitySQL = upsertActivityHead + "(" + placeholders(1, activityColumns) +
	") ON CONFLICT (workspace_id, network, external_id) DO NOTHING"

// brandColumns is the number of values per activity_brands row.
const brandColumns = 8

// brandArgs returns the values of one activity_brands row.
func brandArgs(activityID, ws int64, m herald.BrandMention) []any {
	return []any{activityID, m.BrandID, ws, string(m.Source), boolInt(m.Direct),
		string(m.Stance.Label), m.Stance.Score, m.Stance.Basis}
}

// replaceBrands deletes the brand mentions of updated activities and
// inserts the new ones (brandColumns arguments per row).
func (w *Writer) replaceBrands(ctx context.Context, updated []int64, brandArgs []any) error {
	if len(updated) > 0 {
		args := make([]any, len(updated), len(updated)+1)
		for k, id := range updated {
			args[k] = id
		}
		args = append(args, w.ws)
		if err := w.exec(ctx, `DELETE FROM activity_brands WHERE activity_id IN (`+placeholders(1, len(updated))+
			`) AND workspace_id = $`+strconv.Itoa(len(args)), args...); err != nil {
			return fmt.Errorf("replace activity brands: %w", err)
		}
	}
	for len(brandArgs) > 0 {
		n := min(len(brandArgs), w.d.rowsPerStatement()*brandColumns)
		if err := w.exec(ctx, insertBrandsSQL(n/brandColumns), brandArgs[:n]...); err != nil {
			return fmt.Errorf("store activity brands: %w", err)
		}
		brandArgs = brandArgs[n:]
	}
	return nil
}

// insertBrandsSQL renders the insert of rows activity_brands rows; the
// texts for 1 and for a full statement are built once.
func insertBrandsSQL(rows int) string {
	if rows == 1 {
		return insertOneBrandSQL
	}
	return buildInsertBrandsSQL(rows)
}

var insertOneBrandSQL = buildInsertBrandsSQL(1)

func buildInsertBrandsSQL(rows int) string {
	vals := make([]string, rows)
	for k := range vals {
		vals[k] = "(" + placeholders(k*brandColumns+1, brandColumns) + ")"
	}
	return `INSERT INTO activity_brands (activity_id, brand_id, workspace_id, source, direct, polarity, stance, basis)
		VALUES ` + strings.Join(vals, ", ") + ` ON CONFLICT (activity_id, brand_id) DO NOTHING`
}

// Tombstone marks an activity deleted and erases its content. Unknown
// activities are left alone (Unchanged).
func (w *Writer) Tombstone(ctx context.Context, k herald.Key) (herald.Outcome, error) {
	var id, at, person int64
	var inReplyTo string
	err := w.queryRow(ctx, tombstoneSQL, []any{w.ws, string(k.Network), k.ExternalID}, &id, &at, &inReplyTo, &person)
	if errors.Is(err, sql.ErrNoRows) {
		return Unchanged, w.step(ctx, 1)
	}
	if err != nil {
		return Unchanged, fmt.Errorf("delete activity %s: %w", k, err)
	}
	if err := w.exec(ctx, deleteBrandsSQL, id); err != nil {
		return Unchanged, fmt.Errorf("delete activity %s brands: %w", k, err)
	}
	w.touched[person] = true
	w.dirty.add(at)
	w.replied(k.Network, inReplyTo)
	return Updated, w.step(ctx, 1)
}

const (
	deleteBrandsSQL = `DELETE FROM activity_brands WHERE activity_id = $1`
	tombstoneSQL    = `UPDATE activities SET deleted = 1, text = '', mentions = '[]', hashtags = '[]',
		links = '[]', attributes = '{}', url = '', revision = revision + 1
		WHERE workspace_id = $1 AND network = $2 AND external_id = $3 AND deleted = 0
		RETURNING id, created_at, in_reply_to, (SELECT person_id FROM identities WHERE identities.id = activities.identity_id)`
)

// activityColumns is the number of values per activity row.
const activityColumns = 28

const upsertActivityHead = `INSERT INTO activities (workspace_id, network, external_id, kind, identity_id, created_at,
	text, lang, url, in_reply_to, in_reply_to_author, subject, subject_author, conversation,
	mentions, hashtags, links, media, likes, shares, replies, quotes, attributes,
	polarity, sentiment, intents, detected_lang, analysis)
VALUES `

const upsertActivityTail = `
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
	attributes = excluded.attributes, polarity = excluded.polarity, sentiment = excluded.sentiment,
	intents = excluded.intents, detected_lang = excluded.detected_lang, analysis = excluded.analysis,
	revision = activities.revision + 1
WHERE activities.deleted = 0 AND (
	activities.kind <> excluded.kind OR activities.identity_id <> excluded.identity_id OR
	activities.created_at <> excluded.created_at OR activities.text <> excluded.text OR
	activities.lang <> excluded.lang OR activities.url <> excluded.url OR
	activities.in_reply_to <> excluded.in_reply_to OR activities.in_reply_to_author <> excluded.in_reply_to_author OR
	activities.subject <> excluded.subject OR activities.subject_author <> excluded.subject_author OR
	activities.conversation <> excluded.conversation OR activities.mentions <> excluded.mentions OR
	activities.hashtags <> excluded.hashtags OR activities.links <> excluded.links OR
	activities.media <> excluded.media OR activities.attributes <> excluded.attributes OR
	activities.analysis <> excluded.analysis OR activities.intents <> excluded.intents OR
	(excluded.likes >= 0 AND activities.likes <> excluded.likes) OR
	(excluded.shares >= 0 AND activities.shares <> excluded.shares) OR
	(excluded.replies >= 0 AND activities.replies <> excluded.replies) OR
	(excluded.quotes >= 0 AND activities.quotes <> excluded.quotes))
RETURNING id, revision, network, external_id`

func activityArgs(ws, identityID int64, a *herald.Activity) []any {
	an := a.Analysis
	if an == nil {
		an = &herald.Analysis{}
	}
	return []any{ws, string(a.Network), a.ExternalID, string(a.Kind), identityID, ms(a.CreatedAt),
		a.Text, a.Lang, a.URL, a.InReplyTo, a.InReplyToAuthor, a.Subject, a.SubjectAuthor, a.Conversation,
		jsonList(a.Mentions), jsonList(a.Hashtags), jsonList(a.Links), int64(a.Media),
		a.Metrics.Likes, a.Metrics.Shares, a.Metrics.Replies, a.Metrics.Quotes, jsonMap(a.Attributes),
		string(an.Sentiment.Label), an.Sentiment.Score, int64(an.Intents), an.Lang, analysisJSON(a.Analysis)}
}

// analysisJSON encodes an activity's analysis ("" when not analysed).
func analysisJSON(an *herald.Analysis) string {
	if an == nil {
		return ""
	}
	b, _ := json.Marshal(an) // plain structs always marshal
	return string(b)
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

// PutAnalyses stores new text analysis for activities already stored (by
// ID): the analysis columns and the brand mentions with their stances. The
// caller passes only activities whose analysis or brands changed (see
// `herald reanalyze`); content and revision are left alone.
func (w *Writer) PutAnalyses(ctx context.Context, acts []*herald.Activity) error {
	ids := make([]int64, 0, len(acts))
	var brandRows []any
	for _, a := range acts {
		an := a.Analysis
		if an == nil {
			an = &herald.Analysis{}
		}
		var at int64
		var network, inReplyTo string
		err := w.queryRow(ctx, updateAnalysisSQL, []any{string(an.Sentiment.Label), an.Sentiment.Score, int64(an.Intents),
			an.Lang, analysisJSON(a.Analysis), a.ID, w.ws}, &at, &network, &inReplyTo)
		switch {
		case err == nil:
			w.dirty.add(at)
			w.replied(herald.Network(network), inReplyTo)
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("store analysis of activity %d: %w", a.ID, err)
		}
		ids = append(ids, a.ID)
		for _, m := range a.Brands {
			brandRows = append(brandRows, brandArgs(a.ID, w.ws, m)...)
		}
	}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		if err := w.replaceBrands(ctx, ids[:n], nil); err != nil {
			return err
		}
		ids = ids[n:]
	}
	if err := w.replaceBrands(ctx, nil, brandRows); err != nil {
		return err
	}
	return w.step(ctx, len(acts))
}

const updateAnalysisSQL = `UPDATE activities SET polarity = $1, sentiment = $2, intents = $3, detected_lang = $4,
	analysis = $5 WHERE id = $6 AND workspace_id = $7 RETURNING created_at, network, in_reply_to`

// storedActivity is what the rollups need of an activity's stored version.
type storedActivity struct {
	at        int64 // created_at
	inReplyTo string
}

// storedTimes returns the stored creation times (Unix ms) and replied-to
// posts of those of acts that are stored already, by key: one lookup per
// network.
func (w *Writer) storedTimes(ctx context.Context, acts []*herald.Activity) (map[herald.Key]storedActivity, error) {
	byNetwork := map[herald.Network][]any{}
	for _, a := range acts {
		byNetwork[a.Network] = append(byNetwork[a.Network], a.ExternalID)
	}
	out := map[herald.Key]storedActivity{}
	for n, ext := range byNetwork {
		q := `SELECT external_id, created_at, in_reply_to FROM activities WHERE workspace_id = $1 AND network = $2
			AND external_id IN (` + placeholders(3, len(ext)) + `)`
		err := w.scanRows(ctx, q, append([]any{w.ws, string(n)}, ext...), func(scan func(...any) error) error {
			var id string
			var o storedActivity
			err := scan(&id, &o.at, &o.inReplyTo)
			out[herald.Key{Network: n, ExternalID: id}] = o
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
)

// ActivityFilter selects activities of a workspace. Zero fields select all.
type ActivityFilter struct {
	Network  herald.Network
	Kind     herald.Kind
	BrandID  int64
	PersonID int64
	Since    time.Time // inclusive
	Until    time.Time // exclusive
	AfterID  int64     // cursor: only activities with a larger id
	// Newest orders by creation time, newest first (then id, descending)
	// instead of by id; Before is its cursor: only activities strictly
	// older than it in that order.
	Newest   bool
	Before   *ActivityCursor
	Intents  herald.Intents  // any of these intents (0: any)
	Polarity herald.Polarity // overall polarity ("": any)
	Limit    int             // 0: 100
	Deleted  bool            // include tombstones
	IDs      []int64         // only these activities
}

// ActivityCursor is a position in the newest-first order.
type ActivityCursor struct {
	CreatedAt time.Time
	ID        int64
}

// ActivitiesByID returns the workspace's activities with these ids, in id
// order.
func (d *DB) ActivitiesByID(ctx context.Context, workspaceID int64, ids []int64) ([]herald.Activity, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return d.Activities(ctx, workspaceID, ActivityFilter{IDs: ids, Limit: len(ids)})
}

// Activities lists a workspace's activities in id order, with their authors
// and brand mentions.
func (d *DB) Activities(ctx context.Context, workspaceID int64, f ActivityFilter) ([]herald.Activity, error) {
	q, args := activityQuery(workspaceID, f)
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list activities: %w", err)
	}
	defer rows.Close()
	var out []herald.Activity
	for rows.Next() {
		a, err := scanActivity(rows)
		if err != nil {
			return nil, fmt.Errorf("list activities: %w", err)
		}
		a.WorkspaceID = workspaceID
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list activities: %w", err)
	}
	if err := d.attachBrands(ctx, workspaceID, out); err != nil {
		return nil, err
	}
	return out, nil
}

func activityQuery(ws int64, f ActivityFilter) (string, []any) {
	var b strings.Builder
	b.WriteString(`SELECT a.id, a.network, a.external_id, a.kind, a.created_at, a.text, a.lang, a.url, a.in_reply_to,
		a.in_reply_to_author, a.subject, a.subject_author, a.conversation, a.mentions, a.hashtags, a.links, a.media,
		a.likes, a.shares, a.replies, a.quotes, a.attributes, a.deleted, a.intents, a.analysis,
		i.id, i.person_id, i.network, i.external_id, i.handle, i.display_name, i.bio, i.followers, i.following, i.profile_url, i.observed_at
		FROM `)
	// Without statistics SQLite would walk the workspace's activities by
	// time for these filters too; for a person it must start from their
	// accounts (CROSS JOIN keeps that order), for ids from the ids.
	switch {
	case f.PersonID != 0:
		b.WriteString(`identities i CROSS JOIN activities a WHERE a.identity_id = i.id AND a.workspace_id + 0 = $1`)
	case len(f.IDs) > 0:
		b.WriteString(`activities a JOIN identities i ON i.id = a.identity_id WHERE a.workspace_id + 0 = $1`)
	default:
		b.WriteString(`activities a JOIN identities i ON i.id = a.identity_id WHERE a.workspace_id = $1`)
	}
	args := []any{ws}
	add := func(cond string, v any) {
		args = append(args, v)
		fmt.Fprintf(&b, " AND "+cond, len(args))
	}
	if !f.Deleted {
		b.WriteString(" AND a.deleted = 0")
	}
	if f.Network != "" {
		add("a.network = $%d", string(f.Network))
	}
	if f.Kind != "" {
		add("a.kind = $%d", string(f.Kind))
	}
	if f.BrandID != 0 {
		add("a.id IN (SELECT activity_id FROM activity_brands WHERE brand_id = $%d)", f.BrandID)
	}
	if f.PersonID != 0 {
		add("i.person_id = $%d", f.PersonID)
	}
	if !f.Since.IsZero() {
		add("a.created_at >= $%d", ms(f.Since))
	}
	if !f.Until.IsZero() {
		add("a.created_at < $%d", ms(f.Until))
	}
	if f.AfterID > 0 {
		add("a.id > $%d", f.AfterID)
	}
	if f.Intents != 0 {
		add("(a.intents & $%d) <> 0", int64(f.Intents))
	}
	if f.Polarity != "" {
		add("a.polarity = $%d", string(f.Polarity))
	}
	if f.Newest && f.Before != nil {
		args = append(args, ms(f.Before.CreatedAt), f.Before.ID)
		fmt.Fprintf(&b, " AND (a.created_at < $%d OR (a.created_at = $%d AND a.id < $%d))", len(args)-1, len(args)-1, len(args))
	}
	if len(f.IDs) > 0 {
		b.WriteString(" AND a.id IN (" + placeholders(len(args)+1, len(f.IDs)) + ")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit)
	order := "a.id"
	if f.Newest {
		order = "a.created_at DESC, a.id DESC"
	}
	fmt.Fprintf(&b, " ORDER BY "+order+" LIMIT $%d", len(args))
	return b.String(), args
}

func scanActivity(s interface{ Scan(...any) error }) (herald.Activity, error) {
	var a herald.Activity
	var network, kind, mentions, hashtags, links, attrs, authorNet, analysis string
	var created, observed, media, deleted, intents int64
	err := s.Scan(&a.ID, &network, &a.ExternalID, &kind, &created, &a.Text, &a.Lang, &a.URL, &a.InReplyTo,
		&a.InReplyToAuthor, &a.Subject, &a.SubjectAuthor, &a.Conversation, &mentions, &hashtags, &links, &media,
		&a.Metrics.Likes, &a.Metrics.Shares, &a.Metrics.Replies, &a.Metrics.Quotes, &attrs, &deleted, &intents, &analysis,
		&a.Author.ID, &a.Author.PersonID, &authorNet, &a.Author.ExternalID, &a.Author.Handle, &a.Author.DisplayName,
		&a.Author.Bio, &a.Author.Followers, &a.Author.Following, &a.Author.ProfileURL, &observed)
	if err != nil {
		return a, err
	}
	a.Network, a.Kind, a.Author.Network = herald.Network(network), herald.Kind(kind), herald.Network(authorNet)
	a.CreatedAt, a.Author.ObservedAt = fromMS(created), fromMS(observed)
	a.Media, a.Deleted = int(media), deleted != 0
	for _, f := range []struct {
		src string
		dst any
	}{{mentions, &a.Mentions}, {hashtags, &a.Hashtags}, {links, &a.Links}, {attrs, &a.Attributes}} {
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return a, fmt.Errorf("activity %d: corrupt JSON column: %w", a.ID, err)
		}
	}
	if analysis != "" {
		a.Analysis = &herald.Analysis{}
		if err := json.Unmarshal([]byte(analysis), a.Analysis); err != nil {
			return a, fmt.Errorf("activity %d: corrupt analysis column: %w", a.ID, err)
		}
		a.Analysis.Intents = herald.Intents(intents)
	}
	return a, nil
}

func (d *DB) attachBrands(ctx context.Context, ws int64, acts []herald.Activity) error {
	if len(acts) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(acts))
	for i := range acts {
		idx[acts[i].ID] = i
	}
	ids := make([]int64, len(acts))
	for i := range acts {
		ids[i] = acts[i].ID
	}
	// By id list, not id range: a newest-first page is not an id range.
	err := inChunks(ids, "ab.activity_id", func(cond string, args []any) error {
		rows, err := d.db.QueryContext(ctx, `SELECT ab.activity_id, ab.brand_id, b.slug, ab.source, ab.direct,
			ab.polarity, ab.stance, ab.basis
			FROM activity_brands ab JOIN brands b ON b.id = ab.brand_id
			WHERE ab.workspace_id + 0 = $1`+cond+` ORDER BY ab.activity_id, b.slug`, append([]any{ws}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var m herald.BrandMention
			var source, polarity string
			var direct int64
			if err := rows.Scan(&id, &m.BrandID, &m.Brand, &source, &direct, &polarity, &m.Stance.Score, &m.Stance.Basis); err != nil {
				return err
			}
			m.Source, m.Direct, m.Stance.Label = herald.MatchSource(source), direct != 0, herald.Polarity(polarity)
			if i, ok := idx[id]; ok {
				acts[i].Brands = append(acts[i].Brands, m)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return fmt.Errorf("list activity brands: %w", err)
	}
	return nil
}

package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
)

// ScoringActivity is a live activity as advocate scoring reads it: who
// wrote it, what it says about which brands, what it received, and whom it
// interacts with.
type ScoringActivity struct {
	ID       int64
	PersonID int64
	At       time.Time
	Kind     herald.Kind
	Network  herald.Network
	Text     string
	Intents  herald.Intents
	Media    bool
	Links    bool
	Reach    int64 // likes + shares + replies + quotes received (unknown counts as 0)
	// ParentQuestion is set on a reply to a post of another person that
	// asks a question; ParentBrands are the brands that post is about.
	ParentQuestion bool
	ParentBrands   []herald.BrandMention
	Sentiment      herald.Sentiment      // overall, when analysed
	Brands         []herald.BrandMention // with their stance
	// Targets are the handles (lower-case, on Network) it replies to,
	// shares, quotes, likes or mentions.
	Targets []string
}

// ScoringActivities streams the workspace's live activities person by
// person, in person id order, calling fn with each person's activities in
// id order. persons restricts the walk (nil: everyone).
func (d *DB) ScoringActivities(ctx context.Context, ws int64, persons []int64, fn func(person int64, acts []ScoringActivity) error) error {
	if persons == nil {
		return d.scoringActivities(ctx, ws, "", nil, fn)
	}
	return inChunks(persons, "i.person_id", func(cond string, args []any) error {
		return d.scoringActivities(ctx, ws, cond, args, fn)
	})
}

// inChunks calls f with a condition " AND column IN ($2, …)" and its
// arguments for each run of up to 500 ids ($1 is left to the caller), so
// a statement never carries more parameters than an engine takes.
func inChunks(ids []int64, column string, f func(cond string, args []any) error) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for k, id := range ids[:n] {
			args[k] = id
		}
		if err := f(" AND "+column+" IN ("+placeholders(2, n)+")", args); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

const scoringActivitiesSQL = `SELECT i.person_id, a.id, a.created_at, a.kind, a.network, a.text, a.intents, a.media, a.links,
	a.likes, a.shares, a.replies, a.quotes, a.in_reply_to_author, a.subject_author, a.mentions,
	COALESCE(p.intents, 0), COALESCE(pi.person_id, 0),
	COALESCE(ab.brand_id, 0), COALESCE(b.slug, ''), COALESCE(ab.source, ''), COALESCE(ab.direct, 0),
	COALESCE(ab.polarity, ''), COALESCE(ab.stance, 0), COALESCE(ab.basis, ''),
	a.polarity, a.sentiment, COALESCE(pb.brand_id, 0), COALESCE(pbb.slug, '')
	FROM activities a
	JOIN identities i ON i.id = a.identity_id
	LEFT JOIN activities p ON a.in_reply_to <> '' AND p.workspace_id = a.workspace_id AND p.network = a.network
		AND p.external_id = a.in_reply_to AND p.deleted = 0
	LEFT JOIN identities pi ON pi.id = p.identity_id
	LEFT JOIN activity_brands ab ON ab.activity_id = a.id
	LEFT JOIN brands b ON b.id = ab.brand_id
	LEFT JOIN activity_brands pb ON pb.activity_id = p.id AND pi.person_id <> i.person_id
	LEFT JOIN brands pbb ON pbb.id = pb.brand_id
	WHERE a.workspace_id = $1 AND a.deleted = 0`

func (d *DB) scoringActivities(ctx context.Context, ws int64, cond string, args []any, fn func(int64, []ScoringActivity) error) error {
	rows, err := d.db.QueryContext(ctx, scoringActivitiesSQL+cond+` ORDER BY i.person_id, a.id, ab.brand_id, pb.brand_id`, append([]any{ws}, args...)...)
	if err != nil {
		return fmt.Errorf("read activities for scoring: %w", err)
	}
	defer rows.Close()
	var cur []ScoringActivity
	var person int64
	for rows.Next() {
		a, m, err := scanScoring(rows)
		if err != nil {
			return fmt.Errorf("read activities for scoring: %w", err)
		}
		if len(cur) > 0 && a.PersonID != person {
			if err := fn(person, cur); err != nil {
				return err
			}
			cur = cur[:0:0]
		}
		person = a.PersonID
		if n := len(cur); n > 0 && cur[n-1].ID == a.ID {
			cur[n-1].Brands = addMentions(cur[n-1].Brands, m)
			cur[n-1].ParentBrands = addMentions(cur[n-1].ParentBrands, a.ParentBrands)
			continue
		}
		a.Brands = m
		cur = append(cur, a)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read activities for scoring: %w", err)
	}
	if len(cur) > 0 {
		return fn(person, cur)
	}
	return nil
}

// addMentions appends the mentions of ms whose brand is not in to yet (the
// scoring query repeats rows per brand pair).
func addMentions(to, ms []herald.BrandMention) []herald.BrandMention {
	for _, m := range ms {
		if !slices.ContainsFunc(to, func(x herald.BrandMention) bool { return x.BrandID == m.BrandID }) {
			to = append(to, m)
		}
	}
	return to
}

func scanScoring(rows interface{ Scan(...any) error }) (ScoringActivity, []herald.BrandMention, error) {
	var a ScoringActivity
	var created, intents, media, parentIntents, parentPerson, direct int64
	var likes, shares, replies, quotes int64
	var kind, network, links, replyTo, subject, mentions, source, polarity, overall string
	var m, pm herald.BrandMention
	err := rows.Scan(&a.PersonID, &a.ID, &created, &kind, &network, &a.Text, &intents, &media, &links,
		&likes, &shares, &replies, &quotes, &replyTo, &subject, &mentions, &parentIntents, &parentPerson,
		&m.BrandID, &m.Brand, &source, &direct, &polarity, &m.Stance.Score, &m.Stance.Basis,
		&overall, &a.Sentiment.Score, &pm.BrandID, &pm.Brand)
	if err != nil {
		return a, nil, err
	}
	a.Sentiment.Label = herald.Polarity(overall)
	if pm.BrandID != 0 {
		a.ParentBrands = []herald.BrandMention{pm}
	}
	a.At, a.Kind, a.Network, a.Intents = fromMS(created), herald.Kind(kind), herald.Network(network), herald.Intents(intents)
	a.Media, a.Links = media > 0, links != "[]" && links != ""
	a.Reach = max(likes, 0) + max(shares, 0) + max(replies, 0) + max(quotes, 0)
	a.ParentQuestion = parentPerson != 0 && parentPerson != a.PersonID && herald.Intents(parentIntents).Has(herald.IntentQuestion)
	a.Targets = targets(replyTo, subject, mentions)
	if m.BrandID == 0 {
		return a, nil, nil
	}
	m.Source, m.Direct, m.Stance.Label = herald.MatchSource(source), direct != 0, herald.Polarity(polarity)
	return a, []herald.BrandMention{m}, nil
}

// targets lists the lower-cased handles an activity interacts with.
func targets(replyTo, subject, mentions string) []string {
	var out []string
	for _, h := range []string{replyTo, subject} {
		if h != "" {
			out = append(out, strings.ToLower(h))
		}
	}
	var ms []string
	if json.Unmarshal([]byte(mentions), &ms) == nil {
		for _, h := range ms {
			out = append(out, strings.ToLower(h))
		}
	}
	return out
}

// ScoringPerson is what scoring knows of a person beyond their activity.
type ScoringPerson struct {
	ID        int64
	Followers int64 // the largest audience over their identities; -1 unknown
	Accounts  []herald.AccountRef
	Bios      []string
}

// ScoringPeople reads the identities of people (nil: everyone) of the
// workspace, by person id.
func (d *DB) ScoringPeople(ctx context.Context, ws int64, persons []int64) (map[int64]*ScoringPerson, error) {
	out := map[int64]*ScoringPerson{}
	read := func(cond string, args []any) error {
		rows, err := d.db.QueryContext(ctx, `SELECT person_id, network, handle_key, followers, bio FROM identities
			WHERE workspace_id = $1`+cond, append([]any{ws}, args...)...)
		if err != nil {
			return fmt.Errorf("read people for scoring: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, followers int64
			var network, handle, bio string
			if err := rows.Scan(&id, &network, &handle, &followers, &bio); err != nil {
				return fmt.Errorf("read people for scoring: %w", err)
			}
			p := out[id]
			if p == nil {
				p = &ScoringPerson{ID: id, Followers: -1}
				out[id] = p
			}
			p.Followers = max(p.Followers, followers)
			p.Accounts = append(p.Accounts, herald.AccountRef{Network: herald.Network(network), Handle: handle})
			if bio != "" {
				p.Bios = append(p.Bios, bio)
			}
		}
		return rows.Err()
	}
	if persons == nil {
		return out, read("", nil)
	}
	return out, inChunks(persons, "person_id", read)
}

// Repliers returns the people who replied to activities of the given
// people: their summaries depend on what they replied to (an answer to a
// question), so they are re-summarised with them.
func (d *DB) Repliers(ctx context.Context, ws int64, persons []int64) ([]int64, error) {
	seen := map[int64]bool{}
	err := inChunks(persons, "pi.person_id", func(cond string, args []any) error {
		rows, err := d.db.QueryContext(ctx, `SELECT DISTINCT ri.person_id FROM identities pi
			JOIN activities p ON p.identity_id = pi.id
			JOIN activities r ON r.workspace_id = p.workspace_id AND r.network = p.network AND r.in_reply_to = p.external_id
				AND r.in_reply_to <> ''
			JOIN identities ri ON ri.id = r.identity_id
			WHERE pi.workspace_id = $1`+cond, append([]any{ws}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p int64
			if err := rows.Scan(&p); err != nil {
				return err
			}
			seen[p] = true
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("find repliers: %w", err)
	}
	out := make([]int64, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	return out, nil
}

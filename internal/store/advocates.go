package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
)

// AdvocateFilter selects scored people for one brand.
type AdvocateFilter struct {
	BrandID int64
	Stages  []string // any of these stages (none: all)
	Flags   int64    // every one of these flag bits
	NoFlags int64    // none of these flag bits
	// Since keeps people who reached their current stage and flags at or
	// after this time (zero: everyone): "new advocates this week".
	Since time.Time
	// Tag keeps people with this tag (normalized: herald.NormalizeTag).
	Tag string
	// After is the cursor: only people ranked after this one.
	After *AdvocateCursor
	Limit int // 0: 100
}

// AdvocateCursor is a position in the advocates ranking.
type AdvocateCursor struct {
	Ordering float64
	PersonID int64
}

// Cursor returns the ranking position of a.
func (a *Advocate) Cursor() AdvocateCursor {
	return AdvocateCursor{Ordering: a.Ordering, PersonID: a.PersonID}
}

// Advocate is a scored person with the account that best represents them.
type Advocate struct {
	PersonScore
	DisplayName string         `json:"display_name"`
	Network     herald.Network `json:"network"`
	Handle      string         `json:"handle"`
	Followers   int64          `json:"followers"`
}

// Advocates ranks a brand's scored people: by score, then (among equal
// scores, typically 0) by stage and regularity, so the engaged come before
// the silent; then by person id.
func (d *DB) Advocates(ctx context.Context, ws int64, f AdvocateFilter) ([]Advocate, error) {
	var b strings.Builder
	b.WriteString(scoreSelect + ` FROM person_scores s WHERE s.workspace_id = $1 AND s.brand_id = $2`)
	args := []any{ws, f.BrandID}
	if len(f.Stages) > 0 {
		b.WriteString(" AND s.stage IN (" + placeholders(len(args)+1, len(f.Stages)) + ")")
		for _, st := range f.Stages {
			args = append(args, st)
		}
	}
	if f.Flags != 0 {
		args = append(args, f.Flags)
		fmt.Fprintf(&b, " AND (s.flags & $%d) = $%d", len(args), len(args))
	}
	if f.NoFlags != 0 {
		args = append(args, f.NoFlags)
		fmt.Fprintf(&b, " AND (s.flags & $%d) = 0", len(args))
	}
	if !f.Since.IsZero() {
		args = append(args, ms(f.Since))
		fmt.Fprintf(&b, " AND %s >= $%d", sinceSQL, len(args))
	}
	if f.Tag != "" {
		args = append(args, f.Tag)
		fmt.Fprintf(&b, " AND EXISTS (SELECT 1 FROM person_tags t WHERE t.workspace_id = s.workspace_id AND t.tag = $%d AND t.person_id = s.person_id)", len(args))
	}
	if f.After != nil {
		args = append(args, f.After.Ordering, f.After.PersonID)
		fmt.Fprintf(&b, " AND (s.ordering < $%d OR (s.ordering = $%d AND s.person_id > $%d))", len(args)-1, len(args)-1, len(args))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit)
	fmt.Fprintf(&b, " ORDER BY s.ordering DESC, s.person_id LIMIT $%d", len(args))
	scores, err := d.queryScores(ctx, b.String(), args...)
	if err != nil {
		return nil, fmt.Errorf("rank advocates: %w", err)
	}
	return d.withAccounts(ctx, ws, scores)
}

// PersonScores returns a person's scores for every brand they talk about.
func (d *DB) PersonScores(ctx context.Context, ws, person int64) ([]PersonScore, error) {
	out, err := d.queryScores(ctx, scoreSelect+` FROM person_scores s WHERE s.workspace_id = $1 AND s.person_id = $2
		ORDER BY s.brand_id`, ws, person)
	if err != nil {
		return nil, fmt.Errorf("read scores of person %d: %w", person, err)
	}
	return out, nil
}

const scoreSelect = `SELECT s.person_id, s.brand_id, s.score, s.stage, s.flags, s.tenure, s.regularity, s.recency,
	s.stance, s.influence, s.contribution, s.competitor, s.reasons, s.evidence, s.as_of, s.ordering, COALESCE(` + sinceSQL + `, 0)`

// sinceSQL is when a scored person reached their current stage and flags:
// the latest recorded change into them.
const sinceSQL = `(SELECT MAX(c.at) FROM stage_changes c WHERE c.workspace_id = s.workspace_id AND c.person_id = s.person_id
	AND c.brand_id = s.brand_id AND c.to_stage = s.stage AND c.to_flags = s.flags)`

func (d *DB) queryScores(ctx context.Context, q string, args ...any) ([]PersonScore, error) {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PersonScore
	for rows.Next() {
		var s PersonScore
		var reasons, evidence string
		var asOf, since int64
		f := &s.Facets
		if err := rows.Scan(&s.PersonID, &s.BrandID, &s.Score, &s.Stage, &s.Flags, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6],
			&reasons, &evidence, &asOf, &s.Ordering, &since); err != nil {
			return nil, err
		}
		s.Reasons, s.AsOf, s.Since = json.RawMessage(reasons), fromMS(asOf), fromMS(since)
		if err := json.Unmarshal([]byte(evidence), &s.Evidence); err != nil {
			return nil, fmt.Errorf("person %d: corrupt evidence: %w", s.PersonID, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// withAccounts attaches to each score the person's name and their
// largest-audience account.
func (d *DB) withAccounts(ctx context.Context, ws int64, scores []PersonScore) ([]Advocate, error) {
	out := make([]Advocate, len(scores))
	index := make(map[int64][]int, len(scores))
	ids := make([]int64, 0, len(scores))
	for i, s := range scores {
		out[i].PersonScore = s
		if _, ok := index[s.PersonID]; !ok {
			ids = append(ids, s.PersonID)
		}
		index[s.PersonID] = append(index[s.PersonID], i)
	}
	type best struct {
		name, network, handle string
		followers, id         int64
	}
	found := make(map[int64]best, len(ids))
	err := inChunks(ids, "p.id", func(cond string, args []any) error {
		rows, err := d.db.QueryContext(ctx, `SELECT p.id, p.display_name, i.id, i.network, i.handle, i.followers FROM persons p
			JOIN identities i ON i.person_id = p.id WHERE p.workspace_id = $1`+cond, append([]any{ws}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var person int64
			var b best
			if err := rows.Scan(&person, &b.name, &b.id, &b.network, &b.handle, &b.followers); err != nil {
				return err
			}
			// The largest audience, then the oldest identity.
			if cur, ok := found[person]; !ok || b.followers > cur.followers || b.followers == cur.followers && b.id < cur.id {
				found[person] = b
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read the accounts of advocates: %w", err)
	}
	for person, is := range index {
		b, ok := found[person]
		if !ok {
			return nil, fmt.Errorf("read account of person %d: no identity", person)
		}
		for _, i := range is {
			out[i].DisplayName, out[i].Network, out[i].Handle, out[i].Followers = b.name, herald.Network(b.network), b.handle, b.followers
		}
	}
	return out, nil
}

// StageChange is one recorded change of a person's stage or flags for a
// brand.
type StageChange struct {
	PersonID  int64     `json:"person_id"`
	BrandID   int64     `json:"brand_id"`
	FromStage string    `json:"from_stage"`
	ToStage   string    `json:"to_stage"`
	FromFlags int64     `json:"-"`
	ToFlags   int64     `json:"-"`
	At        time.Time `json:"at"`
}

// StageChanges lists a person's stage history (person 0: everyone's, for
// the brand), oldest first, limited to changes at or after since.
func (d *DB) StageChanges(ctx context.Context, ws, person, brand int64, since time.Time) ([]StageChange, error) {
	q := `SELECT person_id, brand_id, from_stage, to_stage, from_flags, to_flags, at FROM stage_changes
		WHERE workspace_id = $1 AND at >= $2`
	args := []any{ws, ms(since)}
	if person != 0 {
		args = append(args, person)
		q += fmt.Sprintf(" AND person_id = $%d", len(args))
	}
	if brand != 0 {
		args = append(args, brand)
		q += fmt.Sprintf(" AND brand_id = $%d", len(args))
	}
	rows, err := d.db.QueryContext(ctx, q+" ORDER BY at, id", args...)
	if err != nil {
		return nil, fmt.Errorf("read stage changes: %w", err)
	}
	defer rows.Close()
	var out []StageChange
	for rows.Next() {
		var c StageChange
		var at int64
		if err := rows.Scan(&c.PersonID, &c.BrandID, &c.FromStage, &c.ToStage, &c.FromFlags, &c.ToFlags, &at); err != nil {
			return nil, fmt.Errorf("read stage changes: %w", err)
		}
		c.At = fromMS(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

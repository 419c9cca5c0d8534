package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// PersonScore is one person's advocacy score for one brand, as stored.
type PersonScore struct {
	PersonID int64           `json:"person_id"`
	BrandID  int64           `json:"brand_id"`
	Score    float64         `json:"score"`
	Stage    string          `json:"stage"`
	Flags    int64           `json:"-"`
	Facets   [7]float64      `json:"-"` // tenure, regularity, recency, stance, influence, contribution, competitor
	Reasons  json.RawMessage `json:"reasons"`
	Evidence []int64         `json:"evidence"`
	AsOf     time.Time       `json:"as_of"`
	Since    time.Time       `json:"since"` // when the current stage and flags were reached (read only)
	Ordering float64         `json:"-"`     // the rank key (read only; see ordering)
}

// Interaction is an author's interactions with one handle.
type Interaction struct {
	Network string
	Handle  string
	Weight  int64
}

// ScoredPerson is what one scoring computed for one person.
type ScoredPerson struct {
	PersonID   int64
	Scores     []PersonScore // one per brand the person talks about
	Centrality float64
}

// BrandSummary is a person's encoded activity summary for one brand.
type BrandSummary struct {
	BrandID int64
	Data    []byte
}

// PersonSummaries is what summarising one person's activity produced.
type PersonSummaries struct {
	PersonID     int64
	Summaries    []BrandSummary
	Interactions []Interaction
}

// ReplaceSummaries replaces the stored summaries and interactions of the
// given people, in one transaction.
func (d *DB) ReplaceSummaries(ctx context.Context, ws int64, people []PersonSummaries) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save summaries: %w", err)
	}
	defer rollback(tx)
	s := &scoreSaver{tx: tx, ws: ws, stmts: map[string]*sql.Stmt{}}
	defer s.close()
	for _, p := range people {
		if err := s.replaceSummaries(ctx, p); err != nil {
			return fmt.Errorf("save summaries of person %d: %w", p.PersonID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save summaries: %w", err)
	}
	return nil
}

func (s *scoreSaver) replaceSummaries(ctx context.Context, p PersonSummaries) error {
	for _, q := range []string{`DELETE FROM person_summaries WHERE workspace_id = $1 AND person_id = $2`,
		`DELETE FROM interactions WHERE workspace_id = $1 AND person_id = $2`} {
		if err := s.exec(ctx, q, s.ws, p.PersonID); err != nil {
			return err
		}
	}
	for _, b := range p.Summaries {
		if err := s.exec(ctx, `INSERT INTO person_summaries (workspace_id, person_id, brand_id, summary) VALUES ($1, $2, $3, $4)`,
			s.ws, p.PersonID, b.BrandID, b.Data); err != nil {
			return err
		}
	}
	for _, in := range p.Interactions {
		if err := s.exec(ctx, `INSERT INTO interactions (workspace_id, person_id, network, handle_key, weight)
			VALUES ($1, $2, $3, $4, $5)`, s.ws, p.PersonID, in.Network, in.Handle, in.Weight); err != nil {
			return err
		}
	}
	return nil
}

// SaveScores replaces the stored scores and centrality of the given people
// and records their stage changes, in one transaction.
func (d *DB) SaveScores(ctx context.Context, ws int64, people []ScoredPerson) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save scores: %w", err)
	}
	defer rollback(tx)
	s := &scoreSaver{tx: tx, ws: ws, stmts: map[string]*sql.Stmt{}}
	defer s.close()
	for i := range people {
		if err := s.save(ctx, &people[i]); err != nil {
			return fmt.Errorf("save scores of person %d: %w", people[i].PersonID, err)
		}
	}
	if err := bumpVersion(ctx, tx, ws); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save scores: %w", err)
	}
	return nil
}

type scoreSaver struct {
	tx    *sql.Tx
	ws    int64
	stmts map[string]*sql.Stmt
}

func (s *scoreSaver) close() {
	for _, st := range s.stmts {
		st.Close()
	}
}

func (s *scoreSaver) exec(ctx context.Context, q string, args ...any) error {
	st, ok := s.stmts[q]
	if !ok {
		var err error
		if st, err = s.tx.PrepareContext(ctx, q); err != nil {
			return err
		}
		s.stmts[q] = st
	}
	_, err := st.ExecContext(ctx, args...)
	return err
}

type stageFlags struct {
	stage string
	flags int64
}

func (s *scoreSaver) save(ctx context.Context, p *ScoredPerson) error {
	before, err := s.previous(ctx, p.PersonID)
	if err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM person_scores WHERE workspace_id = $1 AND person_id = $2`,
		`DELETE FROM person_metrics WHERE workspace_id = $1 AND person_id = $2`} {
		if err := s.exec(ctx, q, s.ws, p.PersonID); err != nil {
			return err
		}
	}
	for _, sc := range p.Scores {
		if err := s.insertScore(ctx, p.PersonID, sc, before); err != nil {
			return err
		}
	}
	return s.exec(ctx, `INSERT INTO person_metrics (workspace_id, person_id, centrality) VALUES ($1, $2, $3)`,
		s.ws, p.PersonID, p.Centrality)
}

func (s *scoreSaver) insertScore(ctx context.Context, person int64, sc PersonScore, before map[int64]stageFlags) error {
	ev, _ := json.Marshal(sc.Evidence) // []int64 always marshals
	reasons := string(sc.Reasons)
	if reasons == "" {
		reasons = "[]"
	}
	f := sc.Facets
	if err := s.exec(ctx, `INSERT INTO person_scores (workspace_id, person_id, brand_id, score, ordering, stage, flags,
		tenure, regularity, recency, stance, influence, contribution, competitor, reasons, evidence, as_of)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		s.ws, person, sc.BrandID, sc.Score, ordering(sc), sc.Stage, sc.Flags, f[0], f[1], f[2], f[3], f[4], f[5], f[6],
		reasons, string(ev), ms(sc.AsOf)); err != nil {
		return err
	}
	prev, ok := before[sc.BrandID]
	if ok && prev.stage == sc.Stage && prev.flags == sc.Flags {
		return nil
	}
	return s.exec(ctx, `INSERT INTO stage_changes (workspace_id, person_id, brand_id, from_stage, to_stage, from_flags, to_flags, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, s.ws, person, sc.BrandID, prev.stage, sc.Stage, prev.flags, sc.Flags, ms(sc.AsOf))
}

// stageRanks orders stages, lowest first.
var stageRanks = map[string]float64{"audience": 0, "engaged": 1, "potential": 2, "advocate": 3, "champion": 4}

// ordering folds the ranking of `herald advocates` — score (to 0.01),
// then stage, then regularity — into one number an index can sort by.
func ordering(sc PersonScore) float64 {
	return math.Round(sc.Score*100)/100 + stageRanks[sc.Stage]/1000 + min(max(sc.Facets[1], 0), 1)/1e5
}

// previous reads a person's stored stages and flags per brand.
func (s *scoreSaver) previous(ctx context.Context, person int64) (map[int64]stageFlags, error) {
	rows, err := s.tx.QueryContext(ctx, `SELECT brand_id, stage, flags FROM person_scores WHERE workspace_id = $1 AND person_id = $2`,
		s.ws, person)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]stageFlags{}
	for rows.Next() {
		var b int64
		var sf stageFlags
		if err := rows.Scan(&b, &sf.stage, &sf.flags); err != nil {
			return nil, err
		}
		out[b] = sf
	}
	return out, rows.Err()
}

// GraphEdge is a weighted interaction between two people.
type GraphEdge struct {
	From, To int64
	Weight   int64
}

// InteractionGraph returns the workspace's person-to-person interaction
// graph, resolving each interaction's handle to the people who hold it.
func (d *DB) InteractionGraph(ctx context.Context, ws int64) ([]GraphEdge, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT x.person_id, t.person_id, SUM(x.weight) FROM interactions x
		JOIN identities t ON t.workspace_id = x.workspace_id AND t.network = x.network AND t.handle_key = x.handle_key
		WHERE x.workspace_id = $1 AND t.person_id <> x.person_id
		GROUP BY x.person_id, t.person_id ORDER BY x.person_id, t.person_id`, ws)
	if err != nil {
		return nil, fmt.Errorf("read interaction graph: %w", err)
	}
	defer rows.Close()
	var out []GraphEdge
	for rows.Next() {
		var e GraphEdge
		if err := rows.Scan(&e.From, &e.To, &e.Weight); err != nil {
			return nil, fmt.Errorf("read interaction graph: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Summaries streams the stored summaries person by person, in person
// order.
func (d *DB) Summaries(ctx context.Context, ws int64, fn func(person int64, sums []BrandSummary) error) error {
	rows, err := d.db.QueryContext(ctx, `SELECT person_id, brand_id, summary FROM person_summaries
		WHERE workspace_id = $1 ORDER BY person_id, brand_id`, ws)
	if err != nil {
		return fmt.Errorf("read summaries: %w", err)
	}
	defer rows.Close()
	var cur []BrandSummary
	var person int64
	for rows.Next() {
		var p int64
		var b BrandSummary
		if err := rows.Scan(&p, &b.BrandID, &b.Data); err != nil {
			return fmt.Errorf("read summaries: %w", err)
		}
		if len(cur) > 0 && p != person {
			if err := fn(person, cur); err != nil {
				return err
			}
			cur = nil
		}
		person = p
		cur = append(cur, b)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read summaries: %w", err)
	}
	if len(cur) > 0 {
		return fn(person, cur)
	}
	return nil
}

// DataClock is the time of the workspace's latest live activity: scores
// are computed as of it, so they depend on the data, not on when they were
// computed. Zero when there is no activity.
func (d *DB) DataClock(ctx context.Context, ws int64) (time.Time, error) {
	var v sql.NullInt64
	if err := d.db.QueryRowContext(ctx, `SELECT MAX(created_at) FROM activities WHERE workspace_id = $1 AND deleted = 0`,
		ws).Scan(&v); err != nil {
		return time.Time{}, fmt.Errorf("read data clock: %w", err)
	}
	if !v.Valid {
		return time.Time{}, nil
	}
	return fromMS(v.Int64), nil
}

// DropStaleScores deletes the scores of (person, brand) pairs that no
// longer have a summary (their activity was deleted or re-attributed).
func (d *DB) DropStaleScores(ctx context.Context, ws int64) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("drop stale scores: %w", err)
	}
	defer rollback(tx)
	res, err := tx.ExecContext(ctx, `DELETE FROM person_scores WHERE workspace_id = $1 AND NOT EXISTS (
		SELECT 1 FROM person_summaries s WHERE s.workspace_id = person_scores.workspace_id
		AND s.person_id = person_scores.person_id AND s.brand_id = person_scores.brand_id)`, ws)
	if err != nil {
		return fmt.Errorf("drop stale scores: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		if err := bumpVersion(ctx, tx, ws); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("drop stale scores: %w", err)
	}
	return nil
}

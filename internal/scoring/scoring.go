// Package scoring keeps a workspace's advocate scores current: it reads
// what package advocacy needs from the store (each person's activity about
// each brand, their accounts, who they interact with), runs it, and stores
// summaries, scores, stages and stage changes. A full rescore and the
// incremental update after an import run the same per-person code, so they
// give identical results.
package scoring

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/store"
)

// Scorer scores one workspace.
type Scorer struct {
	db      *store.DB
	ws      *herald.Workspace
	brands  []advocacy.Brand
	weights advocacy.Weights
}

// New returns a scorer for the workspace with the given weights.
func New(db *store.DB, ws *herald.Workspace, w advocacy.Weights) *Scorer {
	s := &Scorer{db: db, ws: ws, weights: w}
	for _, b := range ws.Brands {
		s.brands = append(s.brands, advocacy.Brand{ID: b.ID, Slug: b.Slug, Own: b.Role == herald.RoleOwn})
	}
	return s
}

// ForWorkspace returns a scorer with the workspace's scoring parameters
// (its overrides of the defaults).
func ForWorkspace(db *store.DB, ws *herald.Workspace) (*Scorer, error) {
	w, err := advocacy.WeightsFrom(ws.Scoring)
	if err != nil {
		return nil, herald.Errorf(herald.EInvalid, "workspace %s: %v", ws.Slug, err)
	}
	return New(db, ws, w), nil
}

// Stats says what a scoring run did.
type Stats struct {
	Summarised int       `json:"people_summarised"`
	Activities int       `json:"activities_read"`
	Scored     int       `json:"people_scored"`
	AsOf       time.Time `json:"as_of"`
	Seconds    float64   `json:"seconds"`
}

// Rescore recomputes every person's summaries from their activities, then
// everyone's scores.
func (s *Scorer) Rescore(ctx context.Context) (Stats, error) { return s.run(ctx, nil) }

// Update re-summarises the people an import touched (and those who replied
// to them: answering a question counts), then re-scores everyone as of the
// data clock (centrality and the clock may have moved). With the same data
// it gives exactly what Rescore gives. It assumes an activity keeps its
// author, as network ids do.
func (s *Scorer) Update(ctx context.Context, persons []int64) (Stats, error) {
	if len(persons) == 0 {
		return Stats{}, nil
	}
	repliers, err := s.db.Repliers(ctx, s.ws.ID, persons)
	if err != nil {
		return Stats{}, err
	}
	persons = append(slices.Clone(persons), repliers...)
	slices.Sort(persons)
	return s.run(ctx, slices.Compact(persons))
}

func (s *Scorer) run(ctx context.Context, persons []int64) (Stats, error) {
	start := time.Now()
	var st Stats
	if err := s.summarise(ctx, persons, &st); err != nil {
		return st, err
	}
	asOf, err := s.db.DataClock(ctx, s.ws.ID)
	if err != nil {
		return st, err
	}
	st.AsOf = asOf
	if err := s.score(ctx, asOf, &st); err != nil {
		return st, err
	}
	st.Seconds = time.Since(start).Seconds()
	return st, nil
}

// summarise recomputes and stores the summaries and interactions of the
// given people (nil: everyone; people left without activity get none).
func (s *Scorer) summarise(ctx context.Context, persons []int64, st *Stats) error {
	pending := make([]store.PersonSummaries, 0, flushEvery)
	seen := map[int64]bool{}
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		err := s.db.ReplaceSummaries(ctx, s.ws.ID, pending)
		pending = pending[:0]
		return err
	}
	err := s.db.ScoringActivities(ctx, s.ws.ID, persons, func(person int64, acts []store.ScoringActivity) error {
		seen[person] = true
		st.Summarised++
		st.Activities += len(acts)
		ps, err := summarisePerson(person, acts)
		if err != nil {
			return err
		}
		if pending = append(pending, ps); len(pending) == flushEvery {
			return flush()
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("summarise activity: %w", err)
	}
	if persons == nil {
		return s.clearOthers(ctx, seen, flush)
	}
	for _, p := range persons {
		if !seen[p] {
			pending = append(pending, store.PersonSummaries{PersonID: p})
		}
	}
	return flush()
}

// flushEvery is how many people's results are written per transaction.
const flushEvery = 1000

// clearOthers empties the summaries of people a full pass did not see.
func (s *Scorer) clearOthers(ctx context.Context, seen map[int64]bool, flush func() error) error {
	if err := flush(); err != nil {
		return err
	}
	var stale []store.PersonSummaries
	err := s.db.Summaries(ctx, s.ws.ID, func(person int64, _ []store.BrandSummary) error {
		if !seen[person] {
			stale = append(stale, store.PersonSummaries{PersonID: person})
		}
		return nil
	})
	if err != nil || len(stale) == 0 {
		return err
	}
	return s.db.ReplaceSummaries(ctx, s.ws.ID, stale)
}

// summarisePerson turns one person's activities into their encoded
// summaries per brand and their interactions.
func summarisePerson(person int64, acts []store.ScoringActivity) (store.PersonSummaries, error) {
	out := store.PersonSummaries{PersonID: person, Interactions: interactions(acts)}
	for _, sum := range advocacy.Summarize(events(acts)) {
		data, err := sum.MarshalBinary()
		if err != nil {
			return out, fmt.Errorf("encode summary of person %d: %w", person, err)
		}
		out.Summaries = append(out.Summaries, store.BrandSummary{BrandID: sum.Brand, Data: data})
	}
	return out, nil
}

package scoring

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/store"
)

// score computes everyone's scores as of asOf from the stored summaries,
// the interaction graph and the people's accounts, and stores them.
func (s *Scorer) score(ctx context.Context, asOf time.Time, st *Stats) error {
	people, err := s.db.ScoringPeople(ctx, s.ws.ID, nil)
	if err != nil {
		return err
	}
	central, err := s.centrality(ctx)
	if err != nil {
		return err
	}
	var pending []store.ScoredPerson
	err = s.db.Summaries(ctx, s.ws.ID, func(person int64, enc []store.BrandSummary) error {
		sums := make([]advocacy.Summary, 0, len(enc))
		for _, b := range enc {
			sum, err := advocacy.UnmarshalSummary(b.Data)
			if err != nil {
				return fmt.Errorf("person %d brand %d: stored summary: %w (run herald rescore)", person, b.BrandID, err)
			}
			sums = append(sums, sum)
		}
		p := s.person(person, people[person], central[person])
		res := advocacy.Score(p, sums, s.brands, asOf.Unix(), s.weights)
		pending = append(pending, toStored(person, res, central[person], asOf))
		st.Scored++
		if len(pending) == flushEvery {
			err := s.db.SaveScores(ctx, s.ws.ID, pending)
			pending = pending[:0]
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("score people: %w", err)
	}
	if len(pending) > 0 {
		if err := s.db.SaveScores(ctx, s.ws.ID, pending); err != nil {
			return err
		}
	}
	return s.db.DropStaleScores(ctx, s.ws.ID)
}

// centrality runs PageRank over the workspace's interaction graph (nodes
// in person id order), scaled so the average person is 1; people outside
// the graph get 0.
func (s *Scorer) centrality(ctx context.Context) (map[int64]float64, error) {
	edges, err := s.db.InteractionGraph(ctx, s.ws.ID)
	if err != nil {
		return nil, err
	}
	index := map[int64]int32{}
	var ids []int64
	node := func(p int64) int32 {
		if i, ok := index[p]; ok {
			return i
		}
		index[p] = int32(len(ids))
		ids = append(ids, p)
		return index[p]
	}
	es := make([]advocacy.Edge, len(edges))
	for i, e := range edges {
		es[i] = advocacy.Edge{From: node(e.From), To: node(e.To), Weight: float32(e.Weight)}
	}
	out := make(map[int64]float64, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	for i, r := range advocacy.Relative(advocacy.PageRank(len(ids), es, 0.85, 50)) {
		out[ids[i]] = r
	}
	return out, nil
}

// person assembles what advocacy needs to know about a person.
func (s *Scorer) person(id int64, sp *store.ScoringPerson, centrality float64) advocacy.Person {
	p := advocacy.Person{ID: id, Followers: -1, Centrality: centrality}
	if sp == nil {
		return p
	}
	p.Followers = sp.Followers
	for _, b := range s.ws.Brands {
		if employs(b, sp) {
			p.Employee = append(p.Employee, b.ID)
		}
	}
	return p
}

// employs reports whether a person works for a brand: one of their
// accounts is declared among its employees, or a bio says so ("barista at
// Northwind", "Northwind team").
func employs(b herald.Brand, sp *store.ScoringPerson) bool {
	for _, ref := range b.Employees {
		for _, acc := range sp.Accounts {
			if acc.Network == ref.Network && acc.Handle == herald.NormalizeHandle(ref.Handle) {
				return true
			}
		}
	}
	name := strings.ToLower(b.Name)
	for _, bio := range sp.Bios {
		bio = strings.ToLower(bio)
		if !strings.Contains(bio, name) {
			continue
		}
		for _, cue := range staffCues {
			if strings.Contains(bio, cue) {
				return true
			}
		}
	}
	return false
}

// staffCues are bio phrases that, next to the brand's name, say the person
// works there.
var staffCues = []string{"barista at", "work at", "working at", "works at", "employee", "staff at", "team member",
	"engineer at", "manager at", "intern at", "i work for", "working for"}

// toStored converts a person's results for storage.
func toStored(person int64, res []advocacy.Result, centrality float64, asOf time.Time) store.ScoredPerson {
	out := store.ScoredPerson{PersonID: person, Centrality: centrality}
	for _, r := range res {
		reasons, _ := json.Marshal(r.Reasons) // plain structs always marshal
		f := r.Facets
		out.Scores = append(out.Scores, store.PersonScore{PersonID: person, BrandID: r.Brand, Score: r.Score,
			Stage: r.Stage.String(), Flags: int64(r.Flags), Reasons: reasons, Evidence: r.Evidence, AsOf: asOf,
			Facets: [7]float64{f.Tenure, f.Regularity, f.Recency, f.Stance, f.Influence, f.Contribution, f.Competitor}})
	}
	return out
}

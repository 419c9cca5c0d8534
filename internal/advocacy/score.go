package advocacy

import (
	"math"
	"slices"
)

// Reason is one thing that raised or lowered a score, or that earned a
// flag.
type Reason struct {
	// Facet names the facet ("tenure", "stance", …) or the flag
	// ("detractor", "at_risk", …) the reason is about.
	Facet string `json:"facet"`
	// Effect is the points the facet added (+) or removed (−): the score
	// minus the score with the facet at its neutral value. Flag reasons
	// have no effect.
	Effect float64 `json:"effect"`
	// Why says it in a sentence, e.g. "praised northwind in 12 posts over
	// 20 weeks".
	Why string `json:"why"`
	// Activities are the posts behind the reason, strongest first.
	Activities []int64 `json:"activities,omitempty"`
}

// Result is a person's advocacy toward one brand.
type Result struct {
	Person, Brand int64
	Facets        Facets
	Score         float64 // 0–100
	Stage         Stage
	Flags         Flags
	Reasons       []Reason // largest effects first, then flags
	Evidence      []int64  // the activities that earned the score, strongest first
}

// MaxEvidence bounds Result.Evidence.
const MaxEvidence = MaxGood + MaxContrib + MaxBad

// scoring is the state of one brand while a person is scored.
type scoring struct {
	brand Brand
	sum   *Summary
	ws    windows
	res   Result
}

// Score scores person p toward every brand in brands for which sums (the
// person's summaries; others are ignored, duplicates merged) hold one, and
// toward every own brand when there is any result at all (from an empty
// summary: the competitor-advocate flag lands there), in the order of
// brands, own brands without a summary last. w must pass Validate. The
// result is a pure function of the arguments: Person.Centrality should come
// from the same full PageRank for incremental and full scoring to agree.
func Score(p Person, sums []Summary, brands []Brand, asOf int64, w Weights) []Result {
	ss := gather(p.ID, sums, brands)
	if len(ss) == 0 {
		return nil
	}
	now := WeekOf(asOf)
	all := make([]*Summary, len(ss))
	stances := make([]float64, len(ss))
	for i := range ss {
		s := &ss[i]
		s.ws = windowsOf(s.sum, now, &w)
		s.res = Result{Person: p.ID, Brand: s.brand.ID}
		s.res.Facets = facetsOf(&p, s.sum, &s.ws, asOf, &w)
		all[i], stances[i] = s.sum, s.res.Facets.Stance
	}
	brandAccount := isBrandAccount(all)
	for i := range ss {
		s := &ss[i]
		s.res.Facets.Competitor = competitorOf(all, stances, i)
		s.res.Facets = roundFacets(s.res.Facets)
		if !brandAccount {
			s.res.Score = round(combine(&s.res.Facets, &w), 100)
		}
		s.classify(&p, ss, brandAccount, &w)
	}
	markCompetitorAdvocates(ss, &w)
	out := make([]Result, len(ss))
	for i := range ss {
		ss[i].explain(ss, &w)
		out[i] = ss[i].res
	}
	return out
}

// gather pairs each brand with the person's summary of it (merging
// duplicates), in the order of brands. An own brand the person has no
// summary for gets an empty one when they have any other, so that its
// result can carry the competitor-advocate flag.
func gather(person int64, sums []Summary, brands []Brand) []scoring {
	out := make([]scoring, 0, len(brands))
	for _, b := range brands {
		if slices.ContainsFunc(out, func(s scoring) bool { return s.brand.ID == b.ID }) {
			continue
		}
		var sum *Summary
		for i := range sums {
			if sums[i].Person != person || sums[i].Brand != b.ID {
				continue
			}
			if sum == nil {
				sum = &sums[i]
			} else if m, err := Merge(*sum, sums[i]); err == nil {
				sum = &m
			}
		}
		if sum != nil {
			out = append(out, scoring{brand: b, sum: sum})
		}
	}
	if len(out) == 0 {
		return nil
	}
	for _, b := range brands {
		if b.Own && !slices.ContainsFunc(out, func(s scoring) bool { return s.brand.ID == b.ID }) {
			out = append(out, scoring{brand: b, sum: &Summary{Person: person, Brand: b.ID}})
		}
	}
	return out
}

// isBrandAccount reports whether the person writes as one of the brands'
// own accounts at least as often as not.
func isBrandAccount(sums []*Summary) bool {
	for _, s := range sums {
		if s.Counts.Own > 0 && s.Counts.Own >= s.Counts.Events {
			return true
		}
	}
	return false
}

// combine turns facets into the 0–100 score:
//
//	core  = Tenure^a × Regularity^(1−a), a = w.Tenure/(w.Tenure+w.Regularity)
//	body  = (core + c×Contribution) / (1 + c)
//	gate  = clamp((Stance − StanceFloor) / (StanceFull − StanceFloor))
//	score = 100 × gate × body × (1 − r×(1−Recency)) × (1 − k×Competitor)
//	        × (1 − m×Promotion) × (1 + α×Influence)/(1 + α)
func combine(f *Facets, w *Weights) float64 {
	a := w.Tenure / (w.Tenure + w.Regularity)
	core := math.Pow(f.Tenure, a) * math.Pow(f.Regularity, 1-a)
	body := (core + w.Contribution*f.Contribution) / (1 + w.Contribution)
	gate := clamp01((f.Stance - w.StanceFloor) / (w.StanceFull - w.StanceFloor))
	fresh := 1 - w.Recency*(1-f.Recency)
	rival := 1 - w.Competitor*f.Competitor
	damp := 1 - w.Promotion*f.Promotion
	amp := (1 + w.Influence*f.Influence) / (1 + w.Influence)
	return 100 * clamp01(gate*body*fresh*rival*damp*amp)
}

// roundFacets rounds every facet to 4 decimals, so that the stored facets
// reproduce the score.
func roundFacets(f Facets) Facets {
	const r = 1e4
	return Facets{
		Tenure: round(f.Tenure, r), Regularity: round(f.Regularity, r), Recency: round(f.Recency, r),
		Stance: round(f.Stance, r), Influence: round(f.Influence, r), Contribution: round(f.Contribution, r),
		Competitor: round(f.Competitor, r), Promotion: round(f.Promotion, r),
	}
}

func round(x, scale float64) float64 { return math.Round(x*scale) / scale }

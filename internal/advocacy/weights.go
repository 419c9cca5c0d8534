package advocacy

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// Weights are a workspace's scoring parameters: how the facets combine
// into the score, the time scales of the facets, and the thresholds of
// stages and flags. docs/scoring.md justifies the defaults.
type Weights struct {
	// Tenure and Regularity are the relative exponents of the weighted
	// geometric mean that forms the core of advocacy (sustained positive
	// voice): core = Tenure^(t/(t+r)) × Regularity^(r/(t+r)).
	Tenure     float64 `json:"tenure"`
	Regularity float64 `json:"regularity"`
	// Contribution is the weight of the contribution facet added to the
	// core: body = (core + c×Contribution) / (1 + c).
	Contribution float64 `json:"contribution"`
	// Recency (0–1) is the share of the score a person loses when they
	// have been silent for a long time.
	Recency float64 `json:"recency"`
	// The stance gate is closed at or below StanceFloor (at least 0.5,
	// neutral) and fully open at StanceFull.
	StanceFloor float64 `json:"stance_floor"`
	StanceFull  float64 `json:"stance_full"`
	// Influence is α in ×(1 + α·influence)/(1 + α): how much influence
	// amplifies an existing advocacy base.
	Influence float64 `json:"influence"`
	// Competitor (0–1) is the share of the score lost by someone whose
	// brand talk goes entirely, and positively, to competitors.
	Competitor float64 `json:"competitor"`
	// Promotion (0–1) is how hard repetitive or promotional posting damps
	// the score.
	Promotion float64 `json:"promotion"`

	// TenureDays is the time scale of tenure: 1 − exp(−days/TenureDays).
	TenureDays float64 `json:"tenure_days"`
	// RecencyHalfLifeDays halves the recency facet.
	RecencyHalfLifeDays float64 `json:"recency_half_life_days"`
	// WindowWeeks bounds the regularity window; MinWindowWeeks is its
	// smallest length, so that a newcomer's first week is no evidence of
	// regularity.
	WindowWeeks    int `json:"window_weeks"`
	MinWindowWeeks int `json:"min_window_weeks"`
	// RecentWeeks is the at-risk window ending at the as-of time;
	// EarlierWeeks the window before it that is compared with it.
	RecentWeeks  int `json:"recent_weeks"`
	EarlierWeeks int `json:"earlier_weeks"`

	// Minimum scores of the stages.
	Potential float64 `json:"potential"`
	Advocate  float64 `json:"advocate"`
	Champion  float64 `json:"champion"`
	// EngagedTexts is how many texts about the brand make a person
	// engaged rather than audience.
	EngagedTexts int `json:"engaged_texts"`
	// An advocate also needs endorsements on AdvocateWeeks distinct weeks
	// and a regularity of AdvocateRegularity.
	AdvocateWeeks      int     `json:"advocate_weeks"`
	AdvocateRegularity float64 `json:"advocate_regularity"`
	// A champion is an advocate who also has endorsements on ChampionWeeks
	// weeks and reaches ChampionRegularity, ChampionTenure and
	// ChampionContribution.
	ChampionWeeks        int     `json:"champion_weeks"`
	ChampionRegularity   float64 `json:"champion_regularity"`
	ChampionTenure       float64 `json:"champion_tenure"`
	ChampionContribution float64 `json:"champion_contribution"`

	// CompetitorAdvocate is the score toward a competitor that, with
	// endorsements on AdvocateWeeks weeks outnumbering negative texts,
	// flags a competitor advocate below the advocate stage: the bar for
	// a conversion target is lower than for an advocate.
	CompetitorAdvocate float64 `json:"competitor_advocate"`
	// DetractorStance is the stance below which someone is predominantly
	// negative, and DetractorNegatives the fewest negative texts that
	// make a detractor (one or two complaints are a bad day).
	DetractorStance    float64 `json:"detractor_stance"`
	DetractorNegatives int     `json:"detractor_negatives"`
	// LoyalWeeks is how many distinct weeks with texts make a loyal voice,
	// who is no detractor while still coming back.
	LoyalWeeks int `json:"loyal_weeks"`
	// PromotionalFlag is the promotion level flagged promotional (staged
	// audience whatever the score).
	PromotionalFlag float64 `json:"promotional_flag"`
}

// DefaultWeights returns the defaults documented in docs/scoring.md.
func DefaultWeights() Weights {
	return Weights{
		Tenure: 1, Regularity: 1, Contribution: 0.4, Recency: 0.3,
		StanceFloor: 0.55, StanceFull: 0.7, Influence: 0.5, Competitor: 0.3, Promotion: 1,
		TenureDays: 91, RecencyHalfLifeDays: 30,
		WindowWeeks: 52, MinWindowWeeks: 8, RecentWeeks: 10, EarlierWeeks: 26,
		Potential: 10, Advocate: 20, Champion: 60, EngagedTexts: 2,
		AdvocateWeeks: 3, AdvocateRegularity: 0.35,
		ChampionWeeks: 8, ChampionRegularity: 0.75, ChampionTenure: 0.5, ChampionContribution: 0.8,
		CompetitorAdvocate: 5, DetractorStance: 0.35, DetractorNegatives: 3, LoyalWeeks: 6,
		PromotionalFlag: 0.5,
	}
}

// Validate checks that every weight is finite and in its range, and that
// the stage thresholds are ordered.
func (w Weights) Validate() error {
	var errs []error
	check := func(name string, v, lo, hi float64) {
		if math.IsNaN(v) || v < lo || v > hi {
			errs = append(errs, fmt.Errorf("%s = %v: want %v to %v", name, v, lo, hi))
		}
	}
	check("tenure", w.Tenure, 0, 100)
	check("regularity", w.Regularity, 0, 100)
	if w.Tenure+w.Regularity <= 0 {
		errs = append(errs, errors.New("tenure + regularity must be positive"))
	}
	check("contribution", w.Contribution, 0, 100)
	check("recency", w.Recency, 0, 1)
	check("stance_floor", w.StanceFloor, 0.5, 0.99)
	check("stance_full", w.StanceFull, w.StanceFloor+0.01, 1)
	check("influence", w.Influence, 0, 100)
	check("competitor", w.Competitor, 0, 1)
	check("promotion", w.Promotion, 0, 1)
	check("tenure_days", w.TenureDays, 1, 3650)
	check("recency_half_life_days", w.RecencyHalfLifeDays, 1, 3650)
	checkInt := func(name string, v, lo, hi int) { check(name, float64(v), float64(lo), float64(hi)) }
	checkInt("window_weeks", w.WindowWeeks, 1, MaxWeeks)
	checkInt("min_window_weeks", w.MinWindowWeeks, 1, w.WindowWeeks)
	checkInt("recent_weeks", w.RecentWeeks, 1, MaxWeeks/2)
	checkInt("earlier_weeks", w.EarlierWeeks, 1, MaxWeeks-w.RecentWeeks)
	check("potential", w.Potential, 0, 100)
	check("advocate", w.Advocate, w.Potential, 100)
	check("champion", w.Champion, w.Advocate, 100)
	checkInt("engaged_texts", w.EngagedTexts, 0, 1000)
	checkInt("advocate_weeks", w.AdvocateWeeks, 1, MaxWeeks)
	check("advocate_regularity", w.AdvocateRegularity, 0, 1)
	checkInt("champion_weeks", w.ChampionWeeks, w.AdvocateWeeks, MaxWeeks)
	check("champion_regularity", w.ChampionRegularity, w.AdvocateRegularity, 1)
	check("champion_tenure", w.ChampionTenure, 0, 1)
	check("champion_contribution", w.ChampionContribution, 0, 1)
	check("competitor_advocate", w.CompetitorAdvocate, 0, 100)
	check("detractor_stance", w.DetractorStance, 0, 0.5)
	checkInt("detractor_negatives", w.DetractorNegatives, 1, 1000)
	checkInt("loyal_weeks", w.LoyalWeeks, 1, MaxWeeks)
	check("promotional_flag", w.PromotionalFlag, 0.01, 1)
	return errors.Join(errs...)
}

// WeightsFrom returns the default weights with some parameters overridden
// by name (the JSON names of Weights' fields, as in a workspace's
// [workspace.scoring] table), validated. An unknown name is an error.
func WeightsFrom(overrides map[string]float64) (Weights, error) {
	w := DefaultWeights()
	if len(overrides) == 0 {
		return w, nil
	}
	fields := map[string]any{}
	b, _ := json.Marshal(w) // a struct of numbers always marshals
	if err := json.Unmarshal(b, &fields); err != nil {
		return w, fmt.Errorf("scoring weights: %w", err)
	}
	for name, v := range overrides {
		if _, ok := fields[name]; !ok {
			return w, fmt.Errorf("scoring: unknown parameter %q (see docs/scoring.md)", name)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return w, fmt.Errorf("scoring: %s must be a finite number", name)
		}
		fields[name] = v
	}
	b, _ = json.Marshal(fields) // finite numbers always marshal
	if err := json.Unmarshal(b, &w); err != nil {
		return w, fmt.Errorf("scoring: %w (whole numbers only where the parameter counts weeks or texts)", err)
	}
	if err := w.Validate(); err != nil {
		return w, fmt.Errorf("scoring: %w", err)
	}
	return w, nil
}

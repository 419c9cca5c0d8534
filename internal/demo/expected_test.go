package demo

import (
	"slices"
	"testing"
)

func TestExpected(t *testing.T) {
	stages, flags := StageNames(), FlagNames()
	for _, a := range Archetypes {
		e := Expected(a)
		if a == BrandAccount {
			if !e.Exclude {
				t.Errorf("brand accounts are not excluded")
			}
			continue
		}
		if e.Exclude {
			t.Errorf("%s: excluded", a)
		}
		if (e.Stage == "") != (len(e.Stages) == 0) || e.Stage != "" && e.Stages[0] != e.Stage {
			t.Errorf("%s: stage %q not first of %q", a, e.Stage, e.Stages)
		}
		for _, s := range e.Stages {
			if !slices.Contains(stages, s) {
				t.Errorf("%s: unknown stage %q", a, s)
			}
		}
		for _, f := range append(slices.Clone(e.Flags), e.MayFlag...) {
			if !slices.Contains(flags, f) {
				t.Errorf("%s: unknown flag %q", a, f)
			}
		}
		if e.Stage != "" && !e.Accepts(e.Stage, e.Flags) {
			t.Errorf("%s: rejects its own expectation", a)
		}
	}
	for _, c := range []struct {
		a      Archetype
		stage  string
		flags  []string
		accept bool
	}{
		{Champion, StageChampion, nil, true},
		{Champion, StageAdvocate, nil, false},
		{InfluencerAdvocate, StageAdvocate, nil, true},
		{SteadyFan, StageAdvocate, nil, true},
		{SteadyFan, StageChampion, nil, false},
		{SteadyFan, StageAdvocate, []string{FlagAtRisk}, false},
		{LoyalComplainer, StageEngaged, nil, true},
		{LoyalComplainer, StageEngaged, []string{FlagDetractor}, false},
		{Detractor, StageEngaged, []string{FlagDetractor}, true},
		{Detractor, StageEngaged, nil, false},
		{Detractor, StageEngaged, []string{FlagDetractor, FlagCompetitorAdvocate}, true},
		{BurstFan, StagePotential, nil, true},
		{BurstFan, StageEngaged, nil, true},
		{BurstFan, StageAdvocate, nil, false},
		{CompetitorFan, StageEngaged, []string{FlagCompetitorAdvocate}, true},
		{CompetitorFan, StageEngaged, nil, false},
		{CompetitorFan, StagePotential, []string{FlagCompetitorAdvocate}, false},
		{AtRisk, StageAdvocate, []string{FlagAtRisk}, true},
		{AtRisk, StageAdvocate, nil, false},
		{Influencer, StageAudience, nil, true},
		{Influencer, StageAdvocate, nil, false},
		{Bot, StageAudience, nil, true},
		{Bot, StageEngaged, nil, false},
		{Bot, StageAdvocate, nil, false},
		{Occasional, StagePotential, nil, true},
		{Occasional, StageAdvocate, nil, false},
		{Employee, StageChampion, []string{FlagEmployee}, true},
		{Employee, StageAdvocate, nil, false},
		{BrandAccount, StageChampion, nil, true},
	} {
		if got := Expected(c.a).Accepts(c.stage, c.flags); got != c.accept {
			t.Errorf("%s as %s %v: accepted %v, want %v", c.a, c.stage, c.flags, got, c.accept)
		}
	}
}

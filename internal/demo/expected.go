package demo

import "slices"

// The stages an advocacy scorer assigns to a person for a brand, lowest
// first.
const (
	StageAudience  = "audience"  // sees, likes or shares; says little or nothing of substance
	StageEngaged   = "engaged"   // talks about the brand, without sustained positive advocacy
	StagePotential = "potential" // positive, recommends, but not (yet) sustained
	StageAdvocate  = "advocate"  // sustained, regular, positive, recommends
	StageChampion  = "champion"  // the best advocates: longest, most regular, contributing, with reach
)

// The flags an advocacy scorer sets on a person for a brand.
const (
	FlagDetractor          = "detractor"           // a burst of hostility toward the brand
	FlagAtRisk             = "at_risk"             // an advocate whose recent stance is turning
	FlagCompetitorAdvocate = "competitor_advocate" // advocates a competitor: a conversion target
	FlagEmployee           = "employee"            // staff: kept out of customer rankings
)

// StageNames lists the stages, lowest first.
func StageNames() []string {
	return []string{StageAudience, StageEngaged, StagePotential, StageAdvocate, StageChampion}
}

// FlagNames lists the flags.
func FlagNames() []string {
	return []string{FlagDetractor, FlagAtRisk, FlagCompetitorAdvocate, FlagEmployee}
}

// Expectation is what a correct scorer assigns to a planted person for the
// own brand northwind.
type Expectation struct {
	// Stage is the stage a careful person would assign; empty when the
	// stage is not judged (employees).
	Stage string
	// Stages lists every acceptable stage, Stage first: where a person
	// would hesitate, more than one. Empty means any stage.
	Stages []string
	// Flags must all be set.
	Flags []string
	// MayFlag are flags accepted but not required; any other flag is wrong.
	MayFlag []string
	// Exclude marks identities that are not community members (the
	// brands' own accounts): leave them out of the evaluation.
	Exclude bool
}

// Accepts reports whether a scorer's stage and flags for the person are
// correct.
func (e Expectation) Accepts(stage string, flags []string) bool {
	if e.Exclude {
		return true
	}
	if len(e.Stages) > 0 && !slices.Contains(e.Stages, stage) {
		return false
	}
	for _, f := range e.Flags {
		if !slices.Contains(flags, f) {
			return false
		}
	}
	for _, f := range flags {
		if !slices.Contains(e.Flags, f) && !slices.Contains(e.MayFlag, f) {
			return false
		}
	}
	return true
}

// Expected returns the stage and flags a correct scorer assigns to a
// person planted as archetype a, for the own brand northwind. The package
// documentation gives the reasoning.
func Expected(a Archetype) Expectation {
	st := func(s ...string) []string { return s }
	switch a {
	case Champion:
		return Expectation{Stage: StageChampion, Stages: st(StageChampion)}
	case InfluencerAdvocate:
		return Expectation{Stage: StageChampion, Stages: st(StageChampion, StageAdvocate)}
	case SteadyFan:
		return Expectation{Stage: StageAdvocate, Stages: st(StageAdvocate)}
	case Occasional:
		return Expectation{Stage: StageEngaged, Stages: st(StageEngaged, StageAudience, StagePotential)}
	case LoyalComplainer:
		return Expectation{Stage: StageEngaged, Stages: st(StageEngaged)}
	case Detractor:
		return Expectation{Stage: StageEngaged, Stages: st(StageEngaged), Flags: st(FlagDetractor),
			MayFlag: st(FlagCompetitorAdvocate)}
	case BurstFan:
		return Expectation{Stage: StagePotential, Stages: st(StagePotential, StageEngaged)}
	case CompetitorFan:
		return Expectation{Stage: StageEngaged, Stages: st(StageEngaged, StageAudience), Flags: st(FlagCompetitorAdvocate)}
	case AtRisk:
		return Expectation{Stage: StageAdvocate, Stages: st(StageAdvocate, StagePotential, StageEngaged),
			Flags: st(FlagAtRisk), MayFlag: st(FlagCompetitorAdvocate)}
	case Influencer:
		return Expectation{Stage: StageEngaged, Stages: st(StageEngaged, StageAudience)}
	case Bot, Audience:
		return Expectation{Stage: StageAudience, Stages: st(StageAudience)}
	case Employee:
		return Expectation{Flags: st(FlagEmployee)}
	}
	return Expectation{Exclude: true}
}

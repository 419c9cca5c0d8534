package advocacy

import (
	"testing"
)

// between is an inclusive range of a facet or score.
type between struct{ lo, hi float64 }

func (b between) has(x float64) bool { return x >= b.lo && x <= b.hi }

// any is the whole 0–100 range.
var anyValue = between{0, 100}

// facetCase is what one facet should be for each archetype.
type facetCase struct {
	name  string
	s     *scenario
	brand int64
	want  between
}

func checkFacet(t *testing.T, facet string, get func(Facets) float64, cases []facetCase) {
	t.Helper()
	for _, c := range cases {
		got := get(c.s.result(c.brand).Facets)
		if !c.want.has(got) {
			t.Errorf("%s of %s toward brand %d = %.4f, want %.2f–%.2f", facet, c.name, c.brand, got, c.want.lo, c.want.hi)
		}
	}
}

func TestTenure(t *testing.T) {
	checkFacet(t, "tenure", func(f Facets) float64 { return f.Tenure }, []facetCase{
		{"steady fan", steadyFan(), own, between{0.8, 0.9}},
		{"burst fan", burstFan(), own, between{0, 0.05}},
		{"loyal complainer", loyalComplainer(), own, between{0.75, 0.9}},
		{"detractor", detractor(), own, between{0, 0}},
		{"big neutral", bigNeutral(), own, between{0, 0}},
		{"competitor fan, own", competitorFan(), own, between{0, 0}},
		{"competitor fan, rival", competitorFan(), rival, between{0.8, 0.9}},
		{"at risk, silent", atRisk("silent"), own, between{0.6, 0.75}},
	})
}

func TestRegularity(t *testing.T) {
	checkFacet(t, "regularity", func(f Facets) float64 { return f.Regularity }, []facetCase{
		{"steady fan", steadyFan(), own, between{0.8, 1}},
		{"burst fan", burstFan(), own, between{0, 0.15}},
		{"loyal complainer", loyalComplainer(), own, between{0.75, 1}},
		{"detractor", detractor(), own, between{0, 0.25}},
		{"big neutral", bigNeutral(), own, between{0, 0.15}},
		{"bot", promoBot(), own, between{0.9, 1}},
		{"at risk, silent", atRisk("silent"), own, between{0.4, 0.6}},
		{"at risk, negative", atRisk("negative"), own, between{0.8, 1}},
	})
}

func TestRecency(t *testing.T) {
	checkFacet(t, "recency", func(f Facets) float64 { return f.Recency }, []facetCase{
		{"steady fan", steadyFan(), own, between{0.9, 1}},
		{"burst fan", burstFan(), own, between{0, 0.1}},
		{"at risk, silent", atRisk("silent"), own, between{0.1, 0.25}},
		{"at risk, negative", atRisk("negative"), own, between{0.8, 1}},
	})
}

func TestStance(t *testing.T) {
	checkFacet(t, "stance", func(f Facets) float64 { return f.Stance }, []facetCase{
		{"steady fan", steadyFan(), own, between{0.9, 1}},
		{"burst fan", burstFan(), own, between{0.85, 1}},
		{"loyal complainer", loyalComplainer(), own, between{0.2, 0.4}},
		{"detractor", detractor(), own, between{0, 0.1}},
		{"big neutral", bigNeutral(), own, between{0.5, 0.5}},
		{"bot", promoBot(), own, between{0.95, 1}},
		{"competitor fan, own", competitorFan(), own, between{0, 0.25}},
		{"competitor fan, rival", competitorFan(), rival, between{0.95, 1}},
		{"at risk, negative", atRisk("negative"), own, between{0.6, 0.85}},
	})
}

func TestInfluence(t *testing.T) {
	checkFacet(t, "influence", func(f Facets) float64 { return f.Influence }, []facetCase{
		{"steady fan", steadyFan(), own, between{0.2, 0.4}},
		{"big neutral", bigNeutral(), own, between{0.85, 1}},
		{"burst fan", burstFan(), own, between{0.1, 0.2}},
	})
}

func TestContribution(t *testing.T) {
	checkFacet(t, "contribution", func(f Facets) float64 { return f.Contribution }, []facetCase{
		{"steady fan", steadyFan(), own, between{0.9, 1}},
		{"burst fan", burstFan(), own, between{0.5, 0.7}},
		{"loyal complainer", loyalComplainer(), own, between{0, 0}},
		{"detractor", detractor(), own, between{0, 0}},
		{"big neutral", bigNeutral(), own, between{0, 0}},
	})
}

func TestCompetitorCloseness(t *testing.T) {
	checkFacet(t, "competitor", func(f Facets) float64 { return f.Competitor }, []facetCase{
		{"steady fan", steadyFan(), own, between{0, 0}},
		{"competitor fan, own", competitorFan(), own, between{0.8, 1}},
		{"competitor fan, rival", competitorFan(), rival, between{0, 0.05}},
		{"at risk, competitor", atRisk("competitor"), own, between{0.3, 0.5}},
		{"at risk, silent", atRisk("silent"), own, between{0, 0}},
	})
}

func TestPromotion(t *testing.T) {
	checkFacet(t, "promotion", func(f Facets) float64 { return f.Promotion }, []facetCase{
		{"steady fan", steadyFan(), own, between{0, 0}},
		{"bot", promoBot(), own, between{0.95, 1}},
		{"loyal complainer", loyalComplainer(), own, between{0, 0}},
	})
}

// TestArchetypeOutcomes checks each archetype's score, stage and flags.
func TestArchetypeOutcomes(t *testing.T) {
	tests := []struct {
		name       string
		s          *scenario
		brand      int64
		score      between
		stages     []Stage
		flags, not Flags
	}{
		{"steady fan", steadyFan(), own, between{50, 100}, []Stage{StageAdvocate, StageChampion}, 0, FlagDetractor | FlagAtRisk | FlagPromotional},
		{"burst fan", burstFan(), own, between{1, 25}, []Stage{StageEngaged, StagePotential}, 0, FlagDetractor | FlagAtRisk},
		{"loyal complainer", loyalComplainer(), own, between{0, 5}, []Stage{StageEngaged}, 0, FlagDetractor | FlagAtRisk},
		{"detractor", detractor(), own, between{0, 0}, []Stage{StageEngaged}, FlagDetractor, FlagCompetitorAdvocate},
		{"big neutral", bigNeutral(), own, between{0, 1}, []Stage{StageAudience, StageEngaged}, 0, FlagDetractor},
		{"bot", promoBot(), own, between{0, 5}, []Stage{StageAudience}, FlagPromotional, 0},
		{"employee", employee(), own, between{50, 100}, []Stage{StageAdvocate, StageChampion}, FlagEmployee, FlagCompetitorAdvocate},
		{"competitor fan, own", competitorFan(), own, between{0, 5}, []Stage{StageEngaged}, FlagCompetitorAdvocate, FlagDetractor},
		{"competitor fan, rival", competitorFan(), rival, between{30, 100}, []Stage{StageAdvocate, StageChampion}, FlagCompetitorAdvocate, 0},
		{"at risk, silent", atRisk("silent"), own, anyValue, nil, FlagAtRisk, FlagDetractor},
		{"at risk, turning", atRisk("turning"), own, anyValue, nil, FlagAtRisk, FlagDetractor},
		// Complaints with no competitor in view: a loyal voice to answer.
		{"fan turned complainer", atRisk("negative"), own, anyValue, nil, 0, FlagDetractor | FlagAtRisk},
		{"at risk, competitor", atRisk("competitor"), own, anyValue, nil, FlagAtRisk, FlagDetractor},
	}
	for _, tt := range tests {
		r := tt.s.result(tt.brand)
		if !tt.score.has(r.Score) {
			t.Errorf("%s: score %.1f, want %.0f–%.0f", tt.name, r.Score, tt.score.lo, tt.score.hi)
		}
		if tt.stages != nil && !containsStage(tt.stages, r.Stage) {
			t.Errorf("%s: stage %s, want one of %v", tt.name, r.Stage, tt.stages)
		}
		if tt.flags != 0 && !r.Flags.Has(tt.flags) {
			t.Errorf("%s: flags %q, want %q", tt.name, r.Flags, tt.flags)
		}
		if r.Flags&tt.not != 0 {
			t.Errorf("%s: flags %q, must not have %q", tt.name, r.Flags, r.Flags&tt.not)
		}
	}
}

func containsStage(list []Stage, s Stage) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestOrdering: sustained positive voice outranks a burst, and neither
// volume, influence nor complaints make advocacy.
func TestOrdering(t *testing.T) {
	steady := steadyFan().result(own).Score
	for name, s := range map[string]*scenario{
		"burst fan": burstFan(), "bot": promoBot(), "big neutral": bigNeutral(),
		"loyal complainer": loyalComplainer(), "detractor": detractor(),
	} {
		if got := s.result(own).Score; got >= steady {
			t.Errorf("%s scores %.1f, not below the steady fan's %.1f", name, got, steady)
		}
	}
	big := steadyFan()
	big.p.Followers, big.p.Centrality = 200_000, 80
	if got := big.result(own).Score; got <= steady {
		t.Errorf("an influential steady fan scores %.1f, not above %.1f", got, steady)
	}
}

// TestInfluenceNeedsAdvocacy: influence multiplies advocacy, never
// creates it.
func TestInfluenceNeedsAdvocacy(t *testing.T) {
	s := bigNeutral()
	s.p.Followers, s.p.Centrality = 10_000_000, 1000
	if r := s.result(own); r.Score != 0 || r.Stage > StageEngaged {
		t.Errorf("a huge account with one neutral mention: score %.1f stage %s", r.Score, r.Stage)
	}
}

func TestBrandAccount(t *testing.T) {
	s := newScenario(10)
	for i := range 50 {
		s.praise(float64(i)*3, own, ownAccount)
	}
	s.praise(5, rival)
	for _, r := range s.results() {
		if !r.Flags.Has(FlagBrandAccount) || r.Score != 0 || r.Stage != StageAudience {
			t.Errorf("brand account toward %d: %+v", r.Brand, r)
		}
	}
}

// TestReasons: positive effects add up to the score, and the evidence
// holds the strongest posts.
func TestReasons(t *testing.T) {
	r := steadyFan().result(own)
	sum := 0.0
	for _, x := range r.Reasons {
		if x.Effect > 0 {
			sum += x.Effect
		}
		if x.Why == "" {
			t.Errorf("reason %s has no sentence", x.Facet)
		}
	}
	if d := sum - r.Score; d > 0.1 || d < -0.1 {
		t.Errorf("positive effects add up to %.2f, score %.2f", sum, r.Score)
	}
	if len(r.Evidence) == 0 || len(r.Evidence) > MaxEvidence {
		t.Errorf("evidence %v", r.Evidence)
	}
	b := promoBot().result(own)
	if len(b.Reasons) == 0 || b.Reasons[0].Facet != "promotion" || b.Reasons[0].Effect >= 0 {
		t.Errorf("bot's first reason %+v, want promotion lowering the score", b.Reasons)
	}
	c := competitorFan().result(own)
	found := false
	for _, x := range c.Reasons {
		found = found || x.Facet == "competitor_advocate" && len(x.Activities) > 0
	}
	if !found {
		t.Errorf("competitor fan's own-brand result lacks the competitor advocacy evidence: %+v", c.Reasons)
	}
}

func TestScoreIgnoresOthersAndMergesDuplicates(t *testing.T) {
	s := steadyFan()
	sums := Summarize(s.events)
	want := Score(s.p, sums, testBrands, asOf, DefaultWeights())
	half := len(s.events) / 2
	split := append(Summarize(s.events[:half]), Summarize(s.events[half:])...)
	noise := Summarize(burstFan().events)
	got := Score(s.p, append(split, noise...), testBrands, asOf, DefaultWeights())
	if !equalResults(got, want) {
		t.Errorf("split and foreign summaries changed the result:\n got %+v\nwant %+v", got, want)
	}
	if Score(s.p, nil, testBrands, asOf, DefaultWeights()) != nil {
		t.Error("no summaries should give no results")
	}
}

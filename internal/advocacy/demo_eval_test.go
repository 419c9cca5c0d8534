package advocacy

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/demo"
)

// evaluation measures the scorer on the demo's planted truth, per
// identity, for the own brand, the way the demo package documents it.
type evaluation struct {
	n, ok  map[demo.Archetype]int
	stages map[demo.Archetype]map[string]int
	flags  map[demo.Archetype]map[string]int
	// stage and flag confusion: predicted / correct / expected counts.
	stagePred, stageHit, stageWant, stageFound map[string]int
	flagPred, flagHit, flagWant, flagFound     map[string]int
	scores                                     map[demo.Archetype][]float64
}

// evaluate scores every identity of the demo (its person's own-brand
// result) against demo.Expected.
func (w *demoWorld) evaluate() evaluation {
	ev := evaluation{n: map[demo.Archetype]int{}, ok: map[demo.Archetype]int{},
		stages: map[demo.Archetype]map[string]int{}, flags: map[demo.Archetype]map[string]int{},
		stagePred: map[string]int{}, stageHit: map[string]int{}, stageWant: map[string]int{}, stageFound: map[string]int{},
		flagPred: map[string]int{}, flagHit: map[string]int{}, flagWant: map[string]int{}, flagFound: map[string]int{},
		scores: map[demo.Archetype][]float64{}}
	for key, arch := range w.sum.Truth {
		exp := demo.Expected(arch)
		if exp.Exclude {
			continue
		}
		r := w.own(w.person[key])
		ev.add(arch, exp, r.Stage.String(), demoFlags(r.Flags))
		ev.scores[arch] = append(ev.scores[arch], r.Score)
	}
	return ev
}

// add counts one identity.
func (ev *evaluation) add(arch demo.Archetype, exp demo.Expectation, stage string, flags []string) {
	ev.n[arch]++
	if exp.Accepts(stage, flags) {
		ev.ok[arch]++
	}
	if ev.stages[arch] == nil {
		ev.stages[arch], ev.flags[arch] = map[string]int{}, map[string]int{}
	}
	ev.stages[arch][stage]++
	if exp.Stage != "" {
		ev.stagePred[stage]++
		ev.stageWant[exp.Stage]++
		if stage == exp.Stage {
			ev.stageHit[stage]++
		}
		if slices.Contains(exp.Stages, stage) {
			ev.stageFound[exp.Stage]++
		}
	}
	for _, f := range flags {
		ev.flags[arch][f]++
		if !slices.Contains(exp.MayFlag, f) {
			ev.flagPred[f]++
		}
		if slices.Contains(exp.Flags, f) {
			ev.flagHit[f]++
		}
	}
	for _, f := range exp.Flags {
		ev.flagWant[f]++
		if slices.Contains(flags, f) {
			ev.flagFound[f]++
		}
	}
}

// accepted is the share of identities of an archetype judged correct.
func (ev evaluation) accepted(a demo.Archetype) float64 {
	return ratio(ev.ok[a], ev.n[a])
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// String renders the evaluation as tables.
func (ev evaluation) String() string {
	var b strings.Builder
	archs := make([]demo.Archetype, 0, len(ev.n))
	total, ok := 0, 0
	for a := range ev.n {
		archs = append(archs, a)
		total += ev.n[a]
		ok += ev.ok[a]
	}
	sort.Slice(archs, func(i, j int) bool { return archs[i] < archs[j] })
	for _, a := range archs {
		fmt.Fprintf(&b, "%-20s %4d  %5.1f%%  stages %v  flags %v\n", a, ev.n[a], 100*ev.accepted(a), ev.stages[a], ev.flags[a])
	}
	fmt.Fprintf(&b, "%-20s %4d  %5.1f%%\n", "all", total, 100*ratio(ok, total))
	for _, s := range demo.StageNames() {
		fmt.Fprintf(&b, "stage %-10s precision %5.1f%% (%d)  recall (accepted stage) %5.1f%% (%d)\n", s,
			100*ratio(ev.stageHit[s], ev.stagePred[s]), ev.stagePred[s], 100*ratio(ev.stageFound[s], ev.stageWant[s]), ev.stageWant[s])
	}
	for _, f := range demo.FlagNames() {
		fmt.Fprintf(&b, "flag  %-20s precision %5.1f%% (%d)  recall %5.1f%% (%d)\n", f,
			100*ratio(ev.flagHit[f], ev.flagPred[f]), ev.flagPred[f], 100*ratio(ev.flagFound[f], ev.flagWant[f]), ev.flagWant[f])
	}
	return b.String()
}

// quantile returns the q-quantile of an archetype's scores.
func (ev evaluation) quantile(a demo.Archetype, q float64) float64 {
	s := slices.Sorted(slices.Values(ev.scores[a]))
	if len(s) == 0 {
		return 0
	}
	return s[min(int(q*float64(len(s))), len(s)-1)]
}

// TestDemoCommunity scores the demo community (text analysis by
// internal/analysis, events built as the importer builds them) and checks
// the scorer against the planted truth: the ordering of archetypes the
// issue asks for, the flags, and floors under the demo's own measure.
func TestDemoCommunity(t *testing.T) {
	w := loadDemo(t, demo.Options{Seed: 1})
	w.score(DefaultWeights())
	ev := w.evaluate()
	t.Logf("demo seed 1, per identity, own brand:\n%s", ev)

	// Ordering: sustained advocates above audience, bots and big neutral
	// accounts.
	for _, fan := range []demo.Archetype{demo.SteadyFan, demo.Champion, demo.InfluencerAdvocate} {
		for _, low := range []demo.Archetype{demo.Audience, demo.Bot, demo.Influencer, demo.BurstFan, demo.LoyalComplainer} {
			if lo, hi := ev.quantile(fan, 0.25), ev.quantile(low, 0.9); lo <= hi {
				t.Errorf("%s's lower quartile %.1f is not above %s's 90th percentile %.1f", fan, lo, low, hi)
			}
		}
	}
	if lo, hi := ev.quantile(demo.Champion, 0.5), ev.quantile(demo.SteadyFan, 0.5); lo <= hi {
		t.Errorf("champions' median %.1f is not above steady fans' %.1f", lo, hi)
	}
	floors := map[demo.Archetype]float64{
		demo.Audience: 0.99, demo.Bot: 0.95, demo.Influencer: 0.85, demo.Employee: 1, demo.Detractor: 0.9,
		demo.CompetitorFan: 0.8, demo.SteadyFan: 0.85, demo.Champion: 0.85, demo.LoyalComplainer: 0.8,
		demo.BurstFan: 0.95, demo.Occasional: 0.95, demo.AtRisk: 0.7,
	}
	for a, floor := range floors {
		if got := ev.accepted(a); got < floor {
			t.Errorf("%s: %.1f%% judged correct, want at least %.0f%%", a, 100*got, 100*floor)
		}
	}
	for _, f := range demo.FlagNames() {
		if p, r := ratio(ev.flagHit[f], ev.flagPred[f]), ratio(ev.flagFound[f], ev.flagWant[f]); p < 0.85 || r < 0.75 {
			t.Errorf("flag %s: precision %.1f%% recall %.1f%%, want at least 85%% and 75%%", f, 100*p, 100*r)
		}
	}
}

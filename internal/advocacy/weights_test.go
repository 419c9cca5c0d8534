package advocacy

import (
	"math"
	"strings"
	"testing"
)

func TestDefaultWeightsValid(t *testing.T) {
	if err := DefaultWeights().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestWeightsValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Weights)
		want   string
	}{
		{"negative tenure", func(w *Weights) { w.Tenure = -1 }, "tenure"},
		{"no core", func(w *Weights) { w.Tenure, w.Regularity = 0, 0 }, "tenure + regularity"},
		{"NaN influence", func(w *Weights) { w.Influence = math.NaN() }, "influence"},
		{"recency above 1", func(w *Weights) { w.Recency = 1.5 }, "recency"},
		{"neutral stance gate", func(w *Weights) { w.StanceFull = 0.5 }, "stance_full"},
		{"competitor above 1", func(w *Weights) { w.Competitor = 2 }, "competitor"},
		{"zero tenure days", func(w *Weights) { w.TenureDays = 0 }, "tenure_days"},
		{"window beyond histogram", func(w *Weights) { w.WindowWeeks = MaxWeeks + 1 }, "window_weeks"},
		{"min window above window", func(w *Weights) { w.MinWindowWeeks = w.WindowWeeks + 1 }, "min_window_weeks"},
		{"advocate below potential", func(w *Weights) { w.Advocate = w.Potential - 1 }, "advocate"},
		{"champion below advocate", func(w *Weights) { w.Champion = w.Advocate - 1 }, "champion"},
		{"champion weeks below advocate weeks", func(w *Weights) { w.ChampionWeeks = 1; w.AdvocateWeeks = 2 }, "champion_weeks"},
		{"detractor stance positive", func(w *Weights) { w.DetractorStance = 0.7 }, "detractor_stance"},
		{"zero promotional flag", func(w *Weights) { w.PromotionalFlag = 0 }, "promotional_flag"},
		{"infinite contribution", func(w *Weights) { w.Contribution = math.Inf(1) }, "contribution"},
	}
	for _, tt := range tests {
		w := DefaultWeights()
		tt.change(&w)
		err := w.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Validate() = %v, want an error about %s", tt.name, err, tt.want)
		}
	}
}

// TestWeightsMatter: a configured weight changes scores the documented
// way.
func TestWeightsMatter(t *testing.T) {
	s := steadyFan()
	sums := Summarize(s.events)
	base := Score(s.p, sums, testBrands, asOf, DefaultWeights())[0].Score
	w := DefaultWeights()
	w.Influence = 0
	if got := Score(s.p, sums, testBrands, asOf, w)[0].Score; got <= base {
		t.Errorf("without the influence amplifier a modest account scores %.1f, want above %.1f (normalised amplifier)", got, base)
	}
	w = DefaultWeights()
	w.Contribution = 0
	if got := Score(s.p, sums, testBrands, asOf, w)[0].Score; got == base {
		t.Error("contribution weight has no effect")
	}
}

func TestStageAndFlagNames(t *testing.T) {
	for _, s := range Stages() {
		got, err := ParseStage(s.String())
		if err != nil || got != s {
			t.Errorf("ParseStage(%q) = %v, %v", s, got, err)
		}
	}
	if s, err := ParseStage("Potential-Advocate"); err != nil || s != StagePotential {
		t.Errorf("ParseStage(Potential-Advocate) = %v, %v", s, err)
	}
	if _, err := ParseStage("hero"); err == nil {
		t.Error("ParseStage accepted an unknown stage")
	}
	all := FlagDetractor | FlagAtRisk | FlagCompetitorAdvocate | FlagEmployee | FlagPromotional | FlagBrandAccount
	for _, n := range all.Names() {
		f, err := ParseFlag(n)
		if err != nil || !all.Has(f) {
			t.Errorf("ParseFlag(%q) = %v, %v", n, f, err)
		}
	}
	if f, _ := ParseFlag("at-risk"); f != FlagAtRisk {
		t.Error("ParseFlag(at-risk)")
	}
	if got := (FlagDetractor | FlagEmployee).String(); got != "detractor,employee" {
		t.Errorf("flags string %q", got)
	}
	if _, err := ParseFlag("vip"); err == nil {
		t.Error("ParseFlag accepted an unknown flag")
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("🔥 @northwind deals today! save up to 50% → https://x.example/a1 #deals")
	b := Fingerprint("🔥 @NorthWind deals TODAY! save up to 30% → https://y.example/zz #Deals")
	if a == 0 || a != b {
		t.Errorf("near-identical promotions: %x %x", a, b)
	}
	if a == Fingerprint("northwind deals are great today") {
		t.Error("different texts share a fingerprint")
	}
	if Fingerprint("https://x.example @bob 123 !!") != 0 {
		t.Error("a text without words should have fingerprint 0")
	}
}

func TestWeekOf(t *testing.T) {
	if WeekOf(t0) != WeekOf(t0+weekSeconds-1) || WeekOf(t0) != WeekOf(t0-1)+1 {
		t.Error("weeks should start on Monday 00:00 UTC")
	}
	monday := int64(-3 * daySeconds) // 1969-12-29
	if WeekOf(monday-1) != -1 || WeekOf(monday) != 0 || WeekOf(0) != 0 {
		t.Errorf("WeekOf around the epoch: %d %d %d", WeekOf(monday-1), WeekOf(monday), WeekOf(0))
	}
}

func TestWeightsFrom(t *testing.T) {
	w, err := WeightsFrom(map[string]float64{"influence": 0.8, "advocate_weeks": 4})
	if err != nil || w.Influence != 0.8 || w.AdvocateWeeks != 4 || w.Tenure != DefaultWeights().Tenure {
		t.Fatalf("overrides: %+v, %v", w, err)
	}
	if w, err := WeightsFrom(nil); err != nil || w != DefaultWeights() {
		t.Errorf("no overrides: %v", err)
	}
	for _, bad := range []map[string]float64{{"influnce": 1}, {"advocate_weeks": 2.5}, {"recency": math.NaN()}, {"recency": -3}} {
		if _, err := WeightsFrom(bad); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

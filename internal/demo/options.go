package demo

import (
	"fmt"
	"math"
	"time"

	"github.com/herald-advocacy/herald"
)

// Archetype names a kind of community member the generator plants. The
// generator records each planted identity's archetype in Summary.Truth.
type Archetype string

// The archetypes. See the package documentation for what each one does and
// how it is expected to score.
const (
	Champion           Archetype = "champion"
	SteadyFan          Archetype = "steady_fan"
	Occasional         Archetype = "occasional"
	LoyalComplainer    Archetype = "loyal_complainer"
	Detractor          Archetype = "detractor"
	BurstFan           Archetype = "burst_fan"
	CompetitorFan      Archetype = "competitor_fan"
	AtRisk             Archetype = "at_risk"
	Influencer         Archetype = "influencer"
	InfluencerAdvocate Archetype = "influencer_advocate"
	Bot                Archetype = "bot"
	Audience           Archetype = "audience"
	// Employee and BrandAccount are not drawn from Options.Mix: their
	// accounts are the fixed ones declared by Workspace.
	Employee     Archetype = "employee"
	BrandAccount Archetype = "brand"
)

// Archetypes lists every archetype in a stable order.
var Archetypes = []Archetype{
	Champion, SteadyFan, Occasional, LoyalComplainer, Detractor, BurstFan, CompetitorFan,
	AtRisk, Influencer, InfluencerAdvocate, Bot, Audience, Employee, BrandAccount,
}

// Defaults.
const (
	DefaultPeople = 3000
	DefaultDays   = 180
)

// Reference returns the window's end used when Options.End is zero:
// 2026-06-01T00:00Z. Callers that want a demo ending today pass End
// themselves; the package never reads the clock.
func Reference() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }

// DefaultMix returns the default proportions of the community archetypes
// (they sum to 1).
func DefaultMix() map[Archetype]float64 {
	return map[Archetype]float64{
		Champion:           0.01,
		SteadyFan:          0.05,
		Occasional:         0.18,
		LoyalComplainer:    0.02,
		Detractor:          0.025,
		BurstFan:           0.04,
		CompetitorFan:      0.06,
		AtRisk:             0.02,
		Influencer:         0.006,
		InfluencerAdvocate: 0.0006,
		Bot:                0.01,
		Audience:           0.5784,
	}
}

// Options configure Generate. The zero value is usable.
type Options struct {
	// Seed selects the community: the same options give the same records,
	// byte for byte.
	Seed int64
	// People is the size of the community, not counting the fixed employee
	// and brand accounts. Zero means DefaultPeople.
	People int
	// Start and End bound every activity's CreatedAt. A zero End means
	// Reference(); a zero Start means DefaultDays days before End.
	Start, End time.Time
	// Mix gives the relative weight of each community archetype; weights
	// are normalised. Nil means DefaultMix. Employee and BrandAccount
	// entries are ignored.
	Mix map[Archetype]float64
	// Difficulty selects whether the archetypes overlap the way real
	// people do (Realistic, the zero value) or stay true to type.
	Difficulty Difficulty
}

// Difficulty says how cleanly the planted archetypes separate.
type Difficulty uint8

const (
	// Realistic plants the overlaps of real communities (see the package
	// documentation): fans with a complaint streak or a quiet month,
	// complainers who praise, large bursts, varied bots, employees who
	// write like fans, gradual drifts. It is the default.
	Realistic Difficulty = iota
	// Separable plants every archetype true to type, without those
	// overlaps: an easier community for checking a scorer's basics.
	Separable
)

// String returns "realistic" or "separable".
func (d Difficulty) String() string {
	switch d {
	case Realistic:
		return "realistic"
	case Separable:
		return "separable"
	}
	return fmt.Sprintf("Difficulty(%d)", uint8(d))
}

// withDefaults fills the zero fields and checks the rest.
func (o Options) withDefaults() (Options, error) {
	if o.People == 0 {
		o.People = DefaultPeople
	}
	if o.People < 0 || o.People > 1_000_000 {
		return o, herald.Errorf(herald.EInvalid, "demo: people must be between 1 and 1000000, not %d", o.People)
	}
	if o.End.IsZero() {
		o.End = Reference()
	}
	if o.Start.IsZero() {
		o.Start = o.End.AddDate(0, 0, -DefaultDays)
	}
	o.Start, o.End = o.Start.UTC(), o.End.UTC()
	if !o.Start.Before(o.End.Add(-24 * time.Hour)) {
		return o, herald.Errorf(herald.EInvalid, "demo: start %s must be at least a day before end %s",
			o.Start.Format(time.RFC3339), o.End.Format(time.RFC3339))
	}
	if o.Start.Year() < 2000 {
		return o, herald.Errorf(herald.EInvalid, "demo: start %s is before 2000", o.Start.Format(time.RFC3339))
	}
	if o.Difficulty > Separable {
		return o, herald.Errorf(herald.EInvalid, "demo: unknown difficulty %d", o.Difficulty)
	}
	if o.Mix == nil {
		o.Mix = DefaultMix()
	}
	return o, nil
}

// Counts splits people among the community archetypes in proportion to mix
// (largest remainder, ties broken in Archetypes order).
func Counts(people int, mix map[Archetype]float64) (map[Archetype]int, error) {
	total := 0.0
	for _, a := range Archetypes {
		w := mix[a]
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, herald.Errorf(herald.EInvalid, "demo: weight of %s must be a finite number >= 0, not %v", a, w)
		}
		if a != Employee && a != BrandAccount {
			total += w
		}
	}
	if total == 0 {
		return nil, fmt.Errorf("demo: mix has no positive weight")
	}
	counts := map[Archetype]int{}
	rem := map[Archetype]float64{}
	left := people
	for _, a := range Archetypes[:len(Archetypes)-2] {
		exact := float64(people) * mix[a] / total
		counts[a] = int(exact)
		rem[a] = exact - float64(counts[a])
		left -= counts[a]
	}
	for ; left > 0; left-- {
		var best Archetype
		for _, a := range Archetypes[:len(Archetypes)-2] {
			if best == "" || rem[a] > rem[best] {
				best = a
			}
		}
		counts[best]++
		rem[best] = -1
	}
	return counts, nil
}

// Summary describes what Generate emitted.
type Summary struct {
	Start, End time.Time
	// People counts people per archetype (including the fixed employees
	// and brands); Kinds and Networks count activities.
	People     map[Archetype]int
	Kinds      map[herald.Kind]int
	Networks   map[herald.Network]int
	Activities int
	// Truth maps the key (herald.Key.String, "network:external id") of
	// every identity that authored an activity to its planted archetype.
	Truth map[string]Archetype
	// Traits maps the key of every active identity that was planted with
	// an overlap (Options.Difficulty Realistic) to those overlaps, e.g. a
	// steady fan's complaint streak; see the package documentation.
	Traits map[string][]Trait
	// Linked groups the keys of identities that belong to one person
	// (people active on more than one network), for identity-linking
	// evaluation. Each group lists the person's main account first.
	Linked [][]string
}

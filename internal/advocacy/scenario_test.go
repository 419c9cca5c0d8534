package advocacy

import (
	"time"

	"github.com/herald-advocacy/herald"
)

// Brands of the hand-built scenarios: own brand 1, competitors 2 and 3.
const (
	own   = int64(1)
	rival = int64(2)
	other = int64(3)
)

var testBrands = []Brand{{ID: own, Slug: "northwind", Own: true}, {ID: rival, Slug: "brewline"}, {ID: other, Slug: "copper-kettle"}}

// t0 is the start of the scenarios (a Monday); asOf is 26 weeks later.
var (
	t0   = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC).Unix()
	asOf = t0 + 26*weekSeconds
)

const daySeconds = 86400

// scenario builds one person's events by hand.
type scenario struct {
	p      Person
	events []Event
	next   int64
}

func newScenario(id int64) *scenario {
	return &scenario{p: Person{ID: id, Followers: 300}, next: id * 1_000_000}
}

// opt adjusts an event.
type opt func(*Event)

func intents(i herald.Intents) opt { return func(e *Event) { e.Intents |= i } }
func hash(h uint64) opt            { return func(e *Event) { e.TextHash = h } }
func reach(r int64) opt            { return func(e *Event) { e.Reach = r } }
func withMedia(e *Event)           { e.Media = true }
func withLinks(e *Event)           { e.Links = true }
func answer(e *Event)              { e.Answer = true }
func direct(e *Event)              { e.Direct = true }
func ownAccount(e *Event)          { e.OwnAccount = true }
func stance(p herald.Polarity) opt { return func(e *Event) { e.Polarity = p } }
func score(s float64) opt          { return func(e *Event) { e.StanceScore = s } }
func kind(k herald.Kind) opt       { return func(e *Event) { e.Kind = k } }

// add appends an event about brand at the given day (fractional days
// allowed) since t0. Texts get a distinct fingerprint unless hash says
// otherwise.
func (s *scenario) add(day float64, brand int64, k herald.Kind, opts ...opt) *scenario {
	s.next++
	e := Event{Activity: s.next, Person: s.p.ID, Brand: brand, At: t0 + int64(day*daySeconds), Kind: k}
	if e.text() {
		e.TextHash = uint64(s.next)*0x9e3779b97f4a7c15 | 1
		e.Polarity = herald.Neutral
	}
	for _, o := range opts {
		o(&e)
	}
	s.events = append(s.events, e)
	return s
}

func (s *scenario) praise(day float64, brand int64, opts ...opt) *scenario {
	return s.add(day, brand, herald.KindPost, append([]opt{stance(herald.Positive), score(0.7), intents(herald.IntentPraise)}, opts...)...)
}

func (s *scenario) complain(day float64, brand int64, opts ...opt) *scenario {
	return s.add(day, brand, herald.KindPost, append([]opt{stance(herald.Negative), score(-0.6), intents(herald.IntentComplaint), direct}, opts...)...)
}

func (s *scenario) neutral(day float64, brand int64, opts ...opt) *scenario {
	return s.add(day, brand, herald.KindPost, opts...)
}

func (s *scenario) likes(day float64, brand int64, n int) *scenario {
	for i := range n {
		s.add(day+float64(i)*0.1, brand, herald.KindLike)
	}
	return s
}

// results summarises and scores the scenario with the default weights.
func (s *scenario) results() []Result {
	return Score(s.p, Summarize(s.events), testBrands, asOf, DefaultWeights())
}

// result returns the scenario's result for brand.
func (s *scenario) result(brand int64) Result {
	for _, r := range s.results() {
		if r.Brand == brand {
			return r
		}
	}
	return Result{Person: s.p.ID, Brand: brand}
}

// The archetypes, built by hand.

func steadyFan() *scenario {
	s := newScenario(1)
	for w := range 26 {
		d := float64(w*7) + 2
		switch w % 4 {
		case 0:
			s.praise(d, own, intents(herald.IntentRecommendation), reach(12))
		case 1:
			s.praise(d, own, withMedia, reach(20))
		case 2:
			s.praise(d, own, reach(5))
			s.add(d+1, own, herald.KindReply, stance(herald.Positive), answer)
		default:
			s.add(d, own, herald.KindPost, intents(herald.IntentSuggestion))
		}
		s.likes(d+3, own, 2)
	}
	return s
}

func burstFan() *scenario {
	s := newScenario(2)
	for i := range 6 {
		s.praise(70+float64(i)*0.5, own, withMedia)
	}
	return s.likes(71, own, 3)
}

func loyalComplainer() *scenario {
	s := newScenario(3)
	for i := range 39 {
		d := float64(i) * 4.6
		switch i % 7 {
		case 0:
			s.praise(d, own, direct)
		case 1, 2:
			s.neutral(d, own, intents(herald.IntentQuestion), direct)
		default:
			s.complain(d, own)
		}
	}
	return s
}

func detractor() *scenario {
	s := newScenario(4)
	for i := range 7 {
		s.complain(90+float64(i)*0.4, own)
	}
	s.complain(91, own, intents(herald.IntentRecommendation))
	s.add(91.5, own, herald.KindPost, stance(herald.Negative), intents(herald.IntentRecommendation|herald.IntentComparison))
	return s.praise(91.5, rival)
}

func bigNeutral() *scenario {
	s := newScenario(5)
	s.p.Followers = 400_000
	s.p.Centrality = 50
	return s.neutral(150, own, reach(3000))
}

func promoBot() *scenario {
	s := newScenario(6)
	for i := range 130 {
		s.praise(float64(i)*1.4, own, hash(0xdea1), withLinks, intents(herald.IntentRecommendation|herald.IntentPurchase))
	}
	return s
}

func employee() *scenario {
	s := steadyFan()
	s.p.ID = 7
	for i := range s.events {
		s.events[i].Person = 7
	}
	s.p.Employee = []int64{own}
	return s
}

func competitorFan() *scenario {
	s := newScenario(8)
	for w := range 26 {
		d := float64(w*7) + 3
		if w%3 == 0 {
			s.praise(d, rival, intents(herald.IntentRecommendation), withMedia)
		} else {
			s.praise(d, rival)
		}
		if w%6 == 5 {
			s.add(d, own, herald.KindPost, stance(herald.Negative), intents(herald.IntentComparison))
		}
		s.likes(d+1, rival, 2)
	}
	return s
}

// atRisk is a weekly fan of the own brand for 16 weeks; then, by
// variant, silence, complaints, complaints while praising a competitor,
// or praise of a competitor.
func atRisk(variant string) *scenario {
	s := newScenario(9)
	for w := range 16 {
		d := float64(w*7) + 1
		s.praise(d, own, intents(herald.IntentRecommendation))
		s.likes(d+2, own, 2)
	}
	for w := 16; w < 26; w++ {
		d := float64(w*7) + 1
		switch variant {
		case "negative":
			s.complain(d, own)
		case "turning":
			s.complain(d, own)
			if w%2 == 0 {
				s.praise(d+1, rival)
			}
		case "competitor":
			s.praise(d, rival, intents(herald.IntentComparison))
			s.likes(d+2, rival, 2)
		}
	}
	return s
}

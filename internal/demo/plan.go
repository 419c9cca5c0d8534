package demo

import (
	"math"
)

const (
	hour = int64(3_600_000)
	day  = 24 * hour
	week = 7 * day
)

// role says which brand a planned text is about.
type role uint8

const (
	rFav   role = iota // the brand the person favours at the time
	rOwn               // Northwind
	rRival             // a competitor (the favoured one when it is one)
	rAny               // any brand, Northwind half the time
)

// choice is one entry of an archetype's mix of texts.
type choice struct {
	in intent
	w  float64
	b  role
}

var (
	steadyMix     = []choice{{iPraise, .30, rOwn}, {iRecommend, .20, rOwn}, {iPhoto, .20, rOwn}, {iIdea, .07, rOwn}, {iQuestion, .05, rOwn}, {iComplaint, .06, rOwn}, {iCompare, .07, rOwn}, {iNeutral, .05, rOwn}}
	occasionalMix = []choice{{iNeutral, .40, rFav}, {iPraise, .30, rFav}, {iQuestion, .15, rFav}, {iComplaint, .10, rFav}, {iPhoto, .05, rFav}}
	complainerMix = []choice{{iComplaint, .60, rOwn}, {iPraise, .15, rOwn}, {iQuestion, .10, rOwn}, {iIdea, .10, rOwn}, {iNeutral, .05, rOwn}}
	detractorMix  = []choice{{iRant, .85, rOwn}, {iCompare, .15, rRival}}
	burstMix      = []choice{{iPraise, .45, rOwn}, {iRecommend, .25, rOwn}, {iPhoto, .30, rOwn}}
	compFanMix    = []choice{{iPraise, .50, rFav}, {iRecommend, .15, rFav}, {iPhoto, .10, rFav}, {iCompare, .15, rFav}, {iNeutral, .05, rOwn}, {iQuestion, .05, rFav}}
	driftEarlyMix = []choice{{iPraise, .35, rOwn}, {iRecommend, .20, rOwn}, {iPhoto, .20, rOwn}, {iIdea, .10, rOwn}, {iQuestion, .10, rOwn}, {iNeutral, .05, rOwn}}
	driftLateMix  = []choice{{iComplaint, .45, rOwn}, {iPraise, .25, rRival}, {iCompare, .25, rRival}, {iNeutral, .05, rOwn}}
	influencerMix = []choice{{iNeutral, .45, rAny}, {iRoundup, .40, rAny}, {iQuestion, .15, rAny}}
	inflAdvMix    = []choice{{iPraise, .30, rOwn}, {iRecommend, .30, rOwn}, {iPhoto, .30, rOwn}, {iIdea, .10, rOwn}}
	employeeMix   = []choice{{iStaff, .85, rOwn}, {iPhoto, .15, rOwn}}
	botMix        = []choice{{iPromo, 1, rFav}}
	brandMix      = []choice{{iNews, 1, rFav}}
)

// hourWeights is when people post, by UTC hour: a morning-coffee peak and
// a quieter afternoon one.
var hourWeights = [24]float64{.2, .1, .1, .1, .2, .5, 1.2, 2.5, 3, 2.6, 2, 1.8, 2, 1.8, 1.7, 1.6, 1.5, 1.5, 1.6, 1.6, 1.4, 1.1, .7, .4}

// plan schedules everything person p will do on their own initiative.
func (s *sim) plan(p *person) {
	if s.overlap && s.planRealistic(p) {
		return
	}
	switch p.arch {
	case Champion:
		s.planChampion(p)
	case SteadyFan:
		s.planSteady(p, steadyMix, 0.85, 0.25, 2)
	case InfluencerAdvocate:
		s.planSteady(p, inflAdvMix, 0.7, 0.1, 1)
	case Occasional:
		s.planOccasional(p, 0)
	case LoyalComplainer:
		s.planComplainer(p, complainerMix)
	case Detractor:
		s.planBurst(p, detractorMix, 10, 5, 4+s.r.IntN(9), 0)
	case BurstFan:
		s.planBurst(p, burstMix, 3, 3, 3+s.r.IntN(6), 3+s.r.IntN(8))
		s.maybeFollow(p, 0.3, s.start+s.r.Int64N(s.end-s.start), northwind)
	case CompetitorFan:
		s.planCompetitorFan(p, compFanMix)
	case AtRisk:
		s.planDrift(p)
	case Influencer:
		for range 2 + s.r.IntN(4) {
			s.content(p, s.uniform(s.start, s.end), influencerMix, 0)
		}
	case Employee:
		s.planEmployee(p, employeeMix)
	case Bot:
		s.poisson(s.start, s.end, 2.5+s.r.Float64()*5, func(ms int64) { s.content(p, ms, botMix, 0) })
		s.poisson(s.start, s.end, 2, func(ms int64) { s.planEngage(p, ms, 0.8) })
	case BrandAccount:
		s.planBrand(p)
	default:
		s.planAudience(p)
	}
}

// planSteady: a long tenure of regular weekly posts, likes and shares.
func (s *sim) planSteady(p *person, mix []choice, regular, extra, engage float64) {
	from, to := s.tenure(0.15, 0.05)
	s.weekly(from, to, regular, extra, func(ms int64) { s.content(p, ms, mix, 0.1) })
	s.poisson(from, to, engage, func(ms int64) { s.planEngage(p, ms, 0.2) })
	s.maybeFollow(p, 0.6, from+s.r.Int64N(2*week), northwind)
}

// planOccasional: one to four texts; with probability glow the first is
// a glowing post about Northwind.
func (s *sim) planOccasional(p *person, glow float64) {
	mix := occasionalMix
	if glow > 0 && s.r.Float64() < glow {
		p.traits = append(p.traits, GlowingPost)
		mix = glowingMix
	}
	for range 1 + s.r.IntN(4) {
		s.content(p, s.uniform(s.start, s.end), mix, 0)
		mix = occasionalMix
	}
	for range s.r.IntN(6) {
		s.planEngage(p, s.uniform(s.start, s.end), 0.05)
	}
	s.maybeFollow(p, 0.05, s.uniform(s.start, s.end), p.fav)
}

func (s *sim) planComplainer(p *person, mix []choice) {
	from, to := s.tenure(0.1, 0.05)
	s.poisson(from, to, 1.5, func(ms int64) { s.content(p, ms, mix, 0) })
	s.poisson(from, to, 0.5, func(ms int64) { s.planEngage(p, ms, 0.05) })
}

func (s *sim) planCompetitorFan(p *person, mix []choice) {
	from, to := s.tenure(0.2, 0.1)
	s.poisson(from, to, 0.7, func(ms int64) { s.content(p, ms, mix, 0.08) })
	s.poisson(from, to, 1.5, func(ms int64) { s.planEngage(p, ms, 0.15) })
	s.maybeFollow(p, 0.3, from, p.fav)
}

func (s *sim) planEmployee(p *person, mix []choice) {
	s.poisson(s.start, s.end, 0.5, func(ms int64) { s.content(p, ms, mix, 0) })
	s.poisson(s.start, s.end, 2, func(ms int64) { s.planEngage(p, ms, 0.5) })
}

// planBurst: posts and likes packed into a few days, then silence.
// margin and length are in days.
func (s *sim) planBurst(p *person, mix []choice, margin, length int64, posts, likes int) {
	from := s.start + s.r.Int64N(max(s.end-s.start-margin*day, day))
	to := from + day + s.r.Int64N(length*day)
	for range posts {
		s.content(p, s.uniform(from, to), mix, 0)
	}
	for range likes {
		s.planEngage(p, s.uniform(from, to), 0.1)
	}
}

// planDrift: a fan who turns to a competitor around mid-window.
func (s *sim) planDrift(p *person) {
	p.pivot = s.start + int64((0.4+0.2*s.r.Float64())*float64(s.end-s.start))
	s.weekly(s.start, p.pivot, 0.75, 0.1, func(ms int64) { s.content(p, ms, driftEarlyMix, 0.05) })
	s.poisson(p.pivot, s.end, 0.9, func(ms int64) { s.content(p, ms, driftLateMix, 0) })
	s.poisson(s.start, s.end, 1.5, func(ms int64) { s.planEngage(p, ms, 0.15) })
	s.maybeFollow(p, 0.4, s.start+s.r.Int64N(3*week), northwind)
	s.maybeFollow(p, 0.3, p.pivot+s.r.Int64N(3*week), p.fav2)
}

func (s *sim) planBrand(p *person) {
	rate := 2.5
	if p.fav == northwind {
		rate = 4.5
	}
	for _, acc := range p.accts {
		s.poisson(s.start, s.end, rate, func(ms int64) {
			s.push(event{at: ms, acc: acc, act: doPost, in: iNews, brand: int8(p.fav), other: -1})
		})
	}
}

// planAudience: a heavy-tailed number of likes and shares, rarely a follow.
func (s *sim) planAudience(p *person) {
	x := math.Pow(1-s.r.Float64(), -1/1.3) // Pareto, mean 4.3
	n := min(int(3*x)-2, 200)
	for range n {
		s.planEngage(p, s.uniform(s.start, s.end), 0.12)
	}
	s.maybeFollow(p, 0.03, s.uniform(s.start, s.end), p.fav)
}

// content plans one text by p at ms, drawn from mix; quote is the chance
// that it quotes a recent post rather than standing alone.
func (s *sim) content(p *person, ms int64, mix []choice, quote float64) {
	c := pickChoice(s.r.Float64(), mix)
	b, other := s.brandFor(p, ms, c.b), -1
	if c.in == iCompare || c.in == iRoundup || c.in == iNeutral || c.in == iGrudging || c.in == iWavering {
		other = s.rival(p, b)
	}
	act := doPost
	if s.r.Float64() < quote {
		act = doQuote
	}
	s.push(event{at: ms, acc: s.account(p), act: act, in: c.in, brand: int8(b), other: int8(other)})
}

func pickChoice(x float64, mix []choice) choice {
	total := 0.0
	for _, c := range mix {
		total += c.w
	}
	x *= total
	for _, c := range mix {
		if x -= c.w; x < 0 {
			return c
		}
	}
	return mix[len(mix)-1]
}

// brandFor resolves a role to a brand for p at ms.
func (s *sim) brandFor(p *person, ms int64, r role) int {
	switch r {
	case rOwn:
		return northwind
	case rRival:
		if f := p.favAt(ms); f != northwind {
			return f
		}
		if p.fav2 != northwind {
			return p.fav2
		}
		return 1 + s.r.IntN(numBrands-1)
	case rAny:
		if s.r.Float64() < 0.5 {
			return northwind
		}
		return 1 + s.r.IntN(numBrands-1)
	}
	return p.favAt(ms)
}

// rival is the brand compared with b: Northwind for a competitor, a
// competitor for Northwind.
func (s *sim) rival(p *person, b int) int {
	if b != northwind {
		return northwind
	}
	if p.fav2 != northwind {
		return p.fav2
	}
	return 1 + s.r.IntN(numBrands-1)
}

// planEngage plans a like (or, with probability share, a share) of a
// post chosen when the time comes.
func (s *sim) planEngage(p *person, ms int64, share float64) {
	s.push(event{at: ms, acc: s.account(p), act: doEngage, share: s.r.Float64() < share, brand: -1, other: -1})
}

// maybeFollow plans, with probability prob, that p follows brand b.
func (s *sim) maybeFollow(p *person, prob float64, ms int64, b int) {
	if s.r.Float64() < prob {
		s.push(event{at: ms, acc: p.accts[0], act: doFollow, brand: int8(b), other: -1})
	}
}

// account picks which of p's accounts acts: mostly the first.
func (s *sim) account(p *person) *account {
	if len(p.accts) > 1 && s.r.Float64() < 0.3 {
		return p.accts[1+s.r.IntN(len(p.accts)-1)]
	}
	return p.accts[0]
}

// tenure is a long active period: it starts within the first head and
// ends within the last tail fraction of the window.
func (s *sim) tenure(head, tail float64) (int64, int64) {
	d := float64(s.end - s.start)
	return s.start + int64(head*s.r.Float64()*d), s.end - int64(tail*s.r.Float64()*d)
}

// uniform returns a time of day drawn from hourWeights on a random day in
// [from, to).
func (s *sim) uniform(from, to int64) int64 {
	return s.atHour(from + s.r.Int64N(max(to-from, 1)))
}

// atHour moves ms to a random minute of an hour drawn from hourWeights,
// on the same UTC day.
func (s *sim) atHour(ms int64) int64 {
	total := 0.0
	for _, w := range hourWeights {
		total += w
	}
	h := weightedIndex(s.r.Float64()*total, hourWeights[:])
	return ms - ms%day + int64(h)*hour + s.r.Int64N(hour)
}

// poisson calls f at the times of a Poisson process of perWeek events a
// week over [from, to).
func (s *sim) poisson(from, to int64, perWeek float64, f func(ms int64)) {
	mean := float64(week) / perWeek
	for t := from + int64(s.r.ExpFloat64()*mean); t < to; t += int64(s.r.ExpFloat64() * mean) {
		f(s.atHour(t))
	}
}

// weekly calls f once a week at the person's usual weekday and hour (with
// probability regular, give or take a couple of hours), plus an extra
// time some weeks.
func (s *sim) weekly(from, to int64, regular, extra float64, f func(ms int64)) {
	slot := s.r.Int64N(7)*day + 7*hour + s.r.Int64N(14*hour)
	for w := from - from%week; w < to; w += week {
		if t := w + slot + int64(s.r.NormFloat64()*2*float64(hour)); t >= from && t < to && s.r.Float64() < regular {
			f(t)
		}
		if s.r.Float64() < extra {
			if t := s.uniform(w, w+week); t >= from && t < to {
				f(t)
			}
		}
	}
}

package demo

// Trait names an overlap planted in one person: a behaviour that blurs
// their archetype. Summary.Traits lists them per identity.
type Trait string

// The traits planted with Options.Difficulty Realistic.
const (
	ComplaintStreak Trait = "complaint_streak" // steady fan: 2–4 complaints within two weeks
	QuietMonth      Trait = "quiet_month"      // steady fan: 3–5 weeks without any activity
	BigBurst        Trait = "big_burst"        // burst fan: 24–50 posts within five days
	GradualDrift    Trait = "gradual_drift"    // at-risk: 8–13 weeks of wavering, no sharp pivot
	GlowingPost     Trait = "glowing_post"     // occasional: one glowing post about Northwind
	MildPraise      Trait = "mild_praise"      // influencer: one mildly positive post about Northwind
)

// Shares of the per-person overlaps (see the package documentation).
const (
	complaintStreakShare = 0.3
	quietMonthShare      = 0.25
	bigBurstShare        = 0.35
	gradualDriftShare    = 0.5
	glowingPostShare     = 0.15
	mildPraiseEvery      = 9 // every ninth influencer
)

var (
	championMix    = []choice{{iPraise, .15, rOwn}, {iRecommend, .25, rOwn}, {iPhoto, .17, rOwn}, {iReview, .15, rOwn}, {iIdea, .10, rOwn}, {iQuestion, .03, rOwn}, {iCompare, .07, rOwn}, {iComplaint, .03, rOwn}, {iNeutral, .05, rOwn}}
	streakMix      = []choice{{iComplaint, 1, rOwn}}
	glowingMix     = []choice{{iGlowing, 1, rOwn}}
	mildMix        = []choice{{iMild, 1, rOwn}}
	complainerReal = []choice{{iComplaint, .48, rOwn}, {iPraise, .20, rOwn}, {iRecommend, .05, rOwn}, {iQuestion, .10, rOwn}, {iIdea, .10, rOwn}, {iNeutral, .05, rOwn}, {iPhoto, .02, rOwn}}
	compFanReal    = []choice{{iPraise, .40, rFav}, {iRecommend, .13, rFav}, {iPhoto, .10, rFav}, {iCompare, .13, rFav}, {iComplaint, .08, rFav}, {iGrudging, .08, rOwn}, {iNeutral, .05, rOwn}, {iQuestion, .03, rFav}}
	bigBurstMix    = []choice{{iChallenge, .45, rOwn}, {iPraise, .20, rOwn}, {iPhoto, .25, rOwn}, {iRecommend, .10, rOwn}}
	influencerReal = []choice{{iNeutral, .45, rOwn}, {iRoundup, .40, rAny}, {iQuestion, .15, rOwn}}
	employeeFanMix = []choice{{iPraise, .30, rOwn}, {iRecommend, .15, rOwn}, {iPhoto, .20, rOwn}, {iStaff, .30, rOwn}, {iIdea, .05, rOwn}}
	driftWaverMix  = []choice{{iWavering, 1, rOwn}}
)

// planChampion: the longest tenure, the most regular posting, strong
// recommendations, reviews, photos and ideas; many likes and shares.
// Champions also answer questions and welcome newcomers (see react).
func (s *sim) planChampion(p *person) {
	from, to := s.tenure(0.05, 0.02)
	s.weekly(from, to, 0.95, 0.5, func(ms int64) { s.content(p, ms, championMix, 0.12) })
	s.poisson(from, to, 3, func(ms int64) { s.planEngage(p, ms, 0.35) })
	s.maybeFollow(p, 0.95, from+s.r.Int64N(week), northwind)
}

// planRealistic plans p with the overlaps of Options.Difficulty
// Realistic. It returns false for the archetypes it leaves to plan.
func (s *sim) planRealistic(p *person) bool {
	switch p.arch {
	case SteadyFan:
		s.planSteadyFan(p)
	case Occasional:
		s.planOccasional(p, glowingPostShare)
	case LoyalComplainer:
		s.planComplainer(p, complainerReal)
	case BurstFan:
		if s.r.Float64() < bigBurstShare {
			p.traits = append(p.traits, BigBurst)
			s.planBurst(p, bigBurstMix, 6, 4, 24+s.r.IntN(27), 10+s.r.IntN(20))
		} else {
			s.planBurst(p, burstMix, 3, 3, 3+s.r.IntN(6), 3+s.r.IntN(8))
		}
		s.maybeFollow(p, 0.3, s.start+s.r.Int64N(s.end-s.start), northwind)
	case CompetitorFan:
		s.planCompetitorFan(p, compFanReal)
	case AtRisk:
		if s.r.Float64() < gradualDriftShare {
			s.planGradualDrift(p)
		} else {
			s.planDrift(p)
		}
	case Influencer:
		for range 6 + s.r.IntN(9) {
			s.content(p, s.uniform(s.start, s.end), influencerReal, 0)
		}
		if p.nth%mildPraiseEvery == 0 {
			p.traits = append(p.traits, MildPraise)
			s.content(p, s.uniform(s.start, s.end), mildMix, 0)
		}
	case Employee:
		s.planEmployee(p, employeeFanMix)
	default:
		return false
	}
	return true
}

// planSteadyFan is planSteady with, for some, a quiet month (nothing at
// all) and a streak of complaints.
func (s *sim) planSteadyFan(p *person) {
	from, to := s.tenure(0.15, 0.05)
	if s.r.Float64() < quietMonthShare { // push drops what falls in it
		p.traits = append(p.traits, QuietMonth)
		p.quiet[0] = from + 2*week + s.r.Int64N(max(to-from-8*week, day))
		p.quiet[1] = p.quiet[0] + 3*week + s.r.Int64N(2*week)
	}
	s.weekly(from, to, 0.85, 0.25, func(ms int64) { s.content(p, ms, steadyMix, 0.1) })
	s.poisson(from, to, 2, func(ms int64) { s.planEngage(p, ms, 0.2) })
	s.maybeFollow(p, 0.6, from+s.r.Int64N(2*week), northwind)
	if s.r.Float64() < complaintStreakShare {
		p.traits = append(p.traits, ComplaintStreak)
		t0 := from + s.r.Int64N(max(to-from-2*week, day))
		if t0 < p.quiet[1] && t0+2*week > p.quiet[0] {
			t0 = p.quiet[1] // the streak is not lost in the quiet month
		}
		t1 := t0 + 3*day + s.r.Int64N(11*day)
		for range 2 + s.r.IntN(3) {
			s.content(p, s.uniform(t0, t1), streakMix, 0)
		}
	}
}

// planGradualDrift: a fan whose posts turn from praise through doubts to
// complaints and a competitor over 30–50% of the window (8–13 weeks by
// default), starting at 20–35% of it, with no sharp pivot.
func (s *sim) planGradualDrift(p *person) {
	p.traits = append(p.traits, GradualDrift)
	w := float64(s.end - s.start)
	p0 := s.start + int64((0.2+0.15*s.r.Float64())*w)
	p1 := p0 + int64((0.3+0.2*s.r.Float64())*w)
	p.pivot = (p0 + p1) / 2
	s.weekly(s.start, p1, 0.8, 0.1, func(ms int64) {
		// Turned away with probability frac, rising from 0 to 1: doubts
		// first, then complaints and the competitor.
		frac := float64(ms-p0) / float64(p1-p0)
		switch {
		case s.r.Float64() >= frac:
			s.content(p, ms, driftEarlyMix, 0.05)
		case s.r.Float64() < frac:
			s.content(p, ms, driftLateMix, 0)
		default:
			s.content(p, ms, driftWaverMix, 0)
		}
	})
	s.poisson(p1, s.end, 0.9, func(ms int64) { s.content(p, ms, driftLateMix, 0) })
	s.poisson(s.start, s.end, 1.5, func(ms int64) { s.planEngage(p, ms, 0.15) })
	s.maybeFollow(p, 0.4, s.start+s.r.Int64N(3*week), northwind)
	s.maybeFollow(p, 0.3, p.pivot+s.r.Int64N(3*week), p.fav2)
}

// welcome has a champion greet a newcomer's post about Northwind with a
// tip.
func (s *sim) welcome(n *node) {
	if n.brand != northwind {
		return
	}
	p := 0.15
	switch n.acc.p.arch {
	case Occasional:
	case BurstFan:
		p = 0.04
	default:
		return
	}
	switch n.in {
	case iPraise, iRecommend, iPhoto, iGlowing, iChallenge, iNeutral:
	default:
		return
	}
	list := s.champions[n.acc.net]
	if len(list) == 0 || s.r.Float64() > p {
		return
	}
	s.push(event{at: n.ms + s.delay(90, 1.2, 3, 24*60), acc: pick(s.r, list), act: doReply, in: iTip,
		brand: northwind, other: -1, target: n})
}

// dealCode is a promotional code such as "BREW42X".
func (s *sim) dealCode() string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	return pick(s.r, []string{"SAVE", "BREW", "DEAL", "JAVA", "CUP", "BEAN"}) +
		string(rune('0'+s.r.IntN(10))) + string(rune('0'+s.r.IntN(10))) + string(letters[s.r.IntN(len(letters))])
}

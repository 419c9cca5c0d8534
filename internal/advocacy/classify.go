package advocacy

import "slices"

// classify sets the result's flags (but competitor advocate) and stage.
func (s *scoring) classify(p *Person, ss []scoring, brandAccount bool, w *Weights) {
	r := &s.res
	if brandAccount {
		r.Flags |= FlagBrandAccount
		r.Stage = StageAudience
		return
	}
	if slices.Contains(p.Employee, s.brand.ID) {
		// Staff are kept out of customer flags.
		r.Flags = FlagEmployee
		r.Stage = s.stage(w)
		return
	}
	if r.Facets.Promotion >= w.PromotionalFlag {
		r.Flags |= FlagPromotional
	}
	drift := s.drifting(ss)
	if s.detractor(drift, w) {
		r.Flags |= FlagDetractor
	}
	if s.atRisk(ss, drift, w) {
		r.Flags |= FlagAtRisk
	}
	r.Stage = s.stage(w)
}

// stage applies the score thresholds and the minimum evidence of each
// stage. Fewer than EngagedTexts texts, or promotional posting, is
// audience whatever the score.
func (s *scoring) stage(w *Weights) Stage {
	r, c, pw := &s.res, &s.sum.Counts, s.ws.all.EndorseWeeks
	advocate := r.Score >= w.Advocate && pw >= w.AdvocateWeeks && r.Facets.Regularity >= w.AdvocateRegularity
	switch {
	case int(c.Texts) < w.EngagedTexts || r.Flags.Has(FlagPromotional):
		return StageAudience
	case advocate && r.Score >= w.Champion && pw >= w.ChampionWeeks &&
		r.Facets.Tenure >= w.ChampionTenure && r.Facets.Contribution >= w.ChampionContribution &&
		r.Facets.Regularity >= w.ChampionRegularity:
		return StageChampion
	case advocate:
		return StageAdvocate
	case r.Score >= w.Potential && c.Endorse > 0:
		return StagePotential
	}
	return StageEngaged
}

// detractor: predominantly negative and not a loyal voice that keeps
// coming back, or repeatedly telling others to avoid the brand.
func (s *scoring) detractor(drift bool, w *Weights) bool {
	c := &s.sum.Counts
	negative := s.res.Facets.Stance < w.DetractorStance && int(c.Negative) >= w.DetractorNegatives
	antiRec := c.AntiRecommend >= 2 && c.Negative > c.Positive
	return negative && !s.loyal(drift, w) || antiRec
}

// loyal: texts on at least LoyalWeeks distinct weeks, still speaking in
// the recent window and not drifting to a competitor.
func (s *scoring) loyal(drift bool, w *Weights) bool {
	return s.ws.all.TextWeeks >= w.LoyalWeeks && s.ws.recent.Texts > 0 && !drift
}

// atRisk: positive in the earlier window (positive texts on
// AdvocateWeeks weeks, at least as many as negative texts, voice in at
// least AdvocateRegularity of its weeks, at least half of their brand
// talk about this brand), and in the
// recent window: fell silent (voice below a quarter of the earlier rate),
// drifted to a competitor (see drifting), or turned negative (at least
// two negative texts, more than endorsements) or cooled (endorsing at
// less than a third of the earlier rate) while speaking positively of a
// competitor. Turning negative without a competitor in view is a
// complaint to answer, not a departure (a loyal complainer, a fan's bad
// week).
func (s *scoring) atRisk(ss []scoring, drift bool, w *Weights) bool {
	e, rc := &s.ws.earlier, &s.ws.recent
	if e.PosWeeks < w.AdvocateWeeks || e.Positive < e.Negative || s.ws.earlierSpan == 0 ||
		float64(e.Active) < w.AdvocateRegularity*float64(s.ws.earlierSpan) {
		return false
	}
	span, recent := float64(s.ws.earlierSpan), float64(w.RecentWeeks)
	rival := otherRecent(s, ss)
	if share(otherEarlier(s, ss), e.Units) > 0.5 {
		return false // mostly someone else's voice before: not our advocate
	}
	fell := float64(rc.Units)/recent < 0.25*float64(e.Units)/span
	turned := rc.Negative > rc.Endorse && rc.Negative >= 2
	cooled := float64(rc.Endorse)/recent < float64(e.Endorse)/span/3
	return fell || drift || (turned || cooled) && rival.Positive > 0
}

// otherEarlier sums the person's earlier voice units toward the other
// brands.
func otherEarlier(s *scoring, ss []scoring) uint64 {
	n := uint64(0)
	for j := range ss {
		if ss[j].brand.ID != s.brand.ID {
			n += ss[j].ws.earlier.Units
		}
	}
	return n
}

// otherRecent sums the person's recent activity toward the other brands.
func otherRecent(s *scoring, ss []scoring) tally {
	var t tally
	for j := range ss {
		if o := &ss[j].ws.recent; ss[j].brand.ID != s.brand.ID {
			t.Units += o.Units
			t.Texts += o.Texts
			t.Positive += o.Positive
			t.Endorse += o.Endorse
			t.Negative += o.Negative
		}
	}
	return t
}

// drifting: in the recent window most of the person's brand talk goes to
// other brands, at least 25 points more than in the earlier window, with
// an endorsement of one of them.
func (s *scoring) drifting(ss []scoring) bool {
	var recentOther, earlierOther, otherPos uint64
	for j := range ss {
		if ss[j].brand.ID == s.brand.ID {
			continue
		}
		recentOther += ss[j].ws.recent.Units
		earlierOther += ss[j].ws.earlier.Units
		otherPos += ss[j].ws.recent.Endorse
	}
	recent := share(recentOther, s.ws.recent.Units)
	earlier := share(earlierOther, s.ws.earlier.Units)
	return otherPos > 0 && recent >= 0.5 && recent >= earlier+0.25
}

// share is a/(a+b), 0 when both are 0.
func share(a, b uint64) float64 {
	if a+b == 0 {
		return 0
	}
	return float64(a) / float64(a+b)
}

// markCompetitorAdvocates flags the person's results for competitors they
// advocate (unless they work there) and, when there is one, their results
// for the own brand. A competitor's advocate is a conversion target: their
// negative comparisons of the own brand do not make them a detractor of
// it, unless they tell others to avoid it, and their occasional praise of
// it does not make them a potential advocate of it (below advocate, their
// own-brand stage is at most engaged).
func markCompetitorAdvocates(ss []scoring, w *Weights) {
	found := false
	for i := range ss {
		if ss[i].advocatesCompetitor(w) {
			ss[i].res.Flags |= FlagCompetitorAdvocate
			found = true
		}
	}
	if !found {
		return
	}
	for i := range ss {
		if r := &ss[i].res; ss[i].brand.Own && r.Flags&(FlagEmployee|FlagBrandAccount) == 0 {
			r.Flags |= FlagCompetitorAdvocate
			if ss[i].sum.Counts.AntiRecommend < 2 {
				r.Flags &^= FlagDetractor
			}
			if r.Stage < StageAdvocate {
				r.Stage = min(r.Stage, StageEngaged)
			}
		}
	}
}

// advocatesCompetitor: a competitor result at advocate or above, or
// scoring at least CompetitorAdvocate with endorsements on AdvocateWeeks
// weeks — the bar for a conversion target is lower than for an advocate.
func (s *scoring) advocatesCompetitor(w *Weights) bool {
	r := &s.res
	if s.brand.Own || r.Flags&(FlagEmployee|FlagBrandAccount|FlagPromotional) != 0 {
		return false
	}
	return r.Stage >= StageAdvocate || r.Score >= w.CompetitorAdvocate && s.ws.all.EndorseWeeks >= w.AdvocateWeeks &&
		s.sum.Counts.Endorse > s.sum.Counts.Negative
}

package advocacy

import (
	"math/bits"

	"github.com/herald-advocacy/herald"
)

// Voice units: how much one event counts toward activity and rate. A text
// is one full unit (10); ten likes make as much noise as one text.
const (
	unitText   = 10
	unitShare  = 3
	unitLike   = 1
	unitFollow = 1
)

// Stance evidence, in tenths of a praising text. Recommendation and
// praise weigh more than a merely positive text, which weighs more than a
// like; a positive reply to the brand itself (thanks for an answer) counts
// half; a neutral text adds half its weight to each side.
const (
	stanceMild      = 4  // a positive text that neither praises nor recommends
	stanceText      = 10 // a praising or negative text
	stanceRecommend = 10 // extra for a recommendation (or an anti-recommendation)
	stanceNeutral   = 5  // a neutral text
	stanceShare     = 3
	stanceLike      = 1
	stanceFollow    = 2
)

// add folds one event into the summary.
func (s *Summary) add(e *Event) {
	if e.OwnAccount {
		s.Counts.Own++
		return
	}
	s.span(&s.First, &s.Last, s.Counts.Events, e.At)
	s.Counts.Events++
	switch e.Kind {
	case herald.KindShare:
		s.Counts.Shares++
		s.PosWeight += stanceShare
	case herald.KindLike:
		s.Counts.Likes++
		s.PosWeight += stanceLike
	case herald.KindFollow:
		s.Counts.Follows++
		s.PosWeight += stanceFollow
	}
	if e.text() {
		s.addText(e)
	}
	s.addWeek(e)
}

// span widens [first, last] to include t; n is how many times were seen.
func (s *Summary) span(first, last *int64, n uint32, t int64) {
	if n == 0 || t < *first {
		*first = t
	}
	if n == 0 || t > *last {
		*last = t
	}
}

// addText folds a post, reply or quote.
func (s *Summary) addText(e *Event) {
	c := &s.Counts
	s.span(&s.FirstText, &s.LastText, c.Texts, e.At)
	c.Texts++
	switch e.Kind {
	case herald.KindPost:
		c.Posts++
	case herald.KindReply:
		c.Replies++
	case herald.KindQuote:
		c.Quotes++
	}
	s.Reach += max(e.Reach, 0)
	c.Direct += b2u(e.Direct)
	c.Links += b2u(e.Links)
	c.Complaints += b2u(e.Intents.Has(herald.IntentComplaint))
	c.Questions += b2u(e.Intents.Has(herald.IntentQuestion))
	c.Suggestions += b2u(e.Intents.Has(herald.IntentSuggestion))
	if e.TextHash != 0 {
		c.Hashed++
		s.Hashes = insertHash(s.Hashes, e.TextHash)
	}
	pol := e.polarity()
	s.addStance(e, pol)
	if pol != herald.Negative {
		s.addContribution(e, pol)
	}
}

// addStance folds the text's stance toward the brand.
func (s *Summary) addStance(e *Event, pol herald.Polarity) {
	c := &s.Counts
	rec := e.Intents.Has(herald.IntentRecommendation)
	praise := e.Intents.Has(herald.IntentPraise)
	switch pol {
	case herald.Negative:
		c.Negative++
		s.NegWeight += stanceText
		if rec {
			c.AntiRecommend++
			s.NegWeight += stanceRecommend
		}
		s.Bad = insertMark(s.Bad, Mark{e.Activity, badWeight(e)}, MaxBad)
		return
	case herald.Neutral:
		c.Neutral++
		s.NeuWeight += stanceNeutral
	case herald.Positive:
		c.Positive++
		s.PosWeight += positiveWeight(e, praise, rec)
		s.Good = insertMark(s.Good, Mark{e.Activity, goodWeight(e)}, MaxGood)
	}
	c.Praise += b2u(praise)
	c.Recommend += b2u(rec)
	if endorses(e, pol) {
		s.span(&s.FirstEndorse, &s.LastEndorse, c.Endorse, e.At)
		c.Endorse++
	}
}

// positiveWeight is a positive text's stance evidence.
func positiveWeight(e *Event, praise, rec bool) int64 {
	w := int64(stanceMild)
	if praise || rec || e.Answer || e.Review || e.StanceScore >= strongPositive {
		w = stanceText
	}
	if rec {
		w += stanceRecommend
	}
	if e.Kind == herald.KindReply && e.Direct {
		w /= 2
	}
	return w
}

// endorses reports whether a text is an endorsement: a positive text that
// praises, recommends, reviews or is strongly positive (stance score at
// least strongPositive), or a non-negative answer to another person. A
// photo does not make a mild post an endorsement ("meeting friends at X
// later" with a picture). A reply to the brand itself (thanks for an answer)
// is conversation with the brand, not advocacy to others, unless it
// recommends.
func endorses(e *Event, pol herald.Polarity) bool {
	rec := e.Intents.Has(herald.IntentRecommendation)
	if e.Kind == herald.KindReply && e.Direct && !rec {
		return false
	}
	switch pol {
	case herald.Positive:
		return rec || e.Intents.Has(herald.IntentPraise) || e.Review || e.Answer || e.StanceScore >= strongPositive
	case herald.Neutral:
		return e.Answer
	}
	return false
}

// strongPositive is the stance score above which a positive text
// endorses without a praise intent ("the staff are the nicest people").
const strongPositive = 0.6

// addContribution folds what a non-negative text contributes beyond the
// network: answers, reviews and ideas; photos, videos and referral links
// only when positive (a neutral video of a visit shows the brand without
// endorsing it).
func (s *Summary) addContribution(e *Event, pol herald.Polarity) {
	c := &s.Counts
	positive := pol == herald.Positive
	c.Media += b2u(e.Media && positive)
	c.Answers += b2u(e.Answer)
	c.Reviews += b2u(e.Review)
	c.Referrals += b2u(e.Links && positive && e.Intents.Has(herald.IntentRecommendation))
	if w := contribWeight(e, positive); w > 0 {
		s.Contrib = insertMark(s.Contrib, Mark{e.Activity, w + reachBonus(e.Reach)}, MaxContrib)
	}
}

// addWeek folds the event into its week of the histogram.
func (s *Summary) addWeek(e *Event) {
	wk := WeekOf(e.At)
	i, found := weekIndex(s.Weeks, wk)
	if !found {
		s.Weeks = append(s.Weeks, Week{})
		copy(s.Weeks[i+1:], s.Weeks[i:])
		s.Weeks[i] = Week{Index: wk}
	}
	w := &s.Weeks[i]
	w.Units += unitsOf(e)
	if e.text() {
		pol := e.polarity()
		w.Texts++
		w.Positive += b2u(pol == herald.Positive)
		w.Endorse += b2u(endorses(e, pol))
		w.Negative += b2u(pol == herald.Negative)
	}
}

// unitsOf is the event's voice units.
func unitsOf(e *Event) uint32 {
	switch {
	case e.text():
		return unitText
	case e.Kind == herald.KindShare:
		return unitShare
	case e.Kind == herald.KindLike:
		return unitLike
	case e.Kind == herald.KindFollow:
		return unitFollow
	}
	return 0
}

// goodWeight ranks positive evidence: recommendations and praise first,
// then contribution, then reach.
func goodWeight(e *Event) int32 {
	w := int32(10)
	if e.Intents.Has(herald.IntentRecommendation) {
		w += 10
	}
	if e.Intents.Has(herald.IntentPraise) {
		w += 5
	}
	if e.Direct {
		w += 2
	}
	return w + contribWeight(e, true) + reachBonus(e.Reach)
}

// badWeight ranks negative evidence: anti-recommendations, complaints,
// then reach.
func badWeight(e *Event) int32 {
	w := int32(10)
	if e.Intents.Has(herald.IntentRecommendation) {
		w += 10
	}
	if e.Intents.Has(herald.IntentComplaint) {
		w += 2
	}
	return w + reachBonus(e.Reach)
}

// contribWeight is what a non-negative text contributes: answers and
// reviews count double; photos, videos and referrals count when positive.
func contribWeight(e *Event, positive bool) int32 {
	w := 2*b2i(e.Answer) + 2*b2i(e.Review) + b2i(e.Intents.Has(herald.IntentSuggestion))
	if positive {
		w += b2i(e.Media) + b2i(e.Links && e.Intents.Has(herald.IntentRecommendation))
	}
	return w
}

// reachBonus is log2(1+reach), at most 16.
func reachBonus(reach int64) int32 {
	if reach <= 0 {
		return 0
	}
	return int32(min(bits.Len64(uint64(reach)), 16))
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

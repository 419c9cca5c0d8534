package advocacy

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// facetNames are the facets reasons talk about, in a fixed order.
var facetNames = [...]string{"tenure", "regularity", "contribution", "influence", "stance", "recency", "competitor", "promotion"}

// minEffect is the smallest effect, in points, worth a reason.
const minEffect = 0.05

// effects splits the score among the facets, in facetNames order. The
// positive part adds up to the score: the score without influence is
// shared by tenure and regularity (the core, in proportion to their
// weights) and contribution (in proportion to their terms of the body),
// and influence adds the rest. Every other facet can only lower the
// score; its effect is the score minus the score with that facet at its
// best (stance fully positive, just active, no competitor talk, no
// promotion).
func effects(f Facets, score float64, w *Weights) [len(facetNames)]float64 {
	at := func(set func(*Facets)) float64 {
		g := f
		set(&g)
		return round(combine(&g, w), 100)
	}
	noInf := at(func(g *Facets) { g.Influence = 0 })
	a := w.Tenure / (w.Tenure + w.Regularity)
	core := math.Pow(f.Tenure, a) * math.Pow(f.Regularity, 1-a)
	contrib := w.Contribution * f.Contribution
	coreFrac := 0.0
	if core+contrib > 0 {
		coreFrac = core / (core + contrib)
	}
	return [...]float64{
		noInf * coreFrac * a,
		noInf * coreFrac * (1 - a),
		noInf * (1 - coreFrac),
		score - noInf,
		score - at(func(g *Facets) { g.Stance = 1 }),
		score - at(func(g *Facets) { g.Recency = 1 }),
		score - at(func(g *Facets) { g.Competitor = 0 }),
		score - at(func(g *Facets) { g.Promotion = 0 }),
	}
}

// explain fills the result's reasons and evidence: every facet with an
// effect, largest first (stance always, when the person has posts), then
// the flags.
func (s *scoring) explain(ss []scoring, w *Weights) {
	r := &s.res
	var reasons []Reason
	if !r.Flags.Has(FlagBrandAccount) {
		for i, e := range effects(r.Facets, r.Score, w) {
			name := facetNames[i]
			e = round(e, 100)
			if math.Abs(e) < minEffect && name != "stance" {
				continue
			}
			reasons = append(reasons, Reason{Facet: name, Effect: e, Why: s.why(name, ss), Activities: s.activities(name, ss)})
		}
	}
	slices.SortStableFunc(reasons, func(a, b Reason) int { return cmp.Compare(math.Abs(b.Effect), math.Abs(a.Effect)) })
	r.Reasons = append(reasons, s.flagReasons(ss, w)...)
	r.Evidence = evidence(s.sum)
}

// why describes a facet in a sentence.
func (s *scoring) why(facet string, ss []scoring) string {
	c, b, f := &s.sum.Counts, s.brand.Slug, &s.res.Facets
	switch facet {
	case "tenure":
		return fmt.Sprintf("endorsed %s %d times from %s to %s", b, c.Endorse, day(s.sum.FirstEndorse), day(s.sum.LastEndorse))
	case "regularity":
		return fmt.Sprintf("active toward %s in %d weeks, endorsing it in %d", b, s.ws.all.Active, s.ws.all.EndorseWeeks)
	case "recency":
		return fmt.Sprintf("last active on %s", day(s.sum.Last))
	case "stance":
		if c.Texts == 0 {
			return fmt.Sprintf("no posts about %s, only %d likes, %d shares and %d follows", b, c.Likes, c.Shares, c.Follows)
		}
		return fmt.Sprintf("%d positive posts about %s (%d praising, %d recommending), %d negative, %d neutral",
			c.Positive, b, c.Praise, c.Recommend, c.Negative, c.Neutral)
	case "influence":
		return fmt.Sprintf("influence %.2f: audience, %.0f interactions per post about %s, place in the conversation graph",
			f.Influence, float64(s.sum.Reach)/float64(max(c.Texts, 1)), b)
	case "contribution":
		return fmt.Sprintf("%d answers to other people, %d photos or videos, %d ideas, %d reviews, %d referrals",
			c.Answers, c.Media, c.Suggestions, c.Reviews, c.Referrals)
	case "competitor":
		return fmt.Sprintf("%.0f%% of their brand talk, weighted by stance, goes to %s", 100*f.Competitor, others(s, ss))
	case "promotion":
		return fmt.Sprintf("promotional posting: %.0f%% of %d texts repeated, %.0f%% with links",
			100*(1-distinctTexts(s.sum)/float64(max(c.Hashed, 1))), c.Texts, 100*float64(c.Links)/float64(max(c.Texts, 1)))
	}
	return facet
}

// activities lists the posts behind a facet.
func (s *scoring) activities(facet string, ss []scoring) []int64 {
	switch facet {
	case "tenure", "regularity":
		return ids(s.sum.Good)
	case "stance":
		if s.res.Facets.Stance < 0.5 {
			return ids(s.sum.Bad)
		}
		return ids(s.sum.Good)
	case "contribution":
		return ids(s.sum.Contrib)
	case "competitor":
		var out []int64
		for j := range ss {
			if ss[j].brand.ID != s.brand.ID {
				out = append(out, ids(ss[j].sum.Good)...)
			}
		}
		return out
	}
	return nil
}

// flagReasons explains each flag set.
func (s *scoring) flagReasons(ss []scoring, w *Weights) []Reason {
	r, c, b := &s.res, &s.sum.Counts, s.brand.Slug
	if r.Flags == 0 {
		return nil
	}
	var out []Reason
	add := func(flag Flags, acts []int64, format string, args ...any) {
		if r.Flags.Has(flag) {
			out = append(out, Reason{Facet: flag.String(), Why: fmt.Sprintf(format, args...), Activities: acts})
		}
	}
	add(FlagBrandAccount, nil, "writes as one of the brands' own accounts (%d events)", c.Own)
	add(FlagEmployee, nil, "works for %s: not an independent advocate", b)
	if r.Flags.Has(FlagDetractor) {
		add(FlagDetractor, ids(s.sum.Bad), "%d negative posts about %s (%d telling others to avoid it) against %d positive, from %s to %s",
			c.Negative, b, c.AntiRecommend, c.Positive, day(s.sum.FirstText), day(s.sum.LastText))
	}
	add(FlagAtRisk, ids(s.sum.Bad), "positive about %s in %d of the %d weeks before the last %d; since then %d positive and %d negative posts (%d voice units against %d before), %d positive posts about competitors",
		b, s.ws.earlier.PosWeeks, s.ws.earlierSpan, w.RecentWeeks, s.ws.recent.Positive, s.ws.recent.Negative, s.ws.recent.Units, s.ws.earlier.Units, otherRecent(s, ss).Positive)
	if r.Flags.Has(FlagCompetitorAdvocate) {
		out = append(out, s.competitorAdvocacy(ss)...)
	}
	add(FlagPromotional, nil, "promotional or bot-like posting (level %.2f): the score is damped", r.Facets.Promotion)
	return out
}

// competitorAdvocacy names the competitors the person advocates, with
// the posts that show why.
func (s *scoring) competitorAdvocacy(ss []scoring) []Reason {
	var out []Reason
	for j := range ss {
		o := &ss[j]
		if !o.res.Flags.Has(FlagCompetitorAdvocate) || o.brand.Own {
			continue
		}
		c := &o.sum.Counts
		out = append(out, Reason{
			Facet: FlagCompetitorAdvocate.String(),
			Why: fmt.Sprintf("%s of %s (score %.0f): %d positive posts, %d praising, %d recommending",
				o.res.Stage, o.brand.Slug, o.res.Score, c.Positive, c.Praise, c.Recommend),
			Activities: ids(o.sum.Good),
		})
	}
	return out
}

// others lists the slugs of the other brands the person talks about.
func others(s *scoring, ss []scoring) string {
	var names []string
	for j := range ss {
		if ss[j].brand.ID != s.brand.ID {
			names = append(names, ss[j].brand.Slug)
		}
	}
	return strings.Join(names, ", ")
}

// evidence lists the summary's evidence activities: positive, then
// contributions, then negative, without repeats.
func evidence(s *Summary) []int64 {
	var out []int64
	for _, ms := range [][]Mark{s.Good, s.Contrib, s.Bad} {
		for _, m := range ms {
			if !slices.Contains(out, m.Activity) {
				out = append(out, m.Activity)
			}
		}
	}
	return out
}

func ids(ms []Mark) []int64 {
	if len(ms) == 0 {
		return nil
	}
	out := make([]int64, len(ms))
	for i, m := range ms {
		out[i] = m.Activity
	}
	return out
}

// day formats a unix time as a UTC date.
func day(t int64) string { return time.Unix(t, 0).UTC().Format("2006-01-02") }

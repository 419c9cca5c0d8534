package advocacy

import "math"

// Facets are the dimensions of advocacy, each 0–1.
type Facets struct {
	// Tenure: how long the person has been positive about the brand
	// (first to latest positive text).
	Tenure float64 `json:"tenure"`
	// Regularity: rate and predictability of interaction, the share of
	// recent weeks with voice plus a bounded rate term.
	Regularity float64 `json:"regularity"`
	// Recency: 1 when last active now, halving every half-life.
	Recency float64 `json:"recency"`
	// Stance toward the brand: 0 all negative, 0.5 neutral or unknown,
	// 1 all positive (praise and recommendations weigh more than likes).
	Stance float64 `json:"stance"`
	// Influence: audience, reach of their brand posts, centrality.
	Influence float64 `json:"influence"`
	// Contribution beyond the network: answers, photos and videos,
	// ideas, reviews, referrals.
	Contribution float64 `json:"contribution"`
	// Competitor: closeness to competitors; 1 when all their brand talk
	// goes to competitors, with positive stance.
	Competitor float64 `json:"competitor"`
	// Promotion: how repetitive, link-heavy or machine-rate their posting
	// is (0 normal, 1 a promotional bot); it damps the score.
	Promotion float64 `json:"promotion"`
}

// facetsOf computes every facet but Competitor from one summary.
func facetsOf(p *Person, s *Summary, ws *windows, asOf int64, w *Weights) Facets {
	return Facets{
		Tenure:       tenureOf(s, asOf, w),
		Regularity:   regularityOf(s, asOf, w),
		Recency:      recencyOf(s, asOf, w),
		Stance:       stanceOf(s),
		Influence:    influenceOf(p, s),
		Contribution: contributionOf(s),
		Promotion:    promotionOf(s, ws),
	}
}

// tenureOf is 1 − exp(−days/TenureDays) over the span of endorsements.
func tenureOf(s *Summary, asOf int64, w *Weights) float64 {
	if s.Counts.Endorse == 0 {
		return 0
	}
	days := float64(min(s.LastEndorse, asOf)-s.FirstEndorse) / 86400
	if days <= 0 {
		return 0
	}
	return 1 - math.Exp(-days/w.TenureDays)
}

// regularityOf is 0.7 × the share of active weeks in the window plus
// 0.3 × the voice rate (saturating at two texts a week). The window runs
// from the first event (at most WindowWeeks back) to the as-of week and
// is at least MinWindowWeeks long.
func regularityOf(s *Summary, asOf int64, w *Weights) float64 {
	if s.Counts.Events == 0 {
		return 0
	}
	now := WeekOf(asOf)
	from := max(WeekOf(s.First), now-int32(w.WindowWeeks)+1)
	if from > now {
		return 0
	}
	n := float64(max(int(now-from)+1, w.MinWindowWeeks))
	t := tallyWeeks(s.Weeks, from, now)
	coverage := float64(t.Active) / n
	rate := math.Min(1, float64(t.Units)/n/(2*unitText))
	return 0.7*coverage + 0.3*rate
}

// recencyOf halves every RecencyHalfLifeDays since the last event.
func recencyOf(s *Summary, asOf int64, w *Weights) float64 {
	if s.Counts.Events == 0 {
		return 0
	}
	days := math.Max(0, float64(asOf-s.Last)/86400)
	return math.Exp2(-days / w.RecencyHalfLifeDays)
}

// stanceOf is the smoothed share of positive evidence, neutral texts
// pulling toward 0.5: (pos + neu/2 + 1 text) / (pos + neg + neu + 2 texts).
func stanceOf(s *Summary) float64 {
	pos, neg, neu := float64(s.PosWeight), float64(s.NegWeight), float64(s.NeuWeight)
	return (pos + neu/2 + stanceText) / (pos + neg + neu + 2*stanceText)
}

// influenceOf mixes audience (followers, log scale, 1 at a million),
// reach per text (log scale, 1 at 1,000 interactions a post) and
// centrality (log scale, 0 at or below average, 1 at 100× average).
func influenceOf(p *Person, s *Summary) float64 {
	aud := 0.0
	if p.Followers > 0 {
		aud = clamp01(math.Log10(1+float64(p.Followers)) / 6)
	}
	reach := 0.0
	if s.Counts.Texts > 0 {
		reach = clamp01(math.Log10(1+float64(s.Reach)/float64(s.Counts.Texts)) / 3)
	}
	cent := 0.0
	if p.Centrality > 1 {
		cent = clamp01(math.Log10(p.Centrality) / 2)
	}
	return 0.4*aud + 0.4*reach + 0.2*cent
}

// contributionOf is 1 − exp(−units/6), units = 2×answers + media + ideas
// + 2×reviews + referrals.
func contributionOf(s *Summary) float64 {
	c := &s.Counts
	units := 2*float64(c.Answers) + float64(c.Media) + float64(c.Suggestions) + 2*float64(c.Reviews) + float64(c.Referrals)
	return 1 - math.Exp(-units/6)
}

// promotionOf combines three signs of promotional or bot posting, each
// 0–1, as 1 − Π(1 − p): repeated texts, link-heavy texts and a
// machine-like rate (more than 7 texts in each week with texts, full at
// 21, kept up for at least four such weeks: a one-off burst is a
// person). Fewer than
// five texts are no evidence.
func promotionOf(s *Summary, ws *windows) float64 {
	c := &s.Counts
	if c.Texts < 5 {
		return 0
	}
	dup := 0.0
	if c.Hashed >= 5 {
		dup = 1 - distinctTexts(s)/float64(c.Hashed)
	}
	links := float64(c.Links) / float64(c.Texts)
	rate := 0.0
	if ws.all.TextWeeks >= 4 {
		rate = float64(ws.all.Texts) / float64(ws.all.TextWeeks)
	}
	pDup := clamp01((dup - 0.25) / 0.5)
	pLink := clamp01((links - 0.3) / 0.5)
	pRate := clamp01((rate - 7) / 14)
	return 1 - (1-pDup)*(1-pLink)*(1-pRate)
}

// distinctTexts estimates the number of distinct fingerprints: exact
// below MaxHashes, else the bottom-k estimate (k−1)/h_k.
func distinctTexts(s *Summary) float64 {
	k := len(s.Hashes)
	if k < MaxHashes {
		return float64(k)
	}
	kth := float64(s.Hashes[k-1]) / math.Exp2(64)
	return math.Min(float64(s.Counts.Hashed), float64(k-1)/kth)
}

// competitorOf is the closeness of the person to the brands other than
// sums[i]'s: Σ_{j≠i} units_j × stance_j / Σ_j units_j.
func competitorOf(sums []*Summary, stances []float64, i int) float64 {
	total, other := 0.0, 0.0
	for j, s := range sums {
		u := float64(voiceUnits(s))
		total += u
		if j != i {
			other += u * stances[j]
		}
	}
	if total == 0 {
		return 0
	}
	return other / total
}

// voiceUnits is the summary's total voice units.
func voiceUnits(s *Summary) uint64 {
	c := &s.Counts
	return unitText*uint64(c.Texts) + unitShare*uint64(c.Shares) + unitLike*uint64(c.Likes) + unitFollow*uint64(c.Follows)
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

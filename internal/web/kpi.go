package web

import (
	"fmt"
	"math"

	"github.com/herald-advocacy/herald/internal/chart"
	"github.com/herald-advocacy/herald/internal/store"
)

// kpi is one headline number of the overview with its change against the
// previous period of the same length.
type kpi struct {
	Label, Value string
	Change       string // "+12% vs previous 30 days", or why there is none
	Trend        string // up, down, flat or "" (the arrow)
	Tone         string // good, bad or "" (colour only: the text says it)
	Note         string
}

// kpis computes the overview's numbers for brand b, against p (the
// previous period).
func kpis(b, p store.BrandMetrics, days int) []kpi {
	t, pt := b.Total, p.Total
	prev := fmt.Sprintf("previous %d days", days)
	out := []kpi{
		countKPI("Mentions", t.Mentions, pt.Mentions, prev),
		countKPI("Unique authors", t.UniqueAuthors, pt.UniqueAuthors, prev),
		countKPI("Reach", t.Reach, pt.Reach, prev),
		countKPI("Engagement", t.Engagement, pt.Engagement, prev),
		shareKPI("Share of voice", t.ShareOfVoice, pt.ShareOfVoice, t.Mentions > 0, pt.Mentions > 0, prev),
		netKPI(t.Sentiment, pt.Sentiment, prev),
	}
	out[2].Note = "audience of the accounts that mentioned the brand"
	out[3].Note = "likes, shares and replies"

	adv := b.Funnel.Stages["advocate"] + b.Funnel.Stages["champion"]
	k := kpi{Label: "Advocates", Value: chart.Thousands(adv), Note: "advocates and champions now"}
	net := b.Movement.New - b.Movement.Lost
	k.Change = fmt.Sprintf("%s net in the period (%d new, %d lost)", chart.Signed(net), b.Movement.New, b.Movement.Lost)
	k.Trend, k.Tone = trend(float64(net), true)
	out = append(out, k)

	gap := kpi{Label: "Advocacy gap", Value: "–", Change: "no one positive yet", Note: "now"}
	if b.Funnel.Positive > 0 {
		gap.Value = chart.Percent(b.Funnel.Gap)
		gap.Change = fmt.Sprintf("of %s positive people do not advocate yet", chart.Thousands(b.Funnel.Positive))
	}
	out = append(out, gap)

	r, pr := b.Responsiveness, p.Responsiveness
	rate := shareKPI("Response rate", r.Share, pr.Share, r.Asked > 0, pr.Asked > 0, prev)
	rate.Note = fmt.Sprintf("%s of %s direct mentions and questions answered", chart.Thousands(r.Answered), chart.Thousands(r.Asked))
	out = append(out, rate, responseKPI(r, pr, prev))
	return out
}

func countKPI(label string, v, p int64, prev string) kpi {
	k := kpi{Label: label, Value: chart.Thousands(v)}
	switch {
	case p == 0 && v == 0:
		k.Change, k.Trend = "none in the "+prev+" either", "flat"
	case p == 0:
		k.Change, k.Trend, k.Tone = "none in the "+prev, "up", "good"
	default:
		ch := float64(v-p) / float64(p)
		k.Change = fmt.Sprintf("%s%.0f%% vs %s (%s)", chart.Sign(ch), math.Abs(ch*100), prev, chart.Thousands(p))
		k.Trend, k.Tone = trend(ch, true)
	}
	return k
}

func shareKPI(label string, v, p float64, has, hadPrev bool, prev string) kpi {
	k := kpi{Label: label, Value: "–", Change: "no data in this period"}
	if !has {
		return k
	}
	k.Value = chart.Percent(v)
	if !hadPrev {
		k.Change = "no data in the " + prev
		return k
	}
	d := (v - p) * 100
	k.Change = fmt.Sprintf("%s%.1f pts vs %s (%s)", chart.Sign(d), math.Abs(d), prev, chart.Percent(p))
	k.Trend, k.Tone = trend(d, true)
	return k
}

func netKPI(s, p store.Sentiment, prev string) kpi {
	k := kpi{Label: "Net sentiment", Value: "–", Change: "no analysed mention in this period", Note: "−100 to +100"}
	if s.Positive+s.Negative+s.Neutral == 0 {
		return k
	}
	v := math.Round(s.Net * 100)
	k.Value = fmt.Sprintf("%s%.0f", chart.Sign(v), math.Abs(v))
	if p.Positive+p.Negative+p.Neutral == 0 {
		k.Change = "no analysed mention in the " + prev
		return k
	}
	pv := math.Round(p.Net * 100)
	d := v - pv
	k.Change = fmt.Sprintf("%s%.0f pts vs %s (%s%.0f)", chart.Sign(d), math.Abs(d), prev, chart.Sign(pv), math.Abs(pv))
	k.Trend, k.Tone = trend(d, true)
	return k
}

func responseKPI(r, p store.Responsiveness, prev string) kpi {
	k := kpi{Label: "Median first response", Value: "–", Change: "nothing answered in this period"}
	if r.Answered == 0 {
		return k
	}
	k.Value = chart.Duration(r.MedianSeconds)
	if p.Answered == 0 {
		k.Change = "nothing answered in the " + prev
		return k
	}
	d := r.MedianSeconds - p.MedianSeconds
	word := "faster"
	if d > 0 {
		word = "slower"
	}
	k.Change = fmt.Sprintf("%s %s than the %s (%s)", chart.Duration(math.Abs(d)), word, prev, chart.Duration(p.MedianSeconds))
	if math.Abs(d) < 1 {
		k.Change = "same as the " + prev
	}
	k.Trend, k.Tone = trend(d, false)
	return k
}

// trend names the direction of a change and whether it is good news.
func trend(d float64, upIsGood bool) (string, string) {
	dir := "up"
	if d < 0 {
		dir = "down"
	}
	switch {
	case d == 0 || math.IsNaN(d):
		return "flat", ""
	case (d > 0) == upIsGood:
		return dir, "good"
	}
	return dir, "bad"
}

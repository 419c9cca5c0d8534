// Package report builds a self-contained HTML report of one brand over a
// range: KPIs against the previous period, share of voice and sentiment
// over time, the advocacy funnel and its movement, the people to know
// (top, new, at-risk and competitor advocates), what drives praise and
// complaints, and responsiveness. The document has inline CSS and inline
// SVG charts and refers to no external asset, so it can be mailed and
// printed to PDF as is.
package report

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/chart"
	"github.com/herald-advocacy/herald/internal/drivers"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/store"
)

// Options select what a report covers.
type Options struct {
	// From and To bound the range [From, To). Both zero: the default range
	// of insight.Range (90 days to the end of the day of the latest
	// activity).
	From, To time.Time
	// Granularity is the bucket of the charts: day, week or month. Empty:
	// day for a range of at most 31 days, month for more than 366 days,
	// week otherwise.
	Granularity string
	// Location is the time zone of days, weeks and months (nil: UTC).
	Location *time.Location
	// Brand is the slug of the brand reported on (empty: the workspace's
	// own brand).
	Brand string
	// Now is the generation time printed in the header (zero: time.Now).
	Now time.Time
}

// Limits of the people tables and the drivers.
const (
	topPeople   = 10
	topDrivers  = 8
	snippetLen  = 200
	maxDataRows = 1 << 30
)

// Data is everything a report shows, computed by Build and rendered by
// Render.
type Data struct {
	Workspace   string   // the workspace's name
	Brand       string   // the brand's display name
	BrandSlug   string   //
	Competitors []string // display names of the other brands
	From, To    time.Time
	LastDay     time.Time // the last day included (To − 1 day)
	PrevFrom    time.Time // the previous period [PrevFrom, From)
	PrevLastDay time.Time // its last day included
	Granularity string
	TimeZone    string
	Generated   time.Time
	// HasData is false when no brand of the workspace was mentioned in
	// the range.
	HasData bool

	KPIs []KPI

	ShareOfVoice *chart.LineChart
	Sentiment    *chart.SentimentChart
	Funnel       *chart.FunnelChart

	Gap       float64 // share of the positive people who do not advocate
	Positive  int64   // people with a positive stance toward the brand
	AtRiskNow int64
	Movement  store.FunnelMovement

	TopAdvocates        []Person
	NewAdvocates        []Person
	NewAdvocatesTotal   int64
	AtRisk              []Person
	CompetitorAdvocates []Person

	Praise, Complaints         []Driver
	PraiseDocs, ComplaintsDocs int

	Responsiveness []Responsiveness
	AnyAsked       bool // some brand was asked something in the period

	Footnotes []Footnote
}

// KPI is one headline number with its change against the previous
// period.
type KPI struct {
	Label  string
	Value  string
	Change string // "+3.2 pts vs previous period", or why there is none
	// Trend is "up", "down" or "flat" (the arrow), "" without comparison;
	// Tone is "good", "bad" or "" (styling only: the text says it all).
	Trend, Tone string
	Note        string // a short qualifier ("as of the latest scoring")
}

// Person is one row of a people table.
type Person struct {
	Rank    int
	Name    string
	Handle  string
	Network string
	Score   string
	Stage   string
	Flags   string
	Since   string // when they reached their stage and flags
	Reason  string // the one-line reason (at-risk and competitor tables)
}

// Driver is one distinguishing term with an example post.
type Driver struct {
	Term    string
	Count   int // occurrences on its side
	Other   int // occurrences on the other side
	Z       string
	Example string // snippet of an example post ("" when none)
	Date    string
	URL     string // http(s) link to the post, or ""
}

// Responsiveness is one brand's row of the responsiveness table.
type Responsiveness struct {
	Brand    string
	Own      bool
	Asked    int64
	Answered int64
	Share    string
	Median   string
	P90      string
}

// Footnote defines a metric.
type Footnote struct{ Term, Text string }

// Build gathers the data of a report on ws from db.
func Build(ctx context.Context, db *store.DB, ws *herald.Workspace, opt Options) (*Data, error) {
	loc := opt.Location
	if loc == nil {
		loc = time.UTC
	}
	brand, err := ws.PickBrand(opt.Brand)
	if err != nil {
		return nil, err
	}
	from, to := opt.From, opt.To
	if from.IsZero() && to.IsZero() {
		if from, to, err = insight.Range(ctx, db, ws.ID, "", "", loc); err != nil {
			return nil, err
		}
	}
	if from.IsZero() || to.IsZero() || !from.Before(to) {
		return nil, herald.Errorf(herald.EInvalid, "report: the range must have from before to")
	}
	from, to = from.In(loc), to.In(loc)
	gran := opt.Granularity
	if gran == "" {
		gran = DefaultGranularity(from, to)
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	d := &Data{Workspace: firstNonEmpty(ws.Name, ws.Slug), Brand: firstNonEmpty(brand.Name, brand.Slug), BrandSlug: brand.Slug,
		From: from, To: to, LastDay: to.Add(-time.Nanosecond), PrevFrom: from.Add(-to.Sub(from)),
		PrevLastDay: from.Add(-time.Nanosecond),
		Granularity: gran, TimeZone: loc.String(), Generated: now.In(loc)}
	for _, b := range ws.Brands {
		if b.ID != brand.ID {
			d.Competitors = append(d.Competitors, firstNonEmpty(b.Name, b.Slug))
		}
	}
	names := map[string]string{}
	for _, b := range ws.Brands {
		names[b.Slug] = firstNonEmpty(b.Name, b.Slug)
	}

	cur, err := db.Metrics(ctx, ws.ID, store.MetricsQuery{From: from, To: to, Granularity: gran, Location: loc})
	if err != nil {
		return nil, err
	}
	prev, err := db.Metrics(ctx, ws.ID, store.MetricsQuery{From: d.PrevFrom, To: from, Granularity: gran, Location: loc})
	if err != nil {
		return nil, err
	}
	bm, pm := brandMetrics(cur, brand.ID), brandMetrics(prev, brand.ID)
	for _, b := range cur.Brands {
		if b.Total.Mentions > 0 {
			d.HasData = true
		}
	}

	advocates, err := db.Advocates(ctx, ws.ID, store.AdvocateFilter{BrandID: brand.ID, Stages: []string{"advocate", "champion"}, Limit: maxDataRows})
	if err != nil {
		return nil, err
	}
	d.KPIs = kpis(bm, pm)
	d.ShareOfVoice = chart.ShareOfVoice(cur, brand.ID, names, gran)
	d.Sentiment = chart.Sentiment(bm, d.Brand, gran)
	d.Funnel = chart.Funnel(bm.Funnel)
	d.Gap, d.Positive, d.AtRiskNow, d.Movement = bm.Funnel.Gap, bm.Funnel.Positive, bm.Funnel.AtRisk, bm.Movement
	for _, b := range cur.Brands {
		r := b.Responsiveness
		d.AnyAsked = d.AnyAsked || r.Asked > 0
		d.Responsiveness = append(d.Responsiveness, Responsiveness{Brand: firstNonEmpty(names[b.Brand], b.Brand), Own: b.BrandID == brand.ID,
			Asked: r.Asked, Answered: r.Answered, Share: shareOf(r.Share, r.Asked), Median: duration(r.MedianSeconds, r.Answered),
			P90: duration(r.P90Seconds, r.Answered)})
	}

	if err := d.people(ctx, db, ws.ID, brand.ID, advocates, loc); err != nil {
		return nil, err
	}
	if bm.Total.Mentions > 0 { // else there is no post to compare
		if err := d.drivers(ctx, db, ws.ID, brand, loc); err != nil {
			return nil, err
		}
	}
	d.Footnotes = footnotes(d.Brand)
	return d, nil
}

// DefaultGranularity is the bucket size that suits a range: day up to 31
// days, month beyond 366 days, week in between.
func DefaultGranularity(from, to time.Time) string {
	switch days := to.Sub(from).Hours() / 24; {
	case days <= 31:
		return "day"
	case days > 366:
		return "month"
	}
	return "week"
}

// brandMetrics returns the brand's metrics in rep (zero ones when absent).
func brandMetrics(rep *store.MetricsReport, brand int64) store.BrandMetrics {
	for _, b := range rep.Brands {
		if b.BrandID == brand {
			return b
		}
	}
	return store.BrandMetrics{Funnel: store.Funnel{Stages: map[string]int64{}}}
}

func kpis(b, p store.BrandMetrics) []KPI {
	t, pt := b.Total, p.Total
	var out []KPI
	out = append(out, countKPI("Mentions", t.Mentions, pt.Mentions))
	out = append(out, pointsKPI("Share of voice", t.ShareOfVoice, pt.ShareOfVoice, t.Mentions > 0, pt.Mentions > 0, true))
	n, pn := t.Sentiment, pt.Sentiment
	out = append(out, netKPI(n.Net, pn.Net, n.Positive+n.Negative+n.Neutral > 0, pn.Positive+pn.Negative+pn.Neutral > 0))

	adv := b.Funnel.Stages["advocate"] + b.Funnel.Stages["champion"]
	k := KPI{Label: "Advocates + champions", Value: chart.Thousands(adv), Note: "now, as of the latest scoring"}
	net := b.Movement.New - b.Movement.Lost
	k.Change = fmt.Sprintf("%s net in the period (%d new, %d lost)", chart.Signed(net), b.Movement.New, b.Movement.Lost)
	k.Trend, k.Tone = trend(float64(net), true)
	out = append(out, k)

	gap := KPI{Label: "Advocacy gap", Value: "–", Note: "now, as of the latest scoring", Change: "no one positive yet"}
	if b.Funnel.Positive > 0 {
		gap.Value = percent(b.Funnel.Gap)
		gap.Change = fmt.Sprintf("of %s positive people do not advocate yet", chart.Thousands(b.Funnel.Positive))
	}
	out = append(out, gap)

	out = append(out, countKPI("Earned reach", b.Total.EarnedReach, p.Total.EarnedReach))
	out[len(out)-1].Note = fmt.Sprintf("potential impressions of the posts of %s advocates", chart.Thousands(b.Total.ActiveAdvocates))
	r, pr := b.Responsiveness, p.Responsiveness
	out = append(out, pointsKPI("Answered", r.Share, pr.Share, r.Asked > 0, pr.Asked > 0, true))
	out[len(out)-1].Note = fmt.Sprintf("%s of %s direct mentions and questions", chart.Thousands(r.Answered), chart.Thousands(r.Asked))
	out = append(out, responseKPI(r, pr))
	return out
}

func countKPI(label string, v, p int64) KPI {
	k := KPI{Label: label, Value: chart.Thousands(v)}
	switch {
	case p == 0 && v == 0:
		k.Change, k.Trend = "none in the previous period either", "flat"
	case p == 0:
		k.Change, k.Trend, k.Tone = "none in the previous period", "up", "good"
	default:
		ch := float64(v-p) / float64(p)
		k.Change = fmt.Sprintf("%s%.0f%% vs previous period (%s)", chart.Sign(ch), math.Abs(ch*100), chart.Thousands(p))
		k.Trend, k.Tone = trend(ch, true)
	}
	return k
}

func pointsKPI(label string, v, p float64, has, hadPrev, upIsGood bool) KPI {
	k := KPI{Label: label, Value: "–", Change: "no data in this period"}
	if !has {
		return k
	}
	k.Value = percent(v)
	if !hadPrev {
		k.Change = "no data in the previous period"
		return k
	}
	d := (v - p) * 100
	k.Change = fmt.Sprintf("%s%.1f pts vs previous period (%s)", chart.Sign(d), math.Abs(d), percent(p))
	k.Trend, k.Tone = trend(d, upIsGood)
	return k
}

func netKPI(v, p float64, has, hadPrev bool) KPI {
	k := KPI{Label: "Net sentiment", Value: "–", Change: "no data in this period", Note: "−100 to +100"}
	if !has {
		return k
	}
	k.Value = fmt.Sprintf("%s%.0f", chart.Sign(math.Round(v*100)), math.Abs(math.Round(v*100)))
	if !hadPrev {
		k.Change = "no data in the previous period"
		return k
	}
	d := math.Round(v*100) - math.Round(p*100)
	k.Change = fmt.Sprintf("%s%.0f pts vs previous period (%s%.0f)", chart.Sign(d), math.Abs(d), chart.Sign(math.Round(p*100)), math.Abs(math.Round(p*100)))
	k.Trend, k.Tone = trend(d, true)
	return k
}

func responseKPI(r, p store.Responsiveness) KPI {
	k := KPI{Label: "Median first response", Value: "–", Change: "nothing answered in this period"}
	if r.Answered == 0 {
		return k
	}
	k.Value = duration(r.MedianSeconds, r.Answered)
	if p.Answered == 0 {
		k.Change = "nothing answered in the previous period"
		return k
	}
	d := r.MedianSeconds - p.MedianSeconds
	word := "faster"
	if d > 0 {
		word = "slower"
	}
	k.Change = fmt.Sprintf("%s %s than the previous period (%s)", duration(math.Abs(d), 1), word, duration(p.MedianSeconds, p.Answered))
	if math.Abs(d) < 1 {
		k.Change = fmt.Sprintf("same as the previous period (%s)", duration(p.MedianSeconds, p.Answered))
	}
	k.Trend, k.Tone = trend(d, false)
	return k
}

// trend names the direction of a change and whether it is good news.
func trend(d float64, upIsGood bool) (string, string) {
	switch {
	case d > 0 && upIsGood, d < 0 && !upIsGood:
		return direction(d), "good"
	case d != 0:
		return direction(d), "bad"
	}
	return "flat", ""
}

func direction(d float64) string {
	if d > 0 {
		return "up"
	}
	return "down"
}

// people fills the people tables.
func (d *Data) people(ctx context.Context, db *store.DB, ws, brand int64, advocates []store.Advocate, loc *time.Location) error {
	top, err := db.Advocates(ctx, ws, store.AdvocateFilter{BrandID: brand, Limit: topPeople})
	if err != nil {
		return err
	}
	// Only people who actually have a positive score rank.
	for i, a := range top {
		if a.Score <= 0 {
			top = top[:i]
			break
		}
	}
	d.TopAdvocates = rows(withNames(ctx, db, ws, top), "", loc)

	var fresh []store.Advocate
	for _, a := range advocates {
		if !a.Since.Before(d.From) && a.Since.Before(d.To) {
			fresh = append(fresh, a)
		}
	}
	d.NewAdvocatesTotal = int64(len(fresh))
	d.NewAdvocates = rows(withNames(ctx, db, ws, fresh[:min(len(fresh), topPeople)]), "", loc)

	risk, err := db.Advocates(ctx, ws, store.AdvocateFilter{BrandID: brand, Flags: int64(advocacy.FlagAtRisk), Limit: topPeople})
	if err != nil {
		return err
	}
	d.AtRisk = rows(withNames(ctx, db, ws, risk), advocacy.FlagAtRisk.String(), loc)
	comp, err := db.Advocates(ctx, ws, store.AdvocateFilter{BrandID: brand, Flags: int64(advocacy.FlagCompetitorAdvocate), Limit: topPeople})
	if err != nil {
		return err
	}
	d.CompetitorAdvocates = rows(withNames(ctx, db, ws, comp), advocacy.FlagCompetitorAdvocate.String(), loc)
	return nil
}

// withNames fills the names people have on their accounts when the person
// has none of their own: the shown account's, else any of theirs.
func withNames(ctx context.Context, db *store.DB, ws int64, as []store.Advocate) []store.Advocate {
	out := append([]store.Advocate(nil), as...)
	for i := range out {
		a := &out[i]
		if a.DisplayName != "" {
			continue
		}
		p, err := db.Person(ctx, ws, a.PersonID)
		if err != nil {
			continue // the name is a nicety: the handle identifies them
		}
		for _, id := range p.Identities {
			if id.DisplayName != "" && (a.DisplayName == "" || id.Network == a.Network && id.Handle == a.Handle) {
				a.DisplayName = id.DisplayName
			}
		}
	}
	return out
}

// reason is the part of advocacy.Reason a report shows.
type reason struct {
	Facet  string
	Effect float64
	Why    string
}

// rows renders people; reasonFacet picks the reason shown (the first
// reason about that flag or facet).
func rows(as []store.Advocate, reasonFacet string, loc *time.Location) []Person {
	out := make([]Person, 0, len(as))
	for i, a := range as {
		p := Person{Rank: i + 1, Name: bound(a.DisplayName, 80), Handle: bound(a.Handle, 80), Network: string(a.Network),
			Score: fmt.Sprintf("%.1f", finite(a.Score)), Stage: a.Stage, Flags: strings.Join(advocacy.Flags(a.Flags).Names(), ", ")}
		if !a.Since.IsZero() {
			p.Since = a.Since.In(loc).Format(time.DateOnly)
		}
		if reasonFacet != "" {
			var rs []reason
			_ = json.Unmarshal(a.Reasons, &rs) // written by the scorer; an unreadable one shows no reason
			for _, r := range rs {
				if r.Facet == reasonFacet {
					p.Reason = bound(r.Why, snippetLen)
					break
				}
			}
			if p.Reason == "" && len(rs) > 0 {
				p.Reason = bound(rs[0].Why, snippetLen)
			}
		}
		out = append(out, p)
	}
	return out
}

// drivers fills praise against complaints.
func (d *Data) drivers(ctx context.Context, db *store.DB, ws int64, brand herald.Brand, loc *time.Location) error {
	dr, err := insight.ComputeDrivers(ctx, db, ws, insight.DriversQuery{Brand: brand, Compare: "positive:negative",
		From: d.From, To: d.To, Top: topDrivers})
	if err != nil {
		return err
	}
	d.PraiseDocs, d.ComplaintsDocs = dr.DocsA, dr.DocsB
	var ids []int64
	for _, side := range [][]drivers.Driver{dr.ForA, dr.ForB} {
		for _, x := range side {
			ids = append(ids, x.Examples[:min(len(x.Examples), 3)]...)
		}
	}
	acts, err := db.ActivitiesByID(ctx, ws, ids)
	if err != nil {
		return err
	}
	byID := make(map[int64]herald.Activity, len(acts))
	for _, a := range acts {
		byID[a.ID] = a
	}
	conv := func(side []drivers.Driver, praise bool) []Driver {
		out := make([]Driver, 0, len(side))
		used := map[int64]bool{}
		for _, x := range side {
			r := Driver{Term: bound(x.Term, 60), Count: x.CountA, Other: x.CountB, Z: fmt.Sprintf("%.1f", math.Abs(finite(x.Z)))}
			if !praise {
				r.Count, r.Other = x.CountB, x.CountA
			}
			// One example each, a post not shown for a stronger term when
			// there is one.
			var pick int64
			for _, id := range x.Examples[:min(len(x.Examples), 3)] {
				if _, ok := byID[id]; ok && (pick == 0 || used[pick] && !used[id]) {
					pick = id
				}
			}
			if a, ok := byID[pick]; ok {
				used[pick] = true
				r.Example, r.Date, r.URL = bound(a.Text, snippetLen), a.CreatedAt.In(loc).Format(time.DateOnly), safeURL(a.URL)
			}
			out = append(out, r)
		}
		return out
	}
	d.Praise, d.Complaints = conv(dr.ForA, true), conv(dr.ForB, false)
	return nil
}

// safeURL returns u when it is an absolute http or https URL, else "".
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// bound collapses white space and cuts s at n runes.
func bound(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

func footnotes(brand string) []Footnote {
	return []Footnote{
		{"Mentions", "Posts, replies, quotes, shares and likes about the brand in the period, except the brand's own posts. Deleted posts are not counted."},
		{"Share of voice", "The brand's mentions as a share of the mentions of every brand of the workspace (the brand and its competitors) in the same period or bucket."},
		{"Net sentiment", "(positive − negative) ÷ all analysed mentions, on a scale of −100 to +100, from the stance of each mention toward the brand (a post that praises one brand and criticises another counts for each accordingly)."},
		{"Stages", "Each person is scored 0–100 per brand from tenure, regularity, recency, stance, influence and contribution, and placed in a stage: audience (likes, shares, follows only) → engaged (speaks about the brand) → potential (some positive voice) → advocate (positive, brand-directed voice over several weeks) → champion (long-standing, contributing, amplified advocate). Stages are as of the latest scoring, computed at the data's latest activity."},
		{"Advocates + champions", "People whose current stage for " + brand + " is advocate or champion. The change is their net movement in the period: people who became advocates or champions minus those who fell below, from the recorded stage changes."},
		{"Advocacy gap", "Of the people whose stance toward the brand is positive (above 0.5), the share who are not yet advocates or champions: the room for advocacy programmes. A snapshot, with no previous-period comparison."},
		{"Movement", "New: became advocate or champion in the period. Promoted: moved up at least one stage. Lost: fell from advocate or champion to a lower stage. At risk: newly flagged at risk."},
		{"Earned reach", "Potential impressions earned through advocates: for every hour of the period in which a person who is now an advocate or champion of " + brand + " mentioned it, that person's audience (the largest follower count over their accounts, unknown as 0), summed. The previous period counts the mentions of the same people."},
		{"At risk", "Was advocate-level in the earlier window and recently fell silent, turned negative or shifted to a competitor."},
		{"Competitor advocate", "An advocate or champion of a competitor: a conversion target."},
		{"Drivers", "The words, word pairs and hashtags most over-represented in praise (positive stance toward the brand) against complaints (negative stance), by the z-score of the smoothed log-odds ratio (\"Fightin' Words\"). Uses counts the term's occurrences on each side. Posts by employees, brand accounts and promotional accounts are left out."},
		{"Responsiveness", "Asked: direct mentions of and questions about the brand by others (posts, replies and quotes) in the period. Answered: those the brand's own accounts replied to. First response: the time from the post to the brand's first reply (median and 90th percentile)."},
	}
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// finite replaces NaN and infinities by 0.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

func percent(x float64) string { return fmt.Sprintf("%.1f%%", finite(x)*100) }

func shareOf(x float64, n int64) string {
	if n == 0 {
		return "–"
	}
	return percent(x)
}

// duration renders seconds as "3h 20m", "45m", "30s"; "–" when n is 0.
func duration(s float64, n int64) string {
	if n == 0 {
		return "–"
	}
	return chart.Duration(s)
}

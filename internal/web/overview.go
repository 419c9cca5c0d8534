package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/chart"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/store"
)

// Overview defaults.
const (
	defaultDays = 30
	listPeople  = 8 // people in the new and at-risk lists
)

// period is the range a page covers, from the query's from, to and days.
type period struct {
	From, To time.Time // [From, To)
	LastDay  time.Time // To − 1 day: the last day shown
	Days     int       // its length in days
	Presets  []preset
}

type preset struct {
	Label, Href string
	Active      bool
}

// readPeriod resolves ?from=&to= (calendar days, UTC) or ?days=N back from
// the end of the data's latest day.
func (s *Server) readPeriod(r *http.Request, ws *herald.Workspace) (period, error) {
	q := r.URL.Query()
	days := defaultDays
	if v := q.Get("days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 5*365 {
			return period{}, herald.Errorf(herald.EInvalid, "days: %q is not a number of days from 1 to 1825", v)
		}
		days = n
	}
	from, to, err := insight.Range(r.Context(), s.db, ws.ID, q.Get("from"), q.Get("to"), time.UTC)
	if err != nil {
		return period{}, err
	}
	if q.Get("from") == "" {
		from = to.AddDate(0, 0, -days)
	}
	p := period{From: from, To: to, LastDay: to.AddDate(0, 0, -1), Days: int(to.Sub(from).Hours()/24 + 0.5)}
	for _, n := range []int{7, 30, 90} {
		v := url.Values{"days": {strconv.Itoa(n)}}
		if b := q.Get("brand"); b != "" {
			v.Set("brand", b)
		}
		p.Presets = append(p.Presets, preset{Label: strconv.Itoa(n) + " days", Href: "?" + v.Encode(),
			Active: q.Get("from") == "" && q.Get("to") == "" && n == days})
	}
	return p, nil
}

// granularity is the chart bucket that suits a range.
func granularity(from, to time.Time) string {
	switch days := to.Sub(from).Hours() / 24; {
	case days <= 31:
		return "day"
	case days > 366:
		return "month"
	}
	return "week"
}

// withNames fills in the names people have on their accounts when the
// ranking's account has none: the person's name, else any account's.
func (s *Server) withNames(ctx context.Context, ws int64, as []store.Advocate) {
	for i := range as {
		a := &as[i]
		if a.DisplayName != "" {
			continue
		}
		p, err := s.db.Person(ctx, ws, a.PersonID)
		if err != nil {
			continue // the name is a nicety: the handle identifies them
		}
		a.DisplayName = personName(p)
	}
}

// personName is what a person is called: their own name, else the first
// account's display name, else its handle.
func personName(p *herald.Person) string {
	if p.DisplayName != "" {
		return p.DisplayName
	}
	for _, id := range p.Identities {
		if id.DisplayName != "" {
			return id.DisplayName
		}
	}
	if len(p.Identities) > 0 {
		return "@" + p.Identities[0].Handle
	}
	return ""
}

// personRow is one person in a list or table.
type personRow struct {
	Rank    int
	ID      int64
	Name    string
	Handle  string
	Network string
	Stage   string
	Flags   []string
	Score   float64
	Facets  []facet
	Since   time.Time
	AsOf    time.Time
	Reason  string
	Tags    []string
}

type facet struct {
	Name  string
	Value float64
}

var facetNames = []string{"tenure", "regularity", "recency", "stance", "influence", "contribution", "competitor"}

func rowOf(rank int, a store.Advocate, reasonFacet string) personRow {
	p := personRow{Rank: rank, ID: a.PersonID, Name: a.DisplayName, Handle: a.Handle, Network: string(a.Network),
		Stage: a.Stage, Flags: advocacy.Flags(a.Flags).Names(), Score: a.Score, Since: a.Since, AsOf: a.AsOf}
	for i, n := range facetNames {
		p.Facets = append(p.Facets, facet{Name: n, Value: a.Facets[i]})
	}
	if reasonFacet != "" {
		var rs []advocacy.Reason
		_ = json.Unmarshal(a.Reasons, &rs) // written by the scorer; an unreadable one shows no reason
		for _, r := range rs {
			if r.Facet == reasonFacet {
				p.Reason = r.Why
				break
			}
		}
	}
	return p
}

type overviewData struct {
	Brand     herald.Brand
	Brands    []herald.Brand
	Period    period
	HasData   bool
	KPIs      []kpi
	SOV       *chart.LineChart
	Sentiment *chart.SentimentChart
	Funnel    *chart.FunnelChart
	Movement  store.FunnelMovement
	New       []personRow
	AtRisk    []personRow
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	ctx := r.Context()
	brand, err := v.ws.PickBrand(r.URL.Query().Get("brand"))
	if err != nil {
		s.fail(w, r, herald.Errorf(herald.ENotFound, "%s", herald.ErrorMessage(err)))
		return
	}
	per, err := s.readPeriod(r, v.ws)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	gran := granularity(per.From, per.To)
	cur, err := s.db.Metrics(ctx, v.ws.ID, store.MetricsQuery{From: per.From, To: per.To, Granularity: gran})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	prev, err := s.db.Metrics(ctx, v.ws.ID, store.MetricsQuery{From: per.From.Add(-per.To.Sub(per.From)), To: per.From, Granularity: gran})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := overviewData{Brand: brand, Brands: v.ws.Brands, Period: per}
	names := map[string]string{}
	for _, b := range v.ws.Brands {
		names[b.Slug] = b.Name
	}
	bm, pm := brandMetrics(cur, brand.ID), brandMetrics(prev, brand.ID)
	for _, b := range cur.Brands {
		d.HasData = d.HasData || b.Total.Mentions > 0
	}
	d.KPIs = kpis(bm, pm, per.Days)
	d.SOV = chart.ShareOfVoice(cur, brand.ID, names, gran)
	d.Sentiment = chart.Sentiment(bm, brand.Name, gran)
	d.Funnel = chart.Funnel(bm.Funnel)
	d.Movement = bm.Movement

	fresh, err := s.db.Advocates(ctx, v.ws.ID, store.AdvocateFilter{BrandID: brand.ID, Stages: []string{"advocate", "champion"},
		Since: per.From, Limit: 200})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.withNames(ctx, v.ws.ID, fresh)
	for _, a := range fresh {
		if a.Since.Before(per.To) && len(d.New) < listPeople {
			d.New = append(d.New, rowOf(len(d.New)+1, a, ""))
		}
	}
	risk, err := s.db.Advocates(ctx, v.ws.ID, store.AdvocateFilter{BrandID: brand.ID, Flags: int64(advocacy.FlagAtRisk), Limit: listPeople})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.withNames(ctx, v.ws.ID, risk)
	for i, a := range risk {
		d.AtRisk = append(d.AtRisk, rowOf(i+1, a, advocacy.FlagAtRisk.String()))
	}
	s.render(w, r, http.StatusOK, "overview", &page{Title: "Overview", Data: d})
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

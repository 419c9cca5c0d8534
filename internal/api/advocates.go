package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/store"
)

// advocateFilter reads the advocates filters.
func (c *call) advocateFilter() (herald.Brand, store.AdvocateFilter, error) {
	var f store.AdvocateFilter
	b, err := c.brand()
	if err != nil {
		return b, f, err
	}
	f.BrandID = b.ID
	if f.Stages, err = advocacy.ParseStageList(c.str("stage")); err != nil {
		return b, f, badParam("stage", err.Error())
	}
	flags, err := advocacy.ParseFlagList(c.str("flag"))
	if err != nil {
		return b, f, badParam("flag", err.Error())
	}
	f.Flags = int64(flags)
	if v := c.str("tag"); v != "" {
		if f.Tag, err = herald.NormalizeTag(v); err != nil {
			return b, f, badParam("tag", err.Error())
		}
	}
	if v := c.str("since"); v != "" {
		if f.Since, err = c.since(v); err != nil {
			return b, f, err
		}
	}
	return b, f, nil
}

// since reads a date, an RFC 3339 time, or a duration back from the data's
// latest activity (scores are as of it, not of the wall clock).
func (c *call) since(v string) (time.Time, error) {
	if t, err := c.when("since"); err == nil {
		return t, nil
	}
	days, ok := strings.CutSuffix(v, "d")
	var d time.Duration
	var err error
	if ok {
		d, err = time.ParseDuration(days + "h")
		d *= 24
	} else {
		d, err = time.ParseDuration(v)
	}
	if err != nil || d < 0 {
		return time.Time{}, badParam("since", "must be a date, an RFC 3339 time or a duration such as 7d or 36h")
	}
	clock, err := c.s.db.DataClock(c.r.Context(), c.ws.ID)
	if err != nil {
		return time.Time{}, err
	}
	return clock.Add(-d), nil
}

// advocateCursor is a position in the ranking.
type advocateCursor struct {
	Ordering float64 `json:"o"`
	PersonID int64   `json:"p"`
	Rank     int     `json:"r"`
}

func (s *Server) listAdvocates(c *call) error {
	b, f, err := c.advocateFilter()
	if err != nil {
		return err
	}
	limit, err := c.limit()
	if err != nil {
		return err
	}
	if done, err := c.stream("advocates", func(fm export.Format) (int, error) {
		return export.WriteAdvocates(c.r.Context(), s.db, c.ws.ID, b, f, fm, c.w)
	}); done {
		return err
	}
	var cur advocateCursor
	if ok, err := c.cursor(&cur); err != nil {
		return err
	} else if ok {
		f.After = &store.AdvocateCursor{Ordering: cur.Ordering, PersonID: cur.PersonID}
	}
	f.Limit = limit
	rows, err := s.db.Advocates(c.r.Context(), c.ws.ID, f)
	if err != nil {
		return err
	}
	out := make([]export.Advocate, len(rows))
	for i, r := range rows {
		out[i] = export.NewAdvocate(cur.Rank+i+1, b.Slug, r)
	}
	next := ""
	if len(rows) == limit {
		last := rows[len(rows)-1]
		next = encodeCursor(advocateCursor{Ordering: last.Ordering, PersonID: last.PersonID, Rank: cur.Rank + len(rows)})
	}
	return page(c, out, next)
}

// AdvocateDetail explains a person's score for a brand.
type AdvocateDetail struct {
	Advocate     export.Advocate      `json:"advocate"`
	Person       export.Person        `json:"person"`
	Evidence     []export.Activity    `json:"evidence"` // the posts that earned the score
	StageHistory []export.StageChange `json:"stage_history"`
}

func (s *Server) explainAdvocate(c *call) error {
	p, err := s.person(c)
	if err != nil {
		return err
	}
	b, err := c.brand()
	if err != nil {
		return err
	}
	ctx := c.r.Context()
	scores, err := s.db.PersonScores(ctx, c.ws.ID, p.ID)
	if err != nil {
		return err
	}
	var score *store.PersonScore
	for i := range scores {
		if scores[i].BrandID == b.ID {
			score = &scores[i]
		}
	}
	if score == nil {
		return herald.Errorf(herald.ENotFound, "person %d has no score for %s (they never talked about it, or scoring has not run)", p.ID, b.Slug)
	}
	evidence, err := s.db.ActivitiesByID(ctx, c.ws.ID, score.Evidence)
	if err != nil {
		return err
	}
	history, err := s.db.StageChanges(ctx, c.ws.ID, p.ID, b.ID, time.Time{})
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, AdvocateDetail{Advocate: advocateOf(0, b.Slug, store.Advocate{PersonScore: *score}, p),
		Person: export.NewPerson(p), Evidence: export.NewActivities(evidence), StageHistory: export.NewStageChanges(history, brandSlugs(c.ws))})
}

// DriversResult is a drivers comparison with the example posts it cites.
type DriversResult struct {
	insight.Drivers
	From     time.Time                  `json:"from"`
	To       time.Time                  `json:"to"`
	Examples map[string]export.Activity `json:"examples"` // by activity id
}

func (s *Server) getDrivers(c *call) error {
	b, err := c.brand()
	if err != nil {
		return err
	}
	top, err := c.integer("top", 15, 1, 100)
	if err != nil {
		return err
	}
	compare := c.str("compare")
	if compare == "" {
		compare = "positive:negative"
	}
	ctx := c.r.Context()
	from, to, err := insight.Range(ctx, s.db, c.ws.ID, c.str("from"), c.str("to"), time.UTC)
	if err != nil {
		return err
	}
	d, err := insight.ComputeDrivers(ctx, s.db, c.ws.ID, insight.DriversQuery{Brand: b, Compare: compare, From: from, To: to, Top: top})
	if err != nil {
		return err
	}
	acts, err := s.db.ActivitiesByID(ctx, c.ws.ID, d.ExampleIDs())
	if err != nil {
		return err
	}
	out := DriversResult{Drivers: *d, From: from, To: to, Examples: map[string]export.Activity{}}
	for _, a := range export.NewActivities(acts) {
		out.Examples[itoa(a.ID)] = a
	}
	return c.json(http.StatusOK, out)
}

func (s *Server) getMetrics(c *call) error {
	loc := time.UTC
	if tz := c.str("tz"); tz != "" {
		var err error
		if loc, err = time.LoadLocation(tz); err != nil || len(tz) > 64 {
			return badParam("tz", "unknown time zone")
		}
	}
	gran := c.str("granularity")
	if gran == "" {
		gran = "week"
	}
	var only *herald.Brand
	if c.str("brand") != "" {
		b, err := c.brand()
		if err != nil {
			return err
		}
		only = &b
	}
	ctx := c.r.Context()
	from, to, err := insight.Range(ctx, s.db, c.ws.ID, c.str("from"), c.str("to"), loc)
	if err != nil {
		return err
	}
	rep, err := s.db.Metrics(ctx, c.ws.ID, store.MetricsQuery{From: from, To: to, Granularity: gran, Location: loc})
	if err != nil {
		return err
	}
	if only != nil {
		for _, bm := range rep.Brands {
			if bm.BrandID == only.ID {
				rep.Brands = []store.BrandMetrics{bm}
				break
			}
		}
	}
	if v := c.str("format"); v != "" && v != "json" {
		f, err := export.ParseFormat(v)
		if err != nil {
			return badParam("format", "must be csv, jsonl or json")
		}
		c.w.Header().Set("Content-Type", f.ContentType())
		c.w.Header().Set("Content-Disposition", `attachment; filename="`+c.ws.Slug+"-metrics."+f.Ext()+`"`)
		return export.WriteMetrics(rep, f, c.w)
	}
	return c.json(http.StatusOK, rep)
}

package api

import (
	"net/http"
	"slices"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/store"
)

func (s *Server) listActivities(c *call) error {
	f := store.ActivityFilter{Network: herald.Network(c.str("network")), Kind: herald.Kind(c.str("kind")),
		Polarity: herald.Polarity(c.str("sentiment")), Newest: c.str("order") != "id"}
	if v := c.str("brand"); v != "" {
		b, err := c.brand()
		if err != nil {
			return err
		}
		f.BrandID = b.ID
	}
	if v := c.str("intent"); v != "" {
		f.Intents = herald.Intents(1) << slices.Index(herald.IntentNames(), v)
	}
	var err error
	if f.Since, err = c.when("since"); err != nil {
		return err
	}
	if f.Until, err = c.when("until"); err != nil {
		return err
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && !f.Since.Before(f.Until) {
		return badParam("until", "must be after since")
	}
	if done, err := c.stream("activities", func(fm export.Format) (int, error) {
		return export.WriteActivities(c.r.Context(), s.db, c.ws.ID, f, fm, c.w)
	}); done {
		return err
	}
	return s.activityPage(c, f)
}

// activityCursor is the position in either order of activities.
type activityCursor struct {
	At int64 `json:"t,omitempty"` // newest first: created_at in ms
	ID int64 `json:"id"`
}

// activityPage writes one page of activities in f's order.
func (s *Server) activityPage(c *call, f store.ActivityFilter) error {
	limit, err := c.limit()
	if err != nil {
		return err
	}
	f.Limit = limit
	var cur activityCursor
	ok, err := c.cursor(&cur)
	if err != nil {
		return err
	}
	if ok && f.Newest {
		f.Before = &store.ActivityCursor{CreatedAt: fromMS(cur.At), ID: cur.ID}
	} else if ok {
		f.AfterID = cur.ID
	}
	acts, err := s.db.Activities(c.r.Context(), c.ws.ID, f)
	if err != nil {
		return err
	}
	next := ""
	if len(acts) == limit {
		last := acts[len(acts)-1]
		next = encodeCursor(activityCursor{At: last.CreatedAt.UnixMilli(), ID: last.ID})
	}
	return page(c, export.NewActivities(acts), next)
}

func (s *Server) getActivity(c *call) error {
	id, err := c.id("id")
	if err != nil {
		return err
	}
	acts, err := s.db.ActivitiesByID(c.r.Context(), c.ws.ID, []int64{id})
	if err != nil {
		return err
	}
	if len(acts) == 0 {
		return herald.Errorf(herald.ENotFound, "activity %d not found", id)
	}
	return c.json(http.StatusOK, export.NewActivities(acts)[0])
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

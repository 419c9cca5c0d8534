package api

import (
	"errors"
	"net/http"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/insight"
	brandquery "github.com/herald-advocacy/herald/internal/text/query"
)

// QueryPreview is what a brand query matches among the latest posts.
type QueryPreview struct {
	Query   string     `json:"query"` // as parsed
	Scanned int        `json:"scanned"`
	Matched int        `json:"matched"`
	Hits    []QueryHit `json:"hits"` // newest first
}

// QueryHit is a matching post and the matched parts of its text (byte
// offsets into text).
type QueryHit struct {
	Activity export.Activity   `json:"activity"`
	Spans    []brandquery.Span `json:"spans"`
}

func (s *Server) previewQuery(c *call) error {
	src := c.str("q")
	if src == "" {
		return badParam("q", "give the query to try")
	}
	scan, err := c.integer("scan", 2000, 1, 20000)
	if err != nil {
		return err
	}
	limit, err := c.integer("limit", 20, 1, 200)
	if err != nil {
		return err
	}
	p, err := insight.PreviewQuery(c.r.Context(), s.db, c.ws.ID, src, scan, limit)
	var qe *brandquery.Error
	if errors.As(err, &qe) {
		return badParam("q", qe.Error())
	}
	if err != nil {
		return err
	}
	out := QueryPreview{Query: p.Query, Scanned: p.Scanned, Matched: p.Matched, Hits: make([]QueryHit, len(p.Hits))}
	acts := make([]herald.Activity, len(p.Hits))
	for i, h := range p.Hits {
		acts[i] = h.Activity
	}
	for i, a := range export.NewActivities(acts) {
		out.Hits[i] = QueryHit{Activity: a, Spans: p.Hits[i].Spans}
	}
	return c.json(http.StatusOK, out)
}

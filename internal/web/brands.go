package web

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/text/query"
)

// Query preview bounds: the latest posts tried, and the matches shown.
const (
	previewScan  = 2000
	previewShown = 15
	maxQuery     = 4000 // bytes of a brand query
)

type brandsData struct {
	Brands []brandRow
}

type brandRow struct {
	Slug, Name, Role, Query string
	Handles                 []string // network:handle
	Hashtags, Keywords      []string
	Edit                    string
}

// brands lists the workspace's brands and what Herald matches them by
// (managers and admins).
func (s *Server) brands(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	var d brandsData
	for _, b := range v.ws.Brands {
		row := brandRow{Slug: b.Slug, Name: b.Name, Role: string(b.Role), Query: b.Query, Hashtags: b.Hashtags, Keywords: b.Keywords,
			Edit: "/w/" + url.PathEscape(v.ws.Slug) + "/settings/brands/" + url.PathEscape(b.Slug)}
		for n, hs := range b.Handles {
			for _, h := range hs {
				row.Handles = append(row.Handles, string(n)+":@"+h)
			}
		}
		sort.Strings(row.Handles)
		d.Brands = append(d.Brands, row)
	}
	s.render(w, r, http.StatusOK, "brands", &page{Title: "Brands and queries", Active: "settings", Sub: "brands", Data: d})
}

// brandData is the query editor of one brand.
type brandData struct {
	Brand   herald.Brand
	Query   string // as typed
	Action  string // the form's URL
	Saved   bool
	Preview *previewData
}

// previewData is what a query matches, or where it is wrong.
type previewData struct {
	Query            string // the query as parsed
	Error            string
	Line, Col        int
	Scanned, Matched int
	Hits             []previewHit
}

type previewHit struct {
	At       string
	Network  string
	Parts    []textPart // the text cut at the matched spans
	Sentient string
}

// textPart is a piece of a post's text; Mark when the query matched it.
type textPart struct {
	Text string
	Mark bool
}

func (s *Server) editBrand(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	b, err := pathBrand(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := brandData{Brand: b, Query: b.Query, Action: brandURL(v, b), Saved: r.URL.Query().Get("saved") == "1"}
	s.render(w, r, http.StatusOK, "brand", &page{Title: b.Name + " query", Active: "settings", Sub: "brands", Data: d})
}

// saveBrand previews the query typed (do=preview) or saves it.
func (s *Server) saveBrand(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	b, err := pathBrand(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	src := strings.TrimSpace(strings.ReplaceAll(r.PostFormValue("query"), "\r\n", "\n"))
	d := brandData{Brand: b, Query: src, Action: brandURL(v, b)}
	if r.PostFormValue("do") == "preview" {
		d.Preview = s.preview(r, src)
		s.render(w, r, http.StatusOK, "brand", &page{Title: b.Name + " query", Active: "settings", Sub: "brands", Data: d})
		return
	}
	if d.Preview = checkQuery(src); d.Preview != nil {
		s.render(w, r, http.StatusBadRequest, "brand", &page{Title: b.Name + " query", Active: "settings", Sub: "brands", Data: d})
		return
	}
	ws := *v.ws
	ws.Brands = slices.Clone(v.ws.Brands)
	for i := range ws.Brands {
		if ws.Brands[i].ID == b.ID {
			ws.Brands[i].Query = src
		}
	}
	if err := s.db.SyncWorkspace(r.Context(), &ws); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("brand query changed", "workspace", v.ws.Slug, "brand", b.Slug, "by", v.user.Email)
	http.Redirect(w, r, brandURL(v, b)+"?saved=1", http.StatusSeeOther)
}

// previewFragment answers the editor's script with the preview alone, as
// an HTML fragment.
func (s *Server) previewFragment(w http.ResponseWriter, r *http.Request) {
	if _, err := pathBrand(r); err != nil {
		s.fail(w, r, err)
		return
	}
	p := s.preview(r, strings.TrimSpace(r.URL.Query().Get("query")))
	var b bytes.Buffer
	if err := s.pages["brand"].ExecuteTemplate(&b, "preview", p); err != nil {
		s.log.Error("render preview", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b.Bytes())
}

// checkQuery returns the preview of a query that cannot be saved, nil
// for one that can (an empty query: the brand has none).
func checkQuery(src string) *previewData {
	if len(src) > maxQuery {
		return &previewData{Error: "the query is longer than 4000 bytes"}
	}
	if src == "" {
		return nil
	}
	if _, err := query.Parse(src); err != nil {
		return queryError(err)
	}
	return nil
}

func queryError(err error) *previewData {
	var qe *query.Error
	if errors.As(err, &qe) {
		return &previewData{Error: qe.Msg, Line: qe.Line, Col: qe.Col}
	}
	return &previewData{Error: herald.ErrorMessage(err)}
}

// preview runs a query over the workspace's latest posts.
func (s *Server) preview(r *http.Request, src string) *previewData {
	if p := checkQuery(src); p != nil {
		return p
	}
	if src == "" {
		return &previewData{Error: "type a query to see what it matches"}
	}
	v := visitOf(r)
	res, err := insight.PreviewQuery(r.Context(), s.db, v.ws.ID, src, previewScan, previewShown)
	if err != nil {
		var qe *query.Error
		if !errors.As(err, &qe) {
			s.log.Error("query preview", "err", err)
		}
		return queryError(err)
	}
	p := &previewData{Query: res.Query, Scanned: res.Scanned, Matched: res.Matched}
	for _, h := range res.Hits {
		a := &h.Activity
		hit := previewHit{At: a.CreatedAt.UTC().Format("Jan 2, 2006"), Network: string(a.Network), Parts: marked(a.Text, h.Spans)}
		if a.Analysis != nil {
			hit.Sentient = string(a.Analysis.Sentiment.Label)
		}
		p.Hits = append(p.Hits, hit)
	}
	return p
}

// marked cuts a text at the matched byte spans (sorted, possibly
// overlapping; spans out of range are clipped).
func marked(text string, spans []query.Span) []textPart {
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(a, b query.Span) int { return a.Start - b.Start })
	var out []textPart
	at := 0
	for _, sp := range spans {
		start, end := max(sp.Start, at), min(sp.End, len(text))
		if start >= end {
			continue
		}
		if start > at {
			out = append(out, textPart{Text: text[at:start]})
		}
		out = append(out, textPart{Text: text[start:end], Mark: true})
		at = end
	}
	if at < len(text) {
		out = append(out, textPart{Text: text[at:]})
	}
	return out
}

// pathBrand is the brand {brand} of the visit's workspace.
func pathBrand(r *http.Request) (herald.Brand, error) {
	v := visitOf(r)
	for _, b := range v.ws.Brands {
		if b.Slug == r.PathValue("brand") {
			return b, nil
		}
	}
	return herald.Brand{}, herald.Errorf(herald.ENotFound, "brand %q not found", r.PathValue("brand"))
}

func brandURL(v *visit, b herald.Brand) string {
	return "/w/" + url.PathEscape(v.ws.Slug) + "/settings/brands/" + url.PathEscape(b.Slug)
}

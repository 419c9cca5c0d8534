package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/store"
)

// Advocates table paging.
const (
	advocatesPage = 50
	// scanLimit bounds the ranked people read for one page when a
	// network filter (applied here, not in SQL) leaves few of them.
	scanLimit = 5000
	scanPage  = 250
)

// advocateQuery is the advocates table's filter, read from the GET form.
type advocateQuery struct {
	Brand   herald.Brand
	Stage   string
	Flag    string
	Network string
	Tag     string
	After   *store.AdvocateCursor
	Rank    int // the rank of the person before the page
	filter  store.AdvocateFilter
}

func readAdvocateQuery(r *http.Request, ws *herald.Workspace) (advocateQuery, error) {
	q := r.URL.Query()
	var a advocateQuery
	var err error
	if a.Brand, err = ws.PickBrand(q.Get("brand")); err != nil {
		return a, herald.Errorf(herald.EInvalid, "brand: %s", herald.ErrorMessage(err))
	}
	a.filter.BrandID = a.Brand.ID
	if a.Stage = q.Get("stage"); a.Stage != "" {
		st, err := advocacy.ParseStage(a.Stage)
		if err != nil {
			return a, herald.Errorf(herald.EInvalid, "stage: %v", err)
		}
		a.Stage = st.String()
		a.filter.Stages = []string{a.Stage}
	}
	if a.Flag = q.Get("flag"); a.Flag != "" {
		fl, err := advocacy.ParseFlag(a.Flag)
		if err != nil {
			return a, herald.Errorf(herald.EInvalid, "flag: %v", err)
		}
		a.Flag = fl.String()
		a.filter.Flags = int64(fl)
	}
	if a.Network = q.Get("network"); a.Network != "" && !herald.ValidNetwork(a.Network) {
		return a, herald.Errorf(herald.EInvalid, "network: %q is not a network Herald knows", a.Network)
	}
	if a.Tag = q.Get("tag"); a.Tag != "" {
		if a.Tag, err = herald.NormalizeTag(a.Tag); err != nil {
			return a, herald.Errorf(herald.EInvalid, "tag: %s", herald.ErrorMessage(err))
		}
		a.filter.Tag = a.Tag
	}
	if v := q.Get("after"); v != "" {
		parts := strings.Split(v, "~")
		var c store.AdvocateCursor
		var err1, err2, err3 error
		if len(parts) == 3 {
			c.Ordering, err1 = strconv.ParseFloat(parts[0], 64)
			c.PersonID, err2 = strconv.ParseInt(parts[1], 10, 64)
			a.Rank, err3 = strconv.Atoi(parts[2])
		}
		if len(parts) != 3 || err1 != nil || err2 != nil || err3 != nil || a.Rank < 0 {
			return a, herald.Errorf(herald.EInvalid, "after: not a position in the ranking")
		}
		a.After, a.filter.After = &c, &c
	}
	return a, nil
}

// values is the query string of the filter (without the position).
func (a advocateQuery) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"brand": a.Brand.Slug, "stage": a.Stage, "flag": a.Flag, "network": a.Network, "tag": a.Tag} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

type advocatesData struct {
	Query    advocateQuery
	Brands   []herald.Brand
	Stages   []string
	Flags    []string
	Networks []string
	Tags     []store.TagCount // the workspace's tags, for the filter
	Rows     []personRow
	CanTag   bool   // manager or admin: the bulk tagging form
	Back     string // the query string of this view, for the bulk tagging form
	Scanned  int    // people read to fill the page (network filter)
	Next     string // the next page's URL, "" at the end
	First    string // the first page's URL, "" on the first page
	CSV      string // the CSV export of the filter, "" when the role may not export
}

func (s *Server) advocates(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	q, err := readAdvocateQuery(r, v.ws)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := advocatesData{Query: q, Brands: v.ws.Brands, Flags: []string{"at_risk", "competitor_advocate", "detractor", "employee", "promotional"},
		Networks: []string{string(herald.Twitter), string(herald.Mastodon), string(herald.Bluesky), string(herald.Reddit)}}
	for _, st := range advocacy.Stages() {
		d.Stages = append(d.Stages, st.String())
	}
	if d.Tags, err = s.db.Tags(r.Context(), v.ws.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	d.CanTag = v.role.Allows(store.RoleManager)
	d.Back = r.URL.RawQuery
	f := q.filter
	var last *store.Advocate
	for len(d.Rows) < advocatesPage && d.Scanned < scanLimit {
		f.Limit = advocatesPage - len(d.Rows)
		if q.Network != "" {
			f.Limit = scanPage
		}
		rows, err := s.db.Advocates(r.Context(), v.ws.ID, f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.withNames(r.Context(), v.ws.ID, rows)
		for i := range rows {
			a := &rows[i]
			d.Scanned++
			last = a
			if q.Network == "" || string(a.Network) == q.Network {
				d.Rows = append(d.Rows, rowOf(q.Rank+d.Scanned, *a, ""))
				if len(d.Rows) == advocatesPage {
					break
				}
			}
		}
		if len(rows) < f.Limit || last == nil {
			last = nil // the end of the ranking
			break
		}
		c := last.Cursor()
		f.After = &c
	}
	if len(d.Tags) > 0 {
		for i := range d.Rows {
			if d.Rows[i].Tags, err = s.db.PersonTags(r.Context(), v.ws.ID, d.Rows[i].ID); err != nil {
				s.fail(w, r, err)
				return
			}
		}
	}
	base := "/w/" + url.PathEscape(v.ws.Slug) + "/advocates"
	vals := q.values()
	if last != nil {
		next := q.values()
		next.Set("after", fmt.Sprintf("%s~%d~%d", strconv.FormatFloat(last.Ordering, 'g', -1, 64), last.PersonID, q.Rank+d.Scanned))
		d.Next = base + "?" + next.Encode()
	}
	if q.After != nil {
		d.First = base + "?" + vals.Encode()
	}
	if v.role.Allows(store.RoleAnalyst) {
		d.CSV = base + ".csv?" + vals.Encode()
	}
	s.render(w, r, http.StatusOK, "advocates", &page{Title: "Advocates", Data: d})
}

// advocatesCSV streams the whole ranking of the filter as CSV (the columns
// of `herald export advocates`).
func (s *Server) advocatesCSV(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	q, err := readAdvocateQuery(r, v.ws)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q.filter.After = nil
	w.Header().Set("Content-Type", export.CSV.ContentType())
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s-advocates.csv"`, v.ws.Slug, q.Brand.Slug))
	if q.Network == "" {
		if _, err := export.WriteAdvocates(r.Context(), s.db, v.ws.ID, q.Brand, q.filter, export.CSV, w); err != nil {
			s.log.Error("advocates export", "err", err)
		}
		return
	}
	// A network filter: the same rows, read a page at a time and kept
	// when their account is on the network.
	cw := csv.NewWriter(w)
	_ = cw.Write(export.AdvocateCSVHeader)
	f, rank := q.filter, 0
	for {
		f.Limit = scanPage
		rows, err := s.db.Advocates(r.Context(), v.ws.ID, f)
		if err != nil {
			s.log.Error("advocates export", "err", err)
			return
		}
		for _, a := range rows {
			if string(a.Network) == q.Network {
				rank++
				_ = cw.Write(export.AdvocateCSVRow(export.NewAdvocate(rank, q.Brand.Slug, a)))
			}
		}
		cw.Flush()
		if len(rows) < f.Limit || cw.Error() != nil {
			return
		}
		c := rows[len(rows)-1].Cursor()
		f.After = &c
	}
}

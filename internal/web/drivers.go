package web

import (
	"math"
	"net/http"
	"net/url"
	"strconv"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/chart"
	"github.com/herald-advocacy/herald/internal/drivers"
	"github.com/herald-advocacy/herald/internal/insight"
)

// Drivers page.
const (
	driversTop   = 12  // drivers per side
	exampleRunes = 280 // an example post is cut to this length
)

type comparison struct {
	Key, Label string
	Active     bool
}

type driversData struct {
	Brand       herald.Brand
	Brands      []herald.Brand
	Compare     string
	Comparisons []comparison
	Period      period
	A, B        driverSide
}

type driverSide struct {
	Label   string
	Docs    int
	Drivers []driverRow
}

type driverRow struct {
	Term      string
	Kind      string
	Z         string
	Width     string // the bar's width, of 100
	Count     int    // occurrences on this side
	Other     int    // on the other side
	Example   string
	ExampleAt string
	ExampleID int64
}

// driverLabels names the two sides of each comparison.
func driverLabels(compare string, brand herald.Brand) (a, b string) {
	switch compare {
	case "advocates:satisfied":
		return "Advocates and champions", "Other satisfied customers"
	case "positive:negative":
		return "Praise", "Complaints"
	}
	return brand.Name, "The other brands"
}

// drivers shows what sets the two sides of a comparison apart (analysts
// and up: it reads every post of the period).
func (s *Server) drivers(w http.ResponseWriter, r *http.Request) {
	v, ctx, q := visitOf(r), r.Context(), r.URL.Query()
	brand, err := v.ws.PickBrand(q.Get("brand"))
	if err != nil {
		s.fail(w, r, herald.Errorf(herald.EInvalid, "brand: %s", herald.ErrorMessage(err)))
		return
	}
	compare := q.Get("compare")
	if compare == "" {
		compare = "advocates:satisfied"
	}
	per, err := s.readPeriod(r, v.ws)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := insight.ComputeDrivers(ctx, s.db, v.ws.ID, insight.DriversQuery{Brand: brand, Compare: compare, From: per.From, To: per.To, Top: driversTop})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	acts, err := s.db.ActivitiesByID(ctx, v.ws.ID, firstExamples(res))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	byID := map[int64]*herald.Activity{}
	for i := range acts {
		byID[acts[i].ID] = &acts[i]
	}
	d := driversData{Brand: brand, Brands: v.ws.Brands, Compare: compare, Period: per}
	for i := range d.Period.Presets { // the presets keep the comparison
		u, _ := url.ParseQuery(d.Period.Presets[i].Href[1:])
		u.Set("compare", compare)
		u.Set("brand", brand.Slug)
		d.Period.Presets[i].Href = "?" + u.Encode()
	}
	for _, c := range insight.Comparisons {
		a, b := driverLabels(c, brand)
		d.Comparisons = append(d.Comparisons, comparison{Key: c, Label: a + " vs " + lower(b), Active: c == compare})
	}
	la, lb := driverLabels(compare, brand)
	scale := 0.0
	for _, x := range append(append([]drivers.Driver{}, res.ForA...), res.ForB...) {
		scale = math.Max(scale, math.Abs(finite(x.Z)))
	}
	d.A = driverSide{Label: la, Docs: res.DocsA, Drivers: driverRows(res.ForA, scale, byID, false)}
	d.B = driverSide{Label: lb, Docs: res.DocsB, Drivers: driverRows(res.ForB, scale, byID, true)}
	s.render(w, r, http.StatusOK, "drivers", &page{Title: "Drivers", Data: d})
}

func lower(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if r >= 'A' && r <= 'Z' {
		return string(r+'a'-'A') + s[n:]
	}
	return s
}

// firstExamples is the first example post of every driver.
func firstExamples(d *insight.Drivers) []int64 {
	var ids []int64
	for _, side := range [][]drivers.Driver{d.ForA, d.ForB} {
		for _, x := range side {
			if len(x.Examples) > 0 {
				ids = append(ids, x.Examples[0])
			}
		}
	}
	return ids
}

func driverRows(ds []drivers.Driver, scale float64, acts map[int64]*herald.Activity, sideB bool) []driverRow {
	var out []driverRow
	for _, x := range ds {
		z := math.Abs(finite(x.Z))
		row := driverRow{Term: x.Term, Kind: x.Kind, Z: strconv.FormatFloat(z, 'f', 1, 64), Count: x.CountA, Other: x.CountB}
		if sideB {
			row.Count, row.Other = x.CountB, x.CountA
		}
		if scale > 0 {
			row.Width = chart.Num(math.Max(1, z/scale*100))
		}
		if len(x.Examples) > 0 {
			if a := acts[x.Examples[0]]; a != nil {
				row.Example, row.ExampleAt, row.ExampleID = cut(a.Text, exampleRunes), a.CreatedAt.UTC().Format("Jan 2, 2006"), a.ID
			}
		}
		out = append(out, row)
	}
	return out
}

// cut shortens a text to n runes, with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// Package insight computes what Herald reports over a workspace's stored
// conversation by combining the store with the pure engines: the drivers
// of a comparison (advocates against the satisfied, praise against
// complaints, a brand against its competitors). The CLI, the HTTP API and
// the report share it.
package insight

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/drivers"
	"github.com/herald-advocacy/herald/internal/store"
)

// Comparisons lists the comparisons Drivers accepts, in a stable order.
var Comparisons = []string{"advocates:satisfied", "positive:negative", "brand:competitor"}

// splitters sort a mention of a post into the two sides of a comparison.
var splitters = map[string]func(m herald.BrandMention, stage string, brand int64) (a, b bool){
	// Posts by advocates and champions against posts with a positive
	// stance by everyone else: what advocacy adds to satisfaction.
	"advocates:satisfied": func(m herald.BrandMention, stage string, brand int64) (bool, bool) {
		if m.BrandID != brand {
			return false, false
		}
		adv := stage == "advocate" || stage == "champion"
		return adv, !adv && m.Stance.Label == herald.Positive
	},
	// Praise against complaints, by the stance toward the brand.
	"positive:negative": func(m herald.BrandMention, _ string, brand int64) (bool, bool) {
		return m.BrandID == brand && m.Stance.Label == herald.Positive, m.BrandID == brand && m.Stance.Label == herald.Negative
	},
	// This brand's conversation against its competitors'.
	"brand:competitor": func(m herald.BrandMention, _ string, brand int64) (bool, bool) {
		return m.BrandID == brand, m.BrandID != brand
	},
}

// DriversQuery selects a comparison.
type DriversQuery struct {
	Brand   herald.Brand
	Compare string    // one of Comparisons
	From    time.Time // posts created at or after (zero: from the start)
	To      time.Time // posts created before (zero: to the end)
	Top     int       // drivers per side (0: 15)
}

// Drivers is the result of a comparison: the terms that set each side
// apart, with example post ids.
type Drivers struct {
	Brand   string           `json:"brand"`
	Compare string           `json:"compare"`
	A       string           `json:"a"`
	B       string           `json:"b"`
	DocsA   int              `json:"docs_a"`
	DocsB   int              `json:"docs_b"`
	ForA    []drivers.Driver `json:"for_a"`
	ForB    []drivers.Driver `json:"for_b"`
}

// ComputeDrivers reads the workspace's posts about the brand (or its
// competitors) and returns what distinguishes the two sides of q.Compare.
// Posts by employees, brand accounts and promotional accounts are left out:
// they speak for no customer.
func ComputeDrivers(ctx context.Context, db *store.DB, ws int64, q DriversQuery) (*Drivers, error) {
	split, ok := splitters[q.Compare]
	if !ok {
		return nil, herald.Errorf(herald.EInvalid, "drivers: compare must be one of %s (got %q)", strings.Join(Comparisons, ", "), q.Compare)
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return nil, herald.Errorf(herald.EInvalid, "drivers: the range must have from before to")
	}
	a, b, err := driverDocs(ctx, db, ws, q, split)
	if err != nil {
		return nil, err
	}
	opt := drivers.DefaultOptions()
	opt.Top = q.Top
	if opt.Top <= 0 {
		opt.Top = 15
	}
	res := drivers.Compare(a, b, nil, opt)
	sides := strings.SplitN(q.Compare, ":", 2)
	return &Drivers{Brand: q.Brand.Slug, Compare: q.Compare, A: sides[0], B: sides[1], DocsA: len(a), DocsB: len(b),
		ForA: nonNil(res.ForA), ForB: nonNil(res.ForB)}, nil
}

func nonNil(ds []drivers.Driver) []drivers.Driver {
	if ds == nil {
		return []drivers.Driver{}
	}
	return ds
}

// ExampleIDs returns the distinct example post ids of every driver.
func (d *Drivers) ExampleIDs() []int64 {
	var ids []int64
	for _, side := range [][]drivers.Driver{d.ForA, d.ForB} {
		for _, dr := range side {
			ids = append(ids, dr.Examples...)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// driverDocs reads the workspace's posts and sorts those about the brand
// (or its competitors) into the two groups.
func driverDocs(ctx context.Context, db *store.DB, ws int64, q DriversQuery,
	split func(herald.BrandMention, string, int64) (bool, bool)) (a, b []drivers.Doc, err error) {
	stages, skip := map[int64]string{}, map[int64]bool{}
	rows, err := db.Advocates(ctx, ws, store.AdvocateFilter{BrandID: q.Brand.ID, Limit: 1 << 30})
	if err != nil {
		return nil, nil, err
	}
	notCustomer := advocacy.FlagEmployee | advocacy.FlagPromotional | advocacy.FlagBrandAccount
	for _, r := range rows {
		stages[r.PersonID] = r.Stage
		skip[r.PersonID] = advocacy.Flags(r.Flags)&notCustomer != 0
	}
	for after := int64(0); ; {
		acts, err := db.Activities(ctx, ws, store.ActivityFilter{AfterID: after, Limit: 5000, Since: q.From, Until: q.To})
		if err != nil || len(acts) == 0 {
			return a, b, err
		}
		for _, act := range acts {
			if act.Text == "" || skip[act.Author.PersonID] {
				continue
			}
			inA, inB := false, false
			for _, m := range act.Brands {
				if m.Source == herald.MatchAuthor {
					continue
				}
				x, y := split(m, stages[act.Author.PersonID], q.Brand.ID)
				inA, inB = inA || x, inB || y
			}
			doc := drivers.Doc{ID: act.ID, Text: act.Text}
			switch {
			case inA && !inB:
				a = append(a, doc)
			case inB && !inA:
				b = append(b, doc)
			}
		}
		after = acts[len(acts)-1].ID
	}
}

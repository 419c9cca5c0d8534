package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/drivers"
	"github.com/herald-advocacy/herald/internal/store"
)

// driversJSON is the output of `herald drivers --json`.
type driversJSON struct {
	Brand   string           `json:"brand"`
	Compare string           `json:"compare"`
	A       string           `json:"a"`
	B       string           `json:"b"`
	DocsA   int              `json:"docs_a"`
	DocsB   int              `json:"docs_b"`
	ForA    []drivers.Driver `json:"for_a"`
	ForB    []drivers.Driver `json:"for_b"`
}

// comparisons are the groups `herald drivers --compare` can set side by
// side, and how a post about the brand falls into them.
var comparisons = map[string]func(m herald.BrandMention, stage string, about int64, brand int64) (a, b bool){
	// Posts by advocates and champions against posts with a positive
	// stance by everyone else: what advocacy adds to satisfaction.
	"advocates:satisfied": func(m herald.BrandMention, stage string, about, brand int64) (bool, bool) {
		if about != brand {
			return false, false
		}
		adv := stage == "advocate" || stage == "champion"
		return adv, !adv && m.Stance.Label == herald.Positive
	},
	// Praise against complaints, by the stance toward the brand.
	"positive:negative": func(m herald.BrandMention, _ string, about, brand int64) (bool, bool) {
		return about == brand && m.Stance.Label == herald.Positive, about == brand && m.Stance.Label == herald.Negative
	},
	// This brand's conversation against its competitors'.
	"brand:competitor": func(_ herald.BrandMention, _ string, about, brand int64) (bool, bool) {
		return about == brand, about != brand
	},
}

func runDrivers(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("drivers", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	brandSlug := fs.String("brand", "", "brand slug (default: the workspace's own brand)")
	compare := fs.String("compare", "positive:negative", "advocates:satisfied, positive:negative or brand:competitor")
	top := fs.Int("top", 15, "drivers per side")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	split, ok := comparisons[*compare]
	if !ok {
		return usagef("drivers: --compare must be advocates:satisfied, positive:negative or brand:competitor")
	}
	if *top < 1 {
		return usagef("drivers: --top must be at least 1")
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	brand, err := pickBrand(ws, *brandSlug)
	if err != nil {
		return err
	}
	docsA, docsB, err := driverDocs(ctx, db, ws.ID, brand.ID, split)
	if err != nil {
		return err
	}
	opt := drivers.DefaultOptions()
	opt.Top = *top
	res := drivers.Compare(docsA, docsB, nil, opt)
	sides := strings.SplitN(*compare, ":", 2)
	out := driversJSON{Brand: brand.Slug, Compare: *compare, A: sides[0], B: sides[1], DocsA: len(docsA), DocsB: len(docsB),
		ForA: res.ForA, ForB: res.ForB}
	if *asJSON {
		return a.printJSON(out)
	}
	return a.printDrivers(ctx, db, ws.ID, out)
}

// driverDocs reads the workspace's posts and sorts those about the brand
// (or its competitors) into the two groups.
func driverDocs(ctx context.Context, db *store.DB, ws, brand int64, split func(herald.BrandMention, string, int64, int64) (bool, bool)) (a, b []drivers.Doc, err error) {
	stages, skip := map[int64]string{}, map[int64]bool{}
	rows, err := db.Advocates(ctx, ws, store.AdvocateFilter{BrandID: brand, Limit: 1 << 30})
	if err != nil {
		return nil, nil, err
	}
	notCustomer := advocacy.FlagEmployee | advocacy.FlagPromotional | advocacy.FlagBrandAccount
	for _, r := range rows {
		stages[r.PersonID] = r.Stage
		skip[r.PersonID] = advocacy.Flags(r.Flags)&notCustomer != 0
	}
	for after := int64(0); ; {
		acts, err := db.Activities(ctx, ws, store.ActivityFilter{AfterID: after, Limit: 5000})
		if err != nil || len(acts) == 0 {
			return a, b, err
		}
		for _, act := range acts {
			if act.Text == "" || skip[act.Author.PersonID] {
				continue // staff, brand accounts and promoters speak for no customer
			}
			inA, inB := false, false
			for _, m := range act.Brands {
				if m.Source == herald.MatchAuthor {
					continue
				}
				x, y := split(m, stages[act.Author.PersonID], m.BrandID, brand)
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

func (a *app) printDrivers(ctx context.Context, db *store.DB, ws int64, out driversJSON) error {
	w := a.env.Stdout
	fmt.Fprintf(w, "What sets %s posts apart from %s posts about %s (%d vs %d posts; z-scores, Fightin' Words):\n",
		out.A, out.B, out.Brand, out.DocsA, out.DocsB)
	for _, side := range []struct {
		name string
		ds   []drivers.Driver
	}{{out.A, out.ForA}, {out.B, out.ForB}} {
		fmt.Fprintf(w, "\n%s\n", strings.ToUpper(side.name))
		if len(side.ds) == 0 {
			fmt.Fprintln(w, "  (not enough posts)")
			continue
		}
		for _, d := range side.ds {
			fmt.Fprintf(w, "  %+7.2f  %-24s %4d vs %-4d\n", d.Z, d.Term, d.CountA, d.CountB)
		}
		if ex := side.ds[0].Examples; len(ex) > 0 {
			acts, err := db.ActivitiesByID(ctx, ws, ex)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "  e.g. %q:\n", side.ds[0].Term)
			for _, act := range acts {
				fmt.Fprintf(w, "    %s %s\n", act.CreatedAt.Format(time.DateOnly), snippet(act.Text, 100))
			}
		}
	}
	return nil
}

package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/drivers"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/store"
)

func runDrivers(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("drivers", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	brandSlug := fs.String("brand", "", "brand slug (default: the workspace's own brand)")
	compare := fs.String("compare", "positive:negative", "advocates:satisfied, positive:negative or brand:competitor")
	top := fs.Int("top", 15, "drivers per side")
	asJSON := fs.Bool("json", false, "print JSON")
	since := fs.String("from", "", "only posts from this date (YYYY-MM-DD or RFC 3339)")
	until := fs.String("to", "", "only posts up to this day, included (YYYY-MM-DD), or before this RFC 3339 time")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	if !slices.Contains(insight.Comparisons, *compare) {
		return usagef("drivers: --compare must be advocates:satisfied, positive:negative or brand:competitor")
	}
	if *top < 1 {
		return usagef("drivers: --top must be at least 1")
	}
	from, _, err := insight.ParseDay(*since, time.UTC)
	if err != nil {
		return usagef("--from: %s", herald.ErrorMessage(err))
	}
	to, day, err := insight.ParseDay(*until, time.UTC)
	if err != nil {
		return usagef("--to: %s", herald.ErrorMessage(err))
	}
	if day {
		to = to.AddDate(0, 0, 1)
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
	out, err := insight.ComputeDrivers(ctx, db, ws.ID, insight.DriversQuery{Brand: brand, Compare: *compare, Top: *top, From: from, To: to})
	if err != nil {
		return err
	}
	if *asJSON {
		return a.printJSON(out)
	}
	return a.printDrivers(ctx, db, ws.ID, out)
}

func (a *app) printDrivers(ctx context.Context, db *store.DB, ws int64, out *insight.Drivers) error {
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

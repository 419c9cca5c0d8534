package cli

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/store"
)

// reanalysis is what `herald reanalyze` did.
type reanalysis struct {
	Workspace string  `json:"workspace"`
	Version   string  `json:"analyzer"`
	Read      int64   `json:"read"`
	Changed   int64   `json:"changed"`
	Unchanged int64   `json:"unchanged"`
	Seconds   float64 `json:"seconds"`
}

func runReanalyze(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("reanalyze", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	page := fs.Int("batch", 2000, "activities read, analysed and committed together")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	if *page < 1 {
		return usagef("reanalyze: --batch must be at least 1")
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	an, err := a.analyzer(ctx, db, ws)
	if err != nil {
		return err
	}
	st, err := db.Status(ctx, ws.ID)
	if err != nil {
		return err
	}
	res := reanalysis{Workspace: ws.Slug, Version: an.Version()}
	bar := newProgressBar(a.env.Stderr, a.isTerminal())
	start := time.Now()
	var touched []int64
	err = reanalyzeAll(ctx, db, ws.ID, an, *page, &touched, func(read, changed int64) {
		res.Read, res.Changed = read, changed
		bar.updateCount("reanalyze "+ws.Slug, read, st.Activities)
	})
	bar.done()
	res.Unchanged, res.Seconds = res.Read-res.Changed, time.Since(start).Seconds()
	if err != nil {
		return fmt.Errorf("reanalyze %s (after %d activities, all stored so far kept): %w", ws.Slug, res.Read, err)
	}
	if err := a.updateScores(ctx, db, ws, touched); err != nil {
		return err
	}
	if *asJSON {
		return a.printJSON(res)
	}
	fmt.Fprintf(a.env.Stdout, "Reanalysed %d activities of %s with %s in %.1fs: %d changed, %d unchanged.\n",
		res.Read, res.Workspace, res.Version, res.Seconds, res.Changed, res.Unchanged)
	return nil
}

// reanalyzeAll walks the workspace's activities in id order, one page at a
// time, and stores the analyses that changed, committing each page: an
// interrupted run keeps what it did, and running again finishes the rest.
func reanalyzeAll(ctx context.Context, db *store.DB, ws int64, an *analysis.Analyzer, page int, touched *[]int64,
	progress func(read, changed int64)) error {
	var read, changed int64
	for after := int64(0); ; {
		if err := ctx.Err(); err != nil {
			return err
		}
		acts, err := db.Activities(ctx, ws, store.ActivityFilter{AfterID: after, Limit: page})
		if err != nil || len(acts) == 0 {
			return err
		}
		var diff []*herald.Activity
		for i := range acts {
			if reanalyzeOne(an, &acts[i]) {
				diff = append(diff, &acts[i])
				*touched = append(*touched, acts[i].Author.PersonID)
			}
		}
		if err := storeAnalyses(ctx, db, ws, diff); err != nil {
			return err
		}
		read, changed, after = read+int64(len(acts)), changed+int64(len(diff)), acts[len(acts)-1].ID
		progress(read, changed)
	}
}

// reanalyzeOne analyses a stored activity again and reports whether its
// analysis or brand mentions changed.
func reanalyzeOne(an *analysis.Analyzer, act *herald.Activity) bool {
	oldAnalysis, oldBrands := act.Analysis, slices.Clone(act.Brands)
	act.Brands = slices.Clone(act.Brands)
	an.Tag(act)
	return !reflect.DeepEqual(oldAnalysis, act.Analysis) || !sameBrands(oldBrands, act.Brands)
}

// sameBrands compares brand mentions regardless of order.
func sameBrands(x, y []herald.BrandMention) bool {
	if len(x) != len(y) {
		return false
	}
	byID := func(a, b herald.BrandMention) int { return int(a.BrandID - b.BrandID) }
	x, y = slices.Clone(x), slices.Clone(y)
	slices.SortFunc(x, byID)
	slices.SortFunc(y, byID)
	return reflect.DeepEqual(x, y)
}

func storeAnalyses(ctx context.Context, db *store.DB, ws int64, acts []*herald.Activity) error {
	if len(acts) == 0 {
		return nil
	}
	w, err := db.NewWriter(ctx, ws, 0)
	if err != nil {
		return err
	}
	if err := w.PutAnalyses(ctx, acts); err != nil {
		w.Rollback()
		return err
	}
	return w.Commit()
}

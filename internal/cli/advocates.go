package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
)

// rankFlags are the flags of the ranking commands.
type rankFlags struct {
	slug, brand, stage, flag, since *string
	top                             *int
	explain, asJSON, asCSV          *bool
}

func runAdvocates(ctx context.Context, a *app, args []string) error {
	return a.rank(ctx, args, "")
}

func runCompetitorAdvocates(ctx context.Context, a *app, args []string) error {
	return a.rank(ctx, args, "competitor_advocate")
}

func runAtRisk(ctx context.Context, a *app, args []string) error {
	return a.rank(ctx, args, "at_risk")
}

// rank lists scored people for a brand, best first; fixedFlag narrows the
// list to one flag (the action lists).
func (a *app) rank(ctx context.Context, args []string, fixedFlag string) error {
	fs := a.flagSet(a.cmd.name, a.cmd.usage)
	f := rankFlags{
		slug:    fs.String("workspace", "", "workspace slug (optional when there is only one)"),
		brand:   fs.String("brand", "", "brand slug (default: the workspace's own brand)"),
		top:     fs.Int("top", 20, "how many people"),
		explain: fs.Bool("explain", false, "show the reasons and evidence behind each score"),
		asJSON:  fs.Bool("json", false, "print JSON"),
		asCSV:   fs.Bool("csv", false, "print CSV"),
		since: fs.String("since", "", "only people who reached their stage and flags since a date (2006-01-02) or for a time "+
			"before the data's latest activity (7d, 24h): \"new advocates this week\" is --stage advocate,champion --since 7d"),
	}
	if fixedFlag == "" {
		f.stage = fs.String("stage", "", "only these stages (comma-separated: audience, engaged, potential, advocate, champion)")
		f.flag = fs.String("flag", "", "only people with these flags (comma-separated: detractor, at_risk, competitor_advocate, employee)")
	}
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	filter, err := rankFilter(f, fixedFlag)
	if err != nil {
		return err
	}
	db, ws, err := a.openWorkspace(ctx, *f.slug)
	if err != nil {
		return err
	}
	defer db.Close()
	brand, err := pickBrand(ws, *f.brand)
	if err != nil {
		return err
	}
	filter.BrandID = brand.ID
	if filter.Since, err = parseSince(ctx, db, ws.ID, *f.since); err != nil {
		return err
	}
	rows, err := db.Advocates(ctx, ws.ID, filter)
	if err != nil {
		return err
	}
	out := make([]export.Advocate, len(rows))
	for i, r := range rows {
		out[i] = export.NewAdvocate(i+1, brand.Slug, r)
	}
	switch {
	case *f.asJSON:
		return a.printJSON(out)
	case *f.asCSV:
		return a.printAdvocatesCSV(out)
	}
	if len(out) == 0 {
		fmt.Fprintf(a.env.Stdout, "No one yet for %s. Run `herald rescore` after importing, or widen the filters.\n", brand.Slug)
		return nil
	}
	return a.printAdvocates(ctx, db, ws, out, *f.explain)
}

func rankFilter(f rankFlags, fixedFlag string) (store.AdvocateFilter, error) {
	if *f.top < 1 {
		return store.AdvocateFilter{}, usagef("--top must be at least 1")
	}
	filter, err := stageFlagFilter(f.stage, f.flag, fixedFlag)
	filter.Limit = *f.top
	return filter, err
}

// stageFlagFilter reads --stage and --flag (nil when the command has no
// such flag; fixedFlag is the flag of the action lists).
func stageFlagFilter(stage, flag *string, fixedFlag string) (store.AdvocateFilter, error) {
	var filter store.AdvocateFilter
	flags := fixedFlag
	if flag != nil {
		flags = *flag
	}
	fl, err := advocacy.ParseFlagList(flags)
	if err != nil {
		return filter, usagef("%v", err)
	}
	filter.Flags = int64(fl)
	if stage != nil {
		if filter.Stages, err = advocacy.ParseStageList(*stage); err != nil {
			return filter, usagef("%v", err)
		}
	}
	return filter, nil
}

// pickBrand resolves --brand, defaulting to the workspace's own brand.
func pickBrand(ws *herald.Workspace, slug string) (herald.Brand, error) { return ws.PickBrand(slug) }

func (a *app) printAdvocates(ctx context.Context, db *store.DB, ws *herald.Workspace, rows []export.Advocate, explain bool) error {
	tw := a.table()
	fmt.Fprintf(tw, "#\tSCORE\tSTAGE\tFLAGS\tSINCE\tPERSON\tFOLLOWERS\tTENURE\tREGULAR\tRECENT\tSTANCE\tINFLUENCE\tCONTRIB\tCOMPETITOR\n")
	for _, r := range rows {
		f := r.Facets
		fmt.Fprintf(tw, "%d\t%.1f\t%s\t%s\t%s\t%s:@%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n", r.Rank, r.Score, r.Stage,
			flagList(r.Flags), day(r.Since), r.Network, r.Handle, followers(r.Followers), f.Tenure, f.Regularity, f.Recency, f.Stance,
			f.Influence, f.Contribution, f.Competitor)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !explain {
		return nil
	}
	for _, r := range rows {
		if err := a.explainScore(ctx, db, ws.ID, r); err != nil {
			return err
		}
	}
	return nil
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

// parseSince reads --since: a date, or a duration back from the data's
// latest activity (scores are computed as of it, not of the wall clock).
func parseSince(ctx context.Context, db *store.DB, ws int64, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	d, err := parseDays(v)
	if err != nil {
		return time.Time{}, usagef("--since %q: want a date (2006-01-02) or a duration (7d, 36h)", v)
	}
	clock, err := db.DataClock(ctx, ws)
	if err != nil {
		return time.Time{}, err
	}
	return clock.Add(-d), nil
}

// parseDays parses a Go duration, or a whole number of days ("7d").
func parseDays(v string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(v, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days < 0 {
			return 0, fmt.Errorf("bad days %q", v)
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("bad duration %q", v)
	}
	return d, nil
}

func flagList(fs []string) string {
	if len(fs) == 0 {
		return "-"
	}
	return strings.Join(fs, ",")
}

func followers(n *int64) string {
	if n == nil {
		return "?"
	}
	return fmt.Sprint(*n)
}

// explainScore prints what raised or lowered a score and the posts behind
// it.
func (a *app) explainScore(ctx context.Context, db *store.DB, ws int64, r export.Advocate) error {
	w := a.env.Stdout
	fmt.Fprintf(w, "\n#%d %s:@%s — %.1f, %s\n", r.Rank, r.Network, r.Handle, r.Score, r.Stage)
	for _, why := range r.Reasons {
		fmt.Fprintf(w, "  %+6.1f  %-12s %s\n", why.Effect, why.Facet, why.Why)
	}
	if len(r.Evidence) == 0 {
		return nil
	}
	acts, err := db.ActivitiesByID(ctx, ws, r.Evidence)
	if err != nil {
		return err
	}
	for _, act := range acts {
		fmt.Fprintf(w, "          %s %s %s\n", act.CreatedAt.Format(time.DateOnly), brandList(act.Brands), snippet(act.Text, 90))
	}
	return nil
}

func (a *app) printAdvocatesCSV(rows []export.Advocate) error {
	cw := csv.NewWriter(a.env.Stdout)
	cw.Write([]string{"rank", "person_id", "network", "handle", "name", "followers", "brand", "score", "stage", "flags",
		"tenure", "regularity", "recency", "stance", "influence", "contribution", "competitor"})
	for _, r := range rows {
		f := r.Facets
		cw.Write([]string{fmt.Sprint(r.Rank), fmt.Sprint(r.PersonID), string(r.Network), r.Handle, r.Name, followers(r.Followers),
			r.Brand, fmt.Sprintf("%.1f", r.Score), r.Stage, strings.Join(r.Flags, ";"),
			ff(f.Tenure), ff(f.Regularity), ff(f.Recency), ff(f.Stance), ff(f.Influence), ff(f.Contribution), ff(f.Competitor)})
	}
	cw.Flush()
	return cw.Error()
}

func ff(x float64) string { return fmt.Sprintf("%.3f", x) }

func runRescore(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("rescore", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	sc, err := scoring.ForWorkspace(db, ws)
	if err != nil {
		return err
	}
	st, err := sc.Rescore(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return a.printJSON(st)
	}
	fmt.Fprintf(a.env.Stdout, "Rescored %s as of %s: %d people from %d activities in %.1fs.\n", ws.Slug,
		st.AsOf.Format(time.DateTime), st.Scored, st.Activities, st.Seconds)
	return nil
}

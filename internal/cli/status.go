package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/herald-advocacy/herald/internal/store"
)

func runStatus(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("status", a.cmd.usage)
	slug := fs.String("workspace", "", "only this workspace (default: all)")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	db, _, err := a.openDB(ctx, defaultDB)
	if err != nil {
		return err
	}
	defer db.Close()
	all, err := db.Workspaces(ctx)
	if err != nil {
		return err
	}
	statuses := []*store.Status{}
	for _, w := range all {
		if *slug != "" && w.Slug != *slug {
			continue
		}
		st, err := db.Status(ctx, w.ID)
		if err != nil {
			return err
		}
		statuses = append(statuses, st)
	}
	if *slug != "" && len(statuses) == 0 {
		return fmt.Errorf("workspace %q not found", *slug)
	}
	if *asJSON {
		return a.printJSON(statuses)
	}
	if len(statuses) == 0 {
		fmt.Fprintln(a.env.Stdout, "no workspaces yet: run `herald demo`, or import a file")
		return nil
	}
	for i, st := range statuses {
		if i > 0 {
			fmt.Fprintln(a.env.Stdout)
		}
		a.printStatus(st)
	}
	return nil
}

func (a *app) printStatus(st *store.Status) {
	w := a.table()
	fmt.Fprintf(w, "workspace\t%s\n", st.Workspace)
	fmt.Fprintf(w, "people\t%d\t(%d identities)\n", st.People, st.Identities)
	fmt.Fprintf(w, "activities\t%d\t(%d deleted)\n", st.Activities, st.Deleted)
	if !st.First.IsZero() {
		fmt.Fprintf(w, "time range\t%s … %s\n", st.First.Format(time.RFC3339), st.Last.Format(time.RFC3339))
	}
	fmt.Fprintf(w, "imports\t%d\n", st.Imports)
	for _, g := range []struct {
		name   string
		counts []store.Count
	}{{"by network", st.ByNetwork}, {"by kind", st.ByKind}, {"by brand", st.ByBrand}} {
		for i, c := range g.counts {
			label := ""
			if i == 0 {
				label = g.name
			}
			fmt.Fprintf(w, "%s\t%s\t%d\n", label, c.Key, c.Count)
		}
	}
	w.Flush()
}

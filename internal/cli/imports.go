package cli

import (
	"context"
	"fmt"
	"time"
)

func runImports(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("imports", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	limit := fs.Int("limit", 20, "how many runs to list, newest first")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	jobs, err := db.Imports(ctx, ws.ID, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		return a.printJSON(jobs)
	}
	tw := a.table()
	fmt.Fprintf(tw, "ID\tSTARTED\tSTATUS\tFORMAT\tREAD\tNEW\tUPDATED\tREJECTED\tSOURCE\n")
	for _, j := range jobs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\n", j.ID, j.StartedAt.Local().Format(time.DateTime),
			j.Status, j.Format, j.Read, j.Created, j.Updated, j.Rejected, j.Source)
	}
	return tw.Flush()
}

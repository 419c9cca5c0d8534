package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/store"
)

func runActivities(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("activities", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	brand := fs.String("brand", "", "only activities about this brand (slug)")
	network := fs.String("network", "", "only this network")
	kind := fs.String("kind", "", "only this kind (post, reply, share, quote, like, follow)")
	limit := fs.Int("limit", 50, "how many")
	after := fs.Int64("after", 0, "cursor: only activities with an id above this")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	if *kind != "" && !herald.Kind(*kind).Valid() {
		return usagef("activities: unknown kind %q", *kind)
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	f := store.ActivityFilter{Network: herald.Network(*network), Kind: herald.Kind(*kind), Limit: *limit, AfterID: *after}
	if *brand != "" {
		b, ok := ws.Brand(*brand)
		if !ok {
			return herald.Errorf(herald.ENotFound, "workspace %s has no brand %q", ws.Slug, *brand)
		}
		f.BrandID = b.ID
	}
	acts, err := db.Activities(ctx, ws.ID, f)
	if err != nil {
		return err
	}
	if *asJSON {
		return a.printJSON(export.NewActivities(acts))
	}
	tw := a.table()
	fmt.Fprintf(tw, "ID\tTIME\tNETWORK\tKIND\tAUTHOR\tBRANDS\tTEXT\n")
	for _, act := range acts {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t@%s\t%s\t%s\n", act.ID, act.CreatedAt.Format(time.DateTime), act.Network, act.Kind,
			act.Author.Handle, brandList(act.Brands), snippet(act.Text, 60))
	}
	return tw.Flush()
}

package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/demo"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
)

const defaultDemoDB = "herald-demo.db"

func runDemo(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("demo", a.cmd.usage)
	people := fs.Int("people", 3000, "how many people the demo community has")
	seed := fs.Int64("seed", 1, "random seed (same seed and day: same community)")
	days := fs.Int("days", 180, "how many days of history, ending today")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	if *people < 10 || *days < 7 {
		return usagef("demo: want --people ≥ 10 and --days ≥ 7")
	}
	if a.db == "" && a.env.Getenv("HERALD_DB") == "" {
		a.db = defaultDemoDB // keep demo data out of the real database
	}
	db, _, err := a.openDB(ctx, defaultDemoDB)
	if err != nil {
		return err
	}
	defer db.Close()
	ws := demo.Workspace()
	if err := db.SyncWorkspace(ctx, &ws); err != nil {
		return err
	}
	end := time.Now().UTC().Truncate(24 * time.Hour)
	opt := demo.Options{Seed: *seed, People: *people, Start: end.AddDate(0, 0, -*days), End: end}
	an, err := a.analyzer(ctx, db, &ws)
	if err != nil {
		return err
	}
	w, err := db.NewWriter(ctx, ws.ID, 10000)
	if err != nil {
		return err
	}
	var sum demo.Summary
	start := time.Now()
	counts, err := ingest.Run(ctx, w, ingest.Source{Name: "demo", R: strings.NewReader(""), Size: -1,
		Parse: func(ctx context.Context, _ io.Reader, emit herald.Emit) error {
			var gerr error
			sum, gerr = demo.Generate(ctx, opt, emit)
			return gerr
		}}, ingest.Options{Analyzer: an, Now: func() time.Time { return end }})
	if err != nil {
		w.Rollback()
		return fmt.Errorf("load demo: %w", err)
	}
	if err := w.Commit(); err != nil {
		return err
	}
	linked, err := linkDemoPeople(ctx, db, ws.ID, sum.Linked)
	if err != nil {
		return err
	}
	sc, err := scoring.ForWorkspace(db, &ws)
	if err != nil {
		return err
	}
	if _, err := sc.Rescore(ctx); err != nil {
		return fmt.Errorf("score demo people: %w", err)
	}
	st, err := db.Status(ctx, ws.ID)
	if err != nil {
		return err
	}
	if *asJSON {
		return a.printJSON(map[string]any{"database": firstNonEmpty(a.db, a.env.Getenv("HERALD_DB")), "counts": counts,
			"status": st, "archetypes": sum.People, "linked_people": linked})
	}
	fmt.Fprintf(a.env.Stdout, "Loaded the demo community into %s in %.1fs: %d records (%d new, %d updated, %d unchanged);\n"+
		"linked the accounts of %d people who post on two networks.\n\n",
		firstNonEmpty(a.db, a.env.Getenv("HERALD_DB")), time.Since(start).Seconds(), counts.Read, counts.Created, counts.Updated, counts.Unchanged, linked)
	a.printStatus(st)
	fmt.Fprintf(a.env.Stdout, "\nWho is in it (planted archetypes):\n")
	tw := a.table()
	for _, arch := range demo.Archetypes {
		if n := sum.People[arch]; n > 0 {
			fmt.Fprintf(tw, "  %s\t%d\n", arch, n)
		}
	}
	tw.Flush()
	dbName := firstNonEmpty(a.db, a.env.Getenv("HERALD_DB"))
	fmt.Fprintf(a.env.Stdout, "\nNext: herald --db %s advocates --top 20 --explain\n      herald --db %s activities --brand northwind --limit 20\n", dbName, dbName)
	return nil
}

// linkDemoPeople links the identities the generator made for one person on
// several networks, as a community manager would with `herald person link`.
func linkDemoPeople(ctx context.Context, db *store.DB, ws int64, groups [][]string) (int, error) {
	n := 0
	for _, keys := range groups {
		var ids []int64
		for _, k := range keys {
			net, ext, _ := strings.Cut(k, ":")
			id, err := db.FindIdentity(ctx, ws, herald.AccountRef{Network: herald.Network(net), Handle: ext})
			if herald.ErrorCode(err) == herald.ENotFound {
				continue // an account that never did anything
			}
			if err != nil {
				return n, err
			}
			ids = append(ids, id.ID)
		}
		if len(ids) < 2 {
			continue
		}
		if _, err := db.LinkIdentities(ctx, ws, ids); err != nil {
			return n, fmt.Errorf("link demo identities: %w", err)
		}
		n++
	}
	return n, nil
}

package cli

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/demo"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/web"
)

const defaultDemoDB = "herald-demo.db"

func runDemo(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("demo", a.cmd.usage)
	people := fs.Int("people", 3000, "how many people the demo community has")
	seed := fs.Int64("seed", 1, "random seed (same seed and day: same community)")
	days := fs.Int("days", 180, "how many days of history, ending today")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	serve := fs.Bool("serve", false, "then serve the dashboard, with an admin demo@herald.local whose password is printed")
	addr := fs.String("addr", "127.0.0.1:8080", "with --serve: the address to listen on")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	if *serve && *asJSON {
		return usagef("demo: --serve and --json do not go together")
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
	if *serve {
		return a.serveDemo(ctx, db, *addr)
	}
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

// demoEmail is the demo's administrator.
const demoEmail = "demo@herald.local"

// serveDemo gives the demo administrator a new random password (shown
// once) and serves the dashboard over the demo database.
func (a *app) serveDemo(ctx context.Context, db *store.DB, addr string) error {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	password := base64.RawURLEncoding.EncodeToString(b)
	hash, err := web.HashPassword(password)
	if err != nil {
		return err
	}
	u, err := db.UserByEmail(ctx, demoEmail)
	switch {
	case err == nil:
		if err := db.SetPassword(ctx, u.ID, hash); err != nil {
			return err
		}
		if err := db.SetUserAdmin(ctx, u.ID, true); err != nil {
			return err
		}
		if err := db.SetUserDisabled(ctx, u.ID, false); err != nil {
			return err
		}
	case herald.ErrorCode(err) == herald.ENotFound:
		if err := db.CreateUser(ctx, &store.User{Email: demoEmail, Name: "Demo Admin", Admin: true, PasswordHash: hash}); err != nil {
			return err
		}
	default:
		return err
	}
	return a.serve(ctx, serveOptions{addr: addr, maxUpload: 1024, timeout: 30 * time.Second, grace: 5 * time.Second}, func(at net.Addr) {
		fmt.Fprintf(a.env.Stdout, "\nOpen http://%s/ and sign in as %s with the password %s\n(a new password each time; stop with Ctrl-C)\n", at, demoEmail, password)
	})
}

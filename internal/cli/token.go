package cli

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/api"
)

func runToken(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("token", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	scope := fs.String("scope", "read", "create: read, write (also import) or admin (also manage tokens)")
	name := fs.String("name", "", "create: what or who uses the token (default: scope and date)")
	expires := fs.String("expires", "", "create: validity, e.g. 90d or 720h (default: no expiry)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := a.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("token: want create, list or revoke ID")
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	switch pos[0] {
	case "create":
		if len(pos) != 1 {
			return usagef("token create takes no arguments")
		}
		t := &herald.Token{WorkspaceID: ws.ID, Name: *name, Scope: herald.Scope(*scope)}
		if !t.Scope.Valid() {
			return usagef("--scope %q: want read, write or admin", *scope)
		}
		if t.Name == "" {
			t.Name = fmt.Sprintf("%s token, %s", t.Scope, time.Now().UTC().Format(time.DateOnly))
		}
		if *expires != "" {
			d, err := parseDays(*expires)
			if err != nil || d == 0 {
				return usagef("--expires %q: want a duration such as 90d or 720h", *expires)
			}
			t.ExpiresAt = time.Now().Add(d)
		}
		secret, err := api.CreateToken(ctx, db, t)
		if err != nil {
			return err
		}
		if *asJSON {
			return a.printJSON(api.NewToken{Token: *t, Secret: secret})
		}
		fmt.Fprintln(a.env.Stdout, secret)
		fmt.Fprintf(a.env.Stderr, "Created token %d (%s, scope %s) for workspace %s. It is shown only now: store it safely.\n",
			t.ID, t.Name, t.Scope, ws.Slug)
		return nil
	case "list":
		ts, err := db.Tokens(ctx, ws.ID)
		if err != nil {
			return err
		}
		if *asJSON {
			return a.printJSON(ts)
		}
		tw := a.table()
		fmt.Fprintln(tw, "ID\tNAME\tSCOPE\tPREFIX\tCREATED\tLAST USED\tSTATUS")
		now := time.Now()
		for _, t := range ts {
			status := "active"
			switch {
			case !t.RevokedAt.IsZero():
				status = "revoked " + day(t.RevokedAt)
			case !t.Active(now):
				status = "expired " + day(t.ExpiresAt)
			case !t.ExpiresAt.IsZero():
				status = "expires " + day(t.ExpiresAt)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s…\t%s\t%s\t%s\n", t.ID, t.Name, t.Scope, t.Prefix, day(t.CreatedAt), day(t.LastUsedAt), status)
		}
		return tw.Flush()
	case "revoke":
		if len(pos) != 2 {
			return usagef("token revoke: want the token's ID (see herald token list)")
		}
		id, err := strconv.ParseInt(pos[1], 10, 64)
		if err != nil {
			return usagef("token revoke: %q is not a token ID", pos[1])
		}
		if err := db.RevokeToken(ctx, ws.ID, id); err != nil {
			return err
		}
		fmt.Fprintf(a.env.Stderr, "Revoked token %d.\n", id)
		return nil
	}
	return usagef("token: unknown subcommand %q (want create, list or revoke)", pos[0])
}

package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/web"
)

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

func runUser(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("user", a.cmd.usage)
	email := fs.String("email", "", "the user's e-mail address (their login)")
	name := fs.String("name", "", "add: the user's name")
	role := fs.String("role", "viewer", "add: admin, manager, analyst or viewer (admin without --workspace: every workspace)")
	var wss stringList
	fs.Var(&wss, "workspace", "add: a workspace the role applies to (repeat, or comma-separated; default: the only one)")
	pwFile := fs.String("password-file", "", "read the password from the first line of this file (default: standard input, or a prompt on a terminal)")
	asJSON := fs.Bool("json", false, "list: print JSON")
	pos, err := a.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("user: want add, list, passwd or remove")
	}
	db, _, err := a.openDB(ctx, defaultDB)
	if err != nil {
		return err
	}
	defer db.Close()
	switch pos[0] {
	case "add":
		return a.userAdd(ctx, db, *email, *name, store.Role(*role), wss, *pwFile)
	case "list":
		return a.userList(ctx, db, *asJSON)
	case "passwd":
		u, err := userOf(ctx, db, *email)
		if err != nil {
			return err
		}
		hash, err := a.newPassword(*pwFile)
		if err != nil {
			return err
		}
		if err := db.SetPassword(ctx, u.ID, hash); err != nil {
			return err
		}
		fmt.Fprintf(a.env.Stderr, "Changed the password of %s; their sessions were ended.\n", u.Email)
		return nil
	case "remove":
		u, err := userOf(ctx, db, *email)
		if err != nil {
			return err
		}
		if err := db.DeleteUser(ctx, u.ID); err != nil {
			return err
		}
		fmt.Fprintf(a.env.Stderr, "Removed user %s.\n", u.Email)
		return nil
	}
	return usagef("user: unknown subcommand %q (want add, list, passwd or remove)", pos[0])
}

func userOf(ctx context.Context, db *store.DB, email string) (*store.User, error) {
	if email == "" {
		return nil, usagef("user: --email is required")
	}
	return db.UserByEmail(ctx, email)
}

func (a *app) userAdd(ctx context.Context, db *store.DB, email, name string, role store.Role, slugs []string, pwFile string) error {
	if email == "" {
		return usagef("user add: --email is required")
	}
	if !role.Valid() {
		return usagef("--role %q: want admin, manager, analyst or viewer", role)
	}
	// An admin without workspaces administers every workspace; any other
	// role needs its workspaces, or the only one there is.
	var targets []*herald.Workspace
	for _, s := range slugs {
		w, err := db.Workspace(ctx, s)
		if err != nil {
			return err
		}
		targets = append(targets, w)
	}
	if len(targets) == 0 && role != store.RoleAdmin {
		w, err := a.workspace(ctx, db, "", false)
		if err != nil {
			return err
		}
		targets = append(targets, w)
	}
	hash, err := a.newPassword(pwFile)
	if err != nil {
		return err
	}
	u := &store.User{Email: email, Name: name, Admin: role == store.RoleAdmin && len(targets) == 0, PasswordHash: hash}
	if err := db.CreateUser(ctx, u); err != nil {
		return err
	}
	for _, w := range targets {
		if err := db.SetUserWorkspace(ctx, u.ID, w.ID, role); err != nil {
			return err
		}
	}
	if u.Admin {
		fmt.Fprintf(a.env.Stderr, "Added %s, administrator of every workspace.\n", u.Email)
	} else {
		var names []string
		for _, w := range targets {
			names = append(names, w.Slug)
		}
		fmt.Fprintf(a.env.Stderr, "Added %s, %s of %s.\n", u.Email, role, strings.Join(names, ", "))
	}
	return nil
}

func (a *app) userList(ctx context.Context, db *store.DB, asJSON bool) error {
	us, err := db.Users(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return a.printJSON(us)
	}
	tw := a.table()
	fmt.Fprintln(tw, "ID\tEMAIL\tNAME\tACCESS\tCREATED\tSTATUS")
	for _, u := range us {
		access := "admin of every workspace"
		if !u.Admin {
			var parts []string
			for _, m := range u.Workspaces {
				parts = append(parts, m.Slug+":"+string(m.Role))
			}
			access = strings.Join(parts, ", ")
			if access == "" {
				access = "none"
			}
		}
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", u.ID, u.Email, u.Name, access, day(u.CreatedAt), status)
	}
	return tw.Flush()
}

// newPassword reads a new password — from --password-file, from standard
// input when it is not a terminal, or from a prompt without echo, asked
// twice — and hashes it.
func (a *app) newPassword(file string) ([]byte, error) {
	var pw string
	switch f, isFile := a.env.Stdin.(*os.File); {
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("read the password: %w", err)
		}
		pw = firstLine(string(b))
	case isFile && term.IsTerminal(int(f.Fd())):
		fmt.Fprintf(a.env.Stderr, "New password (at least %d characters): ", web.MinPasswordLength)
		b1, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(a.env.Stderr)
		if err != nil {
			return nil, fmt.Errorf("read the password: %w", err)
		}
		fmt.Fprint(a.env.Stderr, "Again: ")
		b2, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(a.env.Stderr)
		if err != nil {
			return nil, fmt.Errorf("read the password: %w", err)
		}
		if string(b1) != string(b2) {
			return nil, herald.Errorf(herald.EInvalid, "the two passwords differ")
		}
		pw = string(b1)
	case a.env.Stdin != nil:
		line, err := bufio.NewReader(io.LimitReader(a.env.Stdin, 4096)).ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("read the password: %w", err)
		}
		pw = firstLine(line)
	}
	if pw == "" {
		return nil, usagef("no password: give --password-file FILE, or the password on standard input")
	}
	return web.HashPassword(pw)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimRight(line, "\r")
}

package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/config"
	"github.com/herald-advocacy/herald/internal/store"
)

const (
	defaultDB     = "herald.db"
	defaultConfig = "herald.toml"
)

// app holds what one invocation needs: the environment and the global
// settings, resolved once (flags > HERALD_* env > config file > defaults).
type app struct {
	env    Env
	cmd    command
	db     string             // --db
	config string             // --config
	lex    *analysis.Lexicons // loaded on first use
}

func newApp(env Env) *app {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	return &app{env: env}
}

// flagSet returns a FlagSet for a command with the global flags registered.
func (a *app) flagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.env.Stderr)
	fs.StringVar(&a.db, "db", a.db, "SQLite file or postgres:// URL (env HERALD_DB)")
	fs.StringVar(&a.config, "config", a.config, "configuration file (env HERALD_CONFIG)")
	fs.Usage = func() {
		fmt.Fprintf(a.env.Stderr, "Usage: herald %s %s\n\n%s\n\nFlags:\n", name, usage, a.cmd.summary)
		fs.PrintDefaults()
	}
	return fs
}

// loadConfig reads the configuration file, if any.
func (a *app) loadConfig() (*config.Config, error) {
	path := firstNonEmpty(a.config, a.env.Getenv("HERALD_CONFIG"))
	if path == "" {
		if !exists(defaultConfig) {
			return &config.Config{}, nil
		}
		path = defaultConfig
	}
	return config.Load(path)
}

// openDB opens the database named by --db, HERALD_DB, the config file, or
// the default — in that order — and syncs the configured workspaces into it.
func (a *app) openDB(ctx context.Context, fallback string) (*store.DB, *config.Config, error) {
	cfg, err := a.loadConfig()
	if err != nil {
		return nil, nil, err
	}
	dsn := firstNonEmpty(a.db, a.env.Getenv("HERALD_DB"), cfg.Database, fallback)
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	wss, err := cfg.Domain()
	if err == nil {
		for i := range wss {
			if err = db.SyncWorkspace(ctx, &wss[i]); err != nil {
				break
			}
		}
	}
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, cfg, nil
}

// workspace resolves --workspace: the named one, or the only one there is.
// With no workspace at all, imports go to an empty "default" workspace.
func (a *app) workspace(ctx context.Context, db *store.DB, slug string, create bool) (*herald.Workspace, error) {
	if slug != "" {
		return db.Workspace(ctx, slug)
	}
	all, err := db.Workspaces(ctx)
	if err != nil {
		return nil, err
	}
	switch {
	case len(all) == 1:
		return &all[0], nil
	case len(all) > 1:
		var slugs []string
		for _, w := range all {
			slugs = append(slugs, w.Slug)
		}
		return nil, usagef("several workspaces (%s): choose one with --workspace", strings.Join(slugs, ", "))
	case !create:
		return nil, herald.Errorf(herald.ENotFound, "no workspace yet: declare one in %s (see herald.example.toml) or import a file", defaultConfig)
	}
	w := &herald.Workspace{Slug: "default", Name: "Default workspace"}
	if err := db.SyncWorkspace(ctx, w); err != nil {
		return nil, err
	}
	return w, nil
}

func (a *app) isTerminal() bool {
	if a.env.IsTerminal != nil {
		return a.env.IsTerminal()
	}
	f, ok := a.env.Stderr.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printJSON writes v as indented JSON to stdout.
func (a *app) printJSON(v any) error {
	enc := json.NewEncoder(a.env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// table returns a tab-aligned writer on stdout; call Flush when done.
func (a *app) table() *tabwriter.Writer {
	return tabwriter.NewWriter(a.env.Stdout, 0, 0, 2, ' ', 0)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// openWorkspace opens the database and resolves --workspace in it; the
// caller closes the database.
func (a *app) openWorkspace(ctx context.Context, slug string) (*store.DB, *herald.Workspace, error) {
	db, _, err := a.openDB(ctx, defaultDB)
	if err != nil {
		return nil, nil, err
	}
	ws, err := a.workspace(ctx, db, slug, false)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, ws, nil
}

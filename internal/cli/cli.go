// Package cli implements the herald command line: one file per subcommand,
// and the one place where configuration, storage, importers and the ingest
// pipeline are wired together.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitError    = 1
	ExitUsage    = 2
	ExitRejected = 3 // the command completed but rejected some records
)

// Env is the process environment the CLI runs in; tests supply their own.
type Env struct {
	Getenv func(string) string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// IsTerminal reports whether stderr is an interactive terminal (progress
	// bars); nil means "detect".
	IsTerminal func() bool
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string // arguments after the name
	run     func(ctx context.Context, a *app, args []string) error
}

func commands() []command {
	return []command{
		{"demo", "generate a demo community into a database and show what was loaded", "[flags]", runDemo},
		{"import", "import activity files (ActivityStreams, X/Twitter, Mastodon, Bluesky, Reddit, CSV)", "[flags] FILE... (- for stdin)", runImport},
		{"status", "counts per workspace, network, brand and kind, and the time range", "[flags]", runStatus},
		{"workspace", "list the workspaces (and sync them from the config file)", "list [flags]", runWorkspace},
		{"activities", "list activities", "[flags]", runActivities},
		{"person", "show a person; link identities into one person, or unlink them", "show|link|unlink [flags] NETWORK:HANDLE...", runPerson},
		{"imports", "list past import runs and what they did", "[flags]", runImports},
		{"analyze", "print the analysis of each text or record (language, sentiment, intents, brands and stance) as JSON lines", "[flags] [FILE|-]", runAnalyze},
		{"reanalyze", "analyse a workspace's stored posts again (after changing brand queries or training a model)", "[flags]", runReanalyze},
		{"query", "test a brand query: its canonical form, what it matches in a file, or among the stored posts", `test "QUERY" [FILE|-] | preview "QUERY"`, runQuery},
		{"advocates", "rank people by advocacy for a brand: score, stage, flags and facets (--explain: why)", "[flags]", runAdvocates},
		{"competitor-advocates", "people who advocate a competitor: conversion targets, with their reasons", "[flags]", runCompetitorAdvocates},
		{"at-risk", "advocates whose activity or stance fell, or who drift to a competitor", "[flags]", runAtRisk},
		{"drivers", "what distinguishes advocates from the satisfied, praise from complaints, a brand from its competitors", "[flags]", runDrivers},
		{"metrics", "brand metrics per day, week or month: volume, share of voice, sentiment, funnel, gap, responsiveness", "[flags]", runMetrics},
		{"report", "write a self-contained HTML report of a brand over a range (KPIs, charts, advocates, drivers)", "--out FILE [flags]", runReport},
		{"export", "stream activities, advocates, people or metrics as CSV, JSON lines or JSON (to a file, atomically)", "activities|advocates|people|metrics [flags]", runExport},
		{"rescore", "recompute every person's advocacy scores from their activity", "[flags]", runRescore},
		{"train", "train the sentiment model from a labelled CSV, evaluate it and make it the workspace's model", "[flags] FILE.csv", runTrain},
		{"eval", "k-fold evaluation of VADER and of the trainable model on a labelled CSV", "[flags] FILE.csv", runEval},
		{"bench", "measure import throughput and peak memory, or API and dashboard latency under load on an existing database", "import|api|web [flags]", runBench},
		{"serve", "serve the web dashboard and the HTTP API (/api/v1, OpenAPI, health checks, Prometheus metrics)", "[flags]", runServe},
		{"token", "create, list or revoke API tokens of a workspace", "create|list|revoke [ID] [flags]", runToken},
		{"user", "add, list, change the password of, or remove dashboard users", "add|list|passwd|remove [flags]", runUser},
		{"version", "print the version", "", runVersion},
	}
}

// usageError is an error in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errRejected signals a run that completed with rejected records.
var errRejected = errors.New("some records were rejected")

// Run runs the herald command line and returns the process exit code.
func Run(ctx context.Context, args []string, env Env) int {
	a := newApp(env)
	err := a.dispatch(ctx, args)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, errRejected):
		return ExitRejected
	}
	fmt.Fprintf(env.Stderr, "herald: %s\n", oneLine(err))
	var ue usageError
	if errors.As(err, &ue) {
		return ExitUsage
	}
	return ExitError
}

// oneLine renders an error as a single line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", " ")), " ")
}

func (a *app) dispatch(ctx context.Context, args []string) error {
	fs := a.flagSet("herald", "")
	fs.Usage = func() { a.printHelp() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	rest := fs.Args()
	if len(rest) == 0 || rest[0] == "help" {
		if len(rest) > 1 {
			return a.dispatch(ctx, []string{rest[1], "--help"})
		}
		a.printHelp()
		return nil
	}
	for _, c := range commands() {
		if c.name == rest[0] {
			a.cmd = c
			return c.run(ctx, a, rest[1:])
		}
	}
	return usagef("unknown command %q (see herald help)", rest[0])
}

func (a *app) printHelp() {
	w := a.env.Stderr
	fmt.Fprintf(w, "Herald finds the people who truly advocate for a brand, and explains why.\n\n")
	fmt.Fprintf(w, "Usage: herald [--db DB] [--config FILE] COMMAND [flags] [args]\n\nCommands:\n")
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
Global flags (also accepted after the command):
  --db DB         SQLite file or postgres:// URL (env HERALD_DB; default %s)
  --config FILE   workspaces and brands (env HERALD_CONFIG; default ./herald.toml if present)

Run 'herald COMMAND --help' for a command's flags.
Exit status: 0 ok, 1 error, 2 usage error, 3 completed but some records were rejected.
`, defaultDB)
}

// parseArgs parses flags that may be interleaved with positional arguments
// ("import a.csv --strict b.csv") and returns the positional ones.
func (a *app) parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// exists reports whether a file exists.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/store"
)

// exportKinds are what `herald export` exports.
var exportKinds = []string{"activities", "advocates", "people", "metrics"}

// runExport streams activities, a brand's ranking, people or a metrics
// report as CSV, JSON lines or JSON, to standard output or atomically to a
// file.
func runExport(ctx context.Context, a *app, args []string) error {
	kind, rest := exportKind(args)
	if kind == "" {
		fs := a.flagSet("export", a.cmd.usage)
		if _, err := a.parseArgs(fs, args); err != nil {
			return err
		}
		return usagef("export: want `herald export %s [flags]`", strings.Join(exportKinds, "|"))
	}
	fs := a.flagSet("export "+kind, "[flags]")
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	formatV := fs.String("format", "jsonl", "csv, jsonl (one JSON object per line) or json (one array)")
	out := fs.String("out", "-", "file to write (- for standard output); written whole or not at all")
	var run exportFunc
	var err error
	switch kind {
	case "activities":
		run, err = exportActivitiesFlags(a, fs, rest)
	case "advocates":
		run, err = exportAdvocatesFlags(a, fs, rest)
	case "people":
		run, err = exportPeopleFlags(a, fs, rest)
	case "metrics":
		run, err = exportMetricsFlags(a, fs, rest)
	}
	if err != nil {
		return err
	}
	format, err := export.ParseFormat(*formatV)
	if err != nil {
		return usagef("export: --format %q: want csv, jsonl or json", *formatV)
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := writeOutput(a, *out, func(w io.Writer) (int, error) { return run(ctx, db, ws, format, w) })
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) || herald.ErrorCode(err) != herald.EInternal {
			return err
		}
		return fmt.Errorf("export %s (after %d): %w", kind, n, err)
	}
	things := kind
	if kind == "metrics" {
		things = "metric rows"
	}
	fmt.Fprintf(a.env.Stderr, "exported %d %s\n", n, things)
	return nil
}

// exportKind finds what to export: the first argument, or the first
// argument that names a kind when flags come first.
func exportKind(args []string) (string, []string) {
	for i, arg := range args {
		if slices.Contains(exportKinds, arg) {
			return arg, append(slices.Clone(args[:i]), args[i+1:]...)
		}
		if i == 0 && !strings.HasPrefix(arg, "-") {
			return "", args // an unknown kind
		}
	}
	return "", args
}

// exportFunc writes one export and returns how many records it wrote.
type exportFunc = func(ctx context.Context, db *store.DB, ws *herald.Workspace, format export.Format, w io.Writer) (int, error)

func noArgs(a *app, fs *flag.FlagSet, args []string) error {
	pos, err := a.parseArgs(fs, args)
	if err == nil && len(pos) > 0 {
		err = usagef("%s: unexpected argument %q", fs.Name(), pos[0])
	}
	return err
}

func exportActivitiesFlags(a *app, fs *flag.FlagSet, args []string) (exportFunc, error) {
	brand := fs.String("brand", "", "only activities about this brand (slug)")
	since := fs.String("since", "", "only activities from this date (2006-01-02, UTC)")
	until := fs.String("until", "", "only activities before this date (2006-01-02, UTC)")
	if err := noArgs(a, fs, args); err != nil {
		return nil, err
	}
	var f store.ActivityFilter
	for _, d := range []struct {
		v   string
		dst *time.Time
	}{{*since, &f.Since}, {*until, &f.Until}} {
		if d.v == "" {
			continue
		}
		var err error
		if *d.dst, err = time.Parse(time.DateOnly, d.v); err != nil {
			return nil, usagef("export: bad date %q (want 2006-01-02)", d.v)
		}
	}
	return func(ctx context.Context, db *store.DB, ws *herald.Workspace, format export.Format, w io.Writer) (int, error) {
		if *brand != "" {
			b, err := pickBrand(ws, *brand)
			if err != nil {
				return 0, err
			}
			f.BrandID = b.ID
		}
		return export.WriteActivities(ctx, db, ws.ID, f, format, w)
	}, nil
}

func exportAdvocatesFlags(a *app, fs *flag.FlagSet, args []string) (exportFunc, error) {
	brand := fs.String("brand", "", "brand slug (default: the workspace's own brand)")
	stage := fs.String("stage", "", "only these stages (comma-separated: audience, engaged, potential, advocate, champion)")
	flagV := fs.String("flag", "", "only people with these flags (comma-separated: detractor, at_risk, competitor_advocate, employee)")
	since := fs.String("since", "", "only people who reached their stage and flags since a date (2006-01-02) or for a time "+
		"before the data's latest activity (7d, 24h)")
	top := fs.Int("top", 0, "how many people, best first (0: everyone scored)")
	if err := noArgs(a, fs, args); err != nil {
		return nil, err
	}
	if *top < 0 {
		return nil, usagef("--top must be 0 (everyone) or more")
	}
	f, err := stageFlagFilter(stage, flagV, "")
	if err != nil {
		return nil, err
	}
	f.Limit = *top
	return func(ctx context.Context, db *store.DB, ws *herald.Workspace, format export.Format, w io.Writer) (int, error) {
		b, err := pickBrand(ws, *brand)
		if err != nil {
			return 0, err
		}
		if f.Since, err = parseSince(ctx, db, ws.ID, *since); err != nil {
			return 0, err
		}
		return export.WriteAdvocates(ctx, db, ws.ID, b, f, format, w)
	}, nil
}

func exportPeopleFlags(a *app, fs *flag.FlagSet, args []string) (exportFunc, error) {
	query := fs.String("query", "", "only people with a handle starting with this or a name containing it")
	network := fs.String("network", "", "only people with an account on this network")
	if err := noArgs(a, fs, args); err != nil {
		return nil, err
	}
	if *network != "" && !herald.ValidNetwork(*network) {
		return nil, usagef("--network %q: not a network name", *network)
	}
	f := store.PeopleFilter{Query: *query, Network: herald.Network(*network)}
	return func(ctx context.Context, db *store.DB, ws *herald.Workspace, format export.Format, w io.Writer) (int, error) {
		return export.WritePeople(ctx, db, ws.ID, f, format, w)
	}, nil
}

func exportMetricsFlags(a *app, fs *flag.FlagSet, args []string) (exportFunc, error) {
	mf := addMetricsFlags(fs)
	if err := noArgs(a, fs, args); err != nil {
		return nil, err
	}
	loc, err := mf.location()
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, db *store.DB, ws *herald.Workspace, format export.Format, w io.Writer) (int, error) {
		rep, err := mf.report(ctx, db, ws, loc)
		if err != nil {
			return 0, err
		}
		if err := export.WriteMetrics(rep, format, w); err != nil {
			return 0, err
		}
		return len(export.MetricsRows(rep)), nil
	}, nil
}

// writeOutput runs write on the export's destination, buffered: standard
// output, or a temporary file next to path renamed to it once everything
// is written, so a failed export never leaves a partial file under its
// final name.
func writeOutput(a *app, path string, write func(io.Writer) (int, error)) (int, error) {
	if path == "-" || path == "" {
		bw := bufio.NewWriter(a.env.Stdout)
		n, err := write(bw)
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
		return n, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing left to remove
	bw := bufio.NewWriterSize(tmp, 64<<10)
	n, err := write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return n, err
}

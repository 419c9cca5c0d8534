package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/report"
)

func runReport(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("report", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	brandSlug := fs.String("brand", "", "brand slug (default: the workspace's own brand)")
	from := fs.String("from", "", "first day (2006-01-02; default: 90 days before --to)")
	to := fs.String("to", "", "last day, included (2006-01-02; default: the day of the data's latest activity)")
	gran := fs.String("granularity", "", "chart buckets: day, week (from Monday) or month (default: day up to 31 days, month beyond a year, else week)")
	tz := fs.String("tz", "UTC", "time zone of the days, weeks and months (e.g. Europe/Paris)")
	out := fs.String("out", "", "the HTML file to write (- for standard output)")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("report: --out FILE is required (- for standard output)")
	}
	if *gran != "" && *gran != "day" && *gran != "week" && *gran != "month" {
		return usagef("--granularity %q: want day, week or month", *gran)
	}
	loc, err := time.LoadLocation(*tz)
	if err != nil {
		return usagef("--tz %q: unknown time zone", *tz)
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	brand, err := pickBrand(ws, *brandSlug)
	if err != nil {
		return err
	}
	opt := report.Options{Granularity: *gran, Location: loc, Brand: brand.Slug}
	if opt.From, opt.To, err = insight.Range(ctx, db, ws.ID, *from, *to, loc); err != nil {
		return usagef("%s", herald.ErrorMessage(err))
	}
	data, err := report.Build(ctx, db, ws, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.Render(&buf, data); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	name := *out
	if *out == "-" {
		if _, err := a.env.Stdout.Write(buf.Bytes()); err != nil {
			return err
		}
		name = "the report"
	} else if err := writeAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stderr, "wrote %s (%s): %s, %s to %s\n", name, kilobytes(buf.Len()), data.Brand,
		data.From.Format(time.DateOnly), data.LastDay.Format(time.DateOnly))
	return nil
}

// writeAtomic writes a file through a temporary file in the same
// directory and a rename, so a reader never sees half a report.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func kilobytes(n int) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%d KB", (n+512)/1024)
}

package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer"
	"github.com/herald-advocacy/herald/internal/importer/csvimport"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/pipeline"
	"github.com/herald-advocacy/herald/internal/store"
)

// maxReportedRejects is how many rejected records are listed on stderr;
// all of them are in the rejects file.
const maxReportedRejects = 10

type importFlags struct {
	workspace, format, mapping, rejectsDir string
	maps                                   multiFlag
	strict, asJSON                         bool
	batch                                  int
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runImport(ctx context.Context, a *app, args []string) error {
	var f importFlags
	fs := a.flagSet("import", a.cmd.usage)
	fs.StringVar(&f.workspace, "workspace", "", "workspace slug (optional when there is only one)")
	fs.StringVar(&f.format, "format", "", "input format, one of "+strings.Join(importer.Names(), ", ")+" (default: detected)")
	fs.Var(&f.maps, "map", "CSV column mapping FIELD=COLUMN (repeatable), e.g. --map text=body --map author=user")
	fs.StringVar(&f.mapping, "mapping", "", "CSV mapping file (lines FIELD = COLUMN)")
	fs.BoolVar(&f.strict, "strict", false, "stop at the first bad record, exit non-zero and store nothing")
	fs.StringVar(&f.rejectsDir, "rejects", "", "directory for rejects files (default: next to each input)")
	fs.IntVar(&f.batch, "batch", 10000, "records per transaction")
	fs.BoolVar(&f.asJSON, "json", false, "print the summary as JSON")
	files, err := a.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("import: no input files (use - for standard input)")
	}
	opts, err := importOptions(f)
	if err != nil {
		return err
	}
	db, _, err := a.openDB(ctx, defaultDB)
	if err != nil {
		return err
	}
	defer db.Close()
	ws, err := a.workspace(ctx, db, f.workspace, true)
	if err != nil {
		return err
	}
	imp := &importRun{a: a, db: db, ws: ws, f: f, opts: opts, rejects: &ingest.RejectFiles{Dir: f.rejectsDir}}
	return imp.run(ctx, files)
}

func importOptions(f importFlags) (importer.Options, error) {
	if len(f.maps) == 0 && f.mapping == "" {
		return importer.Options{}, nil
	}
	pairs := map[string]string{}
	if f.mapping != "" {
		file, err := os.Open(f.mapping)
		if err != nil {
			return importer.Options{}, fmt.Errorf("read mapping: %w", err)
		}
		defer file.Close()
		if pairs, err = csvimport.LoadMapping(file); err != nil {
			return importer.Options{}, fmt.Errorf("mapping %s: %w", f.mapping, err)
		}
	}
	for _, m := range f.maps {
		k, v, ok := strings.Cut(m, "=")
		if !ok {
			return importer.Options{}, usagef("--map %q: want FIELD=COLUMN", m)
		}
		pairs[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	m, err := csvimport.ParseMapping(pairs)
	if err != nil {
		return importer.Options{}, fmt.Errorf("CSV mapping: %w", err)
	}
	return importer.Options{CSV: &m}, nil
}

// importRun imports several files into one workspace through one writer.
type importRun struct {
	a        *app
	db       *store.DB
	ws       *herald.Workspace
	f        importFlags
	opts     importer.Options
	rejects  *ingest.RejectFiles
	reported int
	rows     []summaryRow
	jobs     []*store.ImportJob
	failed   int
	lastErr  error
}

type summaryRow struct {
	File   string `json:"file"`
	Format string `json:"format"`
	ingest.Counts
	Seconds float64 `json:"seconds"`
	Rejects string  `json:"rejects_file,omitempty"`
	Error   string  `json:"error,omitempty"`
}

func (r *importRun) run(ctx context.Context, files []string) error {
	batch := r.f.batch
	if r.f.strict {
		batch = 0 // one transaction: all or nothing
	}
	w, err := r.db.NewWriter(ctx, r.ws.ID, batch)
	if err != nil {
		return err
	}
	an, err := r.a.analyzer(ctx, r.db, r.ws)
	if err != nil {
		w.Rollback()
		return err
	}
	for _, file := range files {
		row, err := r.importFile(ctx, w, an, file)
		r.rows = append(r.rows, row)
		if err == nil {
			continue
		}
		if r.f.strict || errors.Is(err, context.Canceled) || isStoreError(err) {
			w.Rollback()
			r.recordRolledBack(ctx, err)
			if !r.f.strict {
				r.printSummary()
			}
			r.rejects.Close()
			return fmt.Errorf("%s: %w", file, err)
		}
		r.failed++
		r.lastErr = fmt.Errorf("%s: %w", file, err)
		r.rows[len(r.rows)-1].Error = oneLine(err)
		if len(files) > 1 {
			fmt.Fprintf(r.a.env.Stderr, "herald: %s\n", oneLine(r.lastErr))
		}
	}
	if err := w.Commit(); err != nil {
		return err
	}
	if err := r.a.updateScores(ctx, r.db, r.ws, w.Touched()); err != nil {
		return err
	}
	if err := r.rejects.Close(); err != nil {
		return err
	}
	for i := range r.rows {
		r.rows[i].Rejects = r.rejects.Paths()[r.rows[i].File]
	}
	if r.failed < len(files) {
		if err := r.printSummary(); err != nil {
			return err
		}
	}
	return r.exitStatus()
}

func (r *importRun) exitStatus() error {
	var total ingest.Counts
	for _, row := range r.rows {
		total.Add(row.Counts)
	}
	switch {
	case r.failed == 1 && len(r.rows) == 1:
		return r.lastErr
	case r.failed > 0:
		return fmt.Errorf("%d of %d inputs could not be imported (see above)", r.failed, len(r.rows))
	case total.Rejected > 0:
		fmt.Fprintf(r.a.env.Stderr, "herald: %d records rejected; fix them in the rejects file(s) and import those again\n", total.Rejected)
		return errRejected
	}
	return nil
}

// storeError marks failures of the database itself: they end the run.
type storeError struct{ err error }

func (e storeError) Error() string { return e.err.Error() }
func (e storeError) Unwrap() error { return e.err }

func isStoreError(err error) bool {
	var se storeError
	return errors.As(err, &se)
}

func (r *importRun) importFile(ctx context.Context, w *store.Writer, an ingest.Analyzer, file string) (summaryRow, error) {
	row := summaryRow{File: file, Format: r.f.format}
	in, size, closeIn, err := r.open(file)
	if err != nil {
		return row, err
	}
	defer closeIn()
	br := bufio.NewReaderSize(in, importer.HeadSize)
	if row.Format == "" {
		head, _ := br.Peek(importer.HeadSize)
		if row.Format, err = importer.Detect(head); err != nil {
			return row, err
		}
	}
	parse, err := importer.Parser(row.Format, r.opts)
	if err != nil {
		return row, err
	}
	job := &store.ImportJob{WorkspaceID: r.ws.ID, Source: file, Format: row.Format}
	if err := w.StartImport(ctx, job); err != nil {
		return row, storeError{err}
	}
	start := time.Now()
	bar := newProgressBar(r.a.env.Stderr, r.a.isTerminal())
	row.Counts, err = ingest.Run(ctx, storeErrors{w}, ingest.Source{Name: file, Format: row.Format, R: br, Size: size, Parse: ingest.ParseFunc(parse)},
		ingest.Options{Strict: r.f.strict, Analyzer: an, Rejects: r.rejects, OnReject: r.report, OnProgress: bar.update})
	bar.done()
	row.Seconds = time.Since(start).Seconds()
	r.jobs = append(r.jobs, job)
	pipeline.FillJob(job, row.Counts, err)
	if ferr := w.FinishImport(context.WithoutCancel(ctx), job); ferr != nil && err == nil {
		err = storeError{ferr}
	}
	return row, err
}

// recordRolledBack records the jobs of a rolled-back run as failed, so the
// attempt leaves a trace even though its data is gone.
func (r *importRun) recordRolledBack(ctx context.Context, cause error) {
	ctx = context.WithoutCancel(ctx)
	for _, job := range r.jobs {
		if job.Status != "failed" {
			job.Status, job.Error = "failed", "rolled back: "+oneLine(cause)
		}
		if err := r.db.StartImport(ctx, job); err == nil {
			err = r.db.FinishImport(ctx, job)
		}
	}
}

// open opens an input file, or standard input for "-".
func (r *importRun) open(file string) (io.Reader, int64, func(), error) {
	if file == "-" {
		return r.a.env.Stdin, -1, func() {}, nil
	}
	fh, err := os.Open(file)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, 0, nil, pe.Err // the caller names the file
	}
	if err != nil {
		return nil, 0, nil, err
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, 0, nil, fmt.Errorf("open input: %w", err)
	}
	if st.IsDir() {
		fh.Close()
		return nil, 0, nil, herald.Errorf(herald.EInvalid, "is a directory, not a file")
	}
	return fh, st.Size(), func() { fh.Close() }, nil
}

func (r *importRun) report(rj ingest.Reject) {
	r.reported++
	switch {
	case r.reported <= maxReportedRejects:
		fmt.Fprintf(r.a.env.Stderr, "rejected %s\n", oneLine(rj))
	case r.reported == maxReportedRejects+1:
		fmt.Fprintf(r.a.env.Stderr, "rejected … (more in the rejects file)\n")
	}
}

// storeErrors marks writer failures as store errors, so that they end the
// run instead of moving on to the next file.
type storeErrors struct{ w *store.Writer }

func (s storeErrors) PutActivities(ctx context.Context, acts []*herald.Activity) ([]herald.Outcome, error) {
	o, err := s.w.PutActivities(ctx, acts)
	return o, wrapStore(err)
}

func (s storeErrors) PutIdentities(ctx context.Context, ids []*herald.Identity) error {
	return wrapStore(s.w.PutIdentities(ctx, ids))
}

func (s storeErrors) Tombstone(ctx context.Context, k herald.Key) (herald.Outcome, error) {
	o, err := s.w.Tombstone(ctx, k)
	return o, wrapStore(err)
}

func wrapStore(err error) error {
	if err == nil {
		return nil
	}
	return storeError{err}
}

var _ flag.Value = (*multiFlag)(nil)

// Package ingest runs records from importers (and, later, live connectors)
// into the store: validate, normalise, analyse (brand tagging, then text
// analysis), write, and account for every record — stored, unchanged or
// rejected with its position, reason and raw bytes.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/herald-advocacy/herald"
)

// Writer is the storage the pipeline needs (satisfied by *store.Writer).
// The pipeline hands it records in batches: a remote database is not asked
// once per record.
type Writer interface {
	PutActivities(ctx context.Context, acts []*herald.Activity) ([]herald.Outcome, error)
	PutIdentities(ctx context.Context, ids []*herald.Identity) error
	Tombstone(ctx context.Context, k herald.Key) (herald.Outcome, error)
}

// Analyzer annotates an activity before it is stored (brand tags today;
// sentiment and intent behind the same seam). It must be safe for use from
// one goroutine other than the writer's.
type Analyzer interface {
	Tag(a *herald.Activity)
}

// ParseFunc streams the records of one input (see internal/importer).
type ParseFunc func(ctx context.Context, r io.Reader, emit herald.Emit) error

// Source is one input to import.
type Source struct {
	Name   string // file path, or "-" for standard input
	Format string // format name (decides the rejects file's extension)
	R      io.Reader
	Size   int64 // bytes, or -1 when unknown (stdin)
	Parse  ParseFunc
}

// Options configure a run.
type Options struct {
	// Strict makes the first rejected record fail the run (the caller then
	// rolls back its writer, so nothing is half-written).
	Strict bool
	// Now is the clock timestamps are checked against (default time.Now).
	Now func() time.Time
	// Analyzer tags each activity; nil leaves activities untagged.
	Analyzer Analyzer
	// Rejects receives every rejected record; nil drops them (after OnReject).
	Rejects RejectSink
	// OnReject is called for every rejected record (to report it).
	OnReject func(Reject)
	// OnProgress is called about every ProgressEvery records and at the end.
	OnProgress func(Progress)
}

// ProgressEvery is how many records pass between progress callbacks.
const ProgressEvery = 2048

// Reject is a record that was not stored, and why.
type Reject struct {
	Source string
	Format string
	Pos    int64
	Reason string
	Raw    []byte
}

// Error formats the reject like a compiler diagnostic: "file:pos: reason".
func (r Reject) Error() string { return fmt.Sprintf("%s:%d: %s", r.Source, r.Pos, r.Reason) }

// Progress reports how far a run has got.
type Progress struct {
	Source  string
	Bytes   int64 // bytes of the source read so far
	Size    int64 // total bytes, -1 when unknown
	Records int64
	Counts  Counts
}

// Counts summarise a run.
type Counts struct {
	Read      int64 `json:"read"`      // records read (activities, accounts, deletions, rejects)
	Created   int64 `json:"created"`   // new activities
	Updated   int64 `json:"updated"`   // activities changed by this run
	Unchanged int64 `json:"unchanged"` // activities already stored as they are
	Deleted   int64 `json:"deleted"`   // activities deleted by tombstones
	Accounts  int64 `json:"accounts"`  // records that only described accounts
	Rejected  int64 `json:"rejected"`
}

// Add accumulates another run's counts.
func (c *Counts) Add(o Counts) {
	c.Read += o.Read
	c.Created += o.Created
	c.Updated += o.Updated
	c.Unchanged += o.Unchanged
	c.Deleted += o.Deleted
	c.Accounts += o.Accounts
	c.Rejected += o.Rejected
}

// ErrStrict wraps the first reject of a strict run.
var ErrStrict = errors.New("strict import stopped at the first rejected record")

// batchSize is how many prepared records travel together from the parsing
// goroutine to the writing one.
const batchSize = 256

// Run imports one source through w. Parsing, validation and analysis run on
// one goroutine, writing on the caller's, so the two overlap.
func Run(ctx context.Context, w Writer, src Source, opt Options) (Counts, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cr := &countingReader{r: src.R}
	batches := make(chan []herald.Record, 4)
	parseErr := make(chan error, 1)
	go func() {
		defer close(batches)
		parseErr <- produce(ctx, cr, src, opt, batches)
	}()
	r := &run{w: w, src: src, opt: opt, cr: cr}
	err := r.consume(ctx, batches)
	cancel()
	for range batches { // drain so the producer can finish
	}
	if perr := <-parseErr; err == nil && perr != nil && !errors.Is(perr, context.Canceled) {
		err = fmt.Errorf("read %s: %w", src.Name, perr)
	}
	if err == nil {
		err = parent.Err()
	}
	r.progress()
	return r.counts, err
}

// produce parses the source and prepares each record, sending batches.
func produce(ctx context.Context, r io.Reader, src Source, opt Options, out chan<- []herald.Record) error {
	batch := make([]herald.Record, 0, batchSize)
	err := src.Parse(ctx, r, func(rec herald.Record) error {
		prepare(&rec, opt)
		batch = append(batch, rec)
		if len(batch) == batchSize {
			select {
			case out <- batch:
			case <-ctx.Done():
				return ctx.Err()
			}
			batch = make([]herald.Record, 0, batchSize)
		}
		return nil
	})
	if len(batch) > 0 && err == nil {
		select {
		case out <- batch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return err
}

// prepare validates, normalises and analyses a record in place; a record
// that fails validation gets Err.
func prepare(rec *herald.Record, opt Options) {
	if rec.Err != nil || rec.Preamble {
		return
	}
	if a := rec.Activity; a != nil {
		a.Normalize()
		if err := a.Validate(opt.Now()); err != nil {
			rec.Err = err
			return
		}
		if opt.Analyzer != nil {
			opt.Analyzer.Tag(a)
		}
	}
	kept := rec.Actors[:0]
	for _, i := range rec.Actors {
		i.Normalize()
		if i.Validate() == nil {
			kept = append(kept, i)
		}
	}
	rec.Actors = kept
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

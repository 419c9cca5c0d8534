package ingest

import (
	"context"
	"fmt"

	"github.com/herald-advocacy/herald"
)

// run is the writing side of one Run.
type run struct {
	w         Writer
	src       Source
	opt       Options
	cr        *countingReader
	counts    Counts
	preamble  []byte
	strictErr error
}

func (r *run) consume(ctx context.Context, batches <-chan []herald.Record) error {
	for batch := range batches {
		for i := range batch {
			if err := r.store(ctx, &batch[i]); err != nil {
				return err
			}
			if r.counts.Read%ProgressEvery == 0 {
				r.progress()
			}
		}
	}
	return nil
}

func (r *run) store(ctx context.Context, rec *herald.Record) error {
	if rec.Preamble {
		r.preamble = append([]byte(nil), rec.Raw...)
		return nil
	}
	r.counts.Read++
	if rec.Err != nil {
		return r.reject(rec)
	}
	for k := range rec.Actors {
		if err := r.w.PutIdentity(ctx, &rec.Actors[k]); err != nil {
			return err
		}
	}
	switch {
	case rec.Activity != nil:
		out, err := r.w.PutActivity(ctx, rec.Activity)
		if err != nil {
			return err
		}
		r.count(out)
	case rec.Tombstone != nil:
		out, err := r.w.Tombstone(ctx, *rec.Tombstone)
		if err != nil {
			return err
		}
		if out == herald.Updated {
			r.counts.Deleted++
		} else {
			r.counts.Unchanged++
		}
	default:
		r.counts.Accounts++
	}
	return nil
}

func (r *run) count(o herald.Outcome) {
	switch o {
	case herald.Created:
		r.counts.Created++
	case herald.Updated:
		r.counts.Updated++
	default:
		r.counts.Unchanged++
	}
}

func (r *run) reject(rec *herald.Record) error {
	r.counts.Rejected++
	rj := Reject{Source: r.src.Name, Format: r.src.Format, Pos: rec.Pos, Reason: rec.Err.Error(), Raw: rec.Raw}
	if r.opt.OnReject != nil {
		r.opt.OnReject(rj)
	}
	if r.opt.Strict {
		r.strictErr = fmt.Errorf("%w: %s", ErrStrict, rj.Error())
		return r.strictErr
	}
	if r.opt.Rejects != nil {
		if err := r.opt.Rejects.Write(rj, r.preamble); err != nil {
			return fmt.Errorf("write rejected record %s: %w", rj.Error(), err)
		}
	}
	return nil
}

func (r *run) progress() {
	if r.opt.OnProgress == nil {
		return
	}
	r.opt.OnProgress(Progress{Source: r.src.Name, Bytes: r.cr.n.Load(), Size: r.src.Size,
		Records: r.counts.Read, Counts: r.counts})
}

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
	next := int64(ProgressEvery)
	for batch := range batches {
		if err := r.storeBatch(ctx, batch); err != nil {
			return err
		}
		if r.counts.Read >= next {
			r.progress()
			next = r.counts.Read + ProgressEvery
		}
	}
	return nil
}

// segment gathers consecutive records that can be stored together.
type segment struct {
	actors     []*herald.Identity
	activities []*herald.Activity
}

// storeBatch stores a batch of records in order: runs of activities and
// accounts together, rejects and tombstones one by one between them.
func (r *run) storeBatch(ctx context.Context, batch []herald.Record) error {
	var seg segment
	for i := range batch {
		rec := &batch[i]
		if rec.Preamble {
			r.preamble = append([]byte(nil), rec.Raw...)
			continue
		}
		r.counts.Read++
		switch {
		case rec.Err != nil:
			if err := r.reject(rec); err != nil {
				return err
			}
		case rec.Tombstone != nil && rec.Activity == nil:
			if err := r.flush(ctx, &seg); err != nil {
				return err
			}
			if err := r.tombstone(ctx, *rec.Tombstone); err != nil {
				return err
			}
		default:
			for k := range rec.Actors {
				seg.actors = append(seg.actors, &rec.Actors[k])
			}
			if rec.Activity != nil {
				seg.activities = append(seg.activities, rec.Activity)
			} else {
				r.counts.Accounts++
			}
		}
	}
	return r.flush(ctx, &seg)
}

func (r *run) flush(ctx context.Context, seg *segment) error {
	if len(seg.actors) > 0 {
		if err := r.w.PutIdentities(ctx, seg.actors); err != nil {
			return err
		}
	}
	if len(seg.activities) > 0 {
		outs, err := r.w.PutActivities(ctx, seg.activities)
		if err != nil {
			return err
		}
		for _, o := range outs {
			r.count(o)
		}
	}
	*seg = segment{}
	return nil
}

func (r *run) tombstone(ctx context.Context, k herald.Key) error {
	out, err := r.w.Tombstone(ctx, k)
	if err != nil {
		return err
	}
	if out == herald.Updated {
		r.counts.Deleted++
	} else {
		r.counts.Unchanged++
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

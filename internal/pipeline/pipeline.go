// Package pipeline wires Herald's import path together — parse, analyse,
// store, rescore — for the callers that run it: the CLI and the HTTP API's
// import jobs.
package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/importer"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/text/model"
)

// Analyzer builds the workspace's analyzer: its brands, and its trained
// sentiment model when one was trained (VADER otherwise). A nil db means no
// stored model.
func Analyzer(ctx context.Context, db *store.DB, lex *analysis.Lexicons, ws *herald.Workspace) (*analysis.Analyzer, error) {
	var m *model.Model
	if db != nil {
		sm, err := db.ActiveModel(ctx, ws.ID, "sentiment")
		switch {
		case herald.ErrorCode(err) == herald.ENotFound:
		case err != nil:
			return nil, err
		default:
			if m, err = model.Unmarshal(sm.Data); err != nil {
				return nil, fmt.Errorf("workspace %s: stored sentiment model %s: %w (train it again)", ws.Slug, sm.Version, err)
			}
		}
	}
	return analysis.New(lex, ws, m)
}

// UpdateScores brings the advocacy scores of the workspace up to date after
// a change to these people's activity (an import, a reanalysis, a link).
func UpdateScores(ctx context.Context, db *store.DB, ws *herald.Workspace, persons []int64) error {
	if len(persons) == 0 {
		return nil
	}
	sc, err := scoring.ForWorkspace(db, ws)
	if err == nil {
		_, err = sc.Update(ctx, persons)
	}
	if err != nil {
		return fmt.Errorf("update advocacy scores (the data is stored; run herald rescore): %w", err)
	}
	return nil
}

// FillJob records a run's counts and outcome in its import job.
func FillJob(job *store.ImportJob, c ingest.Counts, err error) {
	job.Status, job.Read, job.Created, job.Updated, job.Unchanged, job.Rejected = "done", c.Read, c.Created, c.Updated, c.Unchanged+c.Deleted, c.Rejected
	if err != nil {
		job.Status, job.Error = "failed", oneLine(err)
	}
}

// Input is one file to import.
type Input struct {
	Name    string // shown in the job and in rejects
	Format  string // "" to detect
	R       io.Reader
	Size    int64 // -1 when unknown
	Options importer.Options
}

// ImportOptions configure Import.
type ImportOptions struct {
	Strict     bool
	Batch      int // records per transaction (0: 10,000; Strict: one transaction)
	Rejects    ingest.RejectSink
	OnReject   func(ingest.Reject)
	OnProgress func(ingest.Progress)
	// Job is the import's record when the caller made it beforehand (with
	// db.StartImport: an API job is visible while it waits); nil makes one.
	Job *store.ImportJob
}

// Import imports one input into a workspace, records it as an import job,
// and updates the advocacy scores of the people it touched. The job is
// returned even when the import failed.
func Import(ctx context.Context, db *store.DB, lex *analysis.Lexicons, ws *herald.Workspace, in Input, opt ImportOptions) (*store.ImportJob, ingest.Counts, error) {
	job, recorded := opt.Job, opt.Job != nil
	if !recorded {
		job = &store.ImportJob{WorkspaceID: ws.ID, Source: in.Name}
	}
	job.Format = in.Format
	var counts ingest.Counts
	br := bufio.NewReaderSize(in.R, importer.HeadSize)
	if job.Format == "" {
		head, _ := br.Peek(importer.HeadSize)
		var err error
		if job.Format, err = importer.Detect(head); err != nil {
			return job, counts, failed(ctx, db, job, recorded, err)
		}
	}
	parse, err := importer.Parser(job.Format, in.Options)
	if err != nil {
		return job, counts, failed(ctx, db, job, recorded, err)
	}
	an, err := Analyzer(ctx, db, lex, ws)
	if err != nil {
		return job, counts, failed(ctx, db, job, recorded, err)
	}
	batch := opt.Batch
	switch {
	case opt.Strict:
		batch = 0
	case batch <= 0:
		batch = 10000
	}
	w, err := db.NewWriter(ctx, ws.ID, batch)
	if err != nil {
		return job, counts, err
	}
	if !recorded {
		if err := w.StartImport(ctx, job); err != nil {
			w.Rollback()
			return job, counts, err
		}
	}
	counts, err = ingest.Run(ctx, w, ingest.Source{Name: in.Name, Format: job.Format, R: br, Size: in.Size, Parse: ingest.ParseFunc(parse)},
		ingest.Options{Strict: opt.Strict, Analyzer: an, Rejects: opt.Rejects, OnReject: opt.OnReject, OnProgress: opt.OnProgress})
	FillJob(job, counts, err)
	if err != nil && (opt.Strict || ctx.Err() != nil) {
		w.Rollback()
		return job, ingest.Counts{Read: counts.Read, Rejected: counts.Rejected}, failed(ctx, db, job, recorded, fmt.Errorf("rolled back: %w", err))
	}
	if ferr := w.FinishImport(context.WithoutCancel(ctx), job); ferr != nil {
		w.Rollback()
		return job, counts, ferr
	}
	if cerr := w.Commit(); cerr != nil {
		return job, counts, cerr
	}
	if uerr := UpdateScores(ctx, db, ws, w.Touched()); uerr != nil && err == nil {
		err = uerr
	}
	return job, counts, err
}

// failed records a job that stored nothing, so that the attempt leaves a
// trace, and returns err.
func failed(ctx context.Context, db *store.DB, job *store.ImportJob, recorded bool, err error) error {
	ctx = context.WithoutCancel(ctx)
	FillJob(job, ingest.Counts{Read: job.Read, Rejected: job.Rejected}, err)
	if !recorded {
		if serr := db.StartImport(ctx, job); serr != nil {
			return err
		}
	}
	_ = db.FinishImport(ctx, job) // the import's own error matters more
	return err
}

func oneLine(err error) string {
	s := []rune(err.Error())
	out := make([]rune, 0, len(s))
	space := false
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' || r == ' ' {
			if !space && len(out) > 0 {
				out = append(out, ' ')
			}
			space = true
			continue
		}
		space = false
		out = append(out, r)
	}
	return string(out)
}

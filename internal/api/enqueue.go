package api

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/pipeline"
	"github.com/herald-advocacy/herald/internal/store"
)

// EnqueueImport spools body to disk and queues it as an import into ws,
// exactly as an upload to the API does: name is the file's name (shown
// and used for its rejects), format one of the importer's formats or ""
// to detect it, strict stops at the first rejected record. It returns the
// job's live state; the dashboard's uploads use it.
func (s *Server) EnqueueImport(ctx context.Context, ws *herald.Workspace, name, format string, strict bool, body io.Reader) (Job, error) {
	return s.enqueue(ctx, ws, name, format, strict, importer.Options{}, body)
}

// ImportJob returns an import job of ws: its live state while the server
// remembers it, its stored record otherwise.
func (s *Server) ImportJob(ctx context.Context, ws *herald.Workspace, id int64) (Job, error) {
	stored, err := s.db.Import(ctx, ws.ID, id)
	if err != nil {
		return Job{}, err
	}
	if live, ok := s.jobs.get(id); ok {
		return live, nil
	}
	j := toJob(stored, nil)
	if stored.Rejected > 0 && fileExists(s.rejectsPath(stored)) {
		j.RejectsURL = rejectsURL(ws.Slug, id)
	}
	return *j, nil
}

func (s *Server) enqueue(ctx context.Context, ws *herald.Workspace, name, format string, strict bool, opts importer.Options, body io.Reader) (Job, error) {
	dir := filepath.Join(s.cfg.DataDir, "uploads")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Job{}, err
	}
	tmp, err := os.CreateTemp(dir, "upload-*")
	if err != nil {
		return Job{}, err
	}
	keep := false
	defer func() {
		if !keep {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	n, err := io.Copy(tmp, body)
	if err != nil {
		if isTooLarge(err) {
			return Job{}, herald.Errorf(eTooLarge, "the upload is larger than the server's limit of %d bytes", s.cfg.MaxUploadBytes)
		}
		return Job{}, herald.Errorf(herald.EInvalid, "the upload was interrupted after %d bytes: %v", n, err)
	}
	if err := tmp.Close(); err != nil {
		return Job{}, err
	}
	if n == 0 {
		return Job{}, herald.Errorf(herald.EInvalid, "the upload is empty: send the file as the request body")
	}
	if format == "" {
		head := make([]byte, importer.HeadSize)
		f, err := os.Open(tmp.Name())
		if err != nil {
			return Job{}, err
		}
		k, _ := io.ReadFull(f, head)
		f.Close()
		if format, err = importer.Detect(head[:k]); err != nil {
			return Job{}, herald.Errorf(herald.EInvalid, "%s (choose one with format=)", herald.ErrorMessage(err))
		}
	}
	job := &store.ImportJob{WorkspaceID: ws.ID, Source: uploadName(firstOf(name, "upload")), Format: format, Status: "queued"}
	if err := s.db.StartImport(ctx, job); err != nil {
		return Job{}, err
	}
	if err := s.jobs.submit(&pending{job: job, ws: ws, path: tmp.Name(), size: n, opts: opts, strict: strict}); err != nil {
		pipeline.FillJob(job, ingest.Counts{}, err)
		_ = s.db.FinishImport(context.WithoutCancel(ctx), job)
		return Job{}, err
	}
	keep = true
	live, _ := s.jobs.get(job.ID)
	return live, nil
}

func importURL(ws string, id int64) string {
	return v1 + "/workspaces/" + ws + "/imports/" + strconv.FormatInt(id, 10)
}

package web

import (
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/api"
)

// Imports runs uploaded files as import jobs: the HTTP API's job queue
// (one import at a time, live progress), which *api.Server implements.
type Imports interface {
	EnqueueImport(ctx context.Context, ws *herald.Workspace, name, format string, strict bool, body io.Reader) (api.Job, error)
	ImportJob(ctx context.Context, ws *herald.Workspace, id int64) (api.Job, error)
}

// importFormats are the formats one may choose instead of detection.
var importFormats = []string{"activitystreams", "twitter", "mastodon", "bluesky", "reddit", "csv"}

type importData struct {
	Formats []string
	Enabled bool // the server runs imports (Config.Imports)
}

func (s *Server) importForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "import", &page{Title: "Import", Active: "settings", Sub: "import",
		Data: importData{Formats: importFormats, Enabled: s.cfg.Imports != nil}})
}

// upload queues the uploaded file and shows its job.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	if s.cfg.Imports == nil {
		s.failStatus(w, r, http.StatusServiceUnavailable, "This server does not run imports.")
		return
	}
	// The CSRF token was read (authed) from the multipart form's fields,
	// which ParseMultipartForm kept in memory or spooled to disk.
	fh, err := uploadedFile(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer f.Close()
	format := r.PostFormValue("format")
	if format != "" && !contains(importFormats, format) {
		s.fail(w, r, herald.Errorf(herald.EInvalid, "format %q is not one Herald reads", format))
		return
	}
	job, err := s.cfg.Imports.EnqueueImport(r.Context(), v.ws, fh.Filename, format, r.PostFormValue("strict") == "1", f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("import uploaded", "workspace", v.ws.Slug, "job", job.ID, "file", job.Source, "by", v.user.Email)
	http.Redirect(w, r, jobURL(v, job.ID), http.StatusSeeOther)
}

func uploadedFile(r *http.Request) (*multipart.FileHeader, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File["file"]) == 0 {
		return nil, herald.Errorf(herald.EInvalid, "choose a file to import")
	}
	return r.MultipartForm.File["file"][0], nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func jobURL(v *visit, id int64) string {
	return "/w/" + url.PathEscape(v.ws.Slug) + "/settings/import/" + strconv.FormatInt(id, 10)
}

type jobData struct {
	Job     api.Job
	Running bool
	Percent string
	Status  string // the JSON endpoint polled by the script
}

// job shows an import job; while it runs the page refreshes itself (the
// script polls the JSON twin; without it, a meta refresh).
func (s *Server) job(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	j, ok := s.readJob(w, r)
	if !ok {
		return
	}
	d := jobData{Job: j, Running: j.Status == "queued" || j.Status == "running", Status: jobURL(v, j.ID) + "/status"}
	if j.Progress != nil {
		d.Percent = strconv.FormatFloat(j.Progress.Percent, 'f', 1, 64)
	}
	s.render(w, r, http.StatusOK, "job", &page{Title: "Import " + j.Source, Active: "settings", Sub: "import", Refresh: d.Running, Data: d})
}

// jobJSON is the job's live state for the job page's script.
func (s *Server) jobJSON(w http.ResponseWriter, r *http.Request) {
	j, ok := s.readJob(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(j)
}

func (s *Server) readJob(w http.ResponseWriter, r *http.Request) (api.Job, bool) {
	v := visitOf(r)
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fail(w, r, herald.Errorf(herald.ENotFound, "import %q not found", r.PathValue("id")))
		return api.Job{}, false
	}
	if s.cfg.Imports == nil {
		s.fail(w, r, herald.Errorf(herald.ENotFound, "import %d not found", id))
		return api.Job{}, false
	}
	j, err := s.cfg.Imports.ImportJob(r.Context(), v.ws, id)
	if err != nil {
		s.fail(w, r, err)
		return api.Job{}, false
	}
	return j, true
}

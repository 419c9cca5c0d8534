// Package api is Herald's HTTP API (/api/v1): workspaces, brands, people,
// activities, advocates and their explanations, metrics, drivers, import
// jobs and tokens, with an OpenAPI 3.1 description generated from the
// route table, RFC 9457 problem details, cursor pagination, bearer tokens
// scoped to one workspace, health checks and Prometheus metrics.
package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/store"
)

// Config configures a Server. Zero values take the documented defaults.
type Config struct {
	DB       *store.DB
	Lexicons *analysis.Lexicons // for import jobs (loaded when nil)
	Logger   *slog.Logger       // default: discard
	Version  string
	// MaxUploadBytes bounds an uploaded import file (default 1 GiB);
	// MaxBodyBytes any other request body (default 1 MiB).
	MaxUploadBytes, MaxBodyBytes int64
	// RequestTimeout bounds a JSON request (default 30 s); ExportTimeout a
	// streamed export or an upload (default 30 min).
	RequestTimeout, ExportTimeout time.Duration
	// DataDir holds uploads while they wait and the rejects of each import
	// (default: a herald-api directory in the system's temporary directory).
	DataDir string
	Now     func() time.Time
}

// Server serves the API. Create it with New, mount Handler, and Close it
// after the HTTP server has shut down.
type Server struct {
	cfg     Config
	db      *store.DB
	log     *slog.Logger
	now     func() time.Time
	routes  []route
	mux     *http.ServeMux
	stats   *registry
	jobs    *jobQueue
	openapi []byte
}

// New builds a server and starts its import worker.
func New(cfg Config) (*Server, error) {
	if cfg.DB == nil {
		return nil, errors.New("api: no database")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxUploadBytes <= 0 {
		cfg.MaxUploadBytes = 1 << 30
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 30 * time.Second
	}
	if cfg.ExportTimeout <= 0 {
		cfg.ExportTimeout = 30 * time.Minute
	}
	if cfg.DataDir == "" {
		cfg.DataDir = filepath.Join(os.TempDir(), "herald-api")
	}
	if err := os.MkdirAll(filepath.Join(cfg.DataDir, "rejects"), 0o700); err != nil {
		return nil, fmt.Errorf("api: data directory: %w", err)
	}
	if cfg.Lexicons == nil {
		lex, err := analysis.LoadLexicons()
		if err != nil {
			return nil, err
		}
		cfg.Lexicons = lex
	}
	s := &Server{cfg: cfg, db: cfg.DB, log: cfg.Logger, now: cfg.Now, stats: newRegistry()}
	s.routes = s.table()
	doc, err := s.openAPI()
	if err != nil {
		return nil, err
	}
	s.openapi = doc
	s.mux = http.NewServeMux()
	for i := range s.routes {
		rt := &s.routes[i]
		s.mux.Handle(rt.Method+" "+rt.Path, s.wrap(rt))
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.writeProblem(w, r, herald.Errorf(herald.ENotFound, "no such resource: %s", r.URL.Path))
	})
	if _, err := s.db.FailUnfinishedImports(context.Background(), "queued", "the server stopped before this upload was imported; upload it again"); err != nil {
		return nil, err
	}
	s.jobs = newJobQueue(s)
	return s, nil
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.mux }

// Close stops the import worker: a running import is given until ctx ends
// to finish, then cancelled (its committed batches stay; re-uploading the
// file completes it).
func (s *Server) Close(ctx context.Context) error { return s.jobs.close(ctx) }

// call is one request to a route, after authentication.
type call struct {
	s     *Server
	w     http.ResponseWriter
	r     *http.Request
	route *route
	token *herald.Token
	ws    *herald.Workspace // nil for routes outside a workspace
}

// wrap turns a route into a handler: timeouts, body limits, auth,
// workspace scoping, parameter checks, problems, and request metrics.
func (s *Server) wrap(rt *route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		timeout := s.cfg.RequestTimeout
		if rt.Long {
			timeout = s.cfg.ExportTimeout
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		limit := s.cfg.MaxBodyBytes
		if rt.Upload {
			limit = s.cfg.MaxUploadBytes
		}
		r.Body = http.MaxBytesReader(sw, r.Body, limit)
		sw.Header().Set("X-Content-Type-Options", "nosniff")
		c := &call{s: s, w: sw, r: r, route: rt}
		err := s.serve(c)
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
				err = herald.Errorf(eUnavailable, "the request took longer than %s", timeout)
			}
			if sw.status == 0 {
				s.writeProblem(sw, r, err)
			} else {
				s.log.WarnContext(ctx, "response failed after it started", slog.String("path", r.URL.Path), slog.Any("error", err))
			}
		}
		if sw.status == 0 {
			sw.WriteHeader(http.StatusOK)
		}
		s.stats.observeRequest(rt.Method+" "+rt.Path, sw.status, time.Since(start))
	})
}

func (s *Server) serve(c *call) error {
	if c.route.Scope == "" {
		if err := c.checkParams(); err != nil {
			return err
		}
		return c.route.handle(c)
	}
	t, err := s.authenticate(c.r)
	if err != nil {
		return err
	}
	c.token = t
	if slug := c.r.PathValue("ws"); slug != "" {
		ws, err := s.db.Workspace(c.r.Context(), slug)
		// Another workspace is as invisible as a missing one.
		if herald.ErrorCode(err) == herald.ENotFound || err == nil && ws.ID != t.WorkspaceID {
			return herald.Errorf(herald.ENotFound, "no workspace %q for this token", slug)
		}
		if err != nil {
			return err
		}
		c.ws = ws
	}
	if !t.Scope.Allows(c.route.Scope) {
		return herald.Errorf(eForbidden, "this token's scope (%s) does not allow this; it needs %s", t.Scope, c.route.Scope)
	}
	if err := c.checkParams(); err != nil {
		return err
	}
	return c.route.handle(c)
}

// statusWriter records the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (flushes).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

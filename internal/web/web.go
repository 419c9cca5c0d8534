// Package web is Herald's dashboard: server-rendered pages over the store,
// for the people who run a brand's advocacy programme.
//
// Pages are html/template documents with every asset (one stylesheet, one
// small script for progressive enhancement) embedded in the binary, charts
// drawn as inline SVG by package chart, and no inline script or style, so
// a strict Content-Security-Policy holds. Users sign in with an e-mail
// address and a password (bcrypt); a session is an opaque cookie whose
// SHA-256 is stored. Every POST passes net/http's cross-origin protection
// and carries the session's CSRF token; every workspace page checks the
// user's role in that workspace on the server, and answers 404 for a
// workspace, or an object of a workspace, the user may not see.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config configures a Server.
type Config struct {
	DB     *store.DB
	Logger *slog.Logger     // nil: discard
	Now    func() time.Time // nil: time.Now
	// Secure marks the session cookie Secure even when the request did
	// not arrive over TLS (Herald behind a TLS-terminating proxy).
	Secure bool
	// SessionIdle is how long a session lives without use (default 12h);
	// SessionMax bounds its whole life (default 30 days).
	SessionIdle, SessionMax time.Duration
	// LoginAttempts failed logins per client address, and per e-mail
	// address, within LoginWindow lock further attempts out until the
	// oldest failure leaves the window (defaults: 5 in 15 minutes).
	LoginAttempts int
	LoginWindow   time.Duration
	// Imports runs uploaded files (Settings → Import); nil: the page
	// says the server does not run imports.
	Imports Imports
	// MaxUploadBytes bounds an upload (default 1 GiB).
	MaxUploadBytes int64
	// bcryptCost is the cost of the dummy hash an unknown e-mail address
	// is checked against (tests lower it with the users' hashes).
	bcryptCost int
}

// Server serves the dashboard.
type Server struct {
	cfg       Config
	db        *store.DB
	log       *slog.Logger
	now       func() time.Time
	pages     map[string]*pageTemplate
	limiter   *limiter
	dummyHash []byte
	handler   http.Handler
}

// New returns a dashboard server: templates are parsed and the dummy
// password hash computed once, here.
func New(cfg Config) (*Server, error) {
	if cfg.DB == nil {
		return nil, errors.New("web: no database")
	}
	s := &Server{cfg: cfg, db: cfg.DB, log: cfg.Logger, now: cfg.Now}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.cfg.SessionIdle <= 0 {
		s.cfg.SessionIdle = 12 * time.Hour
	}
	if s.cfg.SessionMax <= 0 {
		s.cfg.SessionMax = 30 * 24 * time.Hour
	}
	if s.cfg.LoginAttempts <= 0 {
		s.cfg.LoginAttempts = 5
	}
	if s.cfg.LoginWindow <= 0 {
		s.cfg.LoginWindow = 15 * time.Minute
	}
	if s.cfg.MaxUploadBytes <= 0 {
		s.cfg.MaxUploadBytes = 1 << 30
	}
	if s.cfg.bcryptCost == 0 {
		s.cfg.bcryptCost = BcryptCost
	}
	var err error
	if s.dummyHash, err = hashPassword("not a real password, never matches", s.cfg.bcryptCost); err != nil {
		return nil, err
	}
	if s.pages, err = parsePages(); err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	s.limiter = newLimiter(s.cfg.LoginAttempts, s.cfg.LoginWindow)
	s.handler = s.routes()
	return s, nil
}

// Handler returns the dashboard's handler: every page, the login and the
// static assets, behind the security headers and the cross-origin
// protection.
func (s *Server) Handler() http.Handler { return s.handler }

// Mount serves api for the API's paths (/api/, /healthz, /readyz,
// /metrics) and the dashboard for everything else.
func Mount(api, dashboard http.Handler) http.Handler {
	mux := http.NewServeMux()
	for _, p := range []string{"/api/", "/healthz", "/readyz", "/metrics"} {
		mux.Handle(p, api)
	}
	mux.Handle("/", dashboard)
	return mux
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler(static)))
	mux.HandleFunc("GET /login", s.loginForm)
	mux.HandleFunc("POST /login", s.login)
	mux.Handle("POST /logout", s.authed(s.logout))
	mux.Handle("GET /{$}", s.authed(s.home))
	mux.HandleFunc("GET /w/{ws}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/w/"+r.PathValue("ws")+"/", http.StatusMovedPermanently)
	})
	mux.Handle("GET /w/{ws}/{$}", s.inWorkspace(store.RoleViewer, s.overview))
	mux.Handle("GET /w/{ws}/advocates", s.inWorkspace(store.RoleViewer, s.advocates))
	mux.Handle("GET /w/{ws}/advocates.csv", s.inWorkspace(store.RoleAnalyst, s.advocatesCSV))
	mux.Handle("GET /w/{ws}/people/{id}", s.inWorkspace(store.RoleViewer, s.person))
	mux.Handle("GET /w/{ws}/competitor-advocates", s.inWorkspace(store.RoleViewer, s.competitorAdvocates))
	mux.Handle("GET /w/{ws}/at-risk", s.inWorkspace(store.RoleViewer, s.atRisk))
	mux.Handle("GET /w/{ws}/drivers", s.inWorkspace(store.RoleAnalyst, s.drivers))
	mux.Handle("POST /w/{ws}/people/{id}/notes", s.inWorkspace(store.RoleManager, s.addNote))
	mux.Handle("POST /w/{ws}/people/{id}/notes/{note}/delete", s.inWorkspace(store.RoleViewer, s.deleteNote))
	mux.Handle("POST /w/{ws}/people/{id}/tags", s.inWorkspace(store.RoleManager, s.tagPerson))
	mux.Handle("POST /w/{ws}/people/{id}/tags/remove", s.inWorkspace(store.RoleManager, s.untagPerson))
	mux.Handle("POST /w/{ws}/advocates/tag", s.inWorkspace(store.RoleManager, s.tagSelected))
	mux.Handle("GET /w/{ws}/settings/brands", s.inWorkspace(store.RoleManager, s.brands))
	mux.Handle("GET /w/{ws}/settings/brands/{brand}", s.inWorkspace(store.RoleManager, s.editBrand))
	mux.Handle("POST /w/{ws}/settings/brands/{brand}", s.inWorkspace(store.RoleManager, s.saveBrand))
	mux.Handle("GET /w/{ws}/settings/brands/{brand}/preview", s.inWorkspace(store.RoleManager, s.previewFragment))
	mux.Handle("GET /w/{ws}/settings/users", s.inWorkspace(store.RoleAdmin, s.users))
	mux.Handle("POST /w/{ws}/settings/users", s.inWorkspace(store.RoleAdmin, s.addUser))
	mux.Handle("POST /w/{ws}/settings/users/{id}/role", s.inWorkspace(store.RoleAdmin, s.setUserRole))
	mux.Handle("POST /w/{ws}/settings/users/{id}/disable", s.inWorkspace(store.RoleAdmin, s.setUserDisabled))
	mux.Handle("POST /w/{ws}/settings/users/{id}/remove", s.inWorkspace(store.RoleAdmin, s.removeUser))
	mux.Handle("GET /w/{ws}/settings/import", s.inWorkspace(store.RoleManager, s.importForm))
	mux.Handle("POST /w/{ws}/settings/import", s.limitBody(s.inWorkspace(store.RoleManager, s.upload)))
	mux.Handle("GET /w/{ws}/settings/import/{id}", s.inWorkspace(store.RoleManager, s.job))
	mux.Handle("GET /w/{ws}/settings/import/{id}/status", s.inWorkspace(store.RoleManager, s.jobJSON))
	mux.Handle("GET /w/{ws}/settings/tokens", s.inWorkspace(store.RoleAdmin, s.tokens))
	mux.Handle("POST /w/{ws}/settings/tokens", s.inWorkspace(store.RoleAdmin, s.createToken))
	mux.Handle("POST /w/{ws}/settings/tokens/{id}/revoke", s.inWorkspace(store.RoleAdmin, s.revokeToken))
	mux.Handle("/", s.authed(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, herald.Errorf(herald.ENotFound, "there is no page at %s", r.URL.Path))
	}))
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.failStatus(w, r, http.StatusForbidden, "This form was sent from another site, so it was refused.")
	}))
	return securityHeaders(cop.Handler(mux))
}

// limitBody bounds the request's body to the upload limit (plus room for
// the form's other fields).
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUploadBytes+1<<20)
		next.ServeHTTP(w, r)
	})
}

// Close releases nothing yet; it exists so the server's owner can stop it
// like the API's.
func (s *Server) Close(context.Context) error { return nil }

// csp is the Content-Security-Policy of every response: no inline script
// or style, nothing from another origin, no framing.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every dashboard response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// staticHandler serves the embedded assets; they change only with the
// binary, so browsers may keep them for an hour.
func staticHandler(files fs.FS) http.Handler {
	fsrv := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || r.URL.Path[len(r.URL.Path)-1] == '/' {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}

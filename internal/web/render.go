package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/chart"
	"github.com/herald-advocacy/herald/internal/store"
)

// page is what every template receives: the frame (user, workspace,
// navigation) and the page's own Data.
type page struct {
	Title      string
	User       *store.User
	CSRF       string
	WS         *herald.Workspace
	Role       store.Role
	Workspaces []herald.Workspace
	Nav        []navItem
	Active     string    // the nav item of this page
	Settings   []navItem // the settings pages the role may open, on a settings page
	Sub        string    // the settings page this is
	Refresh    bool      // reload every 2 s without script (a running import)
	Data       any
}

type navItem struct {
	Key, Label, Href string
}

// settingsNav lists the settings pages the role may open.
func settingsNav(ws string, role store.Role) []navItem {
	base := "/w/" + url.PathEscape(ws) + "/settings/"
	items := []navItem{{"brands", "Brands and queries", base + "brands"}, {"import", "Import", base + "import"}}
	if role.Allows(store.RoleAdmin) {
		items = append(items, navItem{"users", "Users", base + "users"}, navItem{"tokens", "API tokens", base + "tokens"})
	}
	return items
}

// nav lists the workspace's pages that exist and that the role may open.
func nav(ws string, role store.Role) []navItem {
	base := "/w/" + url.PathEscape(ws) + "/"
	items := []navItem{{"overview", "Overview", base}, {"advocates", "Advocates", base + "advocates"},
		{"competitor-advocates", "Competitor advocates", base + "competitor-advocates"}, {"at-risk", "At risk", base + "at-risk"}}
	if role.Allows(store.RoleAnalyst) {
		items = append(items, navItem{"drivers", "Drivers", base + "drivers"})
	}
	if role.Allows(store.RoleManager) {
		items = append(items, navItem{"settings", "Settings", base + "settings/brands"})
	}
	return items
}

// pageTemplate is one page: the layout with the page's "content".
type pageTemplate = template.Template

var funcs = template.FuncMap{
	"count": func(n int64) string { return chart.Thousands(n) },
	"pct":   chart.Percent,
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "–"
		}
		return t.UTC().Format("Jan 2, 2006")
	},
	"isodate":  func(t time.Time) string { return t.UTC().Format(time.DateOnly) },
	"datetime": func(t time.Time) string { return t.UTC().Format("Jan 2, 2006 15:04 UTC") },
	"score":    func(x float64) string { return fmt.Sprintf("%.1f", finite(x)) },
	"facetw":   func(x float64) string { return chart.Num(math.Max(0, math.Min(1, finite(x))) * 60) },
	"facetp":   func(x float64) string { return fmt.Sprintf("%.0f%%", math.Max(0, math.Min(1, finite(x)))*100) },
	"label":    func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	"safeurl":  safeURL,
	"wsurl":    func(ws *herald.Workspace) string { return "/w/" + url.PathEscape(ws.Slug) + "/" },
	"pair":     func(a, b any) pair { return pair{a, b} },
}

// pair passes two values to a sub-template.
type pair struct{ A, B any }

// parsePages parses the layout with each page template.
func parsePages() (map[string]*pageTemplate, error) {
	base, err := chart.Parse(template.New("layout").Funcs(funcs))
	if err != nil {
		return nil, err
	}
	if base, err = base.ParseFS(templateFS, "templates/layout.html"); err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*pageTemplate{}
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, err
		}
		out[name] = t
	}
	return out, nil
}

// render writes a page; the frame comes from the request's visit.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	if v := visitOf(r); v != nil {
		p.User, p.CSRF = v.user, v.csrf
		if v.ws != nil {
			p.WS, p.Role, p.Nav = v.ws, v.role, nav(v.ws.Slug, v.role)
			if p.Active == "settings" {
				p.Settings = settingsNav(v.ws.Slug, v.role)
			}
			if wss, err := s.workspaces(r.Context(), v.user); err == nil {
				p.Workspaces = wss
			}
		}
	}
	if p.Active == "" {
		p.Active = name
	}
	t := s.pages[name]
	var b bytes.Buffer
	if t == nil {
		s.log.Error("no template", "name", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := t.ExecuteTemplate(&b, "layout", p); err != nil {
		s.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Message string
}

// fail renders err as a page: its code picks the status; internal errors
// are logged and shown generically.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	switch herald.ErrorCode(err) {
	case herald.EInvalid:
		status = http.StatusBadRequest
	case herald.ENotFound:
		status = http.StatusNotFound
	case herald.EConflict:
		status = http.StatusConflict
	case herald.EUnauthorized:
		status = http.StatusUnauthorized
	default:
		s.log.Error("dashboard request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	msg := herald.ErrorMessage(err)
	if status == http.StatusInternalServerError {
		msg = "Something went wrong on the server. It has been logged."
	}
	s.failStatus(w, r, status, msg)
}

func (s *Server) failStatus(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", &page{Title: http.StatusText(status), Data: errorPage{Status: status, Message: msg}})
}

// safeURL keeps http and https URLs with a host, and drops everything else
// (javascript:, data:, relative paths): such a URL is shown as text, never
// as a link.
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

package api

import (
	"context"
	"net/http"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer"
)

// Workspace is a workspace and its brands.
type Workspace struct {
	Slug   string  `json:"slug"`
	Name   string  `json:"name"`
	Brands []Brand `json:"brands"`
}

// Brand is a brand tracked in a workspace and how posts are recognised as
// being about it.
type Brand struct {
	ID        int64               `json:"id"`
	Slug      string              `json:"slug"`
	Name      string              `json:"name"`
	Role      string              `json:"role"` // own or competitor
	Handles   map[string][]string `json:"handles"`
	Hashtags  []string            `json:"hashtags"`
	Keywords  []string            `json:"keywords"`
	Query     string              `json:"query,omitempty"`
	Employees []string            `json:"employees"` // network:handle
}

func toBrand(b herald.Brand) Brand {
	out := Brand{ID: b.ID, Slug: b.Slug, Name: b.Name, Role: string(b.Role), Handles: map[string][]string{},
		Hashtags: nonNil(b.Hashtags), Keywords: nonNil(b.Keywords), Query: b.Query, Employees: []string{}}
	for n, hs := range b.Handles {
		out.Handles[string(n)] = nonNil(hs)
	}
	for _, e := range b.Employees {
		out.Employees = append(out.Employees, string(e.Network)+":"+e.Handle)
	}
	return out
}

func toWorkspace(w *herald.Workspace) Workspace {
	out := Workspace{Slug: w.Slug, Name: w.Name, Brands: []Brand{}}
	for _, b := range w.Brands {
		out.Brands = append(out.Brands, toBrand(b))
	}
	return out
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func (s *Server) listWorkspaces(c *call) error {
	all, err := s.db.Workspaces(c.r.Context())
	if err != nil {
		return err
	}
	var out []Workspace
	for i := range all {
		if all[i].ID == c.token.WorkspaceID {
			out = append(out, toWorkspace(&all[i]))
		}
	}
	return list(c, out)
}

func (s *Server) getWorkspace(c *call) error { return c.json(http.StatusOK, toWorkspace(c.ws)) }

func (s *Server) listBrands(c *call) error { return list(c, toWorkspace(c.ws).Brands) }

// brand resolves the brand query parameter (default: the own brand).
func (c *call) brand() (herald.Brand, error) {
	slug := c.str("brand")
	b, err := c.ws.PickBrand(slug)
	if err != nil && slug != "" {
		return b, badParam("brand", "the workspace has no brand "+quote(slug))
	}
	return b, err
}

func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return `"` + s + `"`
}

// Health is the answer of the health checks.
type Health struct {
	Status  string `json:"status"` // ok or unavailable
	Version string `json:"version,omitempty"`
	Detail  string `json:"detail,omitempty"`
}

func (s *Server) healthz(c *call) error {
	return c.json(http.StatusOK, Health{Status: "ok", Version: s.cfg.Version})
}

func (s *Server) readyz(c *call) error {
	ctx, cancel := context.WithTimeout(c.r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.db.Version(ctx); err != nil {
		s.log.WarnContext(ctx, "not ready", "error", err)
		return c.json(http.StatusServiceUnavailable, Health{Status: "unavailable", Version: s.cfg.Version, Detail: "the database does not answer"})
	}
	return c.json(http.StatusOK, Health{Status: "ok", Version: s.cfg.Version})
}

func (s *Server) serveOpenAPI(c *call) error {
	c.w.Header().Set("Content-Type", "application/json")
	_, err := c.w.Write(s.openapi)
	return err
}

func importFormats() []string { return importer.Names() }

// Package config reads Herald's configuration file (TOML): the database to
// use and the workspaces with their brands and competitors. Flags override
// HERALD_* environment variables, which override the file.
package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/text/query"
)

// Config is the parsed configuration file.
type Config struct {
	// Database is a SQLite path or a postgres:// URL.
	Database   string            `toml:"database"`
	Workspaces []WorkspaceConfig `toml:"workspace"`
}

// WorkspaceConfig declares a workspace.
type WorkspaceConfig struct {
	Slug   string        `toml:"slug"`
	Name   string        `toml:"name"`
	Brands []BrandConfig `toml:"brand"`
	// Scoring overrides advocate-scoring parameters by name (docs/scoring.md).
	Scoring map[string]float64 `toml:"scoring"`
}

// BrandConfig declares a brand or competitor.
type BrandConfig struct {
	Slug      string              `toml:"slug"`
	Name      string              `toml:"name"`
	Role      string              `toml:"role"` // "own" or "competitor"
	Handles   map[string][]string `toml:"handles"`
	Hashtags  []string            `toml:"hashtags"`
	Keywords  []string            `toml:"keywords"`
	Query     string              `toml:"query"`
	Employees []string            `toml:"employees"` // "network:handle"
}

// Load reads and validates a configuration file.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	defer f.Close()
	c, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// Parse reads and validates configuration text. Errors name the line and
// the offending key.
func Parse(r io.Reader) (*Config, error) {
	var c Config
	md, err := toml.NewDecoder(r).Decode(&c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("line %d, column %d: %s", pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return nil, err
	}
	if un := md.Undecoded(); len(un) > 0 {
		keys := make([]string, len(un))
		for i, k := range un {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("unknown key %s (check its spelling; see herald.example.toml)", strings.Join(keys, ", "))
	}
	if _, err := c.Domain(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Domain converts the declarations to domain workspaces and validates
// them.
func (c *Config) Domain() ([]herald.Workspace, error) {
	seen := map[string]bool{}
	var out []herald.Workspace
	for i, wc := range c.Workspaces {
		w, err := wc.workspace()
		if err != nil {
			return nil, fmt.Errorf("workspace #%d: %w", i+1, err)
		}
		if seen[w.Slug] {
			return nil, fmt.Errorf("workspace %q declared twice", w.Slug)
		}
		seen[w.Slug] = true
		out = append(out, w)
	}
	return out, nil
}

func (wc WorkspaceConfig) workspace() (herald.Workspace, error) {
	w := herald.Workspace{Slug: wc.Slug, Name: wc.Name, Scoring: wc.Scoring}
	if w.Slug == "" {
		w.Slug = herald.Slugify(wc.Name)
	}
	if w.Name == "" {
		w.Name = w.Slug
	}
	for _, bc := range wc.Brands {
		b, err := bc.brand()
		if err != nil {
			return w, fmt.Errorf("workspace %s: %w", w.Slug, err)
		}
		w.Brands = append(w.Brands, b)
	}
	if _, err := advocacy.WeightsFrom(w.Scoring); err != nil {
		return w, fmt.Errorf("workspace %s: %w", w.Slug, err)
	}
	return w, w.Validate()
}

func (bc BrandConfig) brand() (herald.Brand, error) {
	b := herald.Brand{Slug: bc.Slug, Name: bc.Name, Role: herald.BrandRole(bc.Role),
		Hashtags: bc.Hashtags, Keywords: bc.Keywords, Query: bc.Query, Handles: map[herald.Network][]string{}}
	if b.Slug == "" {
		b.Slug = herald.Slugify(bc.Name)
	}
	if b.Name == "" {
		return b, fmt.Errorf("brand %q: name is required", b.Slug)
	}
	if b.Role == "" {
		b.Role = herald.RoleCompetitor
	}
	nets := make([]string, 0, len(bc.Handles))
	for n := range bc.Handles {
		nets = append(nets, n)
	}
	sort.Strings(nets)
	for _, n := range nets {
		if !herald.ValidNetwork(n) {
			return b, fmt.Errorf("brand %s: invalid network %q in handles", b.Slug, n)
		}
		for _, h := range bc.Handles[n] {
			b.Handles[herald.Network(n)] = append(b.Handles[herald.Network(n)], strings.TrimPrefix(h, "@"))
		}
	}
	if strings.TrimSpace(b.Query) != "" {
		if _, err := query.Parse(b.Query); err != nil {
			return b, fmt.Errorf("brand %s: query: %w", b.Slug, err)
		}
	}
	for _, e := range bc.Employees {
		ref, err := herald.ParseAccountRef(e)
		if err != nil {
			return b, fmt.Errorf("brand %s: employees: %w", b.Slug, err)
		}
		b.Employees = append(b.Employees, ref)
	}
	return b, nil
}

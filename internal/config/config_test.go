package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

func TestParse(t *testing.T) {
	c, err := Parse(strings.NewReader(`
database = "x.db"
[[workspace]]
name = "Coffee Team"
  [[workspace.brand]]
  name = "Acme Coffee"
  role = "own"
  hashtags = ["acme"]
  employees = ["twitter:@barista_bo"]
  handles = { twitter = ["@AcmeCoffee"], mastodon = ["acme@social.example"] }
  [[workspace.brand]]
  name = "Rival"
`))
	if err != nil {
		t.Fatal(err)
	}
	ws, err := c.Domain()
	if err != nil {
		t.Fatal(err)
	}
	if c.Database != "x.db" || len(ws) != 1 || ws[0].Slug != "coffee-team" || len(ws[0].Brands) != 2 {
		t.Fatalf("got %+v", ws)
	}
	own, ok := ws[0].Own()
	if !ok || own.Slug != "acme-coffee" || own.Handles[herald.Twitter][0] != "AcmeCoffee" || own.Employees[0].Handle != "barista_bo" {
		t.Errorf("own brand %+v", own)
	}
	if ws[0].Brands[1].Role != herald.RoleCompetitor {
		t.Errorf("default role %q, want competitor", ws[0].Brands[1].Role)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"syntax", "[[workspace]]\nname = \"x\nslug=1", "line 2"},
		{"unknown key", "[[workspace]]\nname = \"x\"\ncolour = \"red\"", "unknown key workspace.colour"},
		{"bad role", "[[workspace]]\nname=\"x\"\n[[workspace.brand]]\nname=\"A\"\nrole=\"boss\"", "role \"boss\""},
		{"two own", "[[workspace]]\nname=\"x\"\n[[workspace.brand]]\nname=\"A\"\nrole=\"own\"\n[[workspace.brand]]\nname=\"B\"\nrole=\"own\"", "at most one"},
		{"bad employee", "[[workspace]]\nname=\"x\"\n[[workspace.brand]]\nname=\"A\"\nemployees=[\"bob\"]", "want network:handle"},
		{"duplicate workspace", "[[workspace]]\nname=\"x\"\n[[workspace]]\nslug=\"x\"", "declared twice"},
		{"brand without name", "[[workspace]]\nname=\"x\"\n[[workspace.brand]]\nslug=\"a\"", "name is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want error containing %q", err, tt.want)
			}
		})
	}
}

// TestExamples keeps the example configurations shipped in the repository
// valid.
func TestExamples(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*.toml")
	paths = append(paths, "../../herald.example.toml")
	for _, p := range paths {
		if strings.HasSuffix(p, ".map.toml") {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			t.Errorf("example %s: %v", p, err)
			continue
		}
		if _, err := Load(p); err != nil {
			t.Errorf("example %s: %v", p, err)
		}
	}
}

func TestScoringOverrides(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	os.WriteFile(good, []byte("[[workspace]]\nslug = \"w\"\n  [workspace.scoring]\n  influence = 0.8\n  advocate_weeks = 4\n"), 0o644)
	cfg, err := Load(good)
	if err != nil {
		t.Fatal(err)
	}
	wss, err := cfg.Domain()
	if err != nil || wss[0].Scoring["influence"] != 0.8 || wss[0].Scoring["advocate_weeks"] != 4 {
		t.Fatalf("scoring overrides: %+v, %v", wss, err)
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[[workspace]]\nslug = \"w\"\n  [workspace.scoring]\n  influnce = 0.8\n"), 0o644)
	cfg, err = Load(bad)
	if err == nil {
		_, err = cfg.Domain()
	}
	if err == nil || !strings.Contains(err.Error(), "influnce") {
		t.Errorf("unknown scoring parameter: %v", err)
	}
}

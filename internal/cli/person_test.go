package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPersonLinkUnlink(t *testing.T) {
	dir, cfg := setupConfig(t)
	in := writeFile(t, dir, "a.jsonl", asLine("1", "al", "2026-01-02T10:00:00Z", "acme")+"\n"+asLine("2", "al2", "2026-01-02T10:00:00Z", "acme")+"\n")
	if _, r := importJSON(t, dir, append(cfg, in)...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := runCLI(t, dir, "", append([]string{"person", "link", "--json", "mastodon:@al@s.example", "mastodon:al2@s.example"}, cfg...)...)
	if r.code != 0 {
		t.Fatalf("link: %+v", r)
	}
	var p struct {
		Person struct {
			Identities []json.RawMessage `json:"identities"`
		} `json:"person"`
		Activities []json.RawMessage `json:"activities"`
	}
	json.Unmarshal([]byte(r.stdout), &p)
	if len(p.Person.Identities) != 2 || len(p.Activities) != 2 {
		t.Errorf("linked person: %s", r.stdout)
	}
	st := runCLI(t, dir, "", append([]string{"status", "--json"}, cfg...)...)
	if !strings.Contains(st.stdout, `"people": 1`) {
		t.Errorf("after link: %s", st.stdout)
	}
	if r := runCLI(t, dir, "", append([]string{"person", "unlink", "mastodon:al2@s.example"}, cfg...)...); r.code != 0 {
		t.Fatalf("unlink: %+v", r)
	}
	st = runCLI(t, dir, "", append([]string{"status", "--json"}, cfg...)...)
	if !strings.Contains(st.stdout, `"people": 2`) {
		t.Errorf("after unlink: %s", st.stdout)
	}
	if r := runCLI(t, dir, "", append([]string{"person", "twitter:@nobody"}, cfg...)...); r.code != ExitError || !strings.Contains(r.stderr, "no identity") {
		t.Errorf("unknown person: %+v", r)
	}
}

func TestWorkspaceChoice(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "two.toml", testConfig+"\n[[workspace]]\nslug = \"bikes\"\nname = \"Bikes\"\n")
	in := writeFile(t, dir, "a.jsonl", asLine("1", "al", "2026-01-02T10:00:00Z", "acme")+"\n")
	r := runCLI(t, dir, "", "--config", cfg, "import", in)
	if r.code != ExitUsage || !strings.Contains(r.stderr, "choose one with --workspace") {
		t.Fatalf("ambiguous workspace: %+v", r)
	}
	if r := runCLI(t, dir, "", "--config", cfg, "import", "--workspace", "bikes", in); r.code != 0 {
		t.Fatalf("import into bikes: %+v", r)
	}
	st := runCLI(t, dir, "", "--config", cfg, "status", "--json")
	var s []struct {
		Workspace  string `json:"workspace"`
		Activities int64  `json:"activities"`
	}
	json.Unmarshal([]byte(st.stdout), &s)
	if len(s) != 2 || s[0].Workspace != "bikes" || s[0].Activities != 1 || s[1].Activities != 0 {
		t.Errorf("statuses %+v", s)
	}
	ws := runCLI(t, dir, "", "--config", cfg, "workspace", "list", "--json")
	if !strings.Contains(ws.stdout, `"slug": "acme"`) {
		t.Errorf("workspace list: %s", ws.stdout)
	}
	bad := writeFile(t, dir, "bad.toml", "[[workspace]]\nname = \"x\"\ncolour = 1\n")
	if r := runCLI(t, dir, "", "--config", bad, "status"); r.code != ExitError || !strings.Contains(r.stderr, "unknown key workspace.colour") {
		t.Errorf("bad config: %+v", r)
	}
}

func TestDemo(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, dir, "", "demo", "--people", "300", "--json")
	if r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	var out struct {
		Counts struct {
			Created  int64 `json:"created"`
			Rejected int64 `json:"rejected"`
		} `json:"counts"`
		Linked int `json:"linked_people"`
		Status struct {
			People     int64 `json:"people"`
			Identities int64 `json:"identities"`
			ByBrand    []struct {
				Key   string `json:"key"`
				Count int64  `json:"count"`
			} `json:"by_brand"`
		} `json:"status"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Counts.Created < 1000 || out.Counts.Rejected != 0 || out.Status.People < 250 || len(out.Status.ByBrand) != 3 ||
		out.Linked == 0 || out.Status.People > out.Status.Identities-int64(out.Linked) {
		t.Errorf("demo summary %+v", out)
	}
	for _, b := range out.Status.ByBrand {
		if b.Count == 0 {
			t.Errorf("brand %s has no activities", b.Key)
		}
	}
}

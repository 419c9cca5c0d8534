package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/insight"
)

// demoDB loads a small demo community (scored by `herald demo`) into the
// test database.
func demoDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if r := runCLI(t, dir, "", "demo", "--people", "400", "--days", "120"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	return dir
}

func TestAdvocatesCommands(t *testing.T) {
	dir := demoDB(t)
	r := runCLI(t, dir, "", "advocates", "--json", "--top", "5")
	if r.code != 0 {
		t.Fatalf("advocates: %+v", r)
	}
	var top []export.Advocate
	if err := json.Unmarshal([]byte(r.stdout), &top); err != nil || len(top) != 5 {
		t.Fatalf("advocates --json: %v\n%s", err, r.stdout)
	}
	for i, a := range top {
		if a.Rank != i+1 || a.Handle == "" || a.Network == "" || a.Stage == "" || a.Brand != "northwind" || a.Flags == nil {
			t.Errorf("row %d: %+v", i, a)
		}
		if i > 0 && a.Score > top[i-1].Score {
			t.Errorf("not ranked by score: %v after %v", a.Score, top[i-1].Score)
		}
	}
	if top[0].Score <= 0 || top[0].Stage == "audience" {
		t.Errorf("the top advocate of a demo community: %+v", top[0])
	}

	r = runCLI(t, dir, "", "advocates", "--top", "3", "--explain")
	if r.code != 0 || !strings.Contains(r.stdout, "SCORE") || !strings.Contains(r.stdout, "#1 ") {
		t.Errorf("advocates --explain: %+v", r)
	}
	r = runCLI(t, dir, "", "advocates", "--csv", "--stage", "advocate,champion")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "rank,person_id,network,handle") {
		t.Errorf("advocates --csv: %+v", r)
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n")[1:] {
		if !strings.Contains(line, ",advocate,") && !strings.Contains(line, ",champion,") {
			t.Errorf("--stage filter let through %q", line)
		}
	}
	for _, cmd := range []string{"competitor-advocates", "at-risk"} {
		r = runCLI(t, dir, "", cmd, "--json")
		var rows []export.Advocate
		if err := json.Unmarshal([]byte(r.stdout), &rows); r.code != 0 || err != nil {
			t.Fatalf("%s: %+v %v", cmd, r, err)
		}
		flag := map[string]string{"competitor-advocates": "competitor_advocate", "at-risk": "at_risk"}[cmd]
		for _, row := range rows {
			if !strings.Contains(strings.Join(row.Flags, ","), flag) {
				t.Errorf("%s lists %s without the flag: %v", cmd, row.Handle, row.Flags)
			}
		}
	}
	// The person view carries the scores, their reasons and stage history.
	r = runCLI(t, dir, "", "person", "--json", string(top[0].Network)+":"+top[0].Handle)
	var p struct {
		Advocacy []export.Advocate `json:"advocacy"`
		History  []json.RawMessage `json:"stage_history"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &p); r.code != 0 || err != nil || len(p.Advocacy) == 0 || len(p.History) == 0 {
		t.Errorf("person --json: %+v %v", r, err)
	}
	r = runCLI(t, dir, "", "rescore", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"people_scored"`) {
		t.Errorf("rescore: %+v", r)
	}
	// Everyone reached their stage at the first scoring, as of the data's
	// latest activity: all are "new" within a day of it, none after it.
	r = runCLI(t, dir, "", "advocates", "--json", "--since", "1d", "--top", "5")
	var recent []export.Advocate
	if err := json.Unmarshal([]byte(r.stdout), &recent); r.code != 0 || err != nil || len(recent) != 5 || recent[0].Since.IsZero() {
		t.Fatalf("advocates --since 1d: %+v %v", r, err)
	}
	r = runCLI(t, dir, "", "advocates", "--json", "--since", recent[0].Since.AddDate(0, 0, 2).Format("2006-01-02"))
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("advocates --since after the last change: %+v", r)
	}
	for _, cmp := range []string{"positive:negative", "advocates:satisfied", "brand:competitor"} {
		r = runCLI(t, dir, "", "drivers", "--json", "--compare", cmp, "--top", "5")
		var d insight.Drivers
		if err := json.Unmarshal([]byte(r.stdout), &d); r.code != 0 || err != nil || d.DocsA == 0 || d.DocsB == 0 ||
			len(d.ForA) == 0 || len(d.ForB) == 0 || d.ForA[0].Z <= 0 || d.ForB[0].Z >= 0 {
			t.Errorf("drivers --compare %s: %+v %v", cmp, r, err)
		}
	}
	for _, bad := range [][]string{{"drivers", "--compare", "fans:haters"}, {"advocates", "--stage", "hero"}, {"advocates", "--flag", "vip"}, {"advocates", "--top", "0"},
		{"advocates", "--since", "yesterday"}} {
		if r := runCLI(t, dir, "", bad...); r.code != ExitUsage {
			t.Errorf("%v: exit %d (%s), want usage error", bad, r.code, r.stderr)
		}
	}
	if r := runCLI(t, dir, "", "advocates", "--brand", "nope"); r.code != ExitError || !strings.Contains(r.stderr, "nope") {
		t.Errorf("unknown brand: %+v", r)
	}
}

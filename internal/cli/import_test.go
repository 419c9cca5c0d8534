package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testConfig = `
[[workspace]]
slug = "coffee"
name = "Coffee"
  [[workspace.brand]]
  slug = "acme"
  name = "Acme"
  role = "own"
  handles = { mastodon = ["acme@s.example"], twitter = ["acme"] }
  keywords = ["acme"]
  [[workspace.brand]]
  slug = "rival"
  name = "Rival"
  keywords = ["rival"]
`

// asLine is one ActivityStreams Create/Note as a JSON line.
func asLine(id, actor, published, content string) string {
	return fmt.Sprintf(`{"@context":"https://www.w3.org/ns/activitystreams","type":"Create","id":"https://s.example/activities/%[1]s",`+
		`"actor":{"type":"Person","id":"https://s.example/users/%[2]s","preferredUsername":"%[2]s"},"published":"%[3]s",`+
		`"object":{"type":"Note","id":"https://s.example/notes/%[1]s","attributedTo":"https://s.example/users/%[2]s","content":"<p>%[4]s</p>","published":"%[3]s"}}`,
		id, actor, published, content)
}

func setupConfig(t *testing.T) (string, []string) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "herald.toml", testConfig)
	return dir, []string{"--config", cfg}
}

func TestImportBadInputLosesNothing(t *testing.T) {
	dir, cfg := setupConfig(t)
	good1 := asLine("1", "al", "2026-01-02T10:00:00Z", "I love acme")
	good2 := asLine("2", "bo", "2026-01-02T11:00:00+02:00", "rival is better")
	truncated := good1[:len(good1)/2]
	badUTF8 := strings.Replace(asLine("3", "cy", "2026-01-02T10:00:00Z", "bad"), "bad", "b\xffd", 1)
	future := asLine("4", "di", "2099-01-01T00:00:00Z", "from the future")
	noAuthor := strings.Replace(strings.Replace(asLine("5", "ed", "2026-01-02T10:00:00Z", "x"), `"actor":{"type":"Person","id":"https://s.example/users/ed","preferredUsername":"ed"},`, "", 1), `"attributedTo":"https://s.example/users/ed",`, "", 1)
	good3 := asLine("6", "al", "2026-01-03T10:00:00Z", "acme again")
	in := writeFile(t, dir, "mixed.jsonl", strings.Join([]string{good1, good2, truncated, badUTF8, future, noAuthor, good3, good1}, "\n")+"\n")

	s, r := importJSON(t, dir, append(cfg, in)...)
	if r.code != ExitRejected {
		t.Fatalf("exit %d, want %d (rejected); stderr:\n%s", r.code, ExitRejected, r.stderr)
	}
	f := s.Files[0]
	if f.Read != 8 || f.Created != 3 || f.Unch != 1 || f.Rej != 4 {
		t.Errorf("counts %+v, want read 8, created 3, unchanged 1, rejected 4", f)
	}
	for _, want := range []string{"mixed.jsonl:3:", "mixed.jsonl:4:", "mixed.jsonl:5:", "in the future", "mixed.jsonl:6:"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	rej, err := os.ReadFile(filepath.Join(dir, "mixed.rejects.jsonl"))
	if err != nil {
		t.Fatalf("rejects file: %v", err)
	}
	if want := strings.Join([]string{truncated, badUTF8, future, noAuthor}, "\n") + "\n"; string(rej) != want {
		t.Errorf("rejects file:\n%q\nwant:\n%q", rej, want)
	}
	// Fix the rejects file and import it: everything is then in.
	fixed := strings.NewReplacer(truncated, good1, "b\xffd", "bad", "2099-01-01", "2026-01-04").Replace(string(rej))
	fixed = strings.Replace(fixed, noAuthor+"\n", "", 1)
	writeFile(t, dir, "mixed.rejects.jsonl", fixed)
	s2, r2 := importJSON(t, dir, append(cfg, filepath.Join(dir, "mixed.rejects.jsonl"))...)
	if r2.code != 0 || s2.Files[0].Created != 2 || s2.Files[0].Unch != 1 {
		t.Errorf("re-import of fixed rejects: exit %d, %+v\n%s", r2.code, s2.Files, r2.stderr)
	}
}

func TestImportStrict(t *testing.T) {
	dir, cfg := setupConfig(t)
	good := asLine("1", "al", "2026-01-02T10:00:00Z", "I love acme")
	in := writeFile(t, dir, "a.jsonl", good+"\n"+asLine("2", "bo", "2026-01-02T10:00:00Z", "x")+"\n{\"type\":\n")
	r := runCLI(t, dir, "", append(append([]string{"import", "--strict"}, cfg...), in)...)
	if r.code != ExitError || !strings.Contains(r.stderr, "a.jsonl:3:") || strings.Count(r.stderr, "herald:") != 1 {
		t.Fatalf("strict import: %+v", r)
	}
	st := runCLI(t, dir, "", append([]string{"status", "--json"}, cfg...)...)
	if !strings.Contains(st.stdout, `"activities": 0`) || !strings.Contains(st.stdout, `"people": 0`) {
		t.Errorf("strict failure stored something:\n%s", st.stdout)
	}
}

func TestImportEmptyAndBinary(t *testing.T) {
	dir, cfg := setupConfig(t)
	empty := writeFile(t, dir, "empty.json", "")
	blank := writeFile(t, dir, "blank.jsonl", "\n\n  \n")
	binary := writeFile(t, dir, "photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb")
	good := writeFile(t, dir, "good.jsonl", asLine("1", "al", "2026-01-02T10:00:00Z", "acme")+"\n")
	s, r := importJSON(t, dir, append(cfg, empty, blank, binary, good)...)
	if r.code != ExitError {
		t.Fatalf("exit %d, want 1:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"empty.json: input is empty", "blank.jsonl: input is empty", "photo.jpg: input is binary"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if s.Total.Created != 1 {
		t.Errorf("the good file after bad ones: created %d, want 1", s.Total.Created)
	}
}

func TestImportDuplicatesAcrossFiles(t *testing.T) {
	dir, cfg := setupConfig(t)
	l1 := asLine("1", "al", "2026-01-02T10:00:00Z", "acme")
	l2 := asLine("2", "al", "2026-01-02T10:00:00Z", "acme 2")
	a := writeFile(t, dir, "a.jsonl", l1+"\n"+l2+"\n"+l1+"\n")
	b := writeFile(t, dir, "b.jsonl", l2+"\n"+strings.Replace(l1, "acme", "acme edited", 1)+"\n")
	s, r := importJSON(t, dir, append(cfg, a, b)...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if s.Total.Read != 5 || s.Total.Created != 2 || s.Total.Updated != 1 {
		t.Errorf("totals %+v, want read 5, created 2, updated 1", s.Total)
	}
	st := runCLI(t, dir, "", append([]string{"status", "--json"}, cfg...)...)
	if !strings.Contains(st.stdout, `"activities": 2`) || !strings.Contains(st.stdout, `"people": 1`) {
		t.Errorf("status after duplicates:\n%s", st.stdout)
	}
	// The whole import again: nothing new.
	s, _ = importJSON(t, dir, append(cfg, a, b)...)
	// Last writer wins: a.jsonl's text replaces b.jsonl's edit, then b.jsonl's
	// edit comes back.
	if s.Total.Created != 0 || s.Total.Updated != 2 {
		t.Errorf("second import totals %+v, want nothing created and 2 updates", s.Total)
	}
}

func TestImportStdinCSVWithMapping(t *testing.T) {
	dir, cfg := setupConfig(t)
	csv := "post_id,user,body,date,likes\n" +
		"1,al,I love acme,2026-01-02 10:00:00,3\n" +
		"2,bo,rival rocks,2026-01-02T10:00:00+01:00,x\n" + // bad count
		"3,cy,acme,not a date,1\n" + // bad date
		"4,di,too,many,columns,here\n" + // extra column
		"5,ed\n" + // missing columns
		"6,,no author,2026-01-02 10:00:00,1\n" +
		"7,fy,acme -2,2026-01-02 10:00:00,-2\n" +
		"8,gu,\"multi\nline acme\",1735725600,0\n"
	args := append([]string{"import", "--json", "--format", "csv", "--map", "id=post_id", "--map", "author=user",
		"--map", "text=body", "--map", "created=date", "--map", "likes=likes", "--rejects", dir}, cfg...)
	r := runCLI(t, dir, csv, append(args, "-")...)
	if r.code != ExitRejected {
		t.Fatalf("exit %d, want 3:\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"-:3:", "-:4:", "-:5:", "-:6:", "-:7:", "-:8:"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	rej, err := os.ReadFile(filepath.Join(dir, "stdin.rejects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(rej), "post_id,user,body,date,likes\n") || strings.Count(string(rej), "\n") != 7 {
		t.Errorf("rejects file must start with the header and hold 6 rows:\n%s", rej)
	}
	acts := runCLI(t, dir, "", append([]string{"activities", "--json"}, cfg...)...)
	if !strings.Contains(acts.stdout, "multi\\nline acme") || strings.Count(acts.stdout, `"kind": "post"`) != 2 {
		t.Errorf("activities:\n%s", acts.stdout)
	}
}

func TestImportCSVMappingFile(t *testing.T) {
	dir, cfg := setupConfig(t)
	m := writeFile(t, dir, "export.map.toml", "# our export\nid = \"post id\"\nauthor = user\ntext = body\ncreated = when\ntime_zone = \"Europe/Paris\"\nnetwork = \"=mastodon\"\nattr.label = mood\n")
	in := writeFile(t, dir, "export.csv", "post id,user,body,when,mood\n1,al@s.example,I love acme,2026-01-02 10:00,happy\n")
	s, r := importJSON(t, dir, append(cfg, "--mapping", m, in)...)
	if r.code != 0 || s.Total.Created != 1 {
		t.Fatalf("import with mapping file: %+v\n%s", s, r.stderr)
	}
	acts := runCLI(t, dir, "", append([]string{"activities", "--json"}, cfg...)...)
	for _, want := range []string{`"network": "mastodon"`, `"created_at": "2026-01-02T09:00:00Z"`, `"label": "happy"`, `"acme"`} {
		if !strings.Contains(acts.stdout, want) {
			t.Errorf("activities lack %s:\n%s", want, acts.stdout)
		}
	}
	bad := writeFile(t, dir, "bad.map.toml", "id = \"post id\"\nfrobnicate = x\n")
	if r := runCLI(t, dir, "", append(append([]string{"import"}, cfg...), "--mapping", bad, in)...); r.code == 0 || !strings.Contains(r.stderr, "frobnicate") {
		t.Errorf("bad mapping file: %+v", r)
	}
}

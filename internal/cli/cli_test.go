package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedData returns the path of a file under ../shared/data, skipping the
// test when the shared material is absent.
func sharedData(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "data", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	return p
}

type result struct {
	code           int
	stdout, stderr string
}

// herald runs the CLI in dir with the given database and arguments.
func runCLI(t *testing.T, dir string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Getenv: func(k string) string {
		if k == "HERALD_DB" {
			return filepath.Join(dir, "test.db")
		}
		return ""
	}, Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	code := Run(context.Background(), args, env)
	return result{code, out.String(), errb.String()}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// importJSON imports with --json and decodes the summary.
func importJSON(t *testing.T, dir string, args ...string) (importSummary, result) {
	t.Helper()
	r := runCLI(t, dir, "", append([]string{"import", "--json"}, args...)...)
	var s importSummary
	if r.stdout != "" {
		if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
			t.Fatalf("decode summary: %v\n%s", err, r.stdout)
		}
	}
	return s, r
}

type importSummary struct {
	Files []struct {
		File    string `json:"file"`
		Format  string `json:"format"`
		Read    int64  `json:"read"`
		Created int64  `json:"created"`
		Updated int64  `json:"updated"`
		Unch    int64  `json:"unchanged"`
		Deleted int64  `json:"deleted"`
		Acc     int64  `json:"accounts"`
		Rej     int64  `json:"rejected"`
		Rejects string `json:"rejects_file"`
	} `json:"files"`
	Total struct {
		Read     int64 `json:"read"`
		Created  int64 `json:"created"`
		Updated  int64 `json:"updated"`
		Rejected int64 `json:"rejected"`
	} `json:"total"`
}

func TestHelp(t *testing.T) {
	dir := t.TempDir()
	if r := runCLI(t, dir, "", "help"); r.code != 0 || !strings.Contains(r.stderr, "import") {
		t.Errorf("help: %+v", r)
	}
	for _, c := range commands() {
		if r := runCLI(t, dir, "", c.name, "--help"); r.code != 0 || !strings.Contains(r.stderr, "Usage: herald "+c.name) {
			t.Errorf("%s --help: code %d, stderr %q", c.name, r.code, r.stderr)
		}
	}
	r := runCLI(t, dir, "", "frobnicate")
	if r.code != ExitUsage || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "unknown command") {
		t.Errorf("unknown command: %+v", r)
	}
	if r := runCLI(t, dir, "", "import"); r.code != ExitUsage {
		t.Errorf("import without files: %+v", r)
	}
}

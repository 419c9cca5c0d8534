package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeAndTokens starts `herald serve` on a free port, calls it with a
// token from `herald token create`, revokes the token, and shuts the
// server down gracefully.
func TestServeAndTokens(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "in.jsonl", `{"type":"Create","id":"https://s.example/1/activity","actor":{"type":"Person","id":"https://s.example/u/al","preferredUsername":"al"},"published":"2026-01-02T10:00:00Z","object":{"type":"Note","id":"https://s.example/1","content":"hello","published":"2026-01-02T10:00:00Z"}}`+"\n")
	if r := runCLI(t, dir, "", "import", filepath.Join(dir, "in.jsonl")); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	r := runCLI(t, dir, "", "token", "create", "--scope", "read", "--name", "ci", "--expires", "30d")
	secret := strings.TrimSpace(r.stdout)
	if r.code != 0 || !strings.HasPrefix(secret, "hrld_") || !strings.Contains(r.stderr, "shown only now") {
		t.Fatalf("token create: %+v", r)
	}
	for _, bad := range [][]string{{"token", "create", "--scope", "root"}, {"token"}, {"token", "revoke", "x"}, {"token", "fly"}} {
		if r := runCLI(t, dir, "", bad...); r.code != ExitUsage {
			t.Errorf("%v: %+v, want usage error", bad, r)
		}
	}

	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		env := Env{Getenv: func(k string) string {
			if k == "HERALD_DB" {
				return filepath.Join(dir, "test.db")
			}
			return ""
		}, Stdout: pw, Stderr: io.Discard}
		done <- Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", filepath.Join(dir, "api")}, env)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	base := regexp.MustCompile(`http://[0-9.:]+`).FindString(line)
	if err != nil || base == "" {
		t.Fatalf("serve printed %q (%v)", line, err)
	}
	get := func(token, path string) int {
		req, _ := http.NewRequest("GET", base+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if c := get("", "/healthz"); c != 200 {
		t.Errorf("healthz: %d", c)
	}
	if c := get(secret, "/api/v1/workspaces/default/activities"); c != 200 {
		t.Errorf("activities with the token: %d", c)
	}
	r = runCLI(t, dir, "", "token", "list")
	id := regexp.MustCompile(`(?m)^(\d+)\s+ci\s+read`).FindStringSubmatch(r.stdout)
	if r.code != 0 || id == nil {
		t.Fatalf("token list: %+v", r)
	}
	if r := runCLI(t, dir, "", "token", "revoke", id[1]); r.code != 0 {
		t.Fatalf("token revoke: %+v", r)
	}
	if c := get(secret, "/api/v1/workspaces/default/activities"); c != 401 {
		t.Errorf("revoked token: %d, want 401", c)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exit %d after shutdown", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not shut down")
	}
}

package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDemoServe loads a small demo with --serve, then signs in to the
// dashboard with the printed credentials.
func TestDemoServe(t *testing.T) {
	dir := t.TempDir()
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		env := Env{Getenv: func(string) string { return "" }, Stdout: pw, Stderr: io.Discard}
		done <- Run(ctx, []string{"--db", filepath.Join(dir, "demo.db"), "demo", "--people", "40", "--days", "20", "--serve", "--addr", "127.0.0.1:0"}, env)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	re := regexp.MustCompile(`Open (http://[0-9.:]+)/ and sign in as (\S+) with the password (\S+)`)
	var m []string
	for sc.Scan() {
		if m = re.FindStringSubmatch(sc.Text()); m != nil {
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if m == nil {
		t.Fatalf("demo --serve printed no address and credentials (exit %d)", <-done)
	}
	if m[2] != "demo@herald.local" {
		t.Errorf("user %q", m[2])
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(m[1] + "/login")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	tok := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(b)
	if tok == nil {
		t.Fatal("no login form")
	}
	resp, err = c.PostForm(m[1]+"/login", url.Values{"csrf": {string(tok[1])}, "email": {m[2]}, "password": {m[3]}, "next": {"/w/demo/advocates"}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "Advocates") || !strings.Contains(string(b), `class="person"`) {
		t.Errorf("signed in as the demo admin: %d", resp.StatusCode)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("demo --serve exited %d", code)
	}
}

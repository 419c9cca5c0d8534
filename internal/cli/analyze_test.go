package cli

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

func decodeAnalyzed(t *testing.T, out string) []analyzed {
	t.Helper()
	var got []analyzed
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var a analyzed
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		got = append(got, a)
	}
	return got
}

func TestAnalyzePlainText(t *testing.T) {
	dir, cfg := setupConfig(t)
	in := "rival lost my bag again, acme never does\n\nEl servicio de acme es terrible y nunca más vuelvo a comprar\nwhy is my acme order late?\n"
	r := runCLI(t, dir, in, append([]string{"analyze"}, cfg...)...)
	if r.code != 0 {
		t.Fatalf("analyze: %+v", r)
	}
	got := decodeAnalyzed(t, r.stdout)
	if len(got) != 3 {
		t.Fatalf("got %d results, want 3 (blank line skipped):\n%s", len(got), r.stdout)
	}
	stance := map[string]herald.Polarity{}
	for _, b := range got[0].Brands {
		stance[b.Brand] = b.Stance.Label
	}
	if got[0].Source != "-:1" || stance["rival"] != herald.Negative || stance["acme"] != herald.Positive {
		t.Errorf("first line: %+v", got[0])
	}
	if got[1].Source != "-:3" || got[1].Analysis.Lang != "es" || got[1].Analysis.Sentiment.Label != "" {
		t.Errorf("spanish line: %+v", got[1].Analysis)
	}
	if !strings.Contains(strings.Join(got[2].Intents, ","), "question") {
		t.Errorf("question line intents %v", got[2].Intents)
	}
}

func TestAnalyzeRecords(t *testing.T) {
	dir, cfg := setupConfig(t)
	file := writeFile(t, dir, "posts.jsonl", asLine("1", "al", "2026-01-02T10:00:00Z", "I love acme, best coffee ever")+"\n{truncated\n")
	r := runCLI(t, dir, "", append([]string{"analyze", file}, cfg...)...)
	if r.code != ExitRejected || !strings.Contains(r.stderr, "posts.jsonl:2") {
		t.Fatalf("analyze with a bad record: exit %d, stderr %q", r.code, r.stderr)
	}
	got := decodeAnalyzed(t, r.stdout)
	if len(got) != 1 || got[0].ID != "https://s.example/notes/1" || got[0].Author != "al@s.example" ||
		got[0].Analysis.Sentiment.Label != herald.Positive || len(got[0].Brands) != 1 {
		t.Errorf("record analysis: %+v", got)
	}
	// Comma-separated plain lines are not mistaken for a CSV file.
	r = runCLI(t, dir, "acme is fine, rival is not\n", append([]string{"analyze"}, cfg...)...)
	if r.code != 0 || len(decodeAnalyzed(t, r.stdout)) != 1 {
		t.Errorf("plain line with a comma: %+v", r)
	}
}

func TestQueryTest(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "t.txt", "Cold brew at Acme today\nacmes are not it\n#AcmeColdBrew rocks\n")
	r := runCLI(t, dir, "", "query", "test", `acme AND ("cold brew" OR #coldbrew OR brew*)`, file)
	if r.code != 0 {
		t.Fatalf("query test: %+v", r)
	}
	if !strings.Contains(r.stdout, "t.txt:1: [Cold brew] at [Acme] today") || strings.Contains(r.stdout, "t.txt:2") {
		t.Errorf("matches:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "of 3 texts match") {
		t.Errorf("summary: %s", r.stderr)
	}
	r = runCLI(t, dir, "", "query", "test", `acme AND (brew`)
	if r.code != ExitUsage || !strings.Contains(r.stderr, "line 1, column") || !strings.Contains(r.stderr, "^") {
		t.Errorf("bad query: %+v", r)
	}
	r = runCLI(t, dir, "", "query", "test", `Acme  and  brew`)
	if r.code != 0 || !strings.Contains(r.stdout, "query: ") {
		t.Errorf("canonical form: %+v", r)
	}
}

func TestImportAnalysesAndReanalyze(t *testing.T) {
	dir, cfg := setupConfig(t)
	in := writeFile(t, dir, "a.jsonl", asLine("1", "al", "2026-01-02T10:00:00Z", "I love acme, the best")+"\n"+
		asLine("2", "bo", "2026-01-02T11:00:00Z", "rival lost my order again, acme never does")+"\n")
	if _, r := importJSON(t, dir, append(cfg, in)...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := runCLI(t, dir, "", append([]string{"activities", "--json"}, cfg...)...)
	if !strings.Contains(r.stdout, `"positive"`) || !strings.Contains(r.stdout, `"negative"`) {
		t.Errorf("imported activities carry no analysis:\n%s", r.stdout)
	}
	r = runCLI(t, dir, "", append([]string{"reanalyze", "--json"}, cfg...)...)
	var res reanalysis
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || r.code != 0 {
		t.Fatalf("reanalyze: %+v %v", r, err)
	}
	if res.Read != 2 || res.Changed != 0 {
		t.Errorf("reanalysis right after import changed something: %+v", res)
	}
	// A new brand query is applied to stored posts by reanalyze.
	cfg2 := writeFile(t, dir, "herald2.toml", strings.Replace(testConfig, `keywords = ["rival"]`,
		`keywords = ["rival"]`+"\n  query = 'order NEAR/2 lost'", 1))
	r = runCLI(t, dir, "", "reanalyze", "--json", "--config", cfg2)
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || r.code != 0 {
		t.Fatalf("reanalyze: %+v %v", r, err)
	}
	if res.Read != 2 || res.Changed != 1 {
		t.Errorf("reanalysis with a new query: %+v", res)
	}
	r = runCLI(t, dir, "", "reanalyze", "--batch", "0", "--config", cfg2)
	if r.code != ExitUsage {
		t.Errorf("bad --batch: %+v", r)
	}
}

func TestQueryPreview(t *testing.T) {
	dir, cfg := setupConfig(t)
	in := writeFile(t, dir, "a.jsonl", asLine("1", "al", "2026-01-02T10:00:00Z", "Cold brew at acme today")+"\n"+
		asLine("2", "bo", "2026-01-02T11:00:00Z", "acme lost my order")+"\n"+
		asLine("3", "cy", "2026-01-02T12:00:00Z", "nothing to see")+"\n")
	if _, r := importJSON(t, dir, append(cfg, in)...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := runCLI(t, dir, "", "query", "preview", `acme AND NOT order`)
	if r.code != 0 || !strings.Contains(r.stdout, "Cold brew at [acme] today") || strings.Contains(r.stdout, "order") ||
		!strings.Contains(r.stderr, "1 of the latest 3 posts") {
		t.Errorf("preview: %+v", r)
	}
	r = runCLI(t, dir, "", "query", "preview", "--json", "--scan", "1", `acme`)
	if r.code != 0 || strings.Count(r.stdout, "\n") != 0 || !strings.Contains(r.stderr, "0 of the latest 1 posts") {
		t.Errorf("preview of the newest post only (no match): %+v", r)
	}
	r = runCLI(t, dir, "", "query", "preview", `acme AND (order`)
	if r.code != ExitUsage || !strings.Contains(r.stderr, "^") {
		t.Errorf("bad query: %+v", r)
	}
}

package intent

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// annotated is one line of testdata/annotated.jsonl (see ANNOTATION.md).
type annotated struct {
	ID      string   `json:"id"`
	Source  string   `json:"source"`
	Sample  string   `json:"sample"`
	Text    string   `json:"text"`
	Brands  []string `json:"brands"`
	Intents Set      `json:"intents"`
	Split   string   `json:"split"`
}

// input builds the classifier input the way the ingest pipeline would: the
// first annotated brand is the one analysed, the others are the brands it
// could be compared with, and an @mention makes the post direct.
func (a annotated) input() Input {
	return Input{Text: a.Text, OtherBrands: max(0, len(a.Brands)-1), Direct: strings.Contains(a.Text, "@")}
}

func loadAnnotated(tb testing.TB) []annotated {
	tb.Helper()
	f, err := os.Open("testdata/annotated.jsonl")
	if err != nil {
		tb.Fatalf("opening annotated set: %v", err)
	}
	defer f.Close()
	var out []annotated
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var a annotated
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("annotated.jsonl line %d: %v", n, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("reading annotated set: %v", err)
	}
	return out
}

// examples returns the examples of one split.
func examples(all []annotated, split string) []Example {
	var out []Example
	for _, a := range all {
		if a.Split == split {
			out = append(out, Example{Input: a.input(), Want: a.Intents})
		}
	}
	return out
}

// floors are the lowest precision and recall each intent may reach on each
// split: three points under the figures measured when the rules were
// written (run TestAnnotatedSet with -v for the tables). The rules were
// developed on dev only; test was measured, not tuned on, which is why dev
// scores higher. With 16 to 24 positives for the rare intents, one post
// moves a figure by 4 to 6 points, so these floors catch the loss of a
// single example there. Raise a floor when the rules improve.
var floors = map[string]map[Set][2]float64{
	"test": {
		Question:       {0.71, 0.79},
		Complaint:      {0.82, 0.68},
		Praise:         {0.66, 0.73},
		Recommendation: {0.58, 0.78},
		Comparison:     {0.63, 0.47},
		Suggestion:     {0.42, 0.67},
		PurchaseIntent: {0.68, 0.38},
	},
	"dev": {
		Question:       {0.75, 0.85},
		Complaint:      {0.83, 0.80},
		Praise:         {0.80, 0.85},
		Recommendation: {0.97, 0.97},
		Comparison:     {0.83, 0.78},
		Suggestion:     {0.90, 0.84},
		PurchaseIntent: {0.97, 0.77},
	},
}

// TestAnnotatedSet measures precision and recall per intent on the
// hand-annotated posts and fails when a figure drops under its floor.
// Run with -v to see the tables.
func TestAnnotatedSet(t *testing.T) {
	all := loadAnnotated(t)
	for _, split := range []string{"test", "dev"} {
		r := Evaluate(examples(all, split), Classify)
		t.Logf("%s split, %d posts:\n%s", split, r.Examples, r)
		for _, m := range r.PerIntent {
			f := floors[split][m.Intent]
			if m.Precision < f[0] || m.Recall < f[1] {
				t.Errorf("%s %v: precision %.3f recall %.3f, floors %.2f %.2f", split, m.Intent, m.Precision, m.Recall, f[0], f[1])
			}
		}
	}
}

// TestAnnotatedFile checks the set's shape and that the counts in
// ANNOTATION.md are the file's.
func TestAnnotatedFile(t *testing.T) {
	all := loadAnnotated(t)
	ids := map[string]bool{}
	count := map[string]map[string]int{"dev": {}, "test": {}}
	sources := map[string]bool{"airline": true, "twcs": true, "mastodon": true, "reddit": true, "bluesky": true, "twitter": true}
	for _, a := range all {
		if ids[a.ID] || !strings.HasPrefix(a.ID, a.Source+":") || !sources[a.Source] || a.Text == "" {
			t.Errorf("bad or duplicate post %q (source %q)", a.ID, a.Source)
		}
		ids[a.ID] = true
		c, ok := count[a.Split]
		if !ok {
			t.Fatalf("%s: split %q", a.ID, a.Split)
		}
		c["posts"]++
		if a.Intents == 0 {
			c["(none)"]++
		}
		for _, n := range a.Intents.Names() {
			c[n]++
		}
	}
	if len(all) < 450 || count["test"]["posts"] < 300 {
		t.Errorf("%d posts, %d in test; want at least 450 and 300", len(all), count["test"]["posts"])
	}
	doc, err := os.ReadFile("testdata/ANNOTATION.md")
	if err != nil {
		t.Fatalf("reading ANNOTATION.md: %v", err)
	}
	rows := 0
	for _, line := range strings.Split(string(doc), "\n") {
		var name string
		var dev, test, sum int
		if n, _ := fmt.Sscanf(strings.ReplaceAll(line, "|", " "), "%s %d %d %d", &name, &dev, &test, &sum); n != 4 {
			continue
		}
		rows++
		if dev != count["dev"][name] || test != count["test"][name] || sum != dev+test {
			t.Errorf("ANNOTATION.md row %q: %d %d %d, file has %d %d", name, dev, test, sum, count["dev"][name], count["test"][name])
		}
	}
	if rows != 9 {
		t.Errorf("ANNOTATION.md: %d count rows, want 9", rows)
	}
}

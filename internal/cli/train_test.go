package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/store"
)

// labelledCSV builds a small labelled set with clear signals per class.
func labelledCSV() string {
	var b strings.Builder
	b.WriteString("id,text,sentiment\n")
	pos := []string{"love", "great", "amazing", "thank you", "wonderful"}
	neg := []string{"terrible", "lost my bag", "worst", "cancelled again", "awful"}
	neu := []string{"what time", "is the flight", "which gate", "do you fly to", "schedule for"}
	for i := range 15 {
		fmt.Fprintf(&b, "p%d,\"@acme %s crew %d\",positive\n", i, pos[i%5], i)
		fmt.Fprintf(&b, "n%d,\"@acme %s today %d\",negative\n", i, neg[i%5], i)
		fmt.Fprintf(&b, "u%d,\"@acme %s Denver %d\",neutral\n", i, neu[i%5], i)
	}
	b.WriteString("dup,\"@acme love crew 0\",positive\n") // repeated text: dropped
	return b.String()
}

func TestEvalAndTrain(t *testing.T) {
	dir, cfg := setupConfig(t)
	labels := writeFile(t, dir, "labels.csv", labelledCSV())

	r := runCLI(t, dir, "", "eval", "--label-col", "sentiment", "--folds", "3", labels)
	if r.code != 0 {
		t.Fatalf("eval: %+v", r)
	}
	for _, want := range []string{"VADER alone", "3-fold cross-validation, 45 examples", "macro-F1=", "gold \\ predicted"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval output lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "1 repeated texts dropped") {
		t.Errorf("eval stderr: %s", r.stderr)
	}

	r = runCLI(t, dir, "", append([]string{"train", "--label-col", "sentiment", "--folds", "3", "--json", labels}, cfg...)...)
	if r.code != 0 {
		t.Fatalf("train: %+v", r)
	}
	var ev evaluation
	if err := json.NewDecoder(strings.NewReader(r.stdout)).Decode(&ev); err != nil || ev.Examples != 45 || ev.VADER == nil {
		t.Fatalf("train --json evaluation: %v\n%s", err, r.stdout)
	}
	if !strings.Contains(r.stdout, "active model") {
		t.Errorf("train output: %s", r.stdout)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(dir, "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ws, err := db.Workspace(ctx, "coffee")
	if err != nil {
		t.Fatal(err)
	}
	m, err := db.ActiveModel(ctx, ws.ID, "sentiment")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Data) == 0 || m.Examples != 45 || !strings.Contains(string(m.Metrics), "macro_f1") {
		t.Fatalf("stored model %s: %d bytes, %d examples, metrics %.100s", m.Version, len(m.Data), m.Examples, m.Metrics)
	}
}

func TestTrainBadInput(t *testing.T) {
	dir, cfg := setupConfig(t)
	labels := writeFile(t, dir, "labels.csv", labelledCSV())
	noLabel := writeFile(t, dir, "nolabel.csv", "text,sentiment\nhello,positive\n\"bye\",\n")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval", labels}, ExitError, `"label"`}, // default column missing
		{[]string{"eval", "--label-col", "sentiment", "--folds", "1", labels}, ExitUsage, "at least 2"},
		{[]string{"eval", "--label-col", "sentiment"}, ExitUsage, "one labelled CSV"},
		{[]string{"eval", "--label-col", "sentiment", filepath.Join(dir, "missing.csv")}, ExitError, "missing.csv"},
		{[]string{"eval", "--label-col", "sentiment", noLabel}, ExitError, "line 3"},
		{append([]string{"train", "--label-col", "sentiment", "--folds", "1", labels}, cfg...), ExitUsage, "--folds"},
	} {
		r := runCLI(t, dir, "", c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d stderr %q, want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
}

package stance

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"testing"
)

// labelledTweet is a real multi-airline tweet with hand-made per-brand
// labels (testdata/multibrand.jsonl).
type labelledTweet struct {
	ID   string            `json:"id"`
	Text string            `json:"text"`
	Want map[string]string `json:"want"`
	// Miss marks a tweet the analyzer is known to get wrong: it counts in
	// the logged accuracy but does not fail the test.
	Miss bool `json:"known_miss,omitempty"`
}

func readLabelled(t *testing.T, path string) []labelledTweet {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("opening labelled tweets: %v", err)
	}
	defer f.Close()
	var out []labelledTweet
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var lt labelledTweet
		if err := json.Unmarshal(sc.Bytes(), &lt); err != nil {
			t.Fatalf("%s: line %d: %v", path, len(out)+1, err)
		}
		out = append(out, lt)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading labelled tweets: %v", err)
	}
	return out
}

// TestLabelledMultiBrand checks real multi-airline tweets against labels
// made by reading them.
func TestLabelledMultiBrand(t *testing.T) {
	tweets := readLabelled(t, "testdata/multibrand.jsonl")
	if len(tweets) < 15 {
		t.Fatalf("only %d labelled tweets", len(tweets))
	}
	var brands, right, asserted int
	for _, lt := range tweets {
		names := make([]string, 0, len(lt.Want))
		for b := range lt.Want {
			names = append(names, b)
		}
		sort.Strings(names)
		targets := targetsFor(lt.Text, names...)
		got := analyze(t, lt.Text, targets)
		checkStances(t, lt.Text, targets, got)
		for i, st := range got {
			if len(targets[i].Spans) == 0 {
				t.Fatalf("%s: %s not found in the text", lt.ID, names[i])
			}
			brands++
			if st.Label == lt.Want[names[i]] {
				right++
				continue
			}
			if lt.Miss {
				t.Logf("%s (known miss): %s got %s (%s), want %s", lt.ID, names[i], st.Label, st.Basis, lt.Want[names[i]])
				continue
			}
			t.Errorf("%s: %s got %s (%+.3f %s %q), want %s", lt.ID, names[i], st.Label, st.Score, st.Basis, lt.Text[st.Evidence.Start:st.Evidence.End], lt.Want[names[i]])
		}
		if !lt.Miss {
			asserted++
		}
	}
	t.Logf("%d tweets (%d asserted), %d brand stances, %d right (%.1f%%)", len(tweets), asserted, brands, right, 100*float64(right)/float64(brands))
}

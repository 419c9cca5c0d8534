package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// fixtures is where the shared real payloads live, seen from the package dir.
const fixtures = "../../../../shared/data/fixtures/bluesky"

// parseAll runs Parse over data and returns every emitted record.
func parseAll(t testing.TB, data []byte) []herald.Record {
	t.Helper()
	var recs []herald.Record
	err := Parse(context.Background(), bytes.NewReader(data), func(r herald.Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return recs
}

// golden is the deterministic JSON form of a record.
type golden struct {
	Pos       int64             `json:"pos"`
	Err       string            `json:"err,omitempty"`
	Raw       string            `json:"raw,omitempty"`
	Activity  *herald.Activity  `json:"activity,omitempty"`
	Actors    []herald.Identity `json:"actors,omitempty"`
	Tombstone *herald.Key       `json:"tombstone,omitempty"`
}

func toGolden(recs []herald.Record) []byte {
	out := make([]golden, 0, len(recs))
	for _, r := range recs {
		g := golden{Pos: r.Pos, Raw: string(r.Raw), Activity: r.Activity, Actors: r.Actors, Tombstone: r.Tombstone}
		if r.Err != nil {
			g.Err = r.Err.Error()
		}
		out = append(out, g)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// checkGolden compares recs with testdata/<name>.golden.json.
func checkGolden(t *testing.T, name string, recs []herald.Record) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden.json")
	got := toGolden(recs)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file; run go test -update and review the diff", name)
	}
}

// checkRecords checks what the pipeline relies on: each record carries
// something, rejects carry Raw, activities validate.
func checkRecords(t *testing.T, recs []herald.Record) {
	t.Helper()
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, r := range recs {
		switch {
		case r.Pos < 1:
			t.Errorf("record %d: Pos %d", i, r.Pos)
		case r.Err != nil && len(r.Raw) == 0:
			t.Errorf("record %d: reject without Raw: %v", i, r.Err)
		case r.Activity != nil:
			a := *r.Activity
			a.Mentions, a.Hashtags = slices.Clone(a.Mentions), slices.Clone(a.Hashtags)
			a.Normalize()
			if err := a.Validate(now); err != nil {
				t.Errorf("record %d (%s): %v", i, a.ExternalID, err)
			}
		}
		for _, id := range r.Actors {
			if err := id.Validate(); err != nil {
				t.Errorf("record %d: actor %+v: %v", i, id, err)
			}
		}
	}
}

type tally struct{ activities, actors, rejects, tombstones int }

func tallyOf(recs []herald.Record) tally {
	var n tally
	for _, r := range recs {
		switch {
		case r.Err != nil:
			n.rejects++
		case r.Activity != nil:
			n.activities++
		case r.Tombstone != nil:
			n.tombstones++
		case len(r.Actors) > 0:
			n.actors++
		}
	}
	return n
}

func TestFixtures(t *testing.T) {
	tests := []struct {
		file string
		want tally
	}{
		{"jetstream_v1_events.jsonl", tally{activities: 143, tombstones: 4}},
		{"event_post.json", tally{activities: 1}},
		{"event_post_reply.json", tally{activities: 1}},
		{"event_like.json", tally{activities: 1}},
		{"event_repost.json", tally{activities: 1}},
		{"event_follow.json", tally{activities: 1}},
		{"event_post_delete.json", tally{tombstones: 1}},
		{"event_identity.json", tally{}},
		{"event_account.json", tally{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(fixtures, tt.file))
			if errors.Is(err, os.ErrNotExist) {
				t.Skip("fixture absent")
			} else if err != nil {
				t.Fatal(err)
			}
			recs := parseAll(t, data)
			if got := tallyOf(recs); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			checkRecords(t, recs)
			checkGolden(t, strings.TrimSuffix(tt.file, filepath.Ext(tt.file)), recs)
		})
	}
}

func TestKinds(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures, "jetstream_v1_events.jsonl"))
	if err != nil {
		t.Skip("fixture absent")
	}
	kinds := map[herald.Kind]int{}
	for _, r := range parseAll(t, data) {
		if r.Activity != nil {
			kinds[r.Activity.Kind]++
		}
	}
	want := map[herald.Kind]int{herald.KindLike: 105, herald.KindShare: 15, herald.KindFollow: 6, herald.KindPost: 9, herald.KindReply: 8}
	if !maps.Equal(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
}

func TestCrafted(t *testing.T) {
	recs := parseAll(t, mustRead(t, "testdata/crafted.jsonl"))
	checkRecords(t, recs)
	checkGolden(t, "crafted", recs)
	byID := map[string]*herald.Activity{}
	for _, r := range recs {
		if r.Activity != nil {
			byID[path.Base(r.Activity.ExternalID)] = r.Activity
		}
	}
	q := byID["3quote"]
	if q == nil || q.Kind != herald.KindQuote || q.Subject != "at://did:plc:bbb/app.bsky.feed.post/3orig" || q.SubjectAuthor != "did:plc:bbb" ||
		q.Media != 2 || !slices.Equal(q.Mentions, []string{"did:plc:ccc"}) || !slices.Equal(q.Hashtags, []string{"café"}) {
		t.Errorf("quote with media: %+v", q)
	}
	if r := byID["3reply"]; r == nil || r.Kind != herald.KindReply || r.Subject == "" || r.Conversation != "at://did:plc:bbb/app.bsky.feed.post/3root" {
		t.Errorf("reply quoting: %+v", r)
	}
	if p := byID["3late"]; p == nil || !p.CreatedAt.Equal(time.UnixMicro(1783175888000000)) {
		t.Errorf("createdAt after time_us not bounded: %+v", p)
	}
	if p := byID["3nodate"]; p == nil || !p.CreatedAt.Equal(time.UnixMicro(1783175888000000)) {
		t.Errorf("missing createdAt: %+v", p)
	}
	var handles []string
	for _, r := range recs {
		for _, a := range r.Actors {
			handles = append(handles, a.Handle)
		}
	}
	if !slices.Equal(handles, []string{"alice.bsky.social"}) {
		t.Errorf("identity actors: %v", handles)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{`{"did":"did:plc:x","time_us":1783175888390226,"kind":"account"}`, true},
		{"\n" + `{"kind":"commit","did":"did:plc:x","time_us":1,"commit":{}}` + "\n{\"did\"", true},
		{`{"data":[{"id":"1","text":"x"}]}`, false},
		{`{"kind":"Listing","data":{}}`, false},
		{`[{"did":"x","time_us":1,"kind":"commit"}]`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%.40q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

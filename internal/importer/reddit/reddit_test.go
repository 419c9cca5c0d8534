package reddit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// fixtures is where the shared real payloads live, seen from the package dir.
const fixtures = "../../../../shared/data/fixtures/reddit"

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
		dir, file string
		want      tally
	}{
		{fixtures, "api_info_comment.json", tally{activities: 1}},
		{fixtures, "submission_comments.json", tally{activities: 3}},
		{fixtures, "comments_thread_context.json", tally{activities: 5}},
		{"testdata", "subreddit_listing.json", tally{activities: 3}},
		{"testdata", "thread.jsonl", tally{activities: 4, rejects: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(tt.dir, tt.file))
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

func TestThread(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures, "comments_thread_context.json"))
	if err != nil {
		t.Skip("fixture absent")
	}
	var got []string
	for _, r := range parseAll(t, data) {
		a := r.Activity
		got = append(got, fmt.Sprintf("%d %s %s %s<-%s(%s) %s", r.Pos, a.Kind, a.ExternalID, a.Author.Handle, a.InReplyTo, a.InReplyToAuthor, a.Conversation))
	}
	want := []string{
		"1 post t3_98vj9e kemitche<-() t3_98vj9e",
		"2 reply t1_e4j4830 Sporkicide<-t3_98vj9e(kemitche) t3_98vj9e",
		"3 reply t1_e7q58bn SwineFluPandemic<-t1_e4j4830(Sporkicide) t3_98vj9e",
		"4 reply t1_e4uaa59 V2Blast<-t1_e4j4830(Sporkicide) t3_98vj9e",
		"5 reply t1_e4uhrr8 Sporkicide<-t1_e4uaa59(V2Blast) t3_98vj9e",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSubmission(t *testing.T) {
	recs := parseAll(t, mustRead(t, "testdata/subreddit_listing.json"))
	a := recs[0].Activity
	if a.Text != "Acme X200 vs Globex G5 & why I switched\n\nLong-time Globex user here. Thanks u/AcmeSupport for the quick RMA > 10/10." ||
		a.Metrics != (herald.Metrics{Likes: 154, Shares: -1, Replies: 37, Quotes: -1}) || a.Attributes["subreddit"] != "BrandFans" ||
		!slices.Equal(a.Mentions, []string{"AcmeSupport"}) || a.Author.ExternalID != "t2_9xyz1" || len(a.Links) != 0 {
		t.Errorf("self post: %+v", a)
	}
	if g := recs[1].Activity; g.Media != 3 || g.CreatedAt.Unix() != 1700000500 || !slices.Equal(g.Links, []string{"https://www.reddit.com/gallery/1fghij"}) {
		t.Errorf("gallery: %+v", g)
	}
	if l := recs[2].Activity; l.Author.ExternalID != "@newsbot" || l.Links[0] != "https://example.com/news/acme-recall?a=1&b=2" || l.CreatedAt.UnixMilli() != 1700001000500 {
		t.Errorf("link post: %+v", l)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{`{"kind": "Listing", "data": {"children": []}}`, true},
		{`[{"kind":"Listing","data":{"modhash":"","children":[{"kind":"t3","data":{`, true},
		{`{"kind":"t1","data":{"body":"x"}}`, true},
		{`{"did":"did:plc:x","time_us":1,"kind":"commit"}`, false},
		{`{"data":[{"id":"1","text":"x"}]}`, false},
		{`kind,data`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%.40q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func TestMentions(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"thanks u/Acme_Support!", []string{"Acme_Support"}},
		{"/u/bob and (u/carol) and u/bob", []string{"bob", "carol"}},
		{"see reddit.com/u/dave or menu/options or u/ab", nil},
		{"u/abcdefghijklmnopqrstuvwxyz", nil},
	}
	for _, tt := range tests {
		if got := mentions(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("mentions(%q) = %v, want %v", tt.text, got, tt.want)
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

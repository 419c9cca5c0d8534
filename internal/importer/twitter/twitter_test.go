package twitter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
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
const fixtures = "../../../../shared/data/fixtures/twitter"

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
		{fixtures, "v2_search_all_twarc2.jsonl", tally{activities: 2}},
		{fixtures, "v2_tweet_lookup_with_mentions_twarc2.jsonl", tally{activities: 2}},
		{fixtures, "v2_search_recent_tweepy.json", tally{rejects: 10}},
		{fixtures, "v2_quote_tweets_tweepy.json", tally{rejects: 9}},
		{fixtures, "v2_users_mentions_tweepy.json", tally{rejects: 10}},
		{fixtures, "v2_liking_users_tweepy.json", tally{actors: 1}},
		{fixtures, "v2_retweeted_by_tweepy.json", tally{actors: 1}},
		{"testdata", "v1_statuses.jsonl", tally{activities: 7, tombstones: 1}},
		{"testdata", "v1_timeline.json", tally{activities: 2}},
		{"testdata", "v2_pretty.json", tally{activities: 3, actors: 1}},
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

func TestRetweetV2(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures, "v2_tweet_lookup_with_mentions_twarc2.jsonl"))
	if err != nil {
		t.Skip("fixture absent")
	}
	recs := parseAll(t, data)
	rt, orig := recs[0].Activity, recs[1].Activity
	if rt.Kind != herald.KindShare || rt.Subject != "1589671906718134272" || rt.SubjectAuthor != "S3NT1N3L17" {
		t.Errorf("retweet: %+v", rt)
	}
	if rt.Author.Handle != "BaldManGamer" || rt.Author.Followers != 569 || rt.Metrics != herald.UnknownMetrics() {
		t.Errorf("retweet author/metrics: %+v %+v", rt.Author, rt.Metrics)
	}
	if len(recs[0].Actors) != 1 || recs[0].Actors[0].Handle != "S3NT1N3L17" {
		t.Errorf("retweet actors: %+v", recs[0].Actors)
	}
	if orig.Kind != herald.KindPost || orig.Media != 4 || orig.Metrics.Likes != 6 || len(orig.Mentions) != 8 || len(orig.Links) != 0 {
		t.Errorf("original: kind %s media %d metrics %+v mentions %v links %v", orig.Kind, orig.Media, orig.Metrics, orig.Mentions, orig.Links)
	}
	if want := time.Date(2023, 1, 5, 17, 34, 4, 0, time.UTC); !orig.Author.ObservedAt.Equal(want) {
		t.Errorf("ObservedAt %v, want retrieved_at %v", orig.Author.ObservedAt, want)
	}
}

func TestNoAuthor(t *testing.T) {
	recs := parseAll(t, []byte(`{"data":[{"id":"1","text":"hi"}],"meta":{"result_count":1}}`))
	if len(recs) != 1 || recs[0].Err != errNoAuthor || string(recs[0].Raw) != `{"id":"1","text":"hi"}` {
		t.Fatalf("got %+v", recs)
	}
	// The rejected tweet, fixed, is accepted on its own.
	recs = parseAll(t, []byte(`{"id":"1","text":"hi","author_id":"7","created_at":"2022-10-07T22:42:12.000Z"}`))
	if len(recs) != 1 || recs[0].Activity == nil || recs[0].Activity.Author.ExternalID != "7" {
		t.Fatalf("got %+v", recs)
	}
}

func TestV1(t *testing.T) {
	recs := parseAll(t, mustRead(t, "testdata/v1_statuses.jsonl"))
	byID := map[string]*herald.Activity{}
	for _, r := range recs {
		if r.Activity != nil {
			byID[r.Activity.ExternalID] = r.Activity
		}
	}
	plain := byID["1050118621198921728"]
	if plain == nil || !strings.Contains(plain.Text, "#TwitterText") || plain.Metrics.Likes != 381 || len(plain.Links) != 1 {
		t.Errorf("extended tweet: %+v", plain)
	}
	if r := byID["1050129386555928576"]; r == nil || r.Kind != herald.KindReply || r.InReplyToAuthor != "TwitterAPI" || !strings.Contains(r.Text, "<stream>") {
		t.Errorf("reply: %+v", r)
	}
	if r := byID["1050298717040009216"]; r == nil || r.Kind != herald.KindShare || r.Subject != "1050118621198921728" || !strings.Contains(r.Text, "gender & skin") {
		t.Errorf("retweet: %+v", r)
	}
	if r := byID["1050317781237571584"]; r == nil || r.Kind != herald.KindQuote || r.SubjectAuthor != "TwitterDev" || len(r.Links) != 0 {
		t.Errorf("quote: %+v", r)
	}
	if r := byID["1049331592474730496"]; r == nil || r.Media != 2 || r.Author.Followers != 513958 {
		t.Errorf("quoted original: %+v", r)
	}
	if r := byID["1050325141236764672"]; r == nil || r.Lang != "" {
		t.Errorf("zxx lang: %+v", r)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{`{"data": [{"id": "1", "text": "x", "author_id": "2"}]}`, true},
		{`{"data":[{"id":"1","name":"a","username":"b"}],"meta":{}}`, true},
		{`{"created_at":"Wed Oct 10 20:19:24 +0000 2018","id":1,"id_str":"1","user":{"screen_name":"a"}}`, true},
		{"\n[\n  {\n    \"id_str\": \"1\", \"user\": {\"screen_name\": \"a\"", true},
		{`{"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {"text": "x"}}]}}`, false},
		{`{"did":"did:plc:x","time_us":1,"kind":"commit"}`, false},
		{`id,text,author`, false},
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

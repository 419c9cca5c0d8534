package twitter

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

func TestFixtures(t *testing.T) {
	importertest.CheckFiles(t, Parse, sameButObserved, map[string]importertest.Tally{
		importertest.FixturePath(Name, "v2_search_all_twarc2.jsonl"):                 {Activities: 2},
		importertest.FixturePath(Name, "v2_tweet_lookup_with_mentions_twarc2.jsonl"): {Activities: 2},
		importertest.FixturePath(Name, "v2_search_recent_tweepy.json"):               {Rejects: 10},
		importertest.FixturePath(Name, "v2_quote_tweets_tweepy.json"):                {Rejects: 9},
		importertest.FixturePath(Name, "v2_users_mentions_tweepy.json"):              {Rejects: 10},
		importertest.FixturePath(Name, "v2_liking_users_tweepy.json"):                {Actors: 1},
		importertest.FixturePath(Name, "v2_retweeted_by_tweepy.json"):                {Actors: 1},
		"testdata/v1_statuses.jsonl":                                                 {Activities: 7, Tombstones: 1},
		"testdata/v1_timeline.json":                                                  {Activities: 2},
		"testdata/v2_pretty.json":                                                    {Activities: 3, Actors: 1},
	})
}

// sameButObserved compares activities but for when their author was
// observed: an embedded v1.1 status's author is observed with the status
// that embeds it, but at its own created_at when it is imported alone.
func sameButObserved(got, want *herald.Activity) bool {
	g, w := *got, *want
	g.Author.ObservedAt, w.Author.ObservedAt = time.Time{}, time.Time{}
	return reflect.DeepEqual(g, w)
}

func TestRetweetV2(t *testing.T) {
	recs := importertest.Parse(t, Parse, importertest.Read(t, importertest.FixturePath(Name, "v2_tweet_lookup_with_mentions_twarc2.jsonl")))
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
	recs := importertest.Parse(t, Parse, []byte(`{"data":[{"id":"1","text":"hi"}],"meta":{"result_count":1}}`))
	if len(recs) != 1 || recs[0].Err != errNoAuthor || string(recs[0].Raw) != `{"id":"1","text":"hi"}` {
		t.Fatalf("got %+v", recs)
	}
	// The rejected tweet, fixed, is accepted on its own.
	recs = importertest.Parse(t, Parse, []byte(`{"id":"1","text":"hi","author_id":"7","created_at":"2022-10-07T22:42:12.000Z"}`))
	if len(recs) != 1 || recs[0].Activity == nil || recs[0].Activity.Author.ExternalID != "7" {
		t.Fatalf("got %+v", recs)
	}
}

func TestV1(t *testing.T) {
	recs := importertest.Parse(t, Parse, importertest.Read(t, "testdata/v1_statuses.jsonl"))
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

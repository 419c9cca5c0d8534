package bluesky

import (
	"maps"
	"path"
	"slices"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

func TestFixtures(t *testing.T) {
	importertest.CheckFiles(t, Parse, nil, map[string]importertest.Tally{
		importertest.FixturePath(Name, "jetstream_v1_events.jsonl"): {Activities: 143, Tombstones: 4},
		importertest.FixturePath(Name, "event_post.json"):           {Activities: 1},
		importertest.FixturePath(Name, "event_post_reply.json"):     {Activities: 1},
		importertest.FixturePath(Name, "event_like.json"):           {Activities: 1},
		importertest.FixturePath(Name, "event_repost.json"):         {Activities: 1},
		importertest.FixturePath(Name, "event_follow.json"):         {Activities: 1},
		importertest.FixturePath(Name, "event_post_delete.json"):    {Tombstones: 1},
		importertest.FixturePath(Name, "event_identity.json"):       {},
		importertest.FixturePath(Name, "event_account.json"):        {},
		"testdata/crafted.jsonl":                                    {Activities: 5, Actors: 1, Tombstones: 1},
	})
}

func TestKinds(t *testing.T) {
	kinds := map[herald.Kind]int{}
	for _, r := range importertest.Parse(t, Parse, importertest.Read(t, importertest.FixturePath(Name, "jetstream_v1_events.jsonl"))) {
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
	recs := importertest.Parse(t, Parse, importertest.Read(t, "testdata/crafted.jsonl"))
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

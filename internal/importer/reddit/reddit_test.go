package reddit

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

func TestFixtures(t *testing.T) {
	importertest.CheckFiles(t, Parse, sameButReplyAuthor, map[string]importertest.Tally{
		importertest.FixturePath(Name, "api_info_comment.json"):        {Activities: 1},
		importertest.FixturePath(Name, "submission_comments.json"):     {Activities: 3},
		importertest.FixturePath(Name, "comments_thread_context.json"): {Activities: 5},
		"testdata/subreddit_listing.json":                              {Activities: 3},
		"testdata/thread.jsonl":                                        {Activities: 4, Rejects: 1},
	})
}

// sameButReplyAuthor compares activities but for InReplyToAuthor, which a
// comment imported alone cannot know.
func sameButReplyAuthor(got, want *herald.Activity) bool {
	g, w := *got, *want
	g.InReplyToAuthor, w.InReplyToAuthor = "", ""
	return reflect.DeepEqual(g, w)
}

func TestThread(t *testing.T) {
	var got []string
	for _, r := range importertest.Parse(t, Parse, importertest.Read(t, importertest.FixturePath(Name, "comments_thread_context.json"))) {
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
	recs := importertest.Parse(t, Parse, importertest.Read(t, "testdata/subreddit_listing.json"))
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

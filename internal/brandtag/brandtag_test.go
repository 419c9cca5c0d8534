package brandtag

import (
	"testing"

	"github.com/herald-advocacy/herald"
)

func testWorkspace() *herald.Workspace {
	return &herald.Workspace{Slug: "w", Brands: []herald.Brand{
		{ID: 1, Slug: "acme", Name: "Acme Coffee", Role: herald.RoleOwn,
			Handles:  map[herald.Network][]string{herald.Twitter: {"AcmeCoffee"}, herald.Mastodon: {"acme@social.example"}},
			Hashtags: []string{"#AcmeLove"}, Keywords: []string{"Acme Coffee", "acmebrew"}},
		{ID: 2, Slug: "rival", Name: "Rival", Role: herald.RoleCompetitor,
			Handles: map[herald.Network][]string{herald.Twitter: {"rival"}}, Keywords: []string{"rival roasters"}},
	}}
}

func TestTag(t *testing.T) {
	tw := func(text string) herald.Activity {
		return herald.Activity{Network: herald.Twitter, Text: text, Author: herald.Identity{Handle: "someone"}}
	}
	tests := []struct {
		name string
		a    herald.Activity
		want map[string]herald.MatchSource
	}{
		{"mention in text", tw("thanks @acmecoffee!"), map[string]herald.MatchSource{"acme": herald.MatchMention}},
		{"mention entity", herald.Activity{Network: herald.Twitter, Mentions: []string{"ACMECOFFEE"}}, map[string]herald.MatchSource{"acme": herald.MatchMention}},
		{"handle prefix is another account", tw("@acmecoffeefan hi"), nil},
		{"email is not a mention", tw("mail bob@acmecoffee today"), nil},
		{"hashtag", tw("morning #acmelove"), map[string]herald.MatchSource{"acme": herald.MatchHashtag}},
		{"keyword phrase case-insensitive", tw("ACME COFFEE is great"), map[string]herald.MatchSource{"acme": herald.MatchKeyword}},
		{"keyword needs boundary", tw("acmebrewing is not it"), nil},
		{"unicode boundary", tw("éacmebrew"), nil},
		{"two brands", tw("@rival lost my order, acmebrew never does"),
			map[string]herald.MatchSource{"acme": herald.MatchKeyword, "rival": herald.MatchMention}},
		{"own account", herald.Activity{Network: herald.Twitter, Author: herald.Identity{Handle: "AcmeCoffee"}, Text: "@bob sorry!"},
			map[string]herald.MatchSource{"acme": herald.MatchAuthor}},
		{"reply to brand", herald.Activity{Network: herald.Twitter, InReplyToAuthor: "acmecoffee"}, map[string]herald.MatchSource{"acme": herald.MatchReply}},
		{"share of brand post", herald.Activity{Network: herald.Twitter, SubjectAuthor: "rival"}, map[string]herald.MatchSource{"rival": herald.MatchReply}},
		{"handles are per network", herald.Activity{Network: herald.Bluesky, Text: "@acmecoffee"}, nil},
		{"fediverse handle", herald.Activity{Network: herald.Mastodon, Mentions: []string{"acme@social.example"}}, map[string]herald.MatchSource{"acme": herald.MatchMention}},
		{"imported brand column", herald.Activity{Network: herald.Twitter, Attributes: map[string]string{"brand": "Acme Coffee"}},
			map[string]herald.MatchSource{"acme": herald.MatchImported}},
	}
	tg := New(testWorkspace())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			tg.Tag(&a)
			got := map[string]herald.MatchSource{}
			for _, m := range a.Brands {
				got[m.Brand] = m.Source
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("brand %s: got %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func FuzzContainsWord(f *testing.F) {
	f.Add("hello @acme there", "@acme")
	f.Add("éacme", "acme")
	f.Fuzz(func(t *testing.T, s, w string) {
		if w == "" {
			return
		}
		containsWord(s, w) // must not panic on any input
	})
}

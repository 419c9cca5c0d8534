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
		{"text alone is not structure", tw("thanks @acmecoffee! #acmelove acmebrew"), nil},
		{"hashtag entity", herald.Activity{Network: herald.Twitter, Hashtags: []string{"AcmeLove"}}, map[string]herald.MatchSource{"acme": herald.MatchHashtag}},
		{"handles are per network", herald.Activity{Network: herald.Bluesky, Mentions: []string{"acmecoffee"}}, nil},
		{"mention entity", herald.Activity{Network: herald.Twitter, Mentions: []string{"ACMECOFFEE"}}, map[string]herald.MatchSource{"acme": herald.MatchMention}},
		{"own account", herald.Activity{Network: herald.Twitter, Author: herald.Identity{Handle: "AcmeCoffee"}, Text: "@bob sorry!"},
			map[string]herald.MatchSource{"acme": herald.MatchAuthor}},
		{"reply to brand", herald.Activity{Network: herald.Twitter, InReplyToAuthor: "acmecoffee"}, map[string]herald.MatchSource{"acme": herald.MatchReply}},
		{"share of brand post", herald.Activity{Network: herald.Twitter, SubjectAuthor: "rival"}, map[string]herald.MatchSource{"rival": herald.MatchReply}},
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

package analysis

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/text/model"
)

var (
	lexOnce sync.Once
	lexVal  *Lexicons
	lexErr  error
)

func testLexicons(t testing.TB) *Lexicons {
	t.Helper()
	lexOnce.Do(func() { lexVal, lexErr = LoadLexicons() })
	if lexErr != nil {
		t.Fatal(lexErr)
	}
	return lexVal
}

func testWorkspace() *herald.Workspace {
	return &herald.Workspace{Slug: "w", Brands: []herald.Brand{
		{ID: 1, Slug: "acme", Name: "Acme Coffee", Role: herald.RoleOwn,
			Handles:  map[herald.Network][]string{herald.Twitter: {"AcmeCoffee"}, herald.Mastodon: {"acme@social.example"}},
			Hashtags: []string{"#AcmeLove"}, Keywords: []string{"Acme Coffee", "acmebrew"}},
		{ID: 2, Slug: "rival", Name: "Rival", Role: herald.RoleCompetitor,
			Handles: map[herald.Network][]string{herald.Twitter: {"rival"}}, Keywords: []string{"rival roasters"},
			Query: `"rival" NEAR/2 (coffee OR latte*)`},
	}}
}

func newTestAnalyzer(t testing.TB, m *model.Model) *Analyzer {
	t.Helper()
	a, err := New(testLexicons(t), testWorkspace(), m)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func post(n herald.Network, text string) *herald.Activity {
	return &herald.Activity{Network: n, Kind: herald.KindPost, Text: text, Author: herald.Identity{Handle: "someone"}}
}

func sources(act *herald.Activity) map[string]herald.MatchSource {
	out := map[string]herald.MatchSource{}
	for _, m := range act.Brands {
		out[m.Brand] = m.Source
	}
	return out
}

func TestBrandMatching(t *testing.T) {
	a := newTestAnalyzer(t, nil)
	tests := []struct {
		name string
		act  *herald.Activity
		want map[string]herald.MatchSource
	}{
		{"mention in text", post(herald.Twitter, "thanks @acmecoffee!"), map[string]herald.MatchSource{"acme": herald.MatchMention}},
		{"handle prefix is another account", post(herald.Twitter, "@acmecoffeefan hi"), map[string]herald.MatchSource{}},
		{"email is not a mention", post(herald.Twitter, "mail bob@acmecoffee today"), map[string]herald.MatchSource{}},
		{"hashtag", post(herald.Twitter, "morning #acmelove"), map[string]herald.MatchSource{"acme": herald.MatchHashtag}},
		{"keyword phrase case-insensitive", post(herald.Twitter, "ACME COFFEE is great"), map[string]herald.MatchSource{"acme": herald.MatchKeyword}},
		{"keyword needs a boundary", post(herald.Twitter, "acmebrewing is not it"), map[string]herald.MatchSource{}},
		{"unicode boundary", post(herald.Twitter, "éacmebrew"), map[string]herald.MatchSource{}},
		{"handles are per network", post(herald.Bluesky, "@acmecoffee hello"), map[string]herald.MatchSource{}},
		{"fediverse handle", post(herald.Mastodon, "hi @acme@social.example"), map[string]herald.MatchSource{"acme": herald.MatchMention}},
		{"brand query", post(herald.Reddit, "the rival oat latte is fine"), map[string]herald.MatchSource{"rival": herald.MatchQuery}},
		{"brand query not near", post(herald.Reddit, "my rival at chess drinks a lot of coffee"), map[string]herald.MatchSource{}},
		{"two brands", post(herald.Twitter, "@rival lost my order, acmebrew never does"),
			map[string]herald.MatchSource{"acme": herald.MatchKeyword, "rival": herald.MatchMention}},
		{"structure first", &herald.Activity{Network: herald.Twitter, Kind: herald.KindReply, InReplyToAuthor: "acmecoffee",
			Text: "@acmecoffee ok"}, map[string]herald.MatchSource{"acme": herald.MatchReply}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.Tag(tt.act)
			got := sources(tt.act)
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

func TestAnalysis(t *testing.T) {
	a := newTestAnalyzer(t, nil)

	act := post(herald.Twitter, "@AcmeCoffee why is my order late again? This is the worst service")
	a.Tag(act)
	an := act.Analysis
	if an == nil || an.Lang != "en" || an.Sentiment.Label != herald.Negative || !an.Direct || an.Version != Version {
		t.Fatalf("analysis %+v", an)
	}
	if !an.Intents.Has(herald.IntentQuestion) && !an.Intents.Has(herald.IntentComplaint) {
		t.Errorf("intents %v, want a question or complaint", an.Intents)
	}
	if len(act.Brands) != 1 || act.Brands[0].Stance.Label != herald.Negative {
		t.Errorf("brands %+v", act.Brands)
	}

	// The example: a stance per brand.
	act = post(herald.Twitter, "@rival lost my bag again, @AcmeCoffee never does")
	a.Tag(act)
	st := map[string]herald.Polarity{}
	for _, m := range act.Brands {
		st[m.Brand] = m.Stance.Label
	}
	if st["rival"] != herald.Negative || st["acme"] != herald.Positive {
		t.Errorf("stances %v, want rival negative, acme positive", st)
	}

	// Other languages are detected and not scored with English lexicons.
	act = post(herald.Twitter, "El café de Acme Coffee es muy malo y el servicio es terrible, nunca más vuelvo")
	a.Tag(act)
	if act.Analysis == nil || act.Analysis.Lang != "es" || act.Analysis.Sentiment.Label != "" || act.Analysis.Intents != 0 {
		t.Errorf("spanish post analysed as %+v", act.Analysis)
	}
	if len(act.Brands) != 1 {
		t.Errorf("spanish post still names the brand: %+v", act.Brands)
	}

	// Likes and tombstones carry no text analysis.
	like := &herald.Activity{Network: herald.Twitter, Kind: herald.KindLike, SubjectAuthor: "acmecoffee"}
	a.Tag(like)
	if like.Analysis != nil || len(like.Brands) != 1 {
		t.Errorf("like: analysis %+v brands %+v", like.Analysis, like.Brands)
	}
}

func TestTrainedModelDecides(t *testing.T) {
	var exs []model.Example
	for i := range 30 {
		// Deliberately against VADER: "love" labelled negative.
		exs = append(exs, model.Example{Text: "i love the queue " + string(rune('a'+i%26)), Label: "negative"},
			model.Example{Text: "what a terrible bargain " + string(rune('a'+i%26)), Label: "positive"})
	}
	m, err := model.Train(context.Background(), exs, model.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAnalyzer(t, m)
	act := post(herald.Twitter, "@AcmeCoffee i love the queue")
	a.Tag(act)
	an := act.Analysis
	if an.Model != m.Version() || an.Sentiment.Label != herald.Negative || an.Sentiment.Score >= 0 || an.VADER.Compound <= 0 {
		t.Errorf("analysis with model %+v", an)
	}
	if act.Brands[0].Stance.Label != herald.Negative {
		t.Errorf("single-brand stance follows the model: %+v", act.Brands[0].Stance)
	}
	if a.Version() != Version+"+"+m.Version() {
		t.Errorf("version %q", a.Version())
	}
}

func TestBadBrandQuery(t *testing.T) {
	ws := testWorkspace()
	ws.Brands[1].Query = `rival AND (coffee`
	_, err := New(testLexicons(t), ws, nil)
	if herald.ErrorCode(err) != herald.EInvalid {
		t.Fatalf("err %v, want invalid", err)
	}
	if got := err.Error(); !contains(got, "brand rival") || !contains(got, "line 1") {
		t.Errorf("error %q should name the brand and the position", got)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestIntentBits(t *testing.T) {
	for _, b := range intentBits {
		if got := b.from.Names(); len(got) != 1 || got[0] != b.to.String() {
			t.Errorf("classifier intent %v is stored as %v", got, b.to)
		}
	}
	if len(intentBits) != len(herald.IntentNames()) {
		t.Errorf("%d intents mapped, %d stored", len(intentBits), len(herald.IntentNames()))
	}
}

package query

import (
	"slices"
	"strings"
	"testing"
)

// spanTexts returns the text each span covers.
func spanTexts(text string, spans []Span) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestQueryMatch(t *testing.T) {
	for _, tc := range []struct {
		query, text string
		want        []string // the spans' texts; nil: no match
	}{
		// word boundaries
		{"acme", "I like Acme.", []string{"Acme"}},
		{"acme", "acme's new store", []string{"acme"}},
		{"acme", "acme, again", []string{"acme"}},
		{"acme", "acmes are here", nil},
		{"acme", "éacme", nil},
		{"acme", "acme2", nil},
		{"acme", "x_acme_y", []string{"acme"}},
		{"acme", "the acme acme", []string{"acme", "acme"}},
		{"acme", "www.acme.com and https://acme.com", nil},
		{"acme", "acme.com", []string{"acme"}},
		{"acme", "mail me at bob@acme please", []string{"acme"}},
		// Unicode folding
		{"café", "CAFÉ time", []string{"CAFÉ"}},
		{"CAFÉ", "Café time", []string{"Café"}},
		{"cafe", "café", nil},
		{"straße", "STRASSE", []string{"STRASSE"}},
		{"οδος", "ΟΔΟΣ", []string{"ΟΔΟΣ"}},
		{"東京", "東京タワー", nil},
		{"東京", "in 東京 today", []string{"東京"}},
		// phrases
		{`"cold brew"`, "Cold Brew!", []string{"Cold Brew"}},
		{`"cold brew"`, "cold-brew", []string{"cold-brew"}},
		{`"cold brew"`, "cold,\n  brew", []string{"cold,\n  brew"}},
		{`"cold brew"`, "cold 🧊 brew", []string{"cold 🧊 brew"}},
		{`"cold brew"`, "brew cold", nil},
		{`"cold brew"`, "colder brew", nil},
		{`"cold brew"`, "cold brewing", nil},
		{`"cold brew"`, "cold #brew", nil},
		{`"cold brew"`, "cold https://x.co brew", nil},
		{`"cold brew coffee"`, "a cold brew, coffee!", []string{"cold brew, coffee"}},
		{"coca-cola", "Coca Cola", []string{"Coca Cola"}},
		// hashtags
		{"#coldbrew", "love #ColdBrew", []string{"#ColdBrew"}},
		{"#coldbrew", "love #ColdBrews", nil},
		{"#coldbrew", "love coldbrew", nil},
		{"#cold", "love #ColdBrew", nil},
		{"coldbrew", "love #coldbrew", []string{"#coldbrew"}},
		{"northwind", "#NorthwindCoffee", []string{"#NorthwindCoffee"}},
		{"coffee", "#NorthwindCoffee", []string{"#NorthwindCoffee"}},
		{"northwindcoffee", "#NorthwindCoffee", []string{"#NorthwindCoffee"}},
		{"windcoffee", "#NorthwindCoffee", nil},
		{"northwind", "#northwind", []string{"#northwind"}},
		{"northwind", "#northwindcoffee", nil},
		{"us", "#USAirways", []string{"#USAirways"}},
		{"airways", "#USAirways", []string{"#USAirways"}},
		{"covid", "#COVID19", []string{"#COVID19"}},
		{"brew", "#cold_brew", []string{"#cold_brew"}},
		{"coldbrew", "#cold_brew", nil},
		{"#cold_brew", "#Cold_Brew", []string{"#Cold_Brew"}},
		{"north*", "#NorthwindCoffee", []string{"#NorthwindCoffee"}},
		{"coff*", "#NorthwindCoffee", []string{"#NorthwindCoffee"}},
		{"wind*", "#NorthwindCoffee", nil},
		{"tag", "C#tag", []string{"tag"}},
		{"#tag", "C#tag", nil},
		// mentions
		{"@united", "@United why?", []string{"@United"}},
		{"@united", "@united@mastodon.social hi", []string{"@united@mastodon.social"}},
		{"@united", "@united.bsky.social hi", []string{"@united.bsky.social"}},
		{"@united", "@united-rebooked me", []string{"@united-rebooked"}},
		{"@united", "@United. Thanks", []string{"@United"}},
		{"@united", "@unitedairlines", nil},
		{"@united", "bob@united.com", nil},
		{"@united", "@bob@united.com", nil},
		{"@united@mastodon.social", "@united@mastodon.social", []string{"@united@mastodon.social"}},
		{"@united@mastodon.social", "@united hi", nil},
		{"@united@mastodon.social", "@united@mastodon.social.evil", nil},
		{"united", "@united hi", nil},
		{"united", "@united flying united", []string{"united"}},
		// wildcards
		{"brew*", "Brewing now", []string{"Brewing"}},
		{"brew*", "brew", []string{"brew"}},
		{"brew*", "craftbrew", nil},
		{"brew*", "@brewdog", nil},
		// NEAR
		{"late NEAR/2 flight", "flight was late", []string{"flight", "late"}},
		{"late NEAR/1 flight", "flight was late", nil},
		{"late NEAR/1 flight", "late flight", []string{"late", "flight"}},
		{"late ONEAR/3 flight", "flight was late", nil},
		{"late ONEAR/3 flight", "late again, the flight", []string{"late", "flight"}},
		{"flight NEAR/1 flight", "flight", nil},
		{"flight NEAR/1 flight", "flight flight", []string{"flight", "flight"}},
		{`"very late" NEAR/2 (flight OR plane)`, "the plane was very late", []string{"plane", "very late"}},
		{`"very late" NEAR/1 (flight OR plane)`, "the plane was very late", nil},
		{"(delay* OR late) NEAR/3 #united", "delayed again #United", []string{"delayed", "#United"}},
		{"late NEAR/2 flight", "late flight and far far far away another flight", []string{"late", "flight"}},
		{"northwind NEAR/2 coffee", "#NorthwindCoffee", nil},
		// NOT and nesting
		{"coffee NOT tea", "coffee and tea", nil},
		{"coffee NOT tea", "coffee, no teapot", []string{"coffee"}},
		{"NOT tea coffee", "coffee", []string{"coffee"}},
		{"coffee NOT (tea OR milk)", "coffee with milk", nil},
		{"(coffee OR tea) AND (hot OR iced)", "iced tea", []string{"iced", "tea"}},
		{"(coffee OR tea) AND (hot OR iced)", "tea", nil},
		{"((a OR b) AND (c OR (d NOT e)))", "b d", []string{"b", "d"}},
		{"((a OR b) AND (c OR (d NOT e)))", "b d e", nil},
		{"a OR b OR c", "c b a", []string{"c", "b", "a"}},
		{"a AND (b OR NOT c)", "a", []string{"a"}},
		{"a AND (b OR NOT c)", "a c", nil},
	} {
		q, err := Parse(tc.query)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.query, err)
			continue
		}
		ok, spans := q.Match(tc.text)
		if ok != (tc.want != nil) {
			t.Errorf("%q.Match(%q) = %v, want %v", tc.query, tc.text, ok, tc.want != nil)
			continue
		}
		if got := spanTexts(tc.text, spans); ok && !slices.Equal(got, tc.want) {
			t.Errorf("%q.Match(%q) spans %q, want %q", tc.query, tc.text, got, tc.want)
		}
	}
}

func TestSetMatch(t *testing.T) {
	set, err := NewSet([]Named{
		{"northwind", "northwind OR @northwindcoffee OR #northwind"},
		{"harbor", `"harbor roasters" OR @harbor`},
		{"tea", "tea NOT coffee"},
	})
	if err != nil {
		t.Fatal(err)
	}
	text := "@Harbor is the worst, @NorthwindCoffee never lets me down. Tea?"
	got := set.Match(text, nil)
	want := []Match{
		{Name: "northwind", Spans: []Span{{22, 38}}},
		{Name: "harbor", Spans: []Span{{0, 7}}},
		{Name: "tea", Spans: []Span{{59, 62}}},
	}
	if !slices.EqualFunc(got, want, func(a, b Match) bool { return a.Name == b.Name && slices.Equal(a.Spans, b.Spans) }) {
		t.Errorf("Match = %+v, want %+v", got, want)
	}
	// dst is appended to, and a text without any term matches nothing.
	got = set.Match("nothing here", got[:1])
	if len(got) != 1 || got[0].Name != "northwind" {
		t.Errorf("Match(no terms, dst) = %+v, want dst unchanged", got)
	}
	if got := set.Match("coffee and tea", nil); len(got) != 0 {
		t.Errorf("Match(excluded) = %+v, want none", got)
	}
}

func TestNewSetErrors(t *testing.T) {
	for _, tc := range []struct {
		queries []Named
		want    string
	}{
		{[]Named{{"a", "x"}, {"a", "y"}}, `compile query set: duplicate query name "a"`},
		{[]Named{{"", "x"}}, "compile query set: query with an empty name"},
		{[]Named{{"b", "x AND"}}, `parse query "b": line 1, column 6: expected a term after AND, found end of query`},
	} {
		_, err := NewSet(tc.queries)
		if err == nil || err.Error() != tc.want {
			t.Errorf("NewSet(%v) = %v, want %q", tc.queries, err, tc.want)
		}
	}
}

func TestMatchLongText(t *testing.T) {
	q, err := Parse("needle")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("hay ", MaxTextBytes/4)
	if ok, _ := q.Match("needle " + body); !ok {
		t.Error("needle at the start of a long text not found")
	}
	if ok, _ := q.Match(body + " needle"); ok {
		t.Error("needle beyond MaxTextBytes found")
	}
}

package query

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// Vocabularies for random queries and texts: they overlap, so that random
// queries match random texts often, and include the traps of word
// boundaries, folding, hashtags and mentions.
var (
	propTerms = []string{
		"cold", "brew", "coffee", "café", "acme", "north", "wind", "tea", "late", "flight", "straße",
		"bre*", "cof*", "nor*", "fli*", "acm*",
		`"cold brew"`, `"north wind"`, `"late flight"`, `"café acme"`, `"tea tea"`,
		"#coldbrew", "#northwind", "#northwindcoffee", "#cold_brew",
		"@acme", "@acme@mastodon.social", "@acme.bsky.social", "@bob",
	}
	propWords = []string{
		"Cold", "COLD", "cold", "brew", "Brewing", "coffee", "CAFÉ", "cafe", "acme", "Acme's", "acmes", "éacme",
		"north", "wind", "NorthWind", "tea", "Tea", "late", "flight", "flights", "STRASSE", "x",
		"#ColdBrew", "#coldbrew", "#NorthWind", "#North_Wind", "#NorthWindCoffee", "#TEA", "#cold_brew", "C#brew",
		"@Acme", "@acme@Mastodon.social", "@acme.bsky.social", "@acme-x", "bob@acme", "@bob", "@bob@acme",
		"https://acme.com/cold", "www.north.com", "💥", "_#tea",
	}
	propSeps = []string{" ", " ", " ", ", ", ". ", "-", "\n", "'", " — ", "", "#", "@"}
)

// randQuery builds a random query source of about depth levels.
func randQuery(r *rand.Rand, depth int) string {
	if depth <= 0 || r.IntN(4) == 0 {
		return propTerms[r.IntN(len(propTerms))]
	}
	a, b := randQuery(r, depth-1), randQuery(r, depth-1)
	switch r.IntN(7) {
	case 0:
		return "(" + a + " OR " + b + ")"
	case 1:
		return a + " AND " + b
	case 2:
		return a + " " + b
	case 3:
		return a + " NOT " + b
	case 4:
		return "NOT " + a + " " + b
	}
	op := "NEAR"
	if r.IntN(3) == 0 {
		op = "ONEAR"
	}
	return fmt.Sprintf("%s %s/%d %s", randGroup(r), op, 1+r.IntN(4), randGroup(r))
}

// randGroup is a term or an OR-group of terms, for NEAR.
func randGroup(r *rand.Rand) string {
	t := propTerms[r.IntN(len(propTerms))]
	if r.IntN(3) > 0 {
		return t
	}
	return "(" + t + " OR " + propTerms[r.IntN(len(propTerms))] + ")"
}

func randText(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(14) {
		b.WriteString(propWords[r.IntN(len(propWords))])
		b.WriteString(propSeps[r.IntN(len(propSeps))])
	}
	return b.String()
}

// TestSetMatchesReference compares a Set of random queries, compiled into
// one automaton, with the brute-force reference on random texts.
func TestSetMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	matched := 0
	for round := range 50 {
		var named []Named
		var queries []*Query
		for len(named) < 40 {
			src := randQuery(r, 3)
			q, err := Parse(src)
			if err != nil {
				continue // e.g. only NOT
			}
			named = append(named, Named{Name: fmt.Sprint(len(named)), Query: src})
			queries = append(queries, q)
		}
		set, err := NewSet(named)
		if err != nil {
			t.Fatal(err)
		}
		for range 150 {
			text := randText(r)
			got := set.Match(text, nil)
			matched += len(got)
			compareWithReference(t, round, queries, named, text, got)
		}
	}
	t.Logf("%d matches of 50×40 queries in 50×150 texts", matched)
	if matched < 20000 {
		t.Errorf("only %d matches: the vocabularies drifted apart", matched)
	}
}

// compareWithReference checks a Set's matches for text against the
// reference result of each query.
func compareWithReference(t *testing.T, round int, queries []*Query, named []Named, text string, got []Match) {
	t.Helper()
	byName := map[string][]Span{}
	for _, m := range got {
		byName[m.Name] = m.Spans
	}
	toks := refTokenize(text)
	for i, q := range queries {
		wantOK, wantSpans := refMatchTokens(q, toks)
		spans, ok := byName[named[i].Name]
		if ok != wantOK || !slices.Equal(spans, wantSpans) {
			t.Fatalf("round %d: query %q (%s) on %q: got %v %v, want %v %v",
				round, named[i].Query, q, text, ok, spanTexts(text, spans), wantOK, spanTexts(text, wantSpans))
		}
	}
}

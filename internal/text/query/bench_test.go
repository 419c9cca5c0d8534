package query

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// fallbackTweets stand in for Tweets.csv when it is absent.
var fallbackTweets = []string{
	"@united my flight was delayed 3 hours and nobody at the gate could help #fail",
	"@SouthwestAir thanks for the great service today, the crew was awesome!",
	"@AmericanAir lost my bag again. Customer service is the worst. #AmericanAirlines",
	"@USAirways been on hold for 2 hours, flight Cancelled Flightled, need rebooking",
	"@JetBlue love the free wifi and the legroom, see you next week #travel",
	"@VirginAmerica the new website is beautiful, booking was easy",
	"@united why would you charge me for a seat change on a delayed flight?",
	"@AmericanAir @united which one of you will get me to Chicago tonight?",
	"@SouthwestAir can you help with my reservation? confirmation number sent by DM",
	"@JetBlue stuck on the tarmac at JFK for an hour, no updates from the pilot",
	"@USAirways the flight attendant on 1234 was so kind to my kids, thank you",
	"@VirginAmerica @united fly me to SFO please, my luggage is lost #neveragain",
}

// benchTexts returns the airline tweets' texts, or the fallback set.
func benchTexts() []string {
	tweets, err := airlineData()
	if err != nil || len(tweets) == 0 {
		return fallbackTweets
	}
	texts := make([]string, len(tweets))
	for i, tw := range tweets {
		texts[i] = tw.text
	}
	return texts
}

// ranked returns the keys of counts from the most to the least frequent,
// ties in alphabetical order.
func ranked(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	return keys
}

// vocabulary gathers the words, word pairs, hashtags and handles of texts,
// by frequency.
func vocabulary(texts []string) (words, pairs, tags, handles []string) {
	wc, pc, tc, hc := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	isWord := func(r rune) bool { return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	for _, t := range texts {
		prev := ""
		for _, f := range strings.Fields(strings.ToLower(t)) {
			core := strings.TrimFunc(f[1:], func(r rune) bool { return !isWord(r) })
			switch {
			case strings.IndexFunc(core, func(r rune) bool { return !isWord(r) }) >= 0 || core == "":
			case f[0] == '#':
				tc["#"+core]++
			case f[0] == '@':
				hc["@"+core]++
			}
			w := strings.TrimFunc(f, func(r rune) bool { return !isWord(r) })
			if w == "" || strings.IndexFunc(w, func(r rune) bool { return !isWord(r) }) >= 0 || !isWord(rune(f[0])) {
				prev = ""
				continue
			}
			wc[w]++
			if prev != "" {
				pc[`"`+prev+" "+w+`"`]++
			}
			prev = w
		}
	}
	return ranked(wc), ranked(pc), ranked(tc), ranked(hc)
}

// manyQueries generates n queries of 5 terms each from the vocabulary of
// texts, deterministically, skipping the most frequent terms.
func manyQueries(texts []string, n int) []Named {
	words, pairs, tags, handles := vocabulary(texts)
	pick := func(r *rand.Rand, list []string, skip, span int) string {
		span = min(span, len(list)-skip)
		return list[skip+r.IntN(span)]
	}
	r := rand.New(rand.NewPCG(5000, 1))
	term := func() string {
		switch k := r.IntN(20); {
		case k < 9:
			return pick(r, words, 40, 3000)
		case k < 13:
			return pick(r, pairs, 20, 4000)
		case k < 16:
			return pick(r, tags, 0, 600)
		case k < 19:
			w := pick(r, words, 40, 3000)
			if len(w) < 5 {
				return w
			}
			return w[:len(w)-2] + "*"
		default:
			return pick(r, handles, 10, 400)
		}
	}
	shapes := []string{
		"%s OR %s OR %s OR %s OR %s",
		"(%s OR %s) AND (%s OR %s) NOT %s",
		"(%s OR %s) NEAR/4 %s OR %s %s",
		"%s %s OR %s %s NOT %s",
	}
	out := make([]Named, n)
	for i := range out {
		out[i] = Named{Name: fmt.Sprint("q", i), Query: fmt.Sprintf(shapes[i%len(shapes)], term(), term(), term(), term(), term())}
	}
	return out
}

// BenchmarkSetMatch matches the airline tweets against the six airlines'
// queries and against 1,000 generated queries of 5 terms (5,000 terms),
// on one goroutine, and reports posts/s.
func BenchmarkSetMatch(b *testing.B) {
	texts := benchTexts()
	for _, bc := range []struct {
		name    string
		queries []Named
	}{
		{"airlines", airlineQueries},
		{"5000terms", manyQueries(texts, 1000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			set, err := NewSet(bc.queries)
			if err != nil {
				b.Fatal(err)
			}
			var ms []Match
			n, matches := 0, 0
			b.ReportAllocs()
			for b.Loop() {
				ms = set.Match(texts[n%len(texts)], ms[:0])
				matches += len(ms)
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "posts/s")
			b.ReportMetric(float64(matches)/float64(n), "matches/post")
			b.ReportMetric(float64(len(set.atoms)), "distinct-terms")
		})
	}
}

// BenchmarkNewSet compiles the 5,000-term set.
func BenchmarkNewSet(b *testing.B) {
	queries := manyQueries(benchTexts(), 1000)
	for b.Loop() {
		if _, err := NewSet(queries); err != nil {
			b.Fatal(err)
		}
	}
}

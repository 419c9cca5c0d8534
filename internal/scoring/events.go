package scoring

import (
	"sort"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/text/stance"
)

// events turns a person's activities into scoring events: one per activity
// and brand it is about.
func events(acts []store.ScoringActivity) []advocacy.Event {
	var out []advocacy.Event
	for _, a := range acts {
		answer := a.ParentQuestion && a.Kind == herald.KindReply
		brands := a.Brands
		if len(brands) == 0 && answer {
			brands = answerBrands(a)
		}
		if len(brands) == 0 {
			continue
		}
		hash := advocacy.Fingerprint(a.Text)
		review := len(a.Text) >= reviewBytes && a.Sentiment.Label != herald.Negative && a.Sentiment.Label != ""
		for _, m := range brands {
			out = append(out, advocacy.Event{
				Activity: a.ID, Person: a.PersonID, Brand: m.BrandID, At: a.At.Unix(), Kind: a.Kind,
				Polarity: m.Stance.Label, StanceScore: m.Stance.Score, Intents: a.Intents, Direct: m.Direct,
				Media: a.Media, Links: a.Links, Answer: answer, Reach: a.Reach, TextHash: hash,
				OwnAccount: m.Source == herald.MatchAuthor, Review: review,
				Shared: len(brands) > 1 && m.Stance.Basis == stance.BasisOverall,
			})
		}
	}
	return out
}

// reviewBytes is the length from which a non-negative post reads as a
// review rather than a remark.
const reviewBytes = 200

// answerBrands credits an answer to another customer's question that does
// not name a brand to the brands the question was about, with the answer's
// overall sentiment as its stance.
func answerBrands(a store.ScoringActivity) []herald.BrandMention {
	out := make([]herald.BrandMention, len(a.ParentBrands))
	for i, m := range a.ParentBrands {
		out[i] = herald.BrandMention{BrandID: m.BrandID, Brand: m.Brand, Source: herald.MatchReply,
			Stance: herald.Stance{Sentiment: a.Sentiment, Basis: "answer"}}
	}
	return out
}

// interactions counts whom a person's activities address: replies,
// shares, quotes and likes of their posts, and @mentions, by handle.
func interactions(acts []store.ScoringActivity) []store.Interaction {
	count := map[store.Interaction]int64{}
	for _, a := range acts {
		for _, h := range a.Targets {
			count[store.Interaction{Network: string(a.Network), Handle: h}]++
		}
	}
	out := make([]store.Interaction, 0, len(count))
	for k, n := range count {
		k.Weight = n
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Network != out[j].Network {
			return out[i].Network < out[j].Network
		}
		return out[i].Handle < out[j].Handle
	})
	return out
}

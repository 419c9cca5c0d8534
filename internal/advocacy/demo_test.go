package advocacy

import (
	"context"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/demo"
)

// demoWorld is the demo community turned into scoring inputs: events built
// from the analysed activities roughly the way the importer builds them,
// and people (linked identities merged) with followers, centrality and
// employers.
type demoWorld struct {
	sum     demo.Summary
	brands  []Brand
	people  []Person
	events  [][]Event      // per person
	person  map[string]int // identity key → person
	handle  map[string]int // "network:handle" (lower case) → person
	archOf  []demo.Archetype
	asOf    int64
	results [][]Result // per person
	acts    []*herald.Activity
}

// loadDemo generates the demo community, analyses it and builds the
// scoring inputs.
func loadDemo(t testing.TB, opt demo.Options) *demoWorld {
	t.Helper()
	ws := demo.Workspace()
	for i := range ws.Brands {
		ws.Brands[i].ID = int64(i + 1)
	}
	lex, err := analysis.LoadLexicons()
	if err != nil {
		t.Fatal(err)
	}
	an, err := analysis.New(lex, &ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	var acts []*herald.Activity
	sum, err := demo.Generate(context.Background(), opt, func(r herald.Record) error {
		if r.Activity != nil && !r.Activity.Deleted {
			acts = append(acts, r.Activity)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	analyse(an, acts)
	w := &demoWorld{sum: sum, person: map[string]int{}, handle: map[string]int{}, asOf: sum.End.Unix(), acts: acts}
	for _, b := range ws.Brands {
		w.brands = append(w.brands, Brand{ID: b.ID, Slug: b.Slug, Own: b.Role == herald.RoleOwn})
	}
	w.identify(acts)
	w.declareEmployees(&ws)
	w.buildEvents(acts)
	w.centrality(acts)
	return w
}

// analyse tags every activity, on two cores.
func analyse(an *analysis.Analyzer, acts []*herald.Activity) {
	var wg sync.WaitGroup
	const workers = 2
	for k := range workers {
		wg.Go(func() {
			for i := k; i < len(acts); i += workers {
				an.Tag(acts[i])
			}
		})
	}
	wg.Wait()
}

// identify gives every identity its person (linked identities share one)
// and every person their largest audience.
func (w *demoWorld) identify(acts []*herald.Activity) {
	for _, group := range w.sum.Linked {
		p := w.newPerson()
		for _, key := range group {
			w.person[key] = p
		}
	}
	for _, a := range acts {
		key := a.Author.Key().String()
		p, ok := w.person[key]
		if !ok {
			p = w.newPerson()
			w.person[key] = p
		}
		w.handle[handleKey(a.Network, a.Author.Handle)] = p
		w.people[p].Followers = max(w.people[p].Followers, a.Author.Followers)
		if w.archOf[p] == "" {
			w.archOf[p] = w.sum.Truth[key]
		}
	}
}

func handleKey(n herald.Network, h string) string { return string(n) + ":" + herald.NormalizeHandle(h) }

func (w *demoWorld) newPerson() int {
	w.people = append(w.people, Person{ID: int64(len(w.people)), Followers: -1})
	w.events = append(w.events, nil)
	w.archOf = append(w.archOf, "")
	return len(w.people) - 1
}

// declareEmployees marks the people behind the brands' declared employee
// accounts.
func (w *demoWorld) declareEmployees(ws *herald.Workspace) {
	for _, b := range ws.Brands {
		for _, ref := range b.Employees {
			if p, ok := w.handle[handleKey(ref.Network, ref.Handle)]; ok {
				w.people[p].Employee = append(w.people[p].Employee, b.ID)
			}
		}
	}
}

// buildEvents turns each activity into one event per brand it is about.
func (w *demoWorld) buildEvents(acts []*herald.Activity) {
	type post struct {
		byBrand, question bool
		brands            []herald.BrandMention
	}
	posts := map[string]post{}
	for i, a := range acts {
		p := w.person[a.Author.Key().String()]
		byBrand := false
		for _, bm := range a.Brands {
			byBrand = byBrand || bm.Source == herald.MatchAuthor
		}
		var intents herald.Intents
		if a.Analysis != nil {
			intents = a.Analysis.Intents
		}
		posts[string(a.Network)+":"+a.ExternalID] = post{byBrand, intents.Has(herald.IntentQuestion), a.Brands}
		parent, ok := posts[string(a.Network)+":"+a.InReplyTo]
		answer := a.Kind == herald.KindReply && ok && !parent.byBrand && parent.question && !byBrand
		if answer && len(a.Brands) == 0 && a.Analysis != nil {
			// An answer about the brand of the question, which it does
			// not name: the overall sentiment is its stance.
			for _, bm := range parent.brands {
				a.Brands = append(a.Brands, herald.BrandMention{BrandID: bm.BrandID, Brand: bm.Brand,
					Source: herald.MatchReply, Stance: herald.Stance{Sentiment: a.Analysis.Sentiment}})
			}
		}
		for _, bm := range a.Brands {
			shared := false
			for _, o := range a.Brands {
				shared = shared || o.BrandID != bm.BrandID && polarityRank(o.Stance.Label) >= polarityRank(bm.Stance.Label)
			}
			e := Event{Shared: shared,
				Activity: int64(i + 1), Person: int64(p), Brand: bm.BrandID, At: a.CreatedAt.Unix(), Kind: a.Kind,
				Polarity: bm.Stance.Label, StanceScore: bm.Stance.Score, Intents: intents, Direct: bm.Direct,
				Media: a.Media > 0, Links: len(a.Links) > 0, Answer: answer, OwnAccount: bm.Source == herald.MatchAuthor,
				Reach: max(a.Metrics.Likes, 0) + max(a.Metrics.Shares, 0) + max(a.Metrics.Replies, 0) + max(a.Metrics.Quotes, 0),
			}
			if e.text() {
				e.TextHash = Fingerprint(a.Text)
				e.Review = utf8.RuneCountInString(a.Text) >= 200 && e.Polarity != herald.Negative
			}
			w.events[p] = append(w.events[p], e)
		}
	}
}

// polarityRank orders stance labels: negative, neutral or unknown,
// positive.
func polarityRank(p herald.Polarity) int {
	switch p {
	case herald.Positive:
		return 2
	case herald.Negative:
		return 0
	}
	return 1
}

// centrality sets every person's PageRank in the reply, mention and share
// graph.
func (w *demoWorld) centrality(acts []*herald.Activity) {
	var edges []Edge
	link := func(from int, n herald.Network, handle string) {
		if to, ok := w.handle[handleKey(n, handle)]; ok && to != from {
			edges = append(edges, Edge{From: int32(from), To: int32(to), Weight: 1})
		}
	}
	for _, a := range acts {
		p := w.person[a.Author.Key().String()]
		switch a.Kind {
		case herald.KindReply:
			link(p, a.Network, a.InReplyToAuthor)
		case herald.KindShare, herald.KindQuote:
			link(p, a.Network, a.SubjectAuthor)
		}
		for _, m := range a.Mentions {
			link(p, a.Network, m)
		}
	}
	for p, c := range Relative(PageRank(len(w.people), edges, 0.85, 30)) {
		w.people[p].Centrality = c
	}
}

// score scores every person with the given weights.
func (w *demoWorld) score(weights Weights) {
	w.results = make([][]Result, len(w.people))
	for p := range w.people {
		w.results[p] = Score(w.people[p], Summarize(w.events[p]), w.brands, w.asOf, weights)
	}
}

// own returns person p's result for the own brand (audience when none).
func (w *demoWorld) own(p int) Result {
	for _, r := range w.results[p] {
		if r.Brand == w.brands[0].ID {
			return r
		}
	}
	return Result{Person: int64(p), Brand: w.brands[0].ID}
}

// demoFlags keeps the flags the demo's expectations know.
func demoFlags(f Flags) []string {
	var out []string
	for _, n := range f.Names() {
		switch n {
		case demo.FlagDetractor, demo.FlagAtRisk, demo.FlagCompetitorAdvocate, demo.FlagEmployee:
			out = append(out, n)
		}
	}
	return out
}

package analysis

import (
	"slices"
	"strings"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/text/query"
	"github.com/herald-advocacy/herald/internal/text/stance"
	"github.com/herald-advocacy/herald/internal/text/vader"
)

// Result holds what the analysis found beyond what is stored: where each
// brand is named and the evidence of each stance. `herald analyze` prints
// it.
type Result struct {
	LangConfidence float64
	Spans          map[string][]query.Span // brand slug → where the text names it
	Stances        []stance.Stance
}

// Explain analyses an activity in place like Tag and returns the details.
func (a *Analyzer) Explain(act *herald.Activity) Result {
	a.tagger.Tag(act)
	var r Result
	a.analyze(act, &r)
	return r
}

// matchBrands runs the brand queries over the text and adds the brands
// they find to the activity's mentions (keeping stronger structural
// evidence). The matches, appended to dst, say where each brand is named.
func (a *Analyzer) matchBrands(act *herald.Activity, text string, dst []query.Match) []query.Match {
	set := a.brands.forNetwork(act.Network)
	if set == nil {
		return dst
	}
	dst = set.Match(text, dst)
	if len(dst) == 0 {
		return dst
	}
	for _, m := range dst {
		slug, explicit := strings.CutSuffix(m.Name, explicitSuffix)
		a.addMention(act, slug, textSource(text, m.Spans, explicit))
	}
	if len(act.Brands) > 1 {
		slices.SortStableFunc(act.Brands, func(x, y herald.BrandMention) int { return int(x.BrandID - y.BrandID) })
	}
	return dst
}

// spansOf appends where the matches name a brand.
func spansOf(matches []query.Match, slug string, dst []stance.Span) []stance.Span {
	for _, m := range matches {
		if strings.TrimSuffix(m.Name, explicitSuffix) == slug {
			for _, s := range m.Spans {
				dst = append(dst, stance.Span{Start: s.Start, End: s.End})
			}
		}
	}
	return dst
}

// addMention records that the text names a brand, unless the activity
// already carries stronger evidence for it.
func (a *Analyzer) addMention(act *herald.Activity, slug string, src herald.MatchSource) {
	b, ok := a.ids[slug]
	if !ok {
		return
	}
	direct := src == herald.MatchMention
	for i := range act.Brands {
		if act.Brands[i].BrandID != b.ID {
			continue
		}
		if act.Brands[i].Source == herald.MatchImported {
			act.Brands[i].Source, act.Brands[i].Direct = src, direct
		}
		return
	}
	act.Brands = append(act.Brands, herald.BrandMention{BrandID: b.ID, Brand: b.Slug, Source: src, Direct: direct})
}

// textSource tells how the text names a brand: by an @mention (which
// addresses it), a hashtag, a keyword, or the brand's own query.
func textSource(text string, spans []query.Span, explicit bool) herald.MatchSource {
	src := herald.MatchKeyword
	if explicit {
		src = herald.MatchQuery
	}
	for _, s := range spans {
		switch text[s.Start] {
		case '@':
			return herald.MatchMention
		case '#':
			src = herald.MatchHashtag
		}
	}
	return src
}

// stances sets each brand mention's stance: per clause and relation when
// the post names several brands, the overall reading otherwise. r, when
// not nil, receives the evidence.
func (a *Analyzer) stances(act *herald.Activity, text string, vs vader.Scores, sc *scratch, r *Result) {
	if len(act.Brands) == 0 {
		return
	}
	sc.targets, sc.spans = sc.targets[:0], sc.spans[:0]
	for _, m := range act.Brands {
		start := len(sc.spans)
		sc.spans = spansOf(sc.matches, m.Brand, sc.spans)
		t := stance.Target{Brand: m.Brand, Spans: sc.spans[start:len(sc.spans):len(sc.spans)]}
		// A brand the text names is placed by its spans; one it does not
		// name but the post replies to is the addressee of the whole text.
		t.Addressed = m.Direct && len(t.Spans) == 0
		sc.targets = append(sc.targets, t)
	}
	sc.stances = a.lex.stance.Analyze(text, vs, sc.targets, sc.stances[:0])
	an := act.Analysis
	for i, st := range sc.stances {
		s := herald.Stance{Sentiment: herald.Sentiment{Label: herald.Polarity(st.Label), Score: st.Score}, Basis: st.Basis}
		if st.Basis == stance.BasisOverall {
			s.Sentiment = an.Sentiment // the model's reading when there is one
		}
		act.Brands[i].Stance = s
		an.Sarcasm = an.Sarcasm || st.Sarcasm
	}
	if r != nil {
		r.Stances = slices.Clone(sc.stances)
		r.Spans = map[string][]query.Span{}
		for _, m := range sc.matches {
			slug := strings.TrimSuffix(m.Name, explicitSuffix)
			r.Spans[slug] = append(r.Spans[slug], m.Spans...)
		}
	}
}

// scratch holds one analysis' buffers, recycled through the Analyzer's
// pool.
type scratch struct {
	matches []query.Match
	targets []stance.Target
	spans   []stance.Span
	stances []stance.Stance
}

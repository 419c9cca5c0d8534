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

// matchBrands runs the brand queries over the text, adds the brands they
// find to the activity's mentions (keeping stronger structural evidence)
// and returns where each brand is named.
func (a *Analyzer) matchBrands(act *herald.Activity, text string) map[string][]query.Span {
	set := a.brands.forNetwork(act.Network)
	if set == nil {
		return nil
	}
	matches := set.Match(text, nil)
	if len(matches) == 0 {
		return nil
	}
	spans := make(map[string][]query.Span, len(matches))
	for _, m := range matches {
		slug, explicit := strings.CutSuffix(m.Name, explicitSuffix)
		spans[slug] = append(spans[slug], m.Spans...)
		a.addMention(act, slug, textSource(text, m.Spans, explicit))
	}
	slices.SortStableFunc(act.Brands, func(x, y herald.BrandMention) int { return int(x.BrandID - y.BrandID) })
	return spans
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
// the post names several brands, the overall reading otherwise.
func (a *Analyzer) stances(act *herald.Activity, text string, vs vader.Scores, spans map[string][]query.Span, r *Result) {
	if len(act.Brands) == 0 {
		return
	}
	targets := make([]stance.Target, len(act.Brands))
	for i, m := range act.Brands {
		t := stance.Target{Brand: m.Brand}
		for _, s := range spans[m.Brand] {
			t.Spans = append(t.Spans, stance.Span{Start: s.Start, End: s.End})
		}
		// A brand the text names is placed by its spans; one it does not
		// name but the post replies to is the addressee of the whole text.
		t.Addressed = m.Direct && len(t.Spans) == 0
		targets[i] = t
	}
	r.Spans = spans
	r.Stances = a.lex.stance.Analyze(text, vs, targets, nil)
	an := act.Analysis
	for i, st := range r.Stances {
		s := herald.Stance{Sentiment: herald.Sentiment{Label: herald.Polarity(st.Label), Score: st.Score}, Basis: st.Basis}
		if st.Basis == stance.BasisOverall {
			s.Sentiment = an.Sentiment // the model's reading when there is one
		}
		act.Brands[i].Stance = s
		an.Sarcasm = an.Sarcasm || st.Sarcasm
	}
}

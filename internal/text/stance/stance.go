package stance

import (
	"errors"
	"sync"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/text/vader"
)

// Span is a byte range [Start, End) of a post's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Target is one brand whose stance is wanted, with where the post names it.
type Target struct {
	// Brand identifies the brand; it is copied to the Stance unchanged.
	Brand string
	// Spans are the byte ranges of the text naming the brand. Spans out of
	// range or empty are ignored. No spans means the brand is only implied
	// (the post replies to it): it is then the addressee.
	Spans []Span
	// Addressed reports that the post replies to or @-addresses the brand.
	Addressed bool
}

// Stance is the sentiment of a post toward one brand, with how it was
// decided.
type Stance struct {
	Brand string `json:"brand"`
	// Score is in [-1, 1]: a VADER compound score of the evidence, or a
	// relation's score (see the Basis constants).
	Score float64 `json:"score"`
	// Label is Positive, Negative or Neutral, at VADER's ±0.05 thresholds.
	Label string `json:"label"`
	// Basis says how the stance was decided: one of the Basis constants.
	Basis string `json:"basis"`
	// Evidence is the text that decided it: the clause, the clauses (the
	// smallest span covering them) or the relation's window. It is the zero
	// Span when nothing in the text bears on the brand.
	Evidence Span `json:"evidence"`
	// Sarcasm reports that a positive score of the evidence was flipped
	// because of a sarcasm marker (see the package documentation).
	Sarcasm bool `json:"sarcasm,omitempty"`
}

// Labels, at VADER's conventional thresholds on the compound score.
const (
	Positive = "positive"
	Negative = "negative"
	Neutral  = "neutral"
)

// Bases: how a stance was decided.
const (
	// BasisOverall: the whole text's VADER score (single brand, or every
	// brand shares the whole text).
	BasisOverall = "overall"
	// BasisClause: the VADER score of the clauses naming the brand.
	BasisClause = "clause"
	// BasisAddressed: the VADER score of the clauses that name no other
	// brand, for a brand the post addresses.
	BasisAddressed = "addressed"
	// BasisProximity: the brand's clause bears no sentiment; a nearby clause
	// of the same sentence that names no other brand decided.
	BasisProximity = "proximity"
	// BasisSituation: no sentiment words, but a negative situation word
	// (delayed, cancelled, stranded, ...) in the brand's clause.
	BasisSituation = "situation"
	// BasisContrast: an elliptical or contrastive clause ("@B never does",
	// "but @B was on time") takes the opposite polarity of its partner.
	BasisContrast = "contrast"
	// BasisEcho: an elliptical clause repeating its partner ("@B too").
	BasisEcho = "echo"
	// BasisBetterThan, BasisWorseThan: "X is better/worse than Y", "X > Y".
	BasisBetterThan = "comparative:better_than"
	BasisWorseThan  = "comparative:worse_than"
	// BasisBeats: "X beats Y", "X loses to Y".
	BasisBeats = "comparative:beats"
	// BasisPrefer: "prefer X over Y", "choose X over Y", "rather X than Y".
	BasisPrefer = "comparative:prefer"
	// BasisComparedTo: "X sucks compared to Y": Y opposite to the clause.
	BasisComparedTo = "comparative:compared_to"
	// BasisUnlike: "unlike Y, ..." or "except Y": Y opposite to the main clause.
	BasisUnlike = "unlike"
	// BasisSwitchFrom, BasisSwitchTo: "switched from Y to X", "leaving Y
	// for X", "moving to X" (the addressee is the one left).
	BasisSwitchFrom = "switch_from"
	BasisSwitchTo   = "switch_to"
	// BasisPreference: "this is why I fly X", "learn from X", "X ftw".
	BasisPreference = "preference"
	// BasisRejection: "done with X", "never fly X again", "goodbye X".
	BasisRejection = "rejection"
	// BasisRival: the addressee a preference or switch turns away from.
	BasisRival = "rival"
	// BasisMention: named only in a trailing mention or cc, with no stance.
	BasisMention = "mention"
	// BasisNone: nothing in the text bears on the brand.
	BasisNone = "none"
)

// Limits on untrusted input. Only the first MaxTextBytes of a text are
// split into clauses (a brand named only past them is scored with the last
// clause); targets past the first MaxTargets get the overall score; spans
// past the first MaxSpans in all are ignored (a target left without one is
// taken as addressed).
const (
	MaxTextBytes = 16 << 10
	MaxTargets   = 64
	MaxSpans     = 1024
	maxTokens    = 4096
)

// Analyzer decides per-brand stances. Build it with New; it is safe for
// concurrent use.
type Analyzer struct {
	v    *vader.Analyzer
	pool sync.Pool // *scratch
}

// New returns an Analyzer scoring clauses with v.
func New(v *vader.Analyzer) (*Analyzer, error) {
	if v == nil {
		return nil, errors.New("stance: new analyzer: nil VADER analyzer")
	}
	a := &Analyzer{v: v}
	a.pool.New = func() any { return newScratch() }
	return a, nil
}

// Label maps a score to Positive, Negative or Neutral at ±0.05.
func Label(score float64) string { return string(herald.PolarityOf(score)) }

// Analyze appends to dst[:0] one Stance per target, in order, and returns
// it. overall is the VADER score of the whole text, which the caller has
// already computed: a single target, or targets that all share the whole
// text, get it (adjusted for sarcasm) without further scoring.
func (a *Analyzer) Analyze(text string, overall vader.Scores, targets []Target, dst []Stance) []Stance {
	dst = dst[:0]
	switch len(targets) {
	case 0:
		return dst
	case 1:
		return append(dst, a.single(text, overall.Compound, targets[0].Brand))
	}
	s := a.pool.Get().(*scratch)
	defer a.pool.Put(s)
	s.prepare(text, overall.Compound, targets)
	s.analyze(a.v)
	for i := range targets {
		st := s.stances[i]
		st.Brand = targets[i].Brand
		st.Label = Label(st.Score)
		dst = append(dst, st)
	}
	return dst
}

// single is the one-brand path: the overall score, flipped when positive
// and sarcastic. Only positive texts are scanned.
func (a *Analyzer) single(text string, compound float64, brand string) Stance {
	st := Stance{Brand: brand, Score: compound, Basis: BasisOverall, Evidence: Span{0, len(text)}}
	if compound >= 0.05 {
		s := a.pool.Get().(*scratch)
		s.prepare(text, compound, nil)
		if len(s.zones) > 0 {
			st.Score, st.Sarcasm = -compound, true
		}
		a.pool.Put(s)
	}
	st.Label = Label(st.Score)
	return st
}

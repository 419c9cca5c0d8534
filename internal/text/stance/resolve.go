package stance

import (
	"math"

	"github.com/herald-advocacy/herald/internal/text/vader"
)

// situationScore is the score of a clause without VADER sentiment that
// reports a bad situation ("@B was late again"), or its negation ("@B is
// never late").
const situationScore = 0.3

// scratch holds one call's state; Analyzers recycle it through a pool.
type scratch struct {
	v       *vader.Analyzer
	text    string
	lower   string // text[:limit] with ASCII lowercased
	lowbuf  []byte
	limit   int
	overall float64
	nb      int // targets taking part: min(len(targets), MaxTargets)

	// Brand masks (bit i: targets[i]).
	spanned uint64 // has a valid span
	addr    uint64 // addressees: leading run, Addressed, or no spans
	named   uint64 // named outside the leading run
	trail   uint64 // named only in a trailing mention run or cc

	marks    []mark
	toks     []token
	clauses  []clause
	zones    []Span
	verdicts []verdict
	stances  []Stance
	list     []int
	buf      []byte

	neutralKnown, neutral bool // see mentionsNeutral
}

// newScratch returns an empty scratch with room for a typical post.
func newScratch() *scratch {
	return &scratch{toks: make([]token, 0, 64), clauses: make([]clause, 0, 8)}
}

// prepare tokenizes text and finds its sarcasm zones; targets may be nil.
func (s *scratch) prepare(text string, overall float64, targets []Target) {
	s.text, s.overall = text, overall
	s.limit = min(len(text), MaxTextBytes)
	s.lower, s.lowbuf = lowerASCII(text[:s.limit], s.lowbuf)
	s.spanned, s.addr, s.named, s.trail = 0, 0, 0, 0
	s.neutralKnown = false
	s.nb = min(len(targets), MaxTargets)
	s.collectMarks(targets)
	s.tokenize()
	s.findZones()
	s.verdicts = append(s.verdicts[:0], make([]verdict, s.nb)...)
	s.stances = append(s.stances[:0], make([]Stance, len(targets))...)
	for b := 0; b < s.nb; b++ {
		if targets[b].Addressed || s.spanned&(1<<b) == 0 {
			s.addr |= 1 << b
		}
	}
}

// analyze decides the stances of the prepared text's targets.
func (s *scratch) analyze(v *vader.Analyzer) {
	s.v = v
	s.leadRun()
	s.buildClauses()
	s.mergeMentionOnly()
	s.annotate()
	s.inherit()
	s.placeUnseen()
	if s.named|s.trail != 0 {
		s.relations()
	}
	for b := range s.stances {
		if b >= s.nb {
			s.stances[b] = s.overallStance()
			continue
		}
		st := s.resolve(b)
		st.Evidence = trimSpan(s.text, st.Evidence)
		s.stances[b] = st
	}
}

// trimSpan narrows sp to exclude surrounding white space.
func trimSpan(text string, sp Span) Span {
	for sp.Start < sp.End && isSpace(text[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isSpace(text[sp.End-1]) {
		sp.End--
	}
	return sp
}

// placeUnseen collects the leading-run addressees, and puts brands whose
// spans gave no token (past the analysed prefix) in the last clause.
func (s *scratch) placeUnseen() {
	var seen uint64
	for i := range s.toks {
		if t := &s.toks[i]; t.kind == kMention {
			seen |= t.brands
			if t.lead {
				s.addr |= t.brands
			}
		}
	}
	if unseen := s.spanned &^ seen; unseen != 0 {
		s.clauses[len(s.clauses)-1].owners |= unseen
		s.named |= unseen
		s.trail &^= unseen
	}
}

// overallStance is the whole text's score, flipped when sarcastic.
func (s *scratch) overallStance() Stance {
	st := Stance{Score: s.overall, Basis: BasisOverall, Evidence: Span{0, len(s.text)}}
	if s.overall >= 0.05 && len(s.zones) > 0 {
		st.Score, st.Sarcasm = -s.overall, true
	}
	return st
}

// resolve decides the stance toward targets[b].
func (s *scratch) resolve(b int) Stance {
	v := s.verdicts[b]
	if v.prio == prioExplicit {
		return v.stance()
	}
	st := s.resolveOwn(b)
	if v.prio == prioRival && Label(st.Score) != Negative {
		return v.stance()
	}
	return st
}

// stance is the Stance a verdict decides.
func (v verdict) stance() Stance {
	return Stance{Score: v.score, Basis: v.basis, Evidence: v.ev}
}

// resolveOwn decides the stance toward targets[b] from its own clauses.
func (s *scratch) resolveOwn(b int) Stance {
	bit := uint64(1) << b
	switch {
	case s.named&bit != 0:
		return s.resolveList(bit, BasisClause)
	case s.addr&bit != 0:
		return s.resolveList(bit, BasisAddressed)
	case s.trail&bit != 0:
		last := &s.clauses[len(s.clauses)-1]
		return Stance{Basis: BasisMention, Evidence: Span{last.start, last.end}}
	}
	return Stance{Basis: BasisNone}
}

// resolveList scores the brand's clauses: those naming it, and for an
// addressee those naming only addressees (or none) or speaking to "you";
// when every clause names another brand, the first. Without sentiment
// there, an elliptical or contrastive clause, or a neighbour, decides.
func (s *scratch) resolveList(bit uint64, basis string) Stance {
	s.list = s.list[:0]
	own := -1
	for ci := range s.clauses {
		c := &s.clauses[ci]
		switch {
		case c.owners&bit != 0:
			if own < 0 {
				own = ci
			}
		case s.addr&bit != 0 && (c.owners&^s.addr == 0 || c.second):
		default:
			continue
		}
		s.list = append(s.list, ci)
	}
	if len(s.list) == 0 && s.addr&bit != 0 {
		s.list = append(s.list, 0)
	}
	if len(s.list) == 0 {
		return Stance{Basis: BasisNone}
	}
	r := s.scoreList(s.list)
	st := r.stance(basis)
	if Label(r.score) != Neutral {
		return st
	}
	if own < 0 {
		own = s.list[0]
	}
	if alt, ok := s.fallback(own, bit); ok {
		return alt
	}
	return st
}

// result is the score of some clauses.
type result struct {
	score                     float64
	ev                        Span
	whole, sarcasm, situation bool
}

// stance is the Stance a result decides, with basis unless the result is
// the whole text or a situation fallback.
func (r result) stance(basis string) Stance {
	switch {
	case r.whole:
		basis = BasisOverall
	case r.situation:
		basis = BasisSituation
	}
	return Stance{Score: r.score, Basis: basis, Evidence: r.ev, Sarcasm: r.sarcasm}
}

// clauseScore scores one clause.
func (s *scratch) clauseScore(ci int) result {
	return s.scoreList([]int{ci})
}

// rawScore is the VADER compound of clause ci, computed once per call.
func (s *scratch) rawScore(ci int) float64 {
	c := &s.clauses[ci]
	if !c.scored {
		c.score, c.scored = s.v.PolarityScores(s.clauseText([]int{ci})).Compound, true
	}
	return c.score
}

// scoreList scores the clauses of list (ascending): the overall score when
// they make up the whole text, else VADER on their text.
func (s *scratch) scoreList(list []int) result {
	first, last := list[0], list[len(list)-1]
	switch {
	case first == 0 && last == len(s.clauses)-1 && last-first+1 == len(list):
		if s.mentionsNeutral() {
			return s.adjust(list, s.overall, true)
		}
		return s.adjust(list, s.v.PolarityScores(s.clauseText(list)).Compound, true)
	case len(list) == 1:
		return s.adjust(list, s.rawScore(first), false)
	}
	return s.adjust(list, s.v.PolarityScores(s.clauseText(list)).Compound, false)
}

// clauseText is the text of the clauses of list with the brand mentions
// blanked out: a brand's name is not an opinion ("United" is a positive
// word to VADER), nor is "like" right before one ("fly like @B"). Adjacent
// clauses without mentions are a plain substring.
func (s *scratch) clauseText(list []int) string {
	first, last := list[0], list[len(list)-1]
	if last-first+1 == len(list) && !s.hasMasked(s.clauses[first].t0, s.clauses[last].t1) {
		return s.text[s.clauses[first].start:s.clauses[last].end]
	}
	s.buf = s.buf[:0]
	for _, ci := range list {
		c := &s.clauses[ci]
		pos := c.start
		for i := c.t0; i < c.t1; i++ {
			if t := &s.toks[i]; s.masked(i) {
				s.buf = append(append(s.buf, s.text[pos:t.start]...), ' ')
				pos = int(t.end)
			}
		}
		s.buf = append(append(s.buf, s.text[pos:c.end]...), ' ')
	}
	return string(s.buf)
}

// mentionsNeutral reports whether no token clauseText masks carries VADER
// sentiment, so that the caller's overall score stands for the whole text.
// Decided once per call.
func (s *scratch) mentionsNeutral() bool {
	if s.neutralKnown {
		return s.neutral
	}
	s.neutralKnown, s.neutral = true, true
	for i := range s.toks {
		t := &s.toks[i]
		if s.masked(i) && (t.kind == kWord || s.v.PolarityScores(t.w).Compound != 0) {
			s.neutral = false
			break
		}
	}
	return s.neutral
}

// masked reports a token clauseText blanks out: a mention or other
// @handle, or "like" before a mention.
func (s *scratch) masked(i int) bool {
	t := &s.toks[i]
	return t.kind == kMention || t.kind == kHandle || t.kind == kWord && t.w == "like" && i+1 < len(s.toks) && s.toks[i+1].kind == kMention
}

// hasMasked reports a token to mask among tokens [t0, t1).
func (s *scratch) hasMasked(t0, t1 int) bool {
	for i := t0; i < t1; i++ {
		if s.masked(i) {
			return true
		}
	}
	return false
}

// adjust applies sarcasm (a positive score in a sarcasm zone is flipped)
// and, outside the whole-text case, the situation fallback.
func (s *scratch) adjust(list []int, score float64, whole bool) result {
	r := result{score: score, whole: whole, ev: Span{s.clauses[list[0]].start, s.clauses[list[len(list)-1]].end}}
	if score >= 0.05 {
		for _, ci := range list {
			if s.sarcastic(s.clauses[ci].start, s.clauses[ci].end) {
				r.score, r.sarcasm = -score, true
				break
			}
		}
	}
	if !whole && math.Abs(r.score) < 0.05 {
		if sit := s.situation(list); sit != 0 {
			r.score, r.situation = sit, true
		}
	}
	return r
}

// situation scores clauses without VADER sentiment by their situation
// words: each bad one (delayed, stranded) counts -1 and each good one ("on
// time", early) +1, negation flipping it ("never late"); the sign of the sum
// gives ±situationScore.
func (s *scratch) situation(list []int) float64 {
	sum := 0
	for _, ci := range list {
		for i := s.clauses[ci].t0; i < s.clauses[ci].t1; i++ {
			t := &s.toks[i]
			if t.kind != kWord {
				continue
			}
			v := 0
			switch {
			case t.is(cSituation):
				v = -1
			case t.w == "early" || t.w == "time" && s.wordAt(i-1, "on"):
				v = 1
			}
			if neg, _ := s.negated(i); neg {
				v = -v
			}
			sum += v
		}
	}
	switch {
	case sum < 0:
		return -situationScore
	case sum > 0:
		return situationScore
	}
	return 0
}

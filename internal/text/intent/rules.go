package intent

// sarcasmWindow is how many words after a praise cue a complaint cue makes
// it sarcastic ("thanks for the bad service", "great, another delay").
const sarcasmWindow = 3

// sentence is the question-related evidence of one sentence.
type sentence struct {
	from, to                     int // tokens [from, to)
	mark, emphatic               bool
	start, request, rhet, direct int // indexes in analysis.hits, or -1
	words                        int
	suggestion, complaint        bool
}

// decideQuestion finds, sentence by sentence, questions that need an
// answer: a question mark, a wh-/auxiliary opening, or a request. See
// sentence.rhetorical for the questions that are complaints instead. A
// question that carries a suggestion cue ("why not board both groups
// together?") is a suggestion.
func (a *analysis) decideQuestion() {
	mood := false
	if a.hasQuestionMark() {
		for c := (cursor{}); !mood && a.next(&c); {
			mood = c.s.rhetorical(false)
		}
	}
	for c := (cursor{}); a.next(&c); {
		a.decideSentence(&c.s, c.s.rhetorical(mood))
	}
}

func (a *analysis) hasQuestionMark() bool {
	for i := range a.toks {
		if a.toks[i].id == idQMark || a.toks[i].id == idQMarkX {
			return true
		}
	}
	return false
}

// cursor walks the sentences of a post.
type cursor struct {
	tok, hit int // the next sentence's first token and first hit
	s        sentence
}

// next loads the next sentence's evidence into c.s; it reports false after
// the last sentence.
func (a *analysis) next(c *cursor) bool {
	toks := a.toks
	i := c.tok
	if i >= len(toks) {
		return false
	}
	j := i
	for j < len(toks) && toks[j].sent == toks[i].sent {
		j++
	}
	for c.hit < len(a.hits) && int(a.hits[c.hit].from) < i { // hits are in token order
		c.hit++
	}
	c.s = a.sentence(i, j, c.hit)
	c.tok = j
	return true
}

// rhetorical reports whether the sentence is a question that is really a
// complaint: it carries a rhetorical marker ("really?", "why can't you"),
// or it is a bare statement with a question mark (no question opening, no
// request) that is emphatic ("no food on a 5 hour flight?!"), a one- or
// two-word complaint echo ("Late?"), or in a post whose mood is rhetorical
// (another sentence is a rhetorical question).
func (s *sentence) rhetorical(mood bool) bool {
	switch {
	case !s.mark && s.start < 0:
		return false
	case s.rhet >= 0:
		return true
	case s.start >= 0 || s.request >= 0:
		return false
	}
	return s.emphatic || s.words <= 2 && s.complaint || mood
}

// sentence gathers the evidence of tokens [i, j), whose hits start at
// a.hits[k].
func (a *analysis) sentence(i, j, k int) sentence {
	toks := a.toks
	s := sentence{from: i, to: j, start: -1, request: -1, rhet: -1, direct: -1}
	s.mark = toks[j-1].id == idQMark || toks[j-1].id == idQMarkX
	s.emphatic = toks[j-1].id == idQMarkX
	for m := i; m < j; m++ {
		if toks[m].kind == kWord || toks[m].kind == kHashtag {
			s.words++
		}
	}
	for ; k < len(a.hits) && int(a.hits[k].from) < j; k++ {
		h := &a.hits[k]
		s.suggestion = s.suggestion || a.live(h, Suggestion)
		s.complaint = s.complaint || a.live(h, Complaint)
		if !a.live(h, Question) {
			continue
		}
		switch f := lex.entries[h.entry].flags; {
		case f&fRhetorical != 0:
			if s.rhet < 0 {
				s.rhet = k
			}
		case f&fDirect != 0:
			if a.in.Direct && s.direct < 0 {
				s.direct = k
			}
		case f&fStart != 0:
			if s.start < 0 && (s.mark || f&fNeedsMark == 0) {
				s.start = k
			}
		case s.request < 0:
			s.request = k
		}
	}
	return s
}

// decideSentence records the question or complaint one sentence makes.
func (a *analysis) decideSentence(s *sentence, rhet bool) {
	if rhet {
		if int(a.toks[s.from].sent) < 64 {
			a.rhet |= 1 << a.toks[s.from].sent
		}
		if s.rhet >= 0 {
			a.addHit(Complaint, &a.hits[s.rhet], "rhetorical question")
		} else {
			a.addSpan(Complaint, s.from, s.to, "rhetorical question")
		}
	}
	switch {
	case s.request >= 0:
		a.addHit(Question, &a.hits[s.request], "request")
	case rhet || s.suggestion:
	case s.start >= 0:
		a.addHit(Question, &a.hits[s.start], "question opening")
	case s.mark:
		a.addSpan(Question, s.from, s.to, "question mark")
	case s.direct >= 0 && !s.complaint:
		a.addHit(Question, &a.hits[s.direct], "direct request")
	}
}

// inRhetorical reports whether hit h lies in a rhetorical question.
func (a *analysis) inRhetorical(h *hit) bool {
	s := a.toks[h.from].sent
	return s < 64 && a.rhet&(1<<s) != 0
}

// decideComplaintAndPraise: complaint cues; negated praise is a complaint;
// praise followed closely by a complaint cue is sarcasm; praise inside a
// rhetorical question is dropped ("why can't you hire staff who are
// helpful?"); courtesy thanks are praise only when they are the whole post.
func (a *analysis) decideComplaintAndPraise() {
	for k := range a.hits {
		h := &a.hits[k]
		e := &lex.entries[h.entry]
		switch {
		case a.live(h, Complaint):
			a.addHit(Complaint, h, "lexicon")
		case h.negated && (e.intent == Praise || e.intent == Recommendation) && !a.overlapsLive(h, e.intent):
			a.addHit(Complaint, h, "negated praise")
		case a.live(h, Praise) && !a.inRhetorical(h):
			a.decidePraise(h)
		}
	}
}

// overlapsLive reports whether a live cue of intent overlaps h ("can't
// recommend them enough" covers the negated "recommend them").
func (a *analysis) overlapsLive(h *hit, intent Set) bool {
	for k := range a.hits {
		o := &a.hits[k]
		if o != h && o.from < h.to && h.from < o.to && a.live(o, intent) {
			return true
		}
	}
	return false
}

func (a *analysis) decidePraise(h *hit) {
	e := &lex.entries[h.entry]
	switch {
	case a.sarcastic(h):
		a.addHit(Complaint, h, "sarcasm")
	case e.flags&fCourtesy != 0:
		if a.onlyPraise() {
			a.addHit(Praise, h, "thanks")
		}
	default:
		a.addHit(Praise, h, "lexicon")
	}
}

// sarcastic reports whether a live complaint cue overlaps h ("thanks for
// nothing") or starts within sarcasmWindow words after it in the same
// sentence.
func (a *analysis) sarcastic(h *hit) bool {
	toks := a.toks
	for k := range a.hits {
		c := &a.hits[k]
		if c.to > h.from && int(c.from) <= int(h.to)+sarcasmWindow &&
			toks[c.from].sent == toks[h.from].sent && a.live(c, Complaint) {
			return true
		}
	}
	return false
}

// onlyPraise reports whether every word of the post lies inside a live
// praise cue ("Thanks!!!", "@united thank you!").
func (a *analysis) onlyPraise() bool {
	toks := a.toks
	for i := range toks {
		if toks[i].kind != kWord && toks[i].kind != kHashtag {
			continue
		}
		covered := false
		for k := range a.hits {
			h := &a.hits[k]
			if int(h.from) <= i && i < int(h.to) && a.live(h, Praise) {
				covered = true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return true
}

// decideOthers decides recommendation, comparison, suggestion and purchase
// intent from their live cues.
func (a *analysis) decideOthers() {
	for k := range a.hits {
		h := &a.hits[k]
		switch e := &lex.entries[h.entry]; {
		case a.live(h, Recommendation):
			if !a.sarcastic(h) && !a.inRhetorical(h) {
				a.addHit(Recommendation, h, "lexicon")
			}
		case a.live(h, Comparison):
			if e.flags&fNeedsBrand == 0 || a.otherBrandNear(h) {
				a.addHit(Comparison, h, "lexicon")
			}
		case a.live(h, Suggestion):
			a.addHit(Suggestion, h, "lexicon")
		case a.live(h, PurchaseIntent):
			a.addHit(PurchaseIntent, h, "lexicon")
		}
	}
}

// otherBrandNear reports whether a comparison cue has another brand to
// compare with: the caller found one, or an @mention follows the cue
// closely ("better than @Delta").
func (a *analysis) otherBrandNear(h *hit) bool {
	if a.in.OtherBrands > 0 {
		return true
	}
	toks := a.toks
	for i := int(h.from); i < len(toks) && i < int(h.to)+3; i++ {
		if toks[i].kind == kMention {
			return true
		}
		if toks[i].kind == kPunct {
			break
		}
	}
	return false
}

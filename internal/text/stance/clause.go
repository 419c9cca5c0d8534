package stance

// clause is a run of tokens between boundaries. Clause byte ranges tile the
// analysed text: the characters no token covers (spaces, emoji, URLs) go
// with the clause that follows them, and the last clause runs to the end of
// the text, so a run of adjacent clauses is a plain substring.
type clause struct {
	t0, t1      int // tokens [t0, t1)
	start, end  int // bytes
	sent        int // sentence number
	owners      uint64
	first       cue  // classes of the first word
	second      bool // a second-person word that is not a vocative
	mentionOnly bool
	score       float64 // VADER compound, valid when scored
	scored      bool
}

// leadRun marks the mentions of the leading run ("@united @AmericanAir
// ...", ".@delta", "hey @delta,") as addressing the whole text. When two or
// more brands lead and the run is followed by a singular verb ("@A @B is
// better"), the last one is the subject of the first clause instead.
func (s *scratch) leadRun() {
	last, brands, i := -1, 0, 0
	for seen := false; i < len(s.toks) && s.inLeadRun(i, seen); i++ {
		t := &s.toks[i]
		if t.kind == kMention {
			t.lead, last = true, i
			brands++
		}
		seen = seen || t.kind == kMention || t.kind == kHandle
	}
	if brands >= 2 && last == i-1 && i < len(s.toks) && s.toks[i].kind == kWord && s.toks[i].is(cSubjVerb) {
		s.toks[last].lead = false
	}
}

// inLeadRun reports whether token i may belong to a leading mention run;
// seen tells whether the run has had a mention or handle yet.
func (s *scratch) inLeadRun(i int, seen bool) bool {
	t := &s.toks[i]
	switch t.kind {
	case kMention, kHandle:
		return true
	case kPunct:
		return t.p == ',' || t.p == pAmp || t.p == '-' || i == 0
	case kWord:
		return t.is(cConnector) || !seen && t.is(cGreet)
	}
	return false
}

// opensClause reports whether token i starts a new clause: a bounding
// conjunction, "and then", or "and"/"&" between a non-mention and a mention
// ("@A lost my bag and @B found it", but not "@A and @B").
func (s *scratch) opensClause(i int) bool {
	t := &s.toks[i]
	if t.kind == kWord && t.is(cBound) {
		return true
	}
	if !(t.kind == kWord && t.w == "and") && !(t.kind == kPunct && t.p == pAmp) {
		return false
	}
	if i+1 >= len(s.toks) || i == 0 {
		return false
	}
	n, p := &s.toks[i+1], &s.toks[i-1]
	if n.kind == kWord && n.w == "then" {
		return true
	}
	return n.kind == kMention && p.kind == kWord && !p.is(cConnector|cGreet)
}

// buildClauses splits the tokens into clauses at boundary punctuation and
// bounding conjunctions. An "unlike"/"except" clause ends after the brand it
// names, so "unlike @A @B is on time" gives "unlike @A" and "@B is on time".
func (s *scratch) buildClauses() {
	s.clauses = s.clauses[:0]
	cur := clause{}
	sent, words, unlike := 0, 0, false
	for i := range s.toks {
		t := &s.toks[i]
		if words > 0 && s.opensClause(i) {
			s.closeClause(&cur, i, sent)
			words, unlike = 0, false
		}
		switch {
		case t.isBoundary():
			switch {
			case words == 0 && len(s.clauses) > 0:
				s.extendLast(i)
				cur.t0, cur.start = i+1, int(t.end)
			case words == 0: // leading punctuation stays with the first clause
			default:
				s.closeClause(&cur, i+1, sent)
				words, unlike = 0, false
			}
			if t.p == pSentence {
				sent++
			}
			continue
		case t.kind == kWord && words == 0 && t.is(cUnlike):
			unlike = true
		}
		words++
		if unlike && t.kind == kMention && i+1 < len(s.toks) && !s.toks[i+1].isBoundary() {
			s.closeClause(&cur, i+1, sent)
			words, unlike = 0, false
		}
	}
	if cur.t0 < len(s.toks) || len(s.clauses) == 0 {
		s.closeClause(&cur, len(s.toks), sent)
	}
	s.clauses[len(s.clauses)-1].end = len(s.text)
}

// closeClause ends cur before token t1 and starts the next one there.
func (s *scratch) closeClause(cur *clause, t1, sent int) {
	cur.t1, cur.sent = t1, sent
	cur.end = cur.start
	if t1 > cur.t0 {
		cur.end = int(s.toks[t1-1].end)
	}
	s.clauses = append(s.clauses, *cur)
	*cur = clause{t0: t1, start: cur.end}
}

// extendLast appends the punctuation token i to the previous clause.
func (s *scratch) extendLast(i int) {
	c := &s.clauses[len(s.clauses)-1]
	c.t1, c.end = i+1, int(s.toks[i].end)
}

// mergeMentionOnly folds clauses holding nothing but mentions, handles and
// connectors ("@A,", "@A and") into the clause that follows. A last such
// clause (a trailing mention run or cc) or one after a comma (a vocative:
// "As am I, @A - but ...") stays, marked mentionOnly.
func (s *scratch) mergeMentionOnly() {
	out := s.clauses[:0]
	for i := 0; i < len(s.clauses); i++ {
		c := s.clauses[i]
		c.mentionOnly = s.onlyMentions(c)
		if c.mentionOnly && i+1 < len(s.clauses) && !s.afterComma(c) {
			s.clauses[i+1].t0, s.clauses[i+1].start = c.t0, c.start
			continue
		}
		out = append(out, c)
	}
	s.clauses = out
}

// afterComma reports a clause right after a comma.
func (s *scratch) afterComma(c clause) bool {
	return c.t0 > 0 && s.toks[c.t0-1].kind == kPunct && s.toks[c.t0-1].p == ','
}

// onlyMentions reports a clause of mentions, handles, connectors and
// greetings, with at least one mention.
func (s *scratch) onlyMentions(c clause) bool {
	n := 0
	for i := c.t0; i < c.t1; i++ {
		t := &s.toks[i]
		switch {
		case t.kind == kMention:
			n++
		case t.kind == kHandle, t.kind == kPunct:
		case t.kind == kWord && t.is(cConnector|cGreet):
		default:
			return false
		}
	}
	return n > 0
}

// annotate records each token's clause and each clause's first word,
// owners (brands named outside the leading run), second-person use and
// sentence; and the brands named only in a trailing mention run.
func (s *scratch) annotate() {
	for ci := range s.clauses {
		c := &s.clauses[ci]
		seenWord := false
		for i := c.t0; i < c.t1; i++ {
			t := &s.toks[i]
			t.clause = int32(ci)
			if t.kind == kWord && !seenWord {
				c.first, seenWord = t.cls, true
			}
			if t.kind == kMention && !t.lead {
				s.own(ci, t)
			}
			if t.kind == kWord && t.is(cSecond|cThank) && !s.vocative(i) {
				c.second = true
			}
		}
	}
	s.trail &^= s.named
}

// own records a mention outside the leading run: it names the brand in
// clause ci, unless the clause is a mention-only one. After a comma ("...
// can you, @A?") that addresses the brand; otherwise (a trailing "...
// #fail cc @A") it names the brand without a stance.
func (s *scratch) own(ci int, t *token) {
	c := &s.clauses[ci]
	switch {
	case !c.mentionOnly:
		c.owners |= t.brands
		s.named |= t.brands
	case s.afterComma(*c):
		t.lead = true
	default:
		c.owners |= t.brands
		s.trail |= t.brands
	}
}

// vocative reports a second-person word next to a mention outside the
// leading run that it addresses: "@B you're the best" (the mention opens
// its clause) or "thank you @B". Such a word speaks to that brand, not to
// the post's addressee.
func (s *scratch) vocative(i int) bool {
	if j := i - 1; j >= 0 && s.toks[j].kind == kMention && !s.toks[j].lead {
		c := &s.clauses[s.toks[j].clause]
		if j == c.t0 || s.toks[j-1].kind == kPunct {
			return true
		}
	}
	j := i + 1
	return j < len(s.toks) && s.toks[j].kind == kMention && !s.toks[j].lead
}

// inherit gives a clause that names no brand but refers back with "they"
// or "their" (and does not speak to "you") to the brands of the nearest
// clause before it naming some: "Could have gone on @B for $382 but their
// mileage program sucks" is about B.
func (s *scratch) inherit() {
	var last uint64
	for ci := range s.clauses {
		c := &s.clauses[ci]
		switch {
		case c.owners != 0 && !c.mentionOnly:
			last = c.owners
		case c.owners == 0 && last != 0 && !c.second && s.refersBack(ci):
			c.owners = last
		}
	}
}

// refersBack reports a third-person plural pronoun in clause ci.
func (s *scratch) refersBack(ci int) bool {
	for i := s.clauses[ci].t0; i < s.clauses[ci].t1; i++ {
		if t := &s.toks[i]; t.kind == kWord && t.is(cThird) {
			return true
		}
	}
	return false
}

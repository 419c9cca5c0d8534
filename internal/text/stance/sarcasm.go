package stance

// Sarcasm zones are byte ranges whose positive sentiment is not meant. The
// markers are kept few and precise:
//
//   - explicit: 🙃, 🙄, "/s", #not, #sarcasm, "yeah right" — the sentence
//     holding it (and the sentence before when the marker stands alone);
//   - an interjection followed by a bad situation: "great, another delay",
//     "oh wonderful. cancelled again" — the interjection must stand alone
//     (followed by punctuation or "another"), the situation within 4 tokens;
//   - love + a bad situation: "love waiting 3 hours", "love how you lost my
//     bag" (not "would love to", not negated), within 3 tokens;
//   - thanks for + a bad thing: "thanks for nothing", "thanks for losing my
//     bag", "thank you for the 3 hour delay" — only determiners, numbers
//     and durations may come between.

// findZones records the sarcasm zones of the tokens.
func (s *scratch) findZones() {
	s.zones = s.zones[:0]
	for i := range s.toks {
		t := &s.toks[i]
		end := -1
		switch {
		case t.kind == kSarcasm || t.kind == kWord && (t.is(cSarcMark) || s.yeahRight(i)):
			s.zones = append(s.zones, s.sentenceZone(i))
			continue
		case t.kind != kWord:
		case t.is(cInterj):
			end = s.interjection(i)
		case t.is(cLove):
			end = s.loveSituation(i)
		case t.is(cThank):
			end = s.thanksFor(i)
		}
		if end >= 0 {
			s.zones = append(s.zones, Span{int(t.start), int(s.toks[end].end)})
		}
	}
}

// yeahRight reports "yeah right" ending a clause at token i.
func (s *scratch) yeahRight(i int) bool {
	w := s.toks[i].w
	if (w != "yeah" && w != "yea") || !s.wordAt(i+1, "right") {
		return false
	}
	return i+2 == len(s.toks) || s.toks[i+2].kind == kPunct || s.toks[i+2].kind == kSarcasm
}

// sentenceZone is the sentence holding token i; when the sentence has no
// other word ("Great flight. #not"), the sentence before is included.
func (s *scratch) sentenceZone(i int) Span {
	lo := s.sentenceStart(i)
	hi := i
	for hi+1 < len(s.toks) && !(s.toks[hi].kind == kPunct && s.toks[hi].p == pSentence) {
		hi++
	}
	alone := true
	for j := lo; j <= hi; j++ {
		if t := &s.toks[j]; t.kind == kWord && !t.is(cSarcMark) && t.w != "yeah" && t.w != "yea" && t.w != "right" {
			alone = false
		}
	}
	if alone && lo > 0 {
		lo = s.sentenceStart(lo - 1)
	}
	return Span{int(s.toks[lo].start), int(s.toks[hi].end)}
}

// sentenceStart is the first token of the sentence holding token i.
func (s *scratch) sentenceStart(i int) int {
	for j := i - 1; j >= 0; j-- {
		if s.toks[j].kind == kPunct && s.toks[j].p == pSentence {
			return j + 1
		}
	}
	return 0
}

// interjection matches "great, another delay": a standalone interjection
// (at a clause start, after a mention or "oh"/"just") followed within 4
// tokens by a bad situation, with no thanks in between.
func (s *scratch) interjection(i int) int {
	if i > 0 {
		p := &s.toks[i-1]
		if !(p.kind == kPunct || p.kind == kMention || p.kind == kHandle || p.kind == kWord && p.is(cInterjLead)) {
			return -1
		}
	}
	if i+1 >= len(s.toks) || !(s.toks[i+1].kind == kPunct || s.wordAt(i+1, "another")) {
		return -1
	}
	for j := i + 1; j <= i+4 && j < len(s.toks); j++ {
		t := &s.toks[j]
		switch {
		case t.kind == kPunct && t.p == pSentence && j > i+1:
			return -1
		case t.kind != kWord:
		case t.is(cThank):
			return -1
		case t.is(cSituation | cWait):
			return j
		}
	}
	return -1
}

// loveSituation matches "love waiting", "love how you lost my bag".
func (s *scratch) loveSituation(i int) int {
	if i > 0 {
		if p := &s.toks[i-1]; p.kind == kWord && (p.is(cNeg) || p.w == "would" || p.w == "i'd" || p.w == "'d") {
			return -1
		}
	}
	for j := i + 1; j <= i+3 && j < len(s.toks); j++ {
		t := &s.toks[j]
		if t.kind == kPunct {
			return -1
		}
		if t.kind == kWord && t.is(cSituation|cWait) {
			return j
		}
	}
	return -1
}

// thanksFor matches "thanks for nothing", "thank you so much for losing my
// bag", "thanks for the 3 hour delay".
func (s *scratch) thanksFor(i int) int {
	j := i + 1
	for j < len(s.toks) && j <= i+3 && !s.wordAt(j, "for") {
		if w := s.toks[j].w; s.toks[j].kind != kWord || !(w == "you" || w == "so" || w == "much" || w == "a" || w == "lot") {
			return -1
		}
		j++
	}
	if !s.wordAt(j, "for") {
		return -1
	}
	for k := j + 1; k <= j+4 && k < len(s.toks); k++ {
		t := &s.toks[k]
		switch {
		case t.kind != kWord:
			return -1
		case t.is(cSarcObj | cSituation):
			return k
		case !isFiller(t):
			return -1
		}
	}
	return -1
}

// isFiller reports a determiner, number or duration word.
func isFiller(t *token) bool {
	switch t.w {
	case "the", "a", "an", "another", "that", "this", "your", "all", "extra", "long", "whole", "more":
		return true
	}
	if t.is(cWait) {
		return true
	}
	for k := 0; k < len(t.w); k++ {
		if t.w[k] < '0' || t.w[k] > '9' {
			return false
		}
	}
	return t.w != ""
}

// sarcastic reports a sarcasm zone overlapping [start, end).
func (s *scratch) sarcastic(start, end int) bool {
	for _, z := range s.zones {
		if z.Start < end && start < z.End {
			return true
		}
	}
	return false
}

package intent

// maxHits bounds the cue matches kept per post.
const maxHits = 256

// maxHitEnd is past any token index.
const maxHitEnd = maxTokens + 1

// hit is one lexicon match over tokens [from, to).
type hit struct {
	entry    uint16
	from, to int16
	dead     bool // blocked or negated
	negated  bool
}

// Buffer sizes that keep an ordinary post's analysis off the heap.
const (
	tokenBuf = 96
	hitBuf   = 48
)

// analysis holds the per-call state. Its slices point into arrays in
// analyze's frame; its methods only read them (and flag hits), so nothing
// escapes to the heap for an ordinary post.
type analysis struct {
	in   Input
	toks []term
	hits []hit
	cues *[]Cue // nil unless evidence is wanted
	set  Set
	rhet uint64 // sentences (the first 64) that are rhetorical questions
}

// analyze classifies in, appending evidence to cues when it is not nil.
func analyze(in Input, cues *[]Cue) Set {
	var tb [tokenBuf]term
	var hb [hitBuf]hit
	a := analysis{in: in, cues: cues}
	a.toks = tokenize(truncate(in.Text), tb[:0])
	a.hits = match(a.toks, hb[:0])
	a.applyBlocks()
	a.applyNegation()
	a.decideQuestion()
	a.decideComplaintAndPraise()
	a.decideOthers()
	return a.set
}

// sentenceStart reports whether token i is the first token of its sentence
// that is not an @mention.
func sentenceStart(toks []term, i int) bool {
	for k := i - 1; k >= 0 && toks[k].sent == toks[i].sent; k-- {
		if toks[k].kind != kMention {
			return false
		}
	}
	return true
}

// match appends every lexicon match at every token to hits, at most
// maxHits of them.
func match(toks []term, hits []hit) []hit {
	for i := range toks {
		next := idUnknown // the id of the next token in the sentence
		if i+1 < len(toks) && toks[i+1].sent == toks[i].sent {
			next = toks[i+1].id
		}
		for _, c := range lex.byFirst[toks[i].id] {
			if c.second != idUnknown && c.second != next && !(c.second == idQMark && next == idQMarkX) {
				continue
			}
			e := &lex.entries[c.entry]
			if e.flags&fStart != 0 && !sentenceStart(toks, i) {
				continue
			}
			if end := matchAt(toks, i, toks[i].sent, e.pat); end >= 0 && len(hits) < maxHits {
				hits = append(hits, hit{entry: c.entry, from: int16(i), to: int16(end)})
			}
		}
	}
	return hits
}

// matchAt matches pat at toks[i:] within sentence sent and returns the end
// token index, or -1.
func matchAt(toks []term, i int, sent uint16, pat []uint16) int {
	for k, p := range pat {
		if p == idGap {
			for g := 0; g <= maxGap; g++ {
				if end := matchAt(toks, i+g, sent, pat[k+1:]); end >= 0 {
					return end
				}
				if i+g >= len(toks) || toks[i+g].kind == kPunct || toks[i+g].sent != sent {
					return -1
				}
			}
			return -1
		}
		if i >= len(toks) || toks[i].sent != sent || toks[i].id != p && !(p == idQMark && toks[i].id == idQMarkX) {
			return -1
		}
		i++
	}
	return i
}

// applyBlocks kills the cues of an intent that overlap a block of the same
// intent ("you should have" kills "you should", "more than" kills "than"),
// or that follow a ">" block in its sentence ("not planning to ... book").
func (a *analysis) applyBlocks() {
	for _, b := range a.hits {
		be := &lex.entries[b.entry]
		if be.flags&fBlock == 0 {
			continue
		}
		for j := range a.hits {
			h := &a.hits[j]
			e := &lex.entries[h.entry]
			end := b.to
			if be.flags&fBlockRest != 0 {
				end = maxHitEnd // the sentence check bounds it
			}
			if e.flags&fBlock == 0 && e.intent == be.intent && h.from < end && b.from < h.to &&
				a.toks[h.from].sent == a.toks[b.from].sent {
				h.dead = true
			}
		}
	}
}

// applyNegation kills cues preceded by a negation word in the same
// sentence: within two words for complaints, three for other intents.
// Rhetorical markers, questions and purchase intent ("can't book" is still
// a wish to book) are not negated.
func (a *analysis) applyNegation() {
	toks := a.toks
	for j := range a.hits {
		h := &a.hits[j]
		e := &lex.entries[h.entry]
		if h.dead || e.flags&(fBlock|fRhetorical|fNoNegation) != 0 || e.intent&(Question|PurchaseIntent) != 0 {
			continue
		}
		window := 3
		if e.intent == Complaint {
			window = 2
		}
		for k := int(h.from) - 1; k >= 0 && k >= int(h.from)-window; k-- {
			if toks[k].sent != toks[h.from].sent {
				break
			}
			if lex.negator[toks[k].id] {
				h.dead, h.negated = true, true
				break
			}
		}
	}
}

// live reports whether hit h is a usable cue of intent.
func (a *analysis) live(h *hit, intent Set) bool {
	e := &lex.entries[h.entry]
	return !h.dead && e.intent == intent && e.flags&fBlock == 0
}

// addHit records intent with a lexicon hit as evidence; kind names the
// rule ("lexicon", "sarcasm", ...).
func (a *analysis) addHit(intent Set, h *hit, kind string) {
	a.set |= intent
	if a.cues != nil {
		a.record(intent, int(h.from), int(h.to), kind+` "`+lex.entries[h.entry].text+`"`)
	}
}

// addSpan records intent with tokens [from, to) as evidence.
func (a *analysis) addSpan(intent Set, from, to int, rule string) {
	a.set |= intent
	if a.cues != nil {
		a.record(intent, from, to, rule)
	}
}

// record appends one cue; only Explain and Analyze get here.
func (a *analysis) record(intent Set, from, to int, rule string) {
	toks := a.toks
	c := Cue{Intent: intent, Rule: rule}
	if from < len(toks) {
		c.Start = int(toks[from].start)
	}
	if to > 0 && to <= len(toks) {
		c.End = int(toks[to-1].end)
	}
	*a.cues = append(*a.cues, c)
}

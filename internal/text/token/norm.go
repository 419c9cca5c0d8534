package token

import "strings"

// normBuffer collects the Norms that differ from the text during one
// Tokenize call, concatenated in one string so that a call allocates once
// for all of them. Its fields are arrays, not slices of the caller's
// stack, so that it stays on the stack.
type normBuffer struct {
	b     strings.Builder
	ends  [32]int32 // where each Norm ends in b, in token order
	n     int       // number of Norms
	spill []int     // the ends beyond len(ends)
}

// start returns the builder to write the next Norm to.
func (nb *normBuffer) start(textLen int) *strings.Builder {
	if nb.b.Cap() == 0 {
		nb.b.Grow(min(textLen+16, 1024))
	}
	return &nb.b
}

// end records the end of the Norm just written.
func (nb *normBuffer) end() {
	if nb.n < len(nb.ends) {
		nb.ends[nb.n] = int32(nb.b.Len())
	} else {
		nb.spill = append(nb.spill, nb.b.Len())
	}
	nb.n++
}

// endOf returns where the k-th Norm ends.
func (nb *normBuffer) endOf(k int) int {
	if k < len(nb.ends) {
		return int(nb.ends[k])
	}
	return nb.spill[k-len(nb.ends)]
}

// last returns the Norm written last.
func (nb *normBuffer) last() string {
	start := 0
	if nb.n > 1 {
		start = nb.endOf(nb.n - 2)
	}
	return nb.b.String()[start:]
}

// plain sets *t to the token src[i:j] whose Norm is src[i:normEnd], and
// returns j.
func (sc *scanner) plain(t *Token, kind Kind, i, j, normEnd int) int {
	t.Kind, t.Start, t.End, t.Norm = kind, i, j, sc.src[i:normEnd]
	return j
}

// pending sets *t to the token src[i:j] whose Norm is the one just
// written to sc.norms, and returns j.
func (sc *scanner) pending(t *Token, kind Kind, i, j int) int {
	sc.norms.end()
	t.Kind, t.Start, t.End, t.Flags = kind, i, j, pendingNorm
	return j
}

// normed sets *t to a word or number token src[i:j] with the Norm
// writeNorm gives it, and returns j.
func (sc *scanner) normed(t *Token, kind Kind, i, j int, w *wordInfo) int {
	if !w.rewrite {
		return sc.plain(t, kind, i, j, j)
	}
	writeNorm(sc.norms.start(len(sc.src)), sc.src[i:j])
	return sc.pending(t, kind, i, j)
}

// lowered sets *t to a token src[i:j] whose Norm is src[body:j]
// lower-cased, and returns j.
func (sc *scanner) lowered(t *Token, kind Kind, i, body, j int) int {
	s := sc.src[body:j]
	upper, isASCII := asciiCase(s)
	if isASCII && !upper || !isASCII && !hasUpper(s) {
		t.Kind, t.Start, t.End, t.Norm = kind, i, j, s
		return j
	}
	b := sc.norms.start(len(sc.src))
	if isASCII {
		writeLowerASCII(b, s)
	} else {
		for _, r := range s {
			b.WriteRune(toLower(r))
		}
	}
	return sc.pending(t, kind, i, j)
}

// hasUpper reports whether lower-casing changes s.
func hasUpper(s string) bool {
	for _, r := range s {
		if toLower(r) != r {
			return true
		}
	}
	return false
}

// negation reports whether the word token t is an English negation.
func (sc *scanner) negation(t *Token) bool {
	norm := t.Norm
	if t.Flags&pendingNorm != 0 {
		norm = sc.norms.last()
	}
	// Every negation starts with n or ends in t: test that before the call.
	return len(norm) >= 2 && (norm[0] == 'n' || norm[len(norm)-1] == 't') && isNegation(norm)
}

// finish sets the Norms left pending, clears AllCaps when the text has no
// lower-case word (it is all caps, so caps are no emphasis), and maps the
// offsets back to text.
func (sc *scanner) finish(text string, shifts []shift, toks []Token) {
	norms := sc.norms.b.String()
	next, start := 0, 0
	m := offsetMap{shifts: shifts}
	clearCaps := !sc.sawLower
	for x := range toks {
		t := &toks[x]
		if t.Flags&pendingNorm != 0 {
			end := sc.norms.endOf(next)
			t.Norm, start, next = norms[start:end], end, next+1
			t.Flags &^= pendingNorm
		}
		if clearCaps {
			t.Flags &^= AllCaps
		}
		if len(shifts) > 0 {
			t.Start, t.End = m.orig(t.Start), m.orig(t.End)
		}
		t.Text = text[t.Start:t.End]
	}
}

// offsetMap maps increasing offsets in the decoded text to the original.
type offsetMap struct {
	shifts []shift
	next   int // shifts[:next] lie before the last offset mapped
	delta  int
}

func (m *offsetMap) orig(p int) int {
	for m.next < len(m.shifts) && m.shifts[m.next].dec <= p {
		m.delta = m.shifts[m.next].delta
		m.next++
	}
	return p + m.delta
}

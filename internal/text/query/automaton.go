package query

// automaton is an Aho-Corasick automaton over bytes, compiled to a dense
// DFA. Bytes that occur in no pattern share one class, so a row has one
// entry per distinct pattern byte plus one.
type automaton struct {
	class  [256]uint8
	nclass int32
	delta  []int32 // delta[state*nclass+class] = next state; after build, see premultiply
	out    []int32 // pattern ending at a state, or -1
	report []int32 // first state of the output chain of a state (itself or a suffix), or -1
	link   []int32 // next state with output on the suffix chain, or -1
	length []int32 // pattern lengths
}

// buildAutomaton compiles the distinct patterns. Patterns must not be empty.
func buildAutomaton(patterns []string) *automaton {
	a := &automaton{length: make([]int32, len(patterns))}
	a.classes(patterns)
	a.addState()
	for id, p := range patterns {
		a.insert(p, int32(id))
	}
	a.link = make([]int32, len(a.out))
	a.report = make([]int32, len(a.out))
	a.failures()
	a.premultiply()
	return a
}

// premultiply rewrites each transition as the offset of the next state's
// row, complemented (negative) when the next state has output, so that the
// scan loop needs no multiplication and one test per byte.
func (a *automaton) premultiply() {
	for i, n := range a.delta {
		row := n * a.nclass
		if a.report[n] >= 0 {
			row = ^row
		}
		a.delta[i] = row
	}
}

// classes numbers the bytes used by the patterns from 1; class 0 is every
// other byte.
func (a *automaton) classes(patterns []string) {
	var used [256]bool
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			used[p[i]] = true
		}
	}
	a.nclass = 1
	for b, u := range used {
		if u {
			a.class[b] = uint8(a.nclass)
			a.nclass++
		}
	}
	if a.nclass > 256 { // all 256 bytes used: fold the last one into class 0
		a.nclass = 256
	}
}

func (a *automaton) addState() int32 {
	s := int32(len(a.out))
	for range a.nclass {
		a.delta = append(a.delta, -1)
	}
	a.out = append(a.out, -1)
	return s
}

func (a *automaton) insert(p string, id int32) {
	s := int32(0)
	for i := 0; i < len(p); i++ {
		c := s*a.nclass + int32(a.class[p[i]])
		if a.delta[c] < 0 {
			n := a.addState()
			a.delta[c] = n
		}
		s = a.delta[c]
	}
	a.out[s] = id
	a.length[id] = int32(len(p))
}

// failures completes the DFA breadth first: a missing transition follows
// the failure state's, and each state's output chain is linked.
func (a *automaton) failures() {
	fail := make([]int32, len(a.out))
	queue := make([]int32, 0, len(a.out))
	a.link[0], a.report[0] = -1, -1
	for c := range a.nclass {
		if n := a.delta[c]; n < 0 {
			a.delta[c] = 0
		} else {
			fail[n] = 0
			queue = append(queue, n)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		a.link[s] = a.report[fail[s]]
		a.report[s] = a.link[s]
		if a.out[s] >= 0 {
			a.report[s] = s
		}
		row, frow := s*a.nclass, fail[s]*a.nclass
		for c := range a.nclass {
			n := a.delta[row+c]
			if n < 0 {
				a.delta[row+c] = a.delta[frow+c]
				continue
			}
			fail[n] = a.delta[frow+c]
			queue = append(queue, n)
		}
	}
}

// scan runs the automaton over text and calls emit(pattern, end) for every
// occurrence of every pattern, in order of end offset.
func (a *automaton) scan(text []byte, emit func(pattern int32, end int)) {
	row := int32(0)
	for i, b := range text {
		row = a.delta[row+int32(a.class[b])]
		if row >= 0 {
			continue
		}
		row = ^row
		for o := a.report[row/a.nclass]; o >= 0; o = a.link[o] {
			emit(a.out[o], i+1)
		}
	}
}

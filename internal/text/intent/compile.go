package intent

import (
	"fmt"
	"strings"
)

// Reserved token ids. Lexicon words get ids from idFirstWord on.
const (
	idUnknown uint16 = iota
	idMention
	idNum
	idQMark
	idBang
	idStop
	idHeart
	idQMarkX // an emphatic "??" or "?!"; the pattern "?" matches it too
	idFrown  // ":(" and angry or sad emoji
	idFirstWord
)

// idGap in a pattern skips 0 to maxGap words of the same sentence.
const (
	idGap  uint16 = 0xFFFF
	maxGap        = 4
)

// Entry flags, from the pattern prefixes documented on lexicon.
const (
	fStart      uint16 = 1 << iota // ^
	fBlock                         // -
	fRhetorical                    // &
	fCourtesy                      // ~
	fSarcasm                       // %
	fNeedsBrand                    // =
	fNoNegation                    // !
	fDirect                        // $ only when the post addresses the brand
	fNeedsMark                     // : a question opening that needs a question mark
	fBlockRest                     // > a block that also kills the rest of its sentence
)

var flagChars = map[byte]uint16{'^': fStart, '-': fBlock, '&': fRhetorical, '~': fCourtesy,
	'%': fSarcasm, '=': fNeedsBrand, '!': fNoNegation, '$': fDirect, ':': fNeedsMark, '>': fBlockRest | fBlock}

// entry is one compiled lexicon pattern.
type entry struct {
	pat    []uint16
	intent Set
	flags  uint16
	text   string // the pattern as written, without flags
}

// candidate is an entry indexed by its first token id, with its second
// one (idUnknown for a one-word pattern or a gap), so that match can pass
// over most candidates without reading the entry.
type candidate struct {
	entry, second uint16
}

// table is the compiled lexicon: word ids, entries, and the entries
// indexed by the id of their first token. It is built once and never
// modified.
type table struct {
	words   map[string]uint16
	entries []entry
	byFirst [][]candidate // token id -> the entries that start with it
	negator []bool        // token id -> is a negation word
	next    uint16        // the next free word id
}

// negators are the words that negate a cue one to three words later.
var negators = []string{"not", "no", "never", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent",
	"cant", "cannot", "couldnt", "wont", "wouldnt", "shouldnt", "hardly", "nothing", "nor", "without",
	"neither", "havent", "hasnt", "aint"}

// lex is the compiled lexicon shared by every call.
var lex = mustCompile(lexicons)

// wordIDs maps a lower-cased word to its id; words is the same as a
// wordTable for lookup's hot path.
var (
	wordIDs = lex.words
	words   = newWordTable(lex.words)
)

func mustCompile(ls []lexicon) *table {
	t, err := compile(ls)
	if err != nil {
		panic(err) // the lexicon is a compile-time constant; a bad pattern is a programming error
	}
	return t
}

// compile builds the table from the lexicons, rejecting empty patterns,
// patterns that start with a gap, and duplicates.
func compile(ls []lexicon) (*table, error) {
	t := &table{next: idFirstWord, words: map[string]uint16{
		"@": idMention, "#": idNum, "?": idQMark, "!": idBang, ".": idStop, "<3": idHeart, "(frown)": idFrown}}
	seen := map[string]bool{}
	for _, l := range ls {
		for _, p := range l.patterns {
			e, err := t.parse(p, l.intent)
			if err != nil {
				return nil, err
			}
			key := fmt.Sprint(l.intent, e.flags, e.text)
			if seen[key] {
				continue
			}
			seen[key] = true
			t.entries = append(t.entries, e)
		}
	}
	for _, w := range negators {
		t.id(w)
	}
	n := t.next
	t.byFirst = make([][]candidate, n)
	t.negator = make([]bool, n)
	for i, e := range t.entries {
		c := candidate{entry: uint16(i), second: idUnknown}
		if len(e.pat) > 1 && e.pat[1] != idGap {
			c.second = e.pat[1]
		}
		t.byFirst[e.pat[0]] = append(t.byFirst[e.pat[0]], c)
	}
	for _, w := range negators {
		t.negator[t.words[w]] = true
	}
	return t, nil
}

// parse compiles one pattern with its flag prefix.
func (t *table) parse(p string, intent Set) (entry, error) {
	e := entry{intent: intent}
	for len(p) > 0 && flagChars[p[0]] != 0 {
		e.flags |= flagChars[p[0]]
		p = p[1:]
	}
	e.text = p
	for _, w := range strings.Fields(p) {
		if w == "*" {
			e.pat = append(e.pat, idGap)
			continue
		}
		e.pat = append(e.pat, t.id(w))
	}
	if len(e.pat) == 0 || e.pat[0] == idGap || e.pat[len(e.pat)-1] == idGap {
		return e, fmt.Errorf("intent: bad lexicon pattern %q", p)
	}
	return e, nil
}

// id returns the id of w, adding it when new.
func (t *table) id(w string) uint16 {
	if id, ok := t.words[w]; ok {
		return id
	}
	id := t.next
	t.words[w] = id
	t.next++
	return id
}

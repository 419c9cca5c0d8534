package csvimport

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
)

// Field indexes into plan.cols, in the order of columnFields.
const (
	fID = iota
	fText
	fAuthor
	fAuthorID
	fAuthorName
	fAuthorBio
	fFollowers
	fFollowing
	fCreated
	fNetwork
	fKind
	fInReplyTo
	fReplyToAuthor
	fSubject
	fSubjectAuthor
	fConversation
	fURL
	fLang
	fLikes
	fShares
	fReplies
	fQuotes
	fBrand
	nFields
)

// column is where a field's value comes from: a header column (idx ≥ 0) or a
// constant (idx < 0; val "" when the field is unmapped).
type column struct {
	idx  int
	name string // header column name, or the field key for constants
	val  string
}

func (c column) get(rec []string) string {
	if c.idx >= 0 {
		return rec[c.idx]
	}
	return c.val
}

type attrColumn struct {
	name string
	col  column
}

// plan is a Mapping bound to a header: column indexes instead of names.
type plan struct {
	cols     [nFields]column
	attrs    []attrColumn
	header   []string
	checked  []int // indexes of the columns read, checked for valid UTF-8
	times    *timeParser
	textHTML bool
	comma    rune
}

// bind resolves m's column names against header.
func bind(m Mapping, header []string) (*plan, error) {
	if err := m.check(); err != nil {
		return nil, herald.Errorf(herald.EInvalid, "csv mapping: %v", err)
	}
	if m.Network == "" {
		m.Network = "=" + string(herald.Twitter)
	}
	idx := indexHeader(header)
	p := &plan{header: header, times: newTimeParser(m.TimeFormat, m.TimeZone), textHTML: m.TextHTML, comma: m.Delimiter}
	if p.comma == 0 {
		p.comma = ','
	}
	var err error
	for i, f := range columnFields {
		if p.cols[i], err = idx.resolve(f.key, *f.ptr(&m)); err != nil {
			return nil, err
		}
	}
	for name, v := range m.Attrs {
		c, err := idx.resolve("attr."+name, v)
		if err != nil {
			return nil, err
		}
		p.attrs = append(p.attrs, attrColumn{name, c})
	}
	sort.Slice(p.attrs, func(i, j int) bool { return p.attrs[i].name < p.attrs[j].name })
	p.checked = p.usedColumns()
	return p, nil
}

func (p *plan) usedColumns() []int {
	seen := map[int]bool{}
	var used []int
	add := func(c column) {
		if c.idx >= 0 && !seen[c.idx] {
			seen[c.idx] = true
			used = append(used, c.idx)
		}
	}
	for _, c := range p.cols {
		add(c)
	}
	for _, a := range p.attrs {
		add(a.col)
	}
	sort.Ints(used)
	return used
}

// headerIndex finds columns by exact name, else case-insensitively when only
// one column matches.
type headerIndex struct {
	header      []string
	exact, fold map[string]int // fold: -1 when ambiguous
}

func indexHeader(header []string) headerIndex {
	h := headerIndex{header: header, exact: map[string]int{}, fold: map[string]int{}}
	for i, name := range header {
		name = strings.TrimSpace(name)
		h.exact[name] = i
		l := strings.ToLower(name)
		if _, dup := h.fold[l]; dup {
			h.fold[l] = -1
		} else {
			h.fold[l] = i
		}
	}
	return h
}

func (h headerIndex) resolve(key, v string) (column, error) {
	if v == "" {
		return column{idx: -1, name: key}, nil
	}
	if c, ok := constant(v); ok {
		return column{idx: -1, name: key, val: c}, nil
	}
	name := strings.TrimSpace(v)
	i, ok := h.exact[name]
	if !ok {
		i, ok = h.fold[strings.ToLower(name)]
		ok = ok && i >= 0
	}
	if !ok {
		return column{}, herald.Errorf(herald.EInvalid, "csv mapping: %s: no column %q in the header (columns: %s)",
			key, v, quoteList(h.header))
	}
	return column{idx: i, name: h.header[i]}, nil
}

// checkHeader rejects a header with invalid UTF-8 or duplicate column names.
// Empty names (a pandas index column) may repeat: they cannot be mapped.
func checkHeader(header []string) error {
	seen := map[string]int{}
	for i, name := range header {
		if !utf8.ValidString(name) {
			return herald.Errorf(herald.EInvalid, "invalid UTF-8 in column %d", i+1)
		}
		name = strings.TrimSpace(name)
		if j, dup := seen[name]; dup && name != "" {
			return herald.Errorf(herald.EInvalid, "duplicate column %q (columns %d and %d)", name, j+1, i+1)
		}
		seen[name] = i
	}
	return nil
}

// planFor binds m, or when m is nil a preset or a guessed mapping, to header.
func planFor(m *Mapping, header []string) (*plan, error) {
	if m != nil {
		return bind(*m, header)
	}
	if pm, _, ok := Preset(header); ok {
		return bind(pm, header)
	}
	gm, err := Guess(header)
	if err != nil {
		return nil, err
	}
	return bind(gm, header)
}

func (c column) label() string {
	if c.name == "" {
		return fmt.Sprintf("column %d", c.idx+1)
	}
	return c.name
}

// Package brandtag tags activities with the brands of a workspace they are
// about, from the brand declarations: the brand's own handles (authorship,
// replies, shares, @mentions), its hashtags and its keywords. It is the
// ingest pipeline's first analysis step; the text-analysis layer (brand
// queries, sentiment toward each brand) plugs in behind the same seam.
package brandtag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
)

// Tagger tags activities for one workspace. It is immutable after New and
// safe for concurrent use.
type Tagger struct {
	brands []brandMatcher
}

type brandMatcher struct {
	id       int64
	slug     string
	names    []string                           // lower-cased slug and name, for imported brand columns
	handles  map[herald.Network]map[string]bool // lower-cased handles per network
	hashtags map[string]bool                    // lower-cased
	keywords []string                           // lower-cased
}

// New compiles the workspace's brand declarations.
func New(w *herald.Workspace) *Tagger {
	t := &Tagger{}
	for _, b := range w.Brands {
		m := brandMatcher{id: b.ID, slug: b.Slug, handles: map[herald.Network]map[string]bool{}, hashtags: map[string]bool{}}
		m.names = []string{strings.ToLower(b.Slug), strings.ToLower(b.Name), herald.Slugify(b.Name)}
		for n, hs := range b.Handles {
			set := map[string]bool{}
			for _, h := range hs {
				set[herald.NormalizeHandle(h)] = true
			}
			m.handles[n] = set
		}
		for _, h := range b.Hashtags {
			m.hashtags[strings.ToLower(strings.TrimPrefix(h, "#"))] = true
		}
		for _, k := range b.Keywords {
			if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
				m.keywords = append(m.keywords, k)
			}
		}
		t.brands = append(t.brands, m)
	}
	return t
}

// Tag sets a.Brands to the brands the activity is about, each with the
// strongest evidence found. It keeps mentions a source already declared
// (MatchImported) unless stronger evidence exists.
func (t *Tagger) Tag(a *herald.Activity) {
	if len(t.brands) == 0 {
		return
	}
	lower := strings.ToLower(a.Text)
	imported, _ := a.Attributes["brand"]
	imported = strings.ToLower(strings.TrimSpace(imported))
	a.Brands = a.Brands[:0]
	for i := range t.brands {
		if m, ok := t.brands[i].match(a, lower, imported); ok {
			a.Brands = append(a.Brands, m)
		}
	}
}

func (b *brandMatcher) match(a *herald.Activity, lower, imported string) (herald.BrandMention, bool) {
	m := herald.BrandMention{BrandID: b.id, Brand: b.slug}
	handles := b.handles[a.Network]
	switch {
	case handles[strings.ToLower(a.Author.Handle)]:
		m.Source = herald.MatchAuthor
	case handles[strings.ToLower(a.InReplyToAuthor)] || handles[strings.ToLower(a.SubjectAuthor)]:
		m.Source, m.Direct = herald.MatchReply, true
	case b.mentioned(a, handles, lower):
		m.Source, m.Direct = herald.MatchMention, true
	case b.tagged(a, lower):
		m.Source = herald.MatchHashtag
	case b.named(lower):
		m.Source = herald.MatchKeyword
	case imported != "" && b.isNamed(imported):
		m.Source = herald.MatchImported
	default:
		return m, false
	}
	return m, true
}

func (b *brandMatcher) mentioned(a *herald.Activity, handles map[string]bool, lower string) bool {
	if len(handles) == 0 {
		return false
	}
	for _, h := range a.Mentions {
		if handles[strings.ToLower(h)] {
			return true
		}
	}
	for h := range handles {
		if containsWord(lower, "@"+h) {
			return true
		}
	}
	return false
}

func (b *brandMatcher) tagged(a *herald.Activity, lower string) bool {
	for _, h := range a.Hashtags {
		if b.hashtags[strings.ToLower(h)] {
			return true
		}
	}
	for h := range b.hashtags {
		if containsWord(lower, "#"+h) {
			return true
		}
	}
	return false
}

func (b *brandMatcher) named(lower string) bool {
	for _, k := range b.keywords {
		if containsWord(lower, k) {
			return true
		}
	}
	return false
}

func (b *brandMatcher) isNamed(v string) bool {
	for _, n := range b.names {
		if v == n {
			return true
		}
	}
	return false
}

// containsWord reports whether s contains w with a word boundary on both
// sides (Unicode letters, digits and '_' are word characters). Both are
// already lower-cased.
func containsWord(s, w string) bool {
	for off := 0; off+len(w) <= len(s); {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		if boundaryBefore(s, i) && boundaryAfter(s, i+len(w), w) {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		off = i + size
	}
	return false
}

// boundaryBefore reports whether the match at i does not follow a word
// character; for "@acme" and "#acme" that means the sigil does not (an
// e-mail address is not a mention).
func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWord(r)
}

func boundaryAfter(s string, j int, w string) bool {
	if j >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	if w[0] == '@' && (r == '@' || r == '.') && j+1 < len(s) {
		// "@acme@host" or "@acme.io" is a different account.
		next, _ := utf8.DecodeRuneInString(s[j+1:])
		if isWord(next) {
			return false
		}
	}
	return !isWord(r)
}

func isWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

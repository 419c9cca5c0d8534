// Package brandtag tags activities with the brands of a workspace they are
// about from their structure: written by one of the brand's accounts, a
// reply to or share of one, @mentions and hashtags the source lists, or a
// brand the source record names (a CSV column). What the text itself says
// (handles, hashtags, keywords and boolean queries in the words) is matched
// by package analysis, which runs this first.
package brandtag

import (
	"strings"

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
	imported, _ := a.Attributes["brand"]
	imported = strings.ToLower(strings.TrimSpace(imported))
	a.Brands = a.Brands[:0]
	for i := range t.brands {
		if m, ok := t.brands[i].match(a, imported); ok {
			a.Brands = append(a.Brands, m)
		}
	}
}

func (b *brandMatcher) match(a *herald.Activity, imported string) (herald.BrandMention, bool) {
	m := herald.BrandMention{BrandID: b.id, Brand: b.slug}
	handles := b.handles[a.Network]
	switch {
	case handles[strings.ToLower(a.Author.Handle)]:
		m.Source = herald.MatchAuthor
	case handles[strings.ToLower(a.InReplyToAuthor)] || handles[strings.ToLower(a.SubjectAuthor)]:
		m.Source, m.Direct = herald.MatchReply, true
	case b.mentioned(a, handles):
		m.Source, m.Direct = herald.MatchMention, true
	case b.tagged(a):
		m.Source = herald.MatchHashtag
	case imported != "" && b.isNamed(imported):
		m.Source = herald.MatchImported
	default:
		return m, false
	}
	return m, true
}

func (b *brandMatcher) mentioned(a *herald.Activity, handles map[string]bool) bool {
	for _, h := range a.Mentions {
		if handles[strings.ToLower(h)] {
			return true
		}
	}
	return false
}

func (b *brandMatcher) tagged(a *herald.Activity) bool {
	for _, h := range a.Hashtags {
		if b.hashtags[strings.ToLower(h)] {
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

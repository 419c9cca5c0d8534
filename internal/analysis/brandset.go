package analysis

import (
	"strings"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/text/query"
)

// explicitSuffix marks the set entry of a brand's own boolean query, apart
// from the entry made of its handles, hashtags and keywords.
const explicitSuffix = "\x00query"

// brandSets are a workspace's brand terms compiled into query sets. Handles
// belong to a network ("@acme" on X is not "@acme" on Bluesky), so each
// network with declared handles has its own set; posts from other networks
// are matched without handles, and text of no known network (`herald
// analyze` on plain lines) with every handle.
type brandSets struct {
	byNetwork map[herald.Network]*query.Set
	other     *query.Set
	any       *query.Set
}

// forNetwork returns the set for a post from network n (nil: no terms).
func (s *brandSets) forNetwork(n herald.Network) *query.Set {
	if n == "" {
		return s.any
	}
	if set, ok := s.byNetwork[n]; ok {
		return set
	}
	return s.other
}

const allNetworks herald.Network = "*"

// compileBrands compiles the workspace's brands. A brand query with a
// mistake is an error naming the brand, line and column.
func compileBrands(ws *herald.Workspace) (*brandSets, error) {
	s := &brandSets{byNetwork: map[herald.Network]*query.Set{}}
	var err error
	if s.other, err = compileFor(ws, ""); err != nil {
		return nil, err
	}
	if s.any, err = compileFor(ws, allNetworks); err != nil {
		return nil, err
	}
	for _, b := range ws.Brands {
		for n := range b.Handles {
			if _, done := s.byNetwork[n]; done {
				continue
			}
			if s.byNetwork[n], err = compileFor(ws, n); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// compileFor compiles, for each brand, an entry named by its slug made of
// its handles on network n (every network for allNetworks, none for ""),
// hashtags and keywords, and an entry for its boolean query when it has
// one. It returns nil when there is nothing to match.
func compileFor(ws *herald.Workspace, n herald.Network) (*query.Set, error) {
	var qs []query.Named
	for _, b := range ws.Brands {
		if q := termsQuery(b, n); q != "" {
			qs = append(qs, query.Named{Name: b.Slug, Query: q})
		}
		if strings.TrimSpace(b.Query) != "" {
			if _, err := query.Parse(b.Query); err != nil {
				return nil, herald.Errorf(herald.EInvalid, "brand %s: query: %v", b.Slug, err)
			}
			qs = append(qs, query.Named{Name: b.Slug + explicitSuffix, Query: b.Query})
		}
	}
	if len(qs) == 0 {
		return nil, nil
	}
	set, err := query.NewSet(qs)
	if err != nil {
		return nil, herald.Errorf(herald.EInvalid, "compile brand terms: %v", err)
	}
	return set, nil
}

// termsQuery writes a brand's handles on network n, hashtags and keywords
// as one OR query; terms the query language cannot express are left out.
func termsQuery(b herald.Brand, n herald.Network) string {
	var terms []string
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	for net, hs := range b.Handles {
		if net != n && n != allNetworks {
			continue
		}
		for _, h := range hs {
			if h = herald.NormalizeHandle(h); h != "" && !strings.ContainsAny(h, " \"()*") {
				add("@" + h)
			}
		}
	}
	for _, h := range b.Hashtags {
		if h = strings.TrimPrefix(strings.TrimSpace(h), "#"); h != "" && !strings.ContainsAny(h, " \"()#@*") {
			add("#" + h)
		}
	}
	for _, k := range b.Keywords {
		if k = strings.Join(strings.Fields(strings.ReplaceAll(k, `"`, " ")), " "); k != "" {
			add(`"` + k + `"`)
		}
	}
	return strings.Join(terms, " OR ")
}

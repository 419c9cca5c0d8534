// Package herald holds Herald's domain vocabulary: workspaces and their brands,
// people and their network identities, and the activities (posts, replies,
// shares, likes, follows) that everything else — text analysis, advocate
// scoring, metrics, the inbox — is computed from.
//
// The package imports only the standard library. Storage, importers, live
// connectors and transports live in internal packages that depend on it, never
// the other way round.
package herald

import (
	"fmt"
	"strings"
)

// Network names a social network or source of activity. Identities and
// activities are keyed by network plus the network's own external id.
type Network string

// Networks Herald understands natively. Other values are accepted (a CSV
// mapping may name any network) as long as they pass ValidNetwork.
const (
	Twitter Network = "twitter" // ids: tweet and user ids
	// Mastodon stands for the whole fediverse (ActivityPub): ids are the
	// ActivityPub IRIs of objects and actors, global across instances.
	Mastodon Network = "mastodon"
	Bluesky  Network = "bluesky" // ids: at:// URIs and DIDs
	Reddit   Network = "reddit"  // ids: fullnames (t3_…, t1_…, t2_…)
)

// ValidNetwork reports whether s can be used as a network name: 1–32
// characters of lower-case ASCII letters, digits, '-' and '_'.
func ValidNetwork(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
		default:
			return false
		}
	}
	return true
}

// Workspace is one isolated tenant: a brand and its competitors. Data of one
// workspace is never visible from another.
type Workspace struct {
	ID     int64
	Slug   string // stable, URL-safe name used on the command line
	Name   string
	Brands []Brand
	// Scoring overrides advocate-scoring parameters by name (see
	// docs/scoring.md); nil keeps the defaults.
	Scoring map[string]float64
}

// Brand returns the workspace's brand with the given slug.
func (w *Workspace) Brand(slug string) (*Brand, bool) {
	for i := range w.Brands {
		if w.Brands[i].Slug == slug {
			return &w.Brands[i], true
		}
	}
	return nil, false
}

// PickBrand returns the brand with this slug or, for "", the workspace's
// own brand (its first brand when none is marked own).
func (w *Workspace) PickBrand(slug string) (Brand, error) {
	if slug != "" {
		b, ok := w.Brand(slug)
		if !ok {
			return Brand{}, Errorf(ENotFound, "workspace %s has no brand %q", w.Slug, slug)
		}
		return *b, nil
	}
	if b, ok := w.Own(); ok {
		return *b, nil
	}
	if len(w.Brands) == 0 {
		return Brand{}, Errorf(ENotFound, "workspace %s declares no brand", w.Slug)
	}
	return w.Brands[0], nil
}

// Own returns the workspace's own brand (the one that is not a competitor).
func (w *Workspace) Own() (*Brand, bool) {
	for i := range w.Brands {
		if w.Brands[i].Role == RoleOwn {
			return &w.Brands[i], true
		}
	}
	return nil, false
}

// BrandRole tells the workspace's own brand from its competitors.
type BrandRole string

// Brand roles.
const (
	RoleOwn        BrandRole = "own"
	RoleCompetitor BrandRole = "competitor"
)

// Brand is a brand tracked in a workspace: the workspace's own brand or one of
// its competitors. How a post is recognised as being about the brand is
// declared here; text analysis (issue: brand queries) adds Query.
type Brand struct {
	ID          int64
	WorkspaceID int64
	Slug        string
	Name        string
	Role        BrandRole
	// Handles are the brand's own accounts per network, without '@'
	// (e.g. "united", "united@mastodon.social").
	Handles map[Network][]string
	// Hashtags without '#', matched case-insensitively.
	Hashtags []string
	// Keywords and phrases, matched case-insensitively on word boundaries.
	Keywords []string
	// Query is an optional boolean brand query; it is interpreted by the
	// text-analysis layer when present.
	Query string
	// Employees are known employee accounts.
	Employees []AccountRef
}

// AccountRef names an account on a network by handle or external id.
type AccountRef struct {
	Network Network
	Handle  string // without '@'
}

// String renders the reference as "network:handle".
func (a AccountRef) String() string { return string(a.Network) + ":" + a.Handle }

// ParseAccountRef parses "network:handle" (a leading '@' on the handle is
// dropped).
func ParseAccountRef(s string) (AccountRef, error) {
	net, handle, ok := strings.Cut(s, ":")
	if !ok || handle == "" {
		return AccountRef{}, Errorf(EInvalid, "account %q: want network:handle, e.g. twitter:@alice", s)
	}
	if !ValidNetwork(net) {
		return AccountRef{}, Errorf(EInvalid, "account %q: invalid network %q", s, net)
	}
	return AccountRef{Network: Network(net), Handle: NormalizeHandle(handle)}, nil
}

// NormalizeHandle lower-cases a handle and strips a leading '@'.
func NormalizeHandle(h string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(h), "@"))
}

// Validate checks a workspace definition before it is stored.
func (w *Workspace) Validate() error {
	if !validSlug(w.Slug) {
		return Errorf(EInvalid, "workspace %q: slug must be 1-64 of a-z, 0-9, '-', '_'", w.Slug)
	}
	seen := map[string]bool{}
	own := 0
	for _, b := range w.Brands {
		if !validSlug(b.Slug) {
			return Errorf(EInvalid, "workspace %s: brand %q: slug must be 1-64 of a-z, 0-9, '-', '_'", w.Slug, b.Slug)
		}
		if seen[b.Slug] {
			return Errorf(EInvalid, "workspace %s: brand %q declared twice", w.Slug, b.Slug)
		}
		seen[b.Slug] = true
		switch b.Role {
		case RoleOwn:
			own++
		case RoleCompetitor:
		default:
			return Errorf(EInvalid, "workspace %s: brand %s: role %q is not own or competitor", w.Slug, b.Slug, b.Role)
		}
		for n := range b.Handles {
			if !ValidNetwork(string(n)) {
				return Errorf(EInvalid, "workspace %s: brand %s: invalid network %q", w.Slug, b.Slug, n)
			}
		}
	}
	if own > 1 {
		return Errorf(EInvalid, "workspace %s: %d brands have role own; at most one may", w.Slug, own)
	}
	return nil
}

func validSlug(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// Slugify turns a display name into a slug ("US Airways" → "us-airways").
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// String implements fmt.Stringer for logs.
func (w *Workspace) String() string { return fmt.Sprintf("workspace %s", w.Slug) }

package herald

import "time"

// Scope is what an API token may do in its workspace. Each scope includes
// the ones before it: read < write < admin.
type Scope string

// Scopes.
const (
	ScopeRead  Scope = "read"  // read everything in the workspace
	ScopeWrite Scope = "write" // also import data and change people
	ScopeAdmin Scope = "admin" // also manage the workspace's tokens
)

var scopeRanks = map[Scope]int{ScopeRead: 1, ScopeWrite: 2, ScopeAdmin: 3}

// Valid reports whether s is a known scope.
func (s Scope) Valid() bool { return scopeRanks[s] > 0 }

// Allows reports whether a token with scope s may do what needs scope need.
func (s Scope) Allows(need Scope) bool { return s.Valid() && scopeRanks[s] >= scopeRanks[need] }

// Token is an API token of one workspace. Its secret is shown once, when it
// is created; only a hash of it is stored.
type Token struct {
	ID          int64     `json:"id"`
	WorkspaceID int64     `json:"-"`
	Name        string    `json:"name"`
	Scope       Scope     `json:"scope"`
	Prefix      string    `json:"prefix"` // the first characters of the secret, to recognise it
	CreatedAt   time.Time `json:"created_at"`
	ExpiresAt   time.Time `json:"expires_at,omitzero"`
	LastUsedAt  time.Time `json:"last_used_at,omitzero"`
	RevokedAt   time.Time `json:"revoked_at,omitzero"`
}

// Active reports whether the token may be used at time now.
func (t *Token) Active(now time.Time) bool {
	return t.RevokedAt.IsZero() && (t.ExpiresAt.IsZero() || now.Before(t.ExpiresAt))
}

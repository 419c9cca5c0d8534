package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"net/http"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
)

// tokenPrefix starts every Herald API token, so that secret scanners and
// people recognise one.
const tokenPrefix = "hrld_"

var tokenEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// HashToken is how a token's secret is stored: SHA-256. Tokens carry 160
// random bits, so a fast hash is enough (there is nothing to brute-force).
func HashToken(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// CreateToken makes a token for a workspace, stores its hash, and returns
// the secret: the only time it is ever shown.
func CreateToken(ctx context.Context, db *store.DB, t *herald.Token) (string, error) {
	var b [20]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	secret := tokenPrefix + tokenEncoding.EncodeToString(b[:])
	t.Prefix = secret[:len(tokenPrefix)+6]
	if t.Name == "" {
		return "", herald.Errorf(herald.EInvalid, "a token needs a name (what or who uses it)")
	}
	if len(t.Name) > 200 {
		return "", herald.Errorf(herald.EInvalid, "a token name is at most 200 bytes")
	}
	if err := db.CreateToken(ctx, t, HashToken(secret)); err != nil {
		return "", err
	}
	return secret, nil
}

// bearer extracts the token of a request: "Authorization: Bearer hrld_…".
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, strings.HasPrefix(tok, tokenPrefix) && len(tok) < 200
}

// authenticate resolves a request's token; every failure is the same 401,
// so a caller learns nothing about which tokens exist.
func (s *Server) authenticate(r *http.Request) (*herald.Token, error) {
	secret, ok := bearer(r)
	if !ok {
		return nil, herald.Errorf(herald.EUnauthorized, "missing or malformed API token (send Authorization: Bearer hrld_…)")
	}
	t, err := s.db.TokenByHash(r.Context(), HashToken(secret))
	if herald.ErrorCode(err) == herald.EUnauthorized {
		return nil, herald.Errorf(herald.EUnauthorized, "invalid, expired or revoked API token")
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	if !t.Active(now) {
		return nil, herald.Errorf(herald.EUnauthorized, "invalid, expired or revoked API token")
	}
	if now.Sub(t.LastUsedAt) > time.Minute { // record use, at most once a minute per token
		_ = s.db.TouchToken(context.WithoutCancel(r.Context()), t.ID, now)
	}
	return t, nil
}

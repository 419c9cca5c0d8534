package api

import (
	"net/http"
	"time"

	"github.com/herald-advocacy/herald"
)

// TokenRequest creates a token.
type TokenRequest struct {
	Name  string       `json:"name"`
	Scope herald.Scope `json:"scope"` // read, write or admin
	// ExpiresAt ends the token's validity (absent: it never expires).
	ExpiresAt time.Time `json:"expires_at,omitzero"`
}

// NewToken is a created token with its secret, shown this once.
type NewToken struct {
	Token  herald.Token `json:"token"`
	Secret string       `json:"secret"`
}

func (s *Server) listTokens(c *call) error {
	ts, err := s.db.Tokens(c.r.Context(), c.ws.ID)
	if err != nil {
		return err
	}
	return list(c, ts)
}

func (s *Server) createToken(c *call) error {
	var req TokenRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if !req.Scope.Valid() {
		return herald.Errorf(herald.EInvalid, "scope must be read, write or admin")
	}
	if !req.ExpiresAt.IsZero() && !req.ExpiresAt.After(s.now()) {
		return herald.Errorf(herald.EInvalid, "expires_at is in the past")
	}
	t := &herald.Token{WorkspaceID: c.ws.ID, Name: req.Name, Scope: req.Scope, ExpiresAt: req.ExpiresAt}
	secret, err := CreateToken(c.r.Context(), s.db, t)
	if err != nil {
		return err
	}
	return c.json(http.StatusCreated, NewToken{Token: *t, Secret: secret})
}

func (s *Server) revokeToken(c *call) error {
	id, err := c.id("id")
	if err != nil {
		return err
	}
	if err := s.db.RevokeToken(c.r.Context(), c.ws.ID, id); err != nil {
		return err
	}
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}

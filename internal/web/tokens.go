package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/api"
)

// tokensData is the API tokens settings page.
type tokensData struct {
	Tokens []herald.Token
	Secret string // the secret of the token just created, shown once
	Name   string // of that token
}

// tokens lists the workspace's API tokens (admins only).
func (s *Server) tokens(w http.ResponseWriter, r *http.Request) {
	s.renderTokens(w, r, http.StatusOK, tokensData{})
}

func (s *Server) renderTokens(w http.ResponseWriter, r *http.Request, status int, d tokensData) {
	v := visitOf(r)
	ts, err := s.db.Tokens(r.Context(), v.ws.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Tokens = ts
	s.render(w, r, status, "tokens", &page{Title: "API tokens", Active: "settings", Sub: "tokens", Data: d})
}

// createToken creates a token and shows its secret once, on the page the
// POST answers (never in a URL or a redirect).
func (s *Server) createToken(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	t := &herald.Token{WorkspaceID: v.ws.ID, Name: strings.TrimSpace(r.PostFormValue("name")), Scope: herald.Scope(r.PostFormValue("scope"))}
	if !t.Scope.Valid() {
		s.fail(w, r, herald.Errorf(herald.EInvalid, "scope %q: want read, write or admin", t.Scope))
		return
	}
	if t.Name == "" {
		t.Name = fmt.Sprintf("%s token, %s", t.Scope, s.now().UTC().Format("2006-01-02"))
	}
	if len([]rune(t.Name)) > 100 {
		s.fail(w, r, herald.Errorf(herald.EInvalid, "the token's name is longer than 100 characters"))
		return
	}
	secret, err := api.CreateToken(r.Context(), s.db, t)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("API token created", "workspace", v.ws.Slug, "token", t.ID, "scope", t.Scope, "by", v.user.Email)
	s.renderTokens(w, r, http.StatusOK, tokensData{Secret: secret, Name: t.Name})
}

func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fail(w, r, herald.Errorf(herald.ENotFound, "token %q not found", r.PathValue("id")))
		return
	}
	if err := s.db.RevokeToken(r.Context(), v.ws.ID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("API token revoked", "workspace", v.ws.Slug, "token", id, "by", v.user.Email)
	http.Redirect(w, r, "/w/"+url.PathEscape(v.ws.Slug)+"/settings/tokens", http.StatusSeeOther)
}

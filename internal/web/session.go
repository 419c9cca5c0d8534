package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
)

// Cookie names.
const (
	sessionCookie = "herald_session"
	loginCookie   = "herald_login" // the login form's CSRF token, before there is a session
	csrfField     = "csrf"
)

// visit is what a request of a signed-in user carries.
type visit struct {
	user *store.User
	sess *store.Session
	csrf string            // the token forms must send back
	ws   *herald.Workspace // the workspace of a /w/{ws}/ page
	role store.Role        // the user's role in ws
}

type visitKey struct{}

func visitOf(r *http.Request) *visit {
	v, _ := r.Context().Value(visitKey{}).(*visit)
	return v
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand panics rather than return short)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(v string) []byte {
	h := sha256.Sum256([]byte(v))
	return h[:]
}

func sameToken(a, b string) bool {
	return a != "" && len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

func (s *Server) secure(r *http.Request) bool { return s.cfg.Secure || r.TLS != nil }

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge int, site http.SameSite) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true,
		Secure: s.secure(r), SameSite: site})
}

// session returns the live session of the request's cookie and its user;
// it moves the session's idle expiry forward (at most once a minute).
func (s *Server) session(r *http.Request) (*visit, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil, herald.Errorf(herald.EUnauthorized, "not signed in")
	}
	ctx := r.Context()
	now := s.now()
	sess, err := s.db.SessionByHash(ctx, hashToken(c.Value), now)
	if err != nil {
		return nil, err
	}
	u, err := s.db.User(ctx, sess.UserID)
	if err != nil {
		return nil, err
	}
	if u.Disabled {
		return nil, herald.Errorf(herald.EUnauthorized, "this account is disabled")
	}
	if now.Sub(sess.LastSeenAt) > time.Minute {
		exp := now.Add(s.cfg.SessionIdle)
		if limit := sess.CreatedAt.Add(s.cfg.SessionMax); exp.After(limit) {
			exp = limit
		}
		if err := s.db.TouchSession(ctx, sess.Hash, now, exp); err != nil {
			s.log.Warn("touch session", "err", err)
		}
	}
	return &visit{user: u, sess: sess, csrf: base64.RawURLEncoding.EncodeToString(sess.CSRF)}, nil
}

// authed runs h for a signed-in user: a GET without a session goes to the
// login page (and back afterwards); every POST must carry the session's
// CSRF token.
func (s *Server) authed(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := s.session(r)
		if err != nil {
			if code := herald.ErrorCode(err); code != herald.ENotFound && code != herald.EUnauthorized {
				s.fail(w, r, err)
				return
			}
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.failStatus(w, r, http.StatusUnauthorized, "Your session has ended: sign in again.")
			return
		}
		if r.Method == http.MethodPost && !sameToken(r.PostFormValue(csrfField), v.csrf) {
			s.failStatus(w, r, http.StatusForbidden, "This form has expired or did not come from Herald: reload the page and try again.")
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), visitKey{}, v)))
	})
}

// inWorkspace runs h on a workspace page: the user must have at least role
// need there. A workspace the user cannot see is not found (404), exactly
// like one that does not exist; a role too low for the action is 403.
func (s *Server) inWorkspace(need store.Role, h http.HandlerFunc) http.Handler {
	return s.authed(func(w http.ResponseWriter, r *http.Request) {
		v := visitOf(r)
		ws, err := s.db.Workspace(r.Context(), r.PathValue("ws"))
		if err == nil && v.user.RoleIn(ws.ID) == "" {
			err = herald.Errorf(herald.ENotFound, "workspace %q not found", r.PathValue("ws"))
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		v.ws, v.role = ws, v.user.RoleIn(ws.ID)
		if !v.role.Allows(need) {
			s.failStatus(w, r, http.StatusForbidden, "Your role in this workspace ("+string(v.role)+") does not allow this: it needs "+string(need)+".")
			return
		}
		h(w, r)
	})
}

// loginPage is the data of the login form.
type loginPage struct {
	Email, Next, Error string
	Token              string
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	if v, err := s.session(r); err == nil && v != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.renderLogin(w, r, http.StatusOK, loginPage{Next: safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, p loginPage) {
	// One token per browser, kept while it lives: two tabs on the login
	// page both work.
	if c, err := r.Cookie(loginCookie); err == nil && len(c.Value) == len(randomToken()) {
		p.Token = c.Value
	} else {
		p.Token = randomToken()
	}
	s.setCookie(w, r, loginCookie, p.Token, 3600, http.SameSiteStrictMode)
	s.render(w, r, status, "login", &page{Title: "Sign in", Data: p})
}

// login checks the e-mail address and password. Failures are counted per
// client address and per e-mail address; past the limit the answer is 429
// with Retry-After, whatever the password.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	email, pw := strings.TrimSpace(r.PostFormValue("email")), r.PostFormValue("password")
	p := loginPage{Email: email, Next: safeNext(r.PostFormValue("next"))}
	c, err := r.Cookie(loginCookie)
	if err != nil || !sameToken(r.PostFormValue(csrfField), c.Value) {
		p.Error = "The sign-in form had expired. Please try again."
		s.renderLogin(w, r, http.StatusForbidden, p)
		return
	}
	now := s.now()
	keys := []string{"ip:" + clientIP(r), "email:" + store.EmailKey(email)}
	if wait := s.limiter.wait(now, keys...); wait > 0 {
		w.Header().Set("Retry-After", retryAfter(wait))
		p.Error = "Too many failed sign-ins. Try again in " + humanWait(wait) + "."
		s.renderLogin(w, r, http.StatusTooManyRequests, p)
		return
	}
	u, err := s.db.UserByEmail(r.Context(), email)
	if err != nil && herald.ErrorCode(err) != herald.ENotFound {
		s.fail(w, r, err)
		return
	}
	var hash []byte
	if u != nil && !u.Disabled {
		hash = u.PasswordHash
	}
	if !s.checkPassword(hash, pw) {
		s.limiter.fail(now, keys...)
		s.log.Info("failed sign-in", "email", email, "addr", clientIP(r))
		p.Error = "Wrong e-mail address or password."
		s.renderLogin(w, r, http.StatusUnauthorized, p)
		return
	}
	s.limiter.reset(keys[1])
	token := randomToken()
	sess := &store.Session{Hash: hashToken(token), UserID: u.ID, CSRF: []byte(randomToken()[:32]),
		CreatedAt: now, ExpiresAt: now.Add(s.cfg.SessionIdle)}
	if err := s.db.CreateSession(r.Context(), sess); err != nil {
		s.fail(w, r, err)
		return
	}
	s.setCookie(w, r, sessionCookie, token, 0, http.SameSiteLaxMode)
	s.setCookie(w, r, loginCookie, "", -1, http.SameSiteStrictMode)
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if err := s.db.DeleteSession(r.Context(), visitOf(r).sess.Hash); err != nil {
		s.fail(w, r, err)
		return
	}
	s.setCookie(w, r, sessionCookie, "", -1, http.SameSiteLaxMode)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// home sends the user to the first workspace they can see.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	wss, err := s.workspaces(r.Context(), visitOf(r).user)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(wss) == 0 {
		s.render(w, r, http.StatusOK, "empty", &page{Title: "No workspace"})
		return
	}
	http.Redirect(w, r, "/w/"+wss[0].Slug+"/", http.StatusSeeOther)
}

// workspaces lists the workspaces the user may see, by slug.
func (s *Server) workspaces(ctx context.Context, u *store.User) ([]herald.Workspace, error) {
	all, err := s.db.Workspaces(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, w := range all {
		if u.RoleIn(w.ID) != "" {
			out = append(out, w)
		}
	}
	return out, nil
}

// safeNext keeps a redirect target only when it is a path on this site.
func safeNext(next string) string {
	if next == "" || next[0] != '/' || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return next
}

// clientIP is the address the request came from. Forwarding headers are
// not trusted: behind a proxy every client shares the proxy's limit.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
)

type usersData struct {
	Users   []userRow
	Roles   []store.Role
	Message string // what the last change did
}

type userRow struct {
	ID          int64
	Email, Name string
	Role        store.Role
	Global      bool // an administrator of every workspace: the role is not set here
	Disabled    bool
	Others      int  // other workspaces the user has a role in
	Self        bool // the signed-in user
	CanAccount  bool // the viewer may disable or delete the account itself
}

// users lists the users who may open the workspace, with their role
// there (admins).
func (s *Server) users(w http.ResponseWriter, r *http.Request) {
	s.renderUsers(w, r, http.StatusOK, r.URL.Query().Get("done"))
}

var userMessages = map[string]string{"added": "The user was added.", "role": "The role was changed.", "disabled": "The account was disabled: its sessions ended.",
	"enabled": "The account was enabled.", "removed": "The user was removed from this workspace.", "deleted": "The account was deleted."}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, done string) {
	v := visitOf(r)
	us, err := s.workspaceUsers(r.Context(), v.ws.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := usersData{Roles: store.Roles(), Message: userMessages[done]}
	for _, u := range us {
		d.Users = append(d.Users, userRow{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.RoleIn(v.ws.ID), Global: u.Admin, Disabled: u.Disabled,
			Others: len(u.Workspaces) - boolInt(u.RoleIn(v.ws.ID) != "" && !u.Admin), Self: u.ID == v.user.ID, CanAccount: canManageAccount(v, &u)})
	}
	s.render(w, r, status, "users", &page{Title: "Users", Active: "settings", Sub: "users", Data: d})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// workspaceUsers are the users with a role in the workspace.
func (s *Server) workspaceUsers(ctx context.Context, ws int64) ([]store.User, error) {
	all, err := s.db.Users(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, u := range all {
		if u.RoleIn(ws) != "" {
			out = append(out, u)
		}
	}
	return out, nil
}

// canManageAccount tells whether the visitor may disable or delete u's
// account: an administrator of every workspace may, a workspace admin
// only for accounts that have no other workspace.
func canManageAccount(v *visit, u *store.User) bool {
	if v.user.Admin {
		return true
	}
	return !u.Admin && len(u.Workspaces) == 1 && u.Workspaces[0].WorkspaceID == v.ws.ID
}

// addUser creates an account with a role in the workspace, or gives an
// existing account a role here.
func (s *Server) addUser(w http.ResponseWriter, r *http.Request) {
	v, ctx := visitOf(r), r.Context()
	role := store.Role(r.PostFormValue("role"))
	if !role.Valid() {
		s.fail(w, r, herald.Errorf(herald.EInvalid, "role %q: want viewer, analyst, manager or admin", role))
		return
	}
	email := strings.TrimSpace(r.PostFormValue("email"))
	u, err := s.db.UserByEmail(ctx, email)
	switch {
	case err == nil:
		if u.Admin {
			s.fail(w, r, herald.Errorf(herald.EConflict, "%s already administers every workspace", u.Email))
			return
		}
	case herald.ErrorCode(err) == herald.ENotFound:
		hash, err := hashPassword(r.PostFormValue("password"), s.cfg.bcryptCost)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		u = &store.User{Email: email, Name: strings.TrimSpace(r.PostFormValue("name")), PasswordHash: hash}
		if err := s.db.CreateUser(ctx, u); err != nil {
			s.fail(w, r, err)
			return
		}
	default:
		s.fail(w, r, err)
		return
	}
	if err := s.db.SetUserWorkspace(ctx, u.ID, v.ws.ID, role); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("user added", "workspace", v.ws.Slug, "user", u.Email, "role", role, "by", v.user.Email)
	s.usersDone(w, r, "added")
}

func (s *Server) usersDone(w http.ResponseWriter, r *http.Request, done string) {
	http.Redirect(w, r, "/w/"+url.PathEscape(visitOf(r).ws.Slug)+"/settings/users?done="+done, http.StatusSeeOther)
}

// pathUser is the user {id}, who must have a role in the workspace.
func (s *Server) pathUser(r *http.Request) (*store.User, error) {
	v := visitOf(r)
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err == nil {
		var u *store.User
		if u, err = s.db.User(r.Context(), id); err == nil && u.RoleIn(v.ws.ID) != "" {
			return u, nil
		}
	}
	return nil, herald.Errorf(herald.ENotFound, "user %q not found in this workspace", r.PathValue("id"))
}

// lastAdmin refuses a change that would leave the workspace without an
// enabled admin: keep says whether u stays one after it.
func (s *Server) lastAdmin(ctx context.Context, ws int64, u *store.User, keep bool) error {
	if keep || u.Disabled || u.RoleIn(ws) != store.RoleAdmin {
		return nil
	}
	us, err := s.workspaceUsers(ctx, ws)
	if err != nil {
		return err
	}
	for _, o := range us {
		if o.ID != u.ID && !o.Disabled && o.RoleIn(ws) == store.RoleAdmin {
			return nil
		}
	}
	return herald.Errorf(herald.EConflict, "%s is the last admin of this workspace: make someone else admin first, or nobody could manage its users", u.Email)
}

func (s *Server) setUserRole(w http.ResponseWriter, r *http.Request) {
	v, ctx := visitOf(r), r.Context()
	u, err := s.pathUser(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	role := store.Role(r.PostFormValue("role"))
	switch {
	case !role.Valid():
		err = herald.Errorf(herald.EInvalid, "role %q: want viewer, analyst, manager or admin", role)
	case u.Admin:
		err = herald.Errorf(herald.EConflict, "%s administers every workspace: that is changed with herald user", u.Email)
	default:
		err = s.lastAdmin(ctx, v.ws.ID, u, role == store.RoleAdmin)
	}
	if err == nil {
		err = s.db.SetUserWorkspace(ctx, u.ID, v.ws.ID, role)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("user role changed", "workspace", v.ws.Slug, "user", u.Email, "role", role, "by", v.user.Email)
	s.usersDone(w, r, "role")
}

func (s *Server) setUserDisabled(w http.ResponseWriter, r *http.Request) {
	v, ctx := visitOf(r), r.Context()
	u, err := s.pathUser(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	disable := r.PostFormValue("disabled") == "1"
	switch {
	case !canManageAccount(v, u):
		err = herald.Errorf(herald.EConflict, "%s has other workspaces: only an administrator of every workspace may disable the account", u.Email)
	case disable && u.ID == v.user.ID:
		err = herald.Errorf(herald.EConflict, "you cannot disable your own account")
	case disable:
		err = s.lastAdmin(ctx, v.ws.ID, u, false)
	}
	if err == nil {
		err = s.db.SetUserDisabled(ctx, u.ID, disable)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("user disabled", "workspace", v.ws.Slug, "user", u.Email, "disabled", disable, "by", v.user.Email)
	s.usersDone(w, r, map[bool]string{true: "disabled", false: "enabled"}[disable])
}

// removeUser takes the user's access to the workspace away; an account
// with no other workspace (or removed by an administrator of every
// workspace) is deleted.
func (s *Server) removeUser(w http.ResponseWriter, r *http.Request) {
	v, ctx := visitOf(r), r.Context()
	u, err := s.pathUser(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	switch {
	case u.ID == v.user.ID:
		err = herald.Errorf(herald.EConflict, "you cannot remove yourself: ask another admin")
	case u.Admin && !v.user.Admin:
		err = herald.Errorf(herald.EConflict, "%s administers every workspace: only another such administrator may remove the account", u.Email)
	default:
		err = s.lastAdmin(ctx, v.ws.ID, u, false)
	}
	done := "removed"
	if err == nil {
		if canManageAccount(v, u) && (u.Admin || len(u.Workspaces) <= 1) {
			err, done = s.db.DeleteUser(ctx, u.ID), "deleted"
		} else {
			err = s.db.SetUserWorkspace(ctx, u.ID, v.ws.ID, "")
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("user removed", "workspace", v.ws.Slug, "user", u.Email, "result", done, "by", v.user.Email)
	s.usersDone(w, r, done)
}

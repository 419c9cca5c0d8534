package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
)

// Role is what a dashboard user may do in one workspace. Each role
// includes the ones below it: viewer < analyst < manager < admin.
type Role string

// Roles.
const (
	RoleViewer  Role = "viewer"  // read everything in the workspace
	RoleAnalyst Role = "analyst" // also export and compute drivers
	RoleManager Role = "manager" // also edit data: notes, tags, queries, imports
	RoleAdmin   Role = "admin"   // also users, tokens and settings
)

var roleRanks = map[Role]int{RoleViewer: 1, RoleAnalyst: 2, RoleManager: 3, RoleAdmin: 4}

// Roles lists the roles from the least to the most powerful.
func Roles() []Role { return []Role{RoleViewer, RoleAnalyst, RoleManager, RoleAdmin} }

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return roleRanks[r] > 0 }

// Allows reports whether a user with role r may do what needs role need.
func (r Role) Allows(need Role) bool { return r.Valid() && roleRanks[r] >= roleRanks[need] }

// User is a person who signs in to the dashboard.
type User struct {
	ID    int64  `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
	// Admin users administer every workspace, present and future.
	Admin      bool         `json:"admin"`
	Disabled   bool         `json:"disabled"`
	CreatedAt  time.Time    `json:"created_at"`
	Workspaces []Membership `json:"workspaces"` // the workspaces granted by role, by slug
	// PasswordHash is the bcrypt hash of the password; never shown.
	PasswordHash []byte `json:"-"`
}

// Membership is a user's role in one workspace.
type Membership struct {
	WorkspaceID int64  `json:"-"`
	Slug        string `json:"workspace"`
	Name        string `json:"name"`
	Role        Role   `json:"role"`
}

// RoleIn returns the user's role in a workspace: admin for an admin user,
// the granted role, or "" when the user has no access to it.
func (u *User) RoleIn(ws int64) Role {
	if u.Admin {
		return RoleAdmin
	}
	for _, m := range u.Workspaces {
		if m.WorkspaceID == ws {
			return m.Role
		}
	}
	return ""
}

// Session is a signed-in browser. Only a hash of its cookie's value is
// stored.
type Session struct {
	Hash       []byte
	UserID     int64
	CSRF       []byte // the secret the session's form tokens derive from
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastSeenAt time.Time
}

// EmailKey is the form of an e-mail address that is unique: trimmed and
// in lower case.
func EmailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

const userColumns = `id, email, name, password_hash, is_admin, disabled, created_at`

func scanUser(s interface{ Scan(...any) error }) (*User, error) {
	var u User
	var hash string
	var admin, disabled int
	var created int64
	if err := s.Scan(&u.ID, &u.Email, &u.Name, &hash, &admin, &disabled, &created); err != nil {
		return nil, err
	}
	u.PasswordHash, u.Admin, u.Disabled, u.CreatedAt = []byte(hash), admin != 0, disabled != 0, fromMS(created)
	u.Workspaces = []Membership{}
	return &u, nil
}

// CreateUser stores a new user with a password hash and sets its ID and
// creation time. An e-mail address already in use, whatever its case, is
// a conflict. Memberships in u.Workspaces are not stored: see
// SetUserWorkspace.
func (d *DB) CreateUser(ctx context.Context, u *User) error {
	u.Email, u.Name = strings.TrimSpace(u.Email), strings.TrimSpace(u.Name)
	if at := strings.IndexByte(u.Email, '@'); at < 1 || at == len(u.Email)-1 || strings.ContainsAny(u.Email, " \t\r\n") {
		return herald.Errorf(herald.EInvalid, "%q is not an e-mail address", u.Email)
	}
	if len(u.PasswordHash) == 0 {
		return herald.Errorf(herald.EInvalid, "user %s without a password hash", u.Email)
	}
	u.CreatedAt = d.now().UTC().Truncate(time.Millisecond)
	err := d.db.QueryRowContext(ctx, `INSERT INTO users (email, email_key, name, password_hash, is_admin, disabled, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email_key) DO NOTHING RETURNING id`,
		u.Email, EmailKey(u.Email), u.Name, string(u.PasswordHash), boolInt(u.Admin), boolInt(u.Disabled), ms(u.CreatedAt)).Scan(&u.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return herald.Errorf(herald.EConflict, "a user with e-mail %s already exists", u.Email)
	}
	if err != nil {
		return fmt.Errorf("create user %s: %w", u.Email, err)
	}
	u.Workspaces = []Membership{}
	return nil
}

// UserByEmail finds a user by e-mail address, whatever its case.
func (d *DB) UserByEmail(ctx context.Context, email string) (*User, error) {
	return d.user(ctx, `SELECT `+userColumns+` FROM users WHERE email_key = $1`, EmailKey(email), email)
}

// User finds a user by id.
func (d *DB) User(ctx context.Context, id int64) (*User, error) {
	return d.user(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id, id)
}

func (d *DB) user(ctx context.Context, q string, arg, name any) (*User, error) {
	u, err := scanUser(d.db.QueryRowContext(ctx, q, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, herald.Errorf(herald.ENotFound, "user %v not found", name)
	}
	if err != nil {
		return nil, fmt.Errorf("look up user %v: %w", name, err)
	}
	ms, err := d.memberships(ctx, `WHERE m.user_id = $1`, u.ID)
	if err != nil {
		return nil, err
	}
	u.Workspaces = ms[u.ID]
	if u.Workspaces == nil {
		u.Workspaces = []Membership{}
	}
	return u, nil
}

// memberships reads user_workspaces with the workspaces' slugs and names,
// by user id.
func (d *DB) memberships(ctx context.Context, where string, args ...any) (map[int64][]Membership, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT m.user_id, m.workspace_id, w.slug, w.name, m.role
		FROM user_workspaces m JOIN workspaces w ON w.id = m.workspace_id `+where+` ORDER BY w.slug`, args...)
	if err != nil {
		return nil, fmt.Errorf("read workspace roles: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Membership{}
	for rows.Next() {
		var user int64
		var m Membership
		var role string
		if err := rows.Scan(&user, &m.WorkspaceID, &m.Slug, &m.Name, &role); err != nil {
			return nil, fmt.Errorf("read workspace roles: %w", err)
		}
		m.Role = Role(role)
		out[user] = append(out[user], m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read workspace roles: %w", err)
	}
	return out, nil
}

// Users lists every user by e-mail address, with their workspace roles.
func (d *DB) Users(ctx context.Context) ([]User, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY email_key`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	out := []User{}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, *u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	ms, err := d.memberships(ctx, "")
	if err != nil {
		return nil, err
	}
	for i := range out {
		if m := ms[out[i].ID]; m != nil {
			out[i].Workspaces = m
		}
	}
	return out, nil
}

// SetUserWorkspace grants a user a role in a workspace, replacing the role
// they had there; the role "" takes the access away.
func (d *DB) SetUserWorkspace(ctx context.Context, user, ws int64, role Role) error {
	if role == "" {
		if _, err := d.db.ExecContext(ctx, `DELETE FROM user_workspaces WHERE user_id = $1 AND workspace_id = $2`, user, ws); err != nil {
			return fmt.Errorf("remove workspace role: %w", err)
		}
		return nil
	}
	if !role.Valid() {
		return herald.Errorf(herald.EInvalid, "role %q is not admin, manager, analyst or viewer", role)
	}
	if _, err := d.User(ctx, user); err != nil {
		return err
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM workspaces WHERE id = $1`, ws).Scan(&n); err != nil {
		return fmt.Errorf("set workspace role: %w", err)
	} else if n == 0 {
		return herald.Errorf(herald.ENotFound, "workspace %d not found", ws)
	}
	if _, err := d.db.ExecContext(ctx, `INSERT INTO user_workspaces (user_id, workspace_id, role) VALUES ($1, $2, $3)
		ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = excluded.role`, user, ws, string(role)); err != nil {
		return fmt.Errorf("set workspace role: %w", err)
	}
	return nil
}

// SetUserAdmin makes a user an administrator of every workspace, or not.
func (d *DB) SetUserAdmin(ctx context.Context, user int64, admin bool) error {
	return d.updateUser(ctx, user, `UPDATE users SET is_admin = $2 WHERE id = $1`, boolInt(admin))
}

// SetUserDisabled disables a user, ending their sessions, or enables them.
func (d *DB) SetUserDisabled(ctx context.Context, user int64, disabled bool) error {
	if err := d.updateUser(ctx, user, `UPDATE users SET disabled = $2 WHERE id = $1`, boolInt(disabled)); err != nil {
		return err
	}
	if disabled {
		return d.deleteUserSessions(ctx, user)
	}
	return nil
}

// SetPassword replaces a user's password hash and ends all their sessions
// (a changed password signs every browser out).
func (d *DB) SetPassword(ctx context.Context, user int64, hash []byte) error {
	if len(hash) == 0 {
		return herald.Errorf(herald.EInvalid, "empty password hash")
	}
	if err := d.updateUser(ctx, user, `UPDATE users SET password_hash = $2 WHERE id = $1`, string(hash)); err != nil {
		return err
	}
	return d.deleteUserSessions(ctx, user)
}

func (d *DB) updateUser(ctx context.Context, user int64, q string, arg any) error {
	res, err := d.db.ExecContext(ctx, q, user, arg)
	if err != nil {
		return fmt.Errorf("update user %d: %w", user, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return herald.Errorf(herald.ENotFound, "user %d not found", user)
	}
	return nil
}

// DeleteUser removes a user with their workspace roles and sessions.
func (d *DB) DeleteUser(ctx context.Context, user int64) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete user %d: %w", user, err)
	}
	defer rollback(tx)
	for _, q := range []string{`DELETE FROM sessions WHERE user_id = $1`, `DELETE FROM user_workspaces WHERE user_id = $1`} {
		if _, err := tx.ExecContext(ctx, q, user); err != nil {
			return fmt.Errorf("delete user %d: %w", user, err)
		}
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM users WHERE id = $1`, user)
	if err != nil {
		return fmt.Errorf("delete user %d: %w", user, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return herald.Errorf(herald.ENotFound, "user %d not found", user)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete user %d: %w", user, err)
	}
	return nil
}

// CreateSession stores a new session; s.Hash is the SHA-256 of the cookie
// value. Its creation time, when zero, and its last-seen time are set to
// now (the caller's clock, when it gives CreatedAt).
func (d *DB) CreateSession(ctx context.Context, s *Session) error {
	if len(s.Hash) == 0 || len(s.CSRF) == 0 {
		return herald.Errorf(herald.EInvalid, "session without a hash or CSRF secret")
	}
	if s.CreatedAt.IsZero() {
		s.CreatedAt = d.now()
	}
	s.CreatedAt = s.CreatedAt.UTC().Truncate(time.Millisecond)
	s.LastSeenAt = s.CreatedAt
	if _, err := d.db.ExecContext(ctx, `INSERT INTO sessions (hash, user_id, csrf, created_at, expires_at, last_seen_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, s.Hash, s.UserID, s.CSRF, ms(s.CreatedAt), ms(s.ExpiresAt), ms(s.LastSeenAt)); err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// SessionByHash finds the session whose cookie value has this hash. An
// expired session is not found (the caller's clock decides: now).
func (d *DB) SessionByHash(ctx context.Context, hash []byte, now time.Time) (*Session, error) {
	s := Session{}
	var created, expires, seen int64
	err := d.db.QueryRowContext(ctx, `SELECT hash, user_id, csrf, created_at, expires_at, last_seen_at FROM sessions
		WHERE hash = $1 AND expires_at > $2`, hash, ms(now)).Scan(&s.Hash, &s.UserID, &s.CSRF, &created, &expires, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, herald.Errorf(herald.ENotFound, "no such session")
	}
	if err != nil {
		return nil, fmt.Errorf("look up session: %w", err)
	}
	s.CreatedAt, s.ExpiresAt, s.LastSeenAt = fromMS(created), fromMS(expires), fromMS(seen)
	return &s, nil
}

// TouchSession records that a session was used at a time and moves its
// expiry (sliding sessions).
func (d *DB) TouchSession(ctx context.Context, hash []byte, seen, expires time.Time) error {
	if _, err := d.db.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE hash = $1`,
		hash, ms(seen), ms(expires)); err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

// DeleteSession ends a session; ending an unknown one is harmless.
func (d *DB) DeleteSession(ctx context.Context, hash []byte) error {
	if _, err := d.db.ExecContext(ctx, `DELETE FROM sessions WHERE hash = $1`, hash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

func (d *DB) deleteUserSessions(ctx context.Context, user int64) error {
	if _, err := d.db.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, user); err != nil {
		return fmt.Errorf("end the sessions of user %d: %w", user, err)
	}
	return nil
}

// DeleteExpiredSessions removes the sessions expired at now and returns
// how many there were.
func (d *DB) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	res, err := d.db.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, ms(now))
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

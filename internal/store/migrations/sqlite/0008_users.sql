-- Dashboard users, their workspace roles and their login sessions (issue 6).
-- email_key is the e-mail address in lower case: addresses are unique
-- whatever their case. password_hash is a bcrypt hash. A user with is_admin
-- administers every workspace; the others reach only the workspaces of
-- user_workspaces, each with one role (admin, manager, analyst, viewer).
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL,
    email_key     TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin      INTEGER NOT NULL DEFAULT 0,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE user_workspaces (
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    role         TEXT NOT NULL,
    PRIMARY KEY (user_id, workspace_id)
);

-- Only a SHA-256 hash of the session cookie's value is stored. csrf is the
-- per-session secret the forms' tokens are derived from.
CREATE TABLE sessions (
    hash         BLOB PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf         BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

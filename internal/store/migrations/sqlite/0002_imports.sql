-- Import jobs: one row per import run (CLI or, later, API upload), with its
-- counts, so users and the dashboard can see what was loaded and rejected.
CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    source       TEXT NOT NULL,
    format       TEXT NOT NULL,
    status       TEXT NOT NULL, -- running, done, failed
    started_at   INTEGER NOT NULL,
    finished_at  INTEGER NOT NULL DEFAULT 0,
    records_read INTEGER NOT NULL DEFAULT 0,
    created      INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    rejected     INTEGER NOT NULL DEFAULT 0,
    error        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX imports_workspace ON imports (workspace_id, started_at);

-- Identity links: every link and unlink, so merges can be audited and undone.
CREATE TABLE identity_links (
    id             INTEGER PRIMARY KEY,
    workspace_id   INTEGER NOT NULL REFERENCES workspaces(id),
    identity_id    INTEGER NOT NULL REFERENCES identities(id),
    from_person_id INTEGER NOT NULL,
    to_person_id   INTEGER NOT NULL,
    at             INTEGER NOT NULL
);

-- Core model: workspaces and brands, people and identities, activities and
-- the brands they are about. Every row carries its workspace: no query may
-- cross workspaces. Times are Unix milliseconds (UTC).

CREATE TABLE workspaces (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE brands (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    slug         TEXT NOT NULL,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    definition   TEXT NOT NULL, -- JSON: handles, hashtags, keywords, query, employees
    UNIQUE (workspace_id, slug)
);

CREATE TABLE persons (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    display_name TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    origin       TEXT NOT NULL DEFAULT '' -- network:external_id of the identity it was created for
);

CREATE TABLE identities (
    id               INTEGER PRIMARY KEY,
    workspace_id     INTEGER NOT NULL REFERENCES workspaces(id),
    person_id        INTEGER NOT NULL REFERENCES persons(id),
    origin_person_id INTEGER NOT NULL REFERENCES persons(id),
    network          TEXT NOT NULL,
    external_id      TEXT NOT NULL,
    handle           TEXT NOT NULL,
    handle_key       TEXT NOT NULL, -- lower(handle), for lookups by handle
    display_name     TEXT NOT NULL,
    bio              TEXT NOT NULL,
    followers        INTEGER NOT NULL,
    following        INTEGER NOT NULL,
    profile_url      TEXT NOT NULL,
    observed_at      INTEGER NOT NULL,
    UNIQUE (workspace_id, network, external_id)
);
CREATE INDEX identities_handle ON identities (workspace_id, network, handle_key);
CREATE INDEX identities_person ON identities (person_id);

CREATE TABLE activities (
    id                 INTEGER PRIMARY KEY,
    workspace_id       INTEGER NOT NULL REFERENCES workspaces(id),
    network            TEXT NOT NULL,
    external_id        TEXT NOT NULL,
    kind               TEXT NOT NULL,
    identity_id        INTEGER NOT NULL REFERENCES identities(id),
    created_at         INTEGER NOT NULL,
    text               TEXT NOT NULL,
    lang               TEXT NOT NULL,
    url                TEXT NOT NULL,
    in_reply_to        TEXT NOT NULL,
    in_reply_to_author TEXT NOT NULL,
    subject            TEXT NOT NULL,
    subject_author     TEXT NOT NULL,
    conversation       TEXT NOT NULL,
    mentions           TEXT NOT NULL, -- JSON array of handles
    hashtags           TEXT NOT NULL, -- JSON array
    links              TEXT NOT NULL, -- JSON array
    media              INTEGER NOT NULL,
    likes              INTEGER NOT NULL,
    shares             INTEGER NOT NULL,
    replies            INTEGER NOT NULL,
    quotes             INTEGER NOT NULL,
    attributes         TEXT NOT NULL, -- JSON object
    deleted            INTEGER NOT NULL DEFAULT 0,
    revision           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (workspace_id, network, external_id)
);
CREATE INDEX activities_time ON activities (workspace_id, created_at);
CREATE INDEX activities_identity ON activities (identity_id, created_at);

CREATE TABLE activity_brands (
    activity_id  INTEGER NOT NULL REFERENCES activities(id),
    brand_id     INTEGER NOT NULL REFERENCES brands(id),
    workspace_id INTEGER NOT NULL,
    source       TEXT NOT NULL,
    direct       INTEGER NOT NULL,
    PRIMARY KEY (activity_id, brand_id)
) WITHOUT ROWID;
CREATE INDEX activity_brands_brand ON activity_brands (workspace_id, brand_id);

-- Advocate identification (issue 4). Per person and brand: the facets,
-- score, stage and flags as of a time, with the reasons and evidence behind
-- them; stage changes with their date.
CREATE TABLE person_scores (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    brand_id     INTEGER NOT NULL REFERENCES brands(id),
    score        REAL NOT NULL,
    ordering     REAL NOT NULL, -- score, then stage, then regularity, as one sortable number
    stage        TEXT NOT NULL,
    flags        INTEGER NOT NULL, -- bit set, see advocacy.Flags
    tenure       REAL NOT NULL,
    regularity   REAL NOT NULL,
    recency      REAL NOT NULL,
    stance       REAL NOT NULL,
    influence    REAL NOT NULL,
    contribution REAL NOT NULL,
    competitor   REAL NOT NULL,
    reasons      TEXT NOT NULL, -- JSON
    evidence     TEXT NOT NULL, -- JSON array of activity ids
    as_of        INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, person_id, brand_id)
) WITHOUT ROWID;
CREATE INDEX person_scores_rank ON person_scores (workspace_id, brand_id, ordering);

CREATE TABLE stage_changes (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    brand_id     INTEGER NOT NULL REFERENCES brands(id),
    from_stage   TEXT NOT NULL, -- '' for the first scoring
    to_stage     TEXT NOT NULL,
    from_flags   INTEGER NOT NULL,
    to_flags     INTEGER NOT NULL,
    at           INTEGER NOT NULL -- the as-of time of the scoring that saw the change
);
CREATE INDEX stage_changes_brand ON stage_changes (workspace_id, brand_id, at);
CREATE INDEX stage_changes_person ON stage_changes (person_id, at);

-- Who interacts with whom (replies, mentions, shares, quotes, likes),
-- by the target's handle, recomputed per author with their scores: the
-- graph influence centrality is computed over.
CREATE TABLE interactions (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    network      TEXT NOT NULL,
    handle_key   TEXT NOT NULL,
    weight       INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, person_id, network, handle_key)
) WITHOUT ROWID;

-- Per person: the centrality used by the last scoring.
CREATE TABLE person_metrics (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    centrality   REAL NOT NULL,
    PRIMARY KEY (workspace_id, person_id)
) WITHOUT ROWID;

-- Per person and brand: the time-independent summary of the person's
-- activity about the brand (see advocacy.Summary). Scores are computed from
-- summaries, so a later as-of time re-scores without re-reading activities,
-- and an import only re-summarises the people it touched.
CREATE TABLE person_summaries (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    brand_id     INTEGER NOT NULL REFERENCES brands(id),
    summary      BLOB NOT NULL,
    PRIMARY KEY (workspace_id, person_id, brand_id)
) WITHOUT ROWID;

-- Replies by the post they answer: scoring credits answers to other
-- people's questions, so re-scoring a person re-scores who replied to them.
CREATE INDEX activities_reply ON activities (workspace_id, network, in_reply_to) WHERE in_reply_to <> '';

-- Per workspace: overrides of the advocate-scoring parameters (JSON object).
ALTER TABLE workspaces ADD COLUMN scoring TEXT NOT NULL DEFAULT '{}';

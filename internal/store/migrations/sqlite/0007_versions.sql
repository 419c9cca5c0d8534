-- Data versions (issue 5). Every transaction that changes what the metrics
-- of a workspace read (activities and their brands, identities and their
-- people, scores, brands) adds one to the workspace's version in the same
-- transaction; a computed metrics report is kept under the version it was
-- computed at and served again until the version moves.
CREATE TABLE data_versions (
    workspace_id INTEGER PRIMARY KEY REFERENCES workspaces(id),
    version      INTEGER NOT NULL
);

-- Earned reach reads the advocates and champions of each brand.
CREATE INDEX person_scores_stage ON person_scores (workspace_id, brand_id, stage, person_id);

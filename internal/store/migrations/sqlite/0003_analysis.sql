-- Text analysis (issue 3): per post, the overall sentiment, intents and the
-- analysis details; per post and brand, the stance toward the brand. An
-- empty polarity means "not analysed". Intents are a bit set (see
-- herald.Intents: question=1, complaint=2, praise=4, recommendation=8,
-- comparison=16, suggestion=32, purchase_intent=64).
ALTER TABLE activities ADD COLUMN polarity TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN sentiment REAL NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN intents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN detected_lang TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN analysis TEXT NOT NULL DEFAULT ''; -- JSON herald.Analysis, '' when not analysed

ALTER TABLE activity_brands ADD COLUMN polarity TEXT NOT NULL DEFAULT '';
ALTER TABLE activity_brands ADD COLUMN stance REAL NOT NULL DEFAULT 0;
ALTER TABLE activity_brands ADD COLUMN basis TEXT NOT NULL DEFAULT '';

-- Trained models: every training run is kept with its evaluation; the
-- newest active one of a kind is used for the workspace.
CREATE TABLE models (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    kind         TEXT NOT NULL, -- sentiment
    version      TEXT NOT NULL,
    classes      TEXT NOT NULL, -- JSON array
    examples     INTEGER NOT NULL,
    source       TEXT NOT NULL, -- what it was trained from
    metrics      TEXT NOT NULL, -- JSON evaluation report, '{}' when not evaluated
    trained_at   INTEGER NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1,
    data         BLOB NOT NULL
);
CREATE INDEX models_workspace ON models (workspace_id, kind, active, trained_at);

-- Metric rollups (brand metrics on large data; see docs/architecture.md).
--
-- metric_hours: per brand and UTC hour (Unix ms of the hour's start), the
-- additive measures, the responsiveness and the distinct accounts of the
-- live mentions (activity_brands rows other than the brand's own posts)
-- made in that hour. The writer rebuilds the hours
-- it touched from raw rows at every commit (store/rollup.go).
CREATE TABLE metric_hours (
    workspace_id INTEGER NOT NULL,
    brand_id     INTEGER NOT NULL,
    hour         INTEGER NOT NULL,
    mentions     INTEGER NOT NULL,
    engagement   INTEGER NOT NULL, -- likes + shares + replies, unknown (-1) as 0
    positive     INTEGER NOT NULL,
    negative     INTEGER NOT NULL,
    neutral      INTEGER NOT NULL,
    -- responsiveness of the direct mentions and questions of the hour
    asked        INTEGER NOT NULL,
    answered     INTEGER NOT NULL, -- by a reply of the brand's own account
    early        INTEGER NOT NULL, -- answered before the hour began (skewed clocks)
    responses    TEXT NOT NULL,    -- first-response times in ms, comma-separated
    -- the distinct accounts (identity ids, comma-separated) that mentioned
    -- the brand in the hour: unique authors and reach are not additive
    -- across hours; they are counted from these with the accounts' current
    -- person and followers (never stale: those change without any activity
    -- changing)
    accounts     TEXT NOT NULL,
    PRIMARY KEY (workspace_id, hour, brand_id)
) WITHOUT ROWID;

-- funnel_counts: per brand, stage, at-risk flag (advocacy.FlagAtRisk = 2)
-- and positive stance (> 0.5), how many person_scores rows there are; kept
-- by triggers, so every writer of person_scores keeps it right.
CREATE TABLE funnel_counts (
    workspace_id INTEGER NOT NULL,
    brand_id     INTEGER NOT NULL,
    stage        TEXT NOT NULL,
    at_risk      INTEGER NOT NULL,
    positive     INTEGER NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, brand_id, stage, at_risk, positive)
) WITHOUT ROWID;

CREATE TRIGGER person_scores_funnel_insert AFTER INSERT ON person_scores BEGIN
    INSERT INTO funnel_counts (workspace_id, brand_id, stage, at_risk, positive, n)
    VALUES (NEW.workspace_id, NEW.brand_id, NEW.stage, (NEW.flags & 2) / 2, CASE WHEN NEW.stance > 0.5 THEN 1 ELSE 0 END, 1)
    ON CONFLICT (workspace_id, brand_id, stage, at_risk, positive) DO UPDATE SET n = funnel_counts.n + 1;
END;

CREATE TRIGGER person_scores_funnel_delete AFTER DELETE ON person_scores BEGIN
    UPDATE funnel_counts SET n = n - 1 WHERE workspace_id = OLD.workspace_id AND brand_id = OLD.brand_id
        AND stage = OLD.stage AND at_risk = (OLD.flags & 2) / 2 AND positive = CASE WHEN OLD.stance > 0.5 THEN 1 ELSE 0 END;
END;

CREATE TRIGGER person_scores_funnel_update AFTER UPDATE OF workspace_id, brand_id, stage, flags, stance ON person_scores BEGIN
    UPDATE funnel_counts SET n = n - 1 WHERE workspace_id = OLD.workspace_id AND brand_id = OLD.brand_id
        AND stage = OLD.stage AND at_risk = (OLD.flags & 2) / 2 AND positive = CASE WHEN OLD.stance > 0.5 THEN 1 ELSE 0 END;
    INSERT INTO funnel_counts (workspace_id, brand_id, stage, at_risk, positive, n)
    VALUES (NEW.workspace_id, NEW.brand_id, NEW.stage, (NEW.flags & 2) / 2, CASE WHEN NEW.stance > 0.5 THEN 1 ELSE 0 END, 1)
    ON CONFLICT (workspace_id, brand_id, stage, at_risk, positive) DO UPDATE SET n = funnel_counts.n + 1;
END;

-- Stage changes that FunnelMovement counts (the expression is movementSQL
-- in store/metrics_rollup.go, to the character): most changes are first
-- scorings below advocate, which it does not count.
CREATE INDEX stage_changes_movement ON stage_changes (workspace_id, at) WHERE ((CASE to_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END >= 3
    AND (from_stage = '' OR CASE from_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END < 3))
    OR (from_stage <> '' AND CASE to_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END
        > CASE from_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END)
    OR (from_stage <> '' AND CASE from_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END >= 3
        AND CASE to_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END < 3)
    OR ((to_flags & 2) <> 0 AND (from_stage = '' OR (from_flags & 2) = 0)));

-- Backfill from the raw rows, so an upgraded database is right at once.
WITH m AS MATERIALIZED (SELECT a.workspace_id, ab.brand_id, a.created_at - ((a.created_at % 3600000) + 3600000) % 3600000 AS hour, a.created_at, a.identity_id,
    ab.polarity,
    CASE WHEN a.likes > 0 THEN a.likes ELSE 0 END + CASE WHEN a.shares > 0 THEN a.shares ELSE 0 END
        + CASE WHEN a.replies > 0 THEN a.replies ELSE 0 END AS engagement,
    CASE WHEN a.kind IN ('post', 'reply', 'quote') AND (ab.direct = 1 OR (a.intents & 1) = 1) THEN 1 ELSE 0 END AS asked,
    CASE WHEN a.kind IN ('post', 'reply', 'quote') AND (ab.direct = 1 OR (a.intents & 1) = 1) THEN
        (SELECT MIN(r.created_at + 0) FROM activities r JOIN activity_brands rb ON rb.activity_id = r.id
        WHERE r.workspace_id = a.workspace_id AND r.network = a.network AND r.in_reply_to = a.external_id
            AND r.in_reply_to <> '' AND r.deleted = 0 AND rb.workspace_id + 0 = a.workspace_id
            AND rb.brand_id = ab.brand_id AND rb.source = 'author') END AS first_reply
FROM activities a JOIN activity_brands ab ON ab.activity_id = a.id
WHERE a.deleted = 0 AND ab.source <> 'author' AND ab.workspace_id = a.workspace_id),
g AS (SELECT workspace_id, brand_id, hour, COUNT(*) AS mentions, SUM(engagement) AS engagement,
    SUM(CASE WHEN polarity = 'positive' THEN 1 ELSE 0 END) AS positive,
    SUM(CASE WHEN polarity = 'negative' THEN 1 ELSE 0 END) AS negative,
    SUM(CASE WHEN polarity = 'neutral' THEN 1 ELSE 0 END) AS neutral,
    SUM(asked) AS asked, COUNT(first_reply) AS answered, SUM(CASE WHEN first_reply < hour THEN 1 ELSE 0 END) AS early,
    COALESCE(string_agg(CAST(CASE WHEN first_reply > created_at THEN first_reply - created_at
        WHEN first_reply IS NOT NULL THEN 0 END AS TEXT), ','), '') AS responses
FROM m GROUP BY workspace_id, brand_id, hour),
acc AS (SELECT workspace_id, brand_id, hour, string_agg(CAST(identity_id AS TEXT), ',') AS accounts
FROM (SELECT DISTINCT workspace_id, brand_id, hour, identity_id FROM m) d GROUP BY workspace_id, brand_id, hour)
INSERT INTO metric_hours (workspace_id, brand_id, hour, mentions, engagement, positive, negative,
    neutral, asked, answered, early, responses, accounts)
SELECT g.workspace_id, g.brand_id, g.hour, g.mentions, g.engagement, g.positive, g.negative,
    g.neutral, g.asked, g.answered, g.early, g.responses, acc.accounts
FROM g JOIN acc ON acc.workspace_id = g.workspace_id AND acc.brand_id = g.brand_id AND acc.hour = g.hour;

INSERT INTO funnel_counts (workspace_id, brand_id, stage, at_risk, positive, n)
SELECT workspace_id, brand_id, stage, (flags & 2) / 2, CASE WHEN stance > 0.5 THEN 1 ELSE 0 END, COUNT(*)
FROM person_scores
GROUP BY workspace_id, brand_id, stage, (flags & 2) / 2, CASE WHEN stance > 0.5 THEN 1 ELSE 0 END;

-- Indexes for the API's reads. The advocates ranking walks person_scores in
-- rank order with person id as the tie-break, so the index carries both in
-- that order (no sort of the ties); "since when" looks up a person's latest
-- change into their current stage for one brand.
CREATE INDEX IF NOT EXISTS person_scores_ranking ON person_scores (workspace_id, brand_id, ordering DESC, person_id);
DROP INDEX IF EXISTS person_scores_rank;
CREATE INDEX IF NOT EXISTS stage_changes_person_brand ON stage_changes (person_id, brand_id, to_stage, to_flags, at);
-- A person's identities, within their workspace (person pages, listings).
CREATE INDEX IF NOT EXISTS identities_workspace_person ON identities (workspace_id, person_id);

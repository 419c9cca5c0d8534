package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/herald-advocacy/herald"
)

// Metric rollups (migration 0006): per workspace, brand and UTC hour, the
// additive measures of the brand's mentions, their responsiveness and the
// distinct accounts that made them (metric_hours). They are derived data:
// the writer records which hours its changes touched (an update that moves
// an activity touches its old and its new hour) and, before each commit,
// rebuilds those hours from the raw rows inside the same transaction, so a
// committed rollup always equals a recomputation (a property test checks
// it on both engines).

// hourMS is one hour in milliseconds.
const hourMS = int64(time.Hour / time.Millisecond)

// hourOf is the start of the UTC hour holding the Unix-ms time t (floored,
// also before 1970). The SQL below computes the same expression.
func hourOf(t int64) int64 { return t - ((t%hourMS)+hourMS)%hourMS }

// hourSQL is hourOf in SQL, on activities a.
const hourSQL = `a.created_at - ((a.created_at % 3600000) + 3600000) % 3600000`

// hasAuthor reports whether a brand mention says the activity is the
// brand's own (a reply by it answers a mention).
func hasAuthor(ms []herald.BrandMention) bool {
	for _, m := range ms {
		if m.Source == herald.MatchAuthor {
			return true
		}
	}
	return false
}

// dirtyHours is a set of UTC hours (their starts, Unix ms).
type dirtyHours map[int64]struct{}

// add marks the hour holding the Unix-ms time t.
func (h dirtyHours) add(t int64) { h[hourOf(t)] = struct{}{} }

// ranges returns the marked hours as sorted, disjoint [lo, hi) ranges of
// whole hours, adjacent hours joined.
func (h dirtyHours) ranges() [][2]int64 {
	hours := make([]int64, 0, len(h))
	for k := range h {
		hours = append(hours, k)
	}
	slices.Sort(hours)
	var out [][2]int64
	for _, k := range hours {
		if n := len(out); n > 0 && out[n-1][1] == k {
			out[n-1][1] = k + hourMS
			continue
		}
		out = append(out, [2]int64{k, k + hourMS})
	}
	return out
}

// insertMetricHoursSQL rolls up the mentions selected by where (on
// activities a and activity_brands ab): per brand and hour the additive measures, and the
// responsiveness of the direct mentions and questions (posts, replies,
// quotes) made in the hour — how many, how many the brand answered (a
// reply by the brand's own account, at any later time), how many of
// those were answered before the hour began (possible with skewed clocks:
// a range starting after such a reply counts a later one, so queries then
// fall back to raw), the first-response times (ms, comma-separated) and
// the distinct accounts that mentioned the brand (identity ids,
// comma-separated: unique authors and reach are not additive across hours,
// and are counted from these with the accounts' current person and
// followers, which may change without any activity changing).
// (the first reply is looked up once per question, through the index
// on replies: MIN over created_at + 0 keeps the planner off the time
// index). Migration 0006 runs the same text for all rows.
func insertMetricHoursSQL(where string) string {
	return `WITH m AS MATERIALIZED (SELECT a.workspace_id, ab.brand_id, ` + hourSQL + ` AS hour, a.created_at, a.identity_id,
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
	WHERE ` + where + `),
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
	FROM g JOIN acc ON acc.workspace_id = g.workspace_id AND acc.brand_id = g.brand_id AND acc.hour = g.hour`
}

// Statements rebuilding the rollups of the hours in [$2, $3) of workspace
// $1 from the raw rows. (activity_brands.workspace_id + 0: an index on it
// would read every brand row of the workspace per activity; PostgreSQL
// picks that plan on fresh statistics.)
var rebuildRollupSQL = []string{
	`DELETE FROM metric_hours WHERE workspace_id = $1 AND hour >= $2 AND hour < $3`,
	insertMetricHoursSQL(`a.workspace_id = $1 AND ab.workspace_id + 0 = $1 AND a.created_at >= $2 AND a.created_at < $3
		AND a.deleted = 0 AND ab.source <> 'author'`),
}

// flushRollups rebuilds the rollups of the hours the writer touched since
// its last commit, in its transaction.
func (w *Writer) flushRollups(ctx context.Context) error {
	for t := range w.replyTo {
		// a brand reply written or changed: the hour of the post it
		// answers (when stored) has a new answer or lost one
		var at int64
		err := w.queryRow(ctx, `SELECT created_at FROM activities WHERE workspace_id = $1 AND network = $2 AND external_id = $3`,
			[]any{w.ws, t[0], t[1]}, &at)
		switch {
		case err == nil:
			w.dirty.add(at)
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("update metric rollups: %w", err)
		}
	}
	clear(w.replyTo)
	if len(w.dirty) == 0 {
		return nil
	}
	for _, r := range w.dirty.ranges() {
		for _, q := range rebuildRollupSQL {
			if err := w.exec(ctx, q, w.ws, r[0], r[1]); err != nil {
				return fmt.Errorf("update metric rollups: %w", err)
			}
		}
	}
	clear(w.dirty)
	return nil
}

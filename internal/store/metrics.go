package store

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
)

// MetricsQuery selects the range and bucketing of a metrics report.
type MetricsQuery struct {
	From, To    time.Time // [From, To)
	Granularity string    // day, week (ISO, from Monday) or month
	// Location is the time zone buckets are calendar days, weeks or months
	// in (nil: UTC).
	Location *time.Location
}

// maxMetricsDays bounds a report's range (five years).
const maxMetricsDays = 5*365 + 2

// MetricsReport is the brand metrics of one workspace over a range.
type MetricsReport struct {
	From        time.Time      `json:"from"`
	To          time.Time      `json:"to"`
	Granularity string         `json:"granularity"`
	TimeZone    string         `json:"time_zone"`
	Brands      []BrandMetrics `json:"brands"` // every brand of the workspace, own brand first
}

// BrandMetrics is one brand's metrics: per bucket, then over the range.
type BrandMetrics struct {
	BrandID        int64           `json:"brand_id"`
	Brand          string          `json:"brand"`
	Role           string          `json:"role"`
	Buckets        []BucketMetrics `json:"buckets"` // every bucket of the range, oldest first
	Funnel         Funnel          `json:"funnel"`
	Responsiveness Responsiveness  `json:"responsiveness"`
	Total          BucketMetrics   `json:"total"` // the whole range as one bucket
	Movement       FunnelMovement  `json:"movement"`
}

// BucketMetrics is a brand's volume and sentiment in one bucket.
type BucketMetrics struct {
	Start time.Time `json:"start"` // the bucket's calendar start in the query's zone
	// Mentions counts live activities about the brand, except the brand's
	// own posts.
	Mentions      int64 `json:"mentions"`
	UniqueAuthors int64 `json:"unique_authors"` // distinct people
	// Reach sums the audiences (followers, unknown as 0) of the distinct
	// accounts that mentioned the brand.
	Reach      int64 `json:"reach"`
	Engagement int64 `json:"engagement"` // likes + shares + replies (unknown as 0)
	// EarnedReach is the potential impressions the brand earned through
	// its advocates: for each hour in which a person who is now one of its
	// advocates or champions mentioned the brand (posts, replies, quotes,
	// shares of its content, likes), that person's audience (the largest
	// follower count over their accounts, unknown as 0), summed — several
	// mentions in one hour reach the same audience once. ActiveAdvocates
	// counts those people.
	EarnedReach     int64 `json:"earned_reach"`
	ActiveAdvocates int64 `json:"active_advocates"`
	// ShareOfVoice is the brand's share of all brands' mentions in the
	// bucket, EngagementShare of their engagement (0 when there is none).
	ShareOfVoice    float64   `json:"share_of_voice"`
	EngagementShare float64   `json:"engagement_share"`
	Sentiment       Sentiment `json:"sentiment"`
}

// Sentiment is the distribution of stances toward a brand.
type Sentiment struct {
	Positive int64 `json:"positive"`
	Negative int64 `json:"negative"`
	Neutral  int64 `json:"neutral"`
	// Net is (positive − negative) / (positive + negative + neutral), 0
	// when there is no analysed mention.
	Net float64 `json:"net"`
}

// Funnel is a brand's advocacy funnel as of the latest scoring.
type Funnel struct {
	Stages map[string]int64 `json:"stages"` // people per stage (every stage present)
	AtRisk int64            `json:"at_risk"`
	// Positive counts people whose stance toward the brand is above 0.5;
	// Gap is the share of them who are not advocates or champions (0 when
	// there are none).
	Positive int64   `json:"positive"`
	Gap      float64 `json:"gap"`
}

// FunnelMovement counts the people whose stage or flags changed in the
// range, from the recorded stage changes.
type FunnelMovement struct {
	New      int64 `json:"new"`      // became advocate or champion (first scoring or from a lower stage)
	Promoted int64 `json:"promoted"` // moved up a stage
	Lost     int64 `json:"lost"`     // fell from advocate or champion to a lower stage
	AtRisk   int64 `json:"at_risk"`  // got the at_risk flag
}

// Responsiveness is how the brand answered direct mentions and questions
// made in the range.
type Responsiveness struct {
	Asked    int64   `json:"asked"` // direct mentions and questions by others (posts, replies, quotes: not likes or shares)
	Answered int64   `json:"answered"`
	Share    float64 `json:"share"` // answered / asked (0 when none asked)
	// First-response times in seconds over the answered ones (0 when none).
	MedianSeconds float64 `json:"median_seconds"`
	P90Seconds    float64 `json:"p90_seconds"`
}

var funnelStages = []string{"audience", "engaged", "potential", "advocate", "champion"}

// Metrics computes the brand metrics of a workspace over a range. Volume
// and sentiment come from the hourly rollups (rollup.go) when every bucket
// boundary of the range falls on a whole UTC hour (UTC and whole-hour
// zones, DST included, with a range on whole hours), from the raw rows
// otherwise; the funnel from the counts kept beside person_scores. Both
// paths give the same report.
//
// Reports are cached under the workspace's data version (DataVersion): a
// report asked for again before the data changed is not recomputed.
func (d *DB) Metrics(ctx context.Context, ws int64, q MetricsQuery) (*MetricsReport, error) {
	version, err := d.DataVersion(ctx, ws)
	if err != nil {
		return nil, err
	}
	loc := q.Location
	if loc == nil {
		loc = time.UTC
	}
	return d.reports.get(ctx, reportKey(ws, q, loc), version, func() (*MetricsReport, error) {
		return d.metrics(ctx, ws, q, false)
	})
}

// metrics computes the report, from the raw rows only when raw is set (the
// reference the rollups are tested against).
func (d *DB) metrics(ctx context.Context, ws int64, q MetricsQuery, raw bool) (*MetricsReport, error) {
	loc := q.Location
	if loc == nil {
		loc = time.UTC
	}
	switch {
	case q.From.IsZero() || q.To.IsZero() || !q.From.Before(q.To):
		return nil, herald.Errorf(herald.EInvalid, "metrics: the range must have From before To (got %s to %s)", q.From, q.To)
	case q.To.Sub(q.From) > maxMetricsDays*24*time.Hour:
		return nil, herald.Errorf(herald.EInvalid, "metrics: the range is longer than five years")
	case q.Granularity != "day" && q.Granularity != "week" && q.Granularity != "month":
		return nil, herald.Errorf(herald.EInvalid, "metrics: granularity %q is not day, week or month", q.Granularity)
	}
	brands, err := d.brands(ctx, ws)
	if err != nil {
		return nil, err
	}
	starts := bucketStarts(q.From, q.To, q.Granularity, loc)
	index := make(map[int64]int, len(starts))
	for i, s := range starts {
		index[s.Unix()] = i
	}
	rep := &MetricsReport{From: q.From, To: q.To, Granularity: q.Granularity, TimeZone: loc.String()}
	byBrand := map[int64]int{}
	for i, b := range brands {
		bm := BrandMetrics{BrandID: b.ID, Brand: b.Slug, Role: string(b.Role), Buckets: make([]BucketMetrics, len(starts)),
			Funnel: Funnel{Stages: map[string]int64{}}}
		for j, s := range starts {
			bm.Buckets[j].Start = s
		}
		if len(starts) > 0 {
			bm.Total.Start = starts[0]
		}
		for _, st := range funnelStages {
			bm.Funnel.Stages[st] = 0
		}
		rep.Brands = append(rep.Brands, bm)
		byBrand[b.ID] = i
	}
	adv, err := d.advocateAudiences(ctx, ws, rep)
	if err != nil {
		return nil, err
	}
	responsive := false // responsiveness filled in from the rollups
	if !raw && hourAligned(q, starts) {
		if responsive, err = d.volumeRollup(ctx, ws, q, loc, rep, byBrand, index, adv); err != nil {
			return nil, err
		}
	} else if err := d.volume(ctx, ws, q, loc, rep, byBrand, index, adv); err != nil {
		return nil, err
	}
	funnel := d.funnelCounts
	if raw {
		funnel = d.funnel
	}
	if err := funnel(ctx, ws, rep, byBrand); err != nil {
		return nil, err
	}
	if err := d.movement(ctx, ws, q, rep, byBrand, raw); err != nil {
		return nil, err
	}
	if !responsive {
		if err := d.responsiveness(ctx, ws, q, rep, byBrand); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// bucketStart is the calendar start, in loc, of the bucket holding t.
func bucketStart(t time.Time, gran string, loc *time.Location) time.Time {
	t = t.In(loc)
	y, m, d := t.Date()
	switch gran {
	case "week":
		wd := (int(t.Weekday()) + 6) % 7 // Monday 0
		return time.Date(y, m, d-wd, 0, 0, 0, 0, loc)
	case "month":
		return time.Date(y, m, 1, 0, 0, 0, 0, loc)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

func nextBucket(s time.Time, gran string) time.Time {
	switch gran {
	case "week":
		return s.AddDate(0, 0, 7)
	case "month":
		return s.AddDate(0, 1, 0)
	}
	return s.AddDate(0, 0, 1)
}

// bucketStarts lists the starts of the buckets overlapping [from, to).
func bucketStarts(from, to time.Time, gran string, loc *time.Location) []time.Time {
	var out []time.Time
	for s := bucketStart(from, gran, loc); s.Before(to); s = nextBucket(s, gran) {
		out = append(out, s)
	}
	return out
}

type volumeAcc struct {
	people, accounts, advocates map[int64]bool
}

func (d *DB) volume(ctx context.Context, ws int64, q MetricsQuery, loc *time.Location, rep *MetricsReport,
	byBrand map[int64]int, index map[int64]int, adv []map[int64]int64) error {
	rows, err := d.db.QueryContext(ctx, `SELECT ab.brand_id, a.created_at, a.identity_id, i.person_id, i.followers,
		a.likes, a.shares, a.replies, ab.polarity
		FROM activity_brands ab JOIN activities a ON a.id = ab.activity_id JOIN identities i ON i.id = a.identity_id
		WHERE ab.workspace_id = $1 AND a.workspace_id = $1 AND a.deleted = 0 AND ab.source <> 'author'
		AND a.created_at >= $2 AND a.created_at < $3`, ws, q.From.UnixMilli(), q.To.UnixMilli())
	if err != nil {
		return fmt.Errorf("read metrics: %w", err)
	}
	defer rows.Close()
	accs := map[[2]int]*volumeAcc{} // (brand index, bucket index; -1: total)
	earned := map[[3]int64]bool{}   // (brand index, advocate, hour) counted
	acc := func(b, k int) *volumeAcc {
		a := accs[[2]int{b, k}]
		if a == nil {
			a = &volumeAcc{people: map[int64]bool{}, accounts: map[int64]bool{}, advocates: map[int64]bool{}}
			accs[[2]int{b, k}] = a
		}
		return a
	}
	for rows.Next() {
		var brand, at, identity, person, followers, likes, shares, replies int64
		var polarity string
		if err := rows.Scan(&brand, &at, &identity, &person, &followers, &likes, &shares, &replies, &polarity); err != nil {
			return fmt.Errorf("read metrics: %w", err)
		}
		bi, ok := byBrand[brand]
		if !ok {
			continue
		}
		k, ok := index[bucketStart(time.UnixMilli(at), q.Granularity, loc).Unix()]
		if !ok {
			continue
		}
		bm := &rep.Brands[bi]
		audience, isAdvocate := adv[bi][person]
		if key := [3]int64{int64(bi), person, hourOf(at)}; isAdvocate && !earned[key] {
			earned[key] = true
			bm.Buckets[k].EarnedReach += audience
			bm.Total.EarnedReach += audience
		}
		eng := max(likes, 0) + max(shares, 0) + max(replies, 0)
		for _, t := range []struct {
			m *BucketMetrics
			k int
		}{{&bm.Buckets[k], k}, {&bm.Total, -1}} {
			t.m.Mentions++
			t.m.Engagement += eng
			switch polarity {
			case string(herald.Positive):
				t.m.Sentiment.Positive++
			case string(herald.Negative):
				t.m.Sentiment.Negative++
			case string(herald.Neutral):
				t.m.Sentiment.Neutral++
			}
			a := acc(bi, t.k)
			if !a.people[person] {
				a.people[person] = true
				t.m.UniqueAuthors++
			}
			if !a.accounts[identity] {
				a.accounts[identity] = true
				t.m.Reach += max(followers, 0)
			}
			if isAdvocate && !a.advocates[person] {
				a.advocates[person] = true
				t.m.ActiveAdvocates++
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read metrics: %w", err)
	}
	shareOut(rep)
	return nil
}

// shareOut fills in the shares of voice and engagement and the net
// sentiment of every bucket and of the totals.
func shareOut(rep *MetricsReport) {
	shares := func(get func(b *BrandMetrics) *BucketMetrics) {
		var mentions, eng int64
		for i := range rep.Brands {
			m := get(&rep.Brands[i])
			mentions += m.Mentions
			eng += m.Engagement
		}
		for i := range rep.Brands {
			m := get(&rep.Brands[i])
			m.ShareOfVoice, m.EngagementShare = ratio(m.Mentions, mentions), ratio(m.Engagement, eng)
			s := &m.Sentiment
			s.Net = ratio(s.Positive-s.Negative, s.Positive+s.Negative+s.Neutral)
		}
	}
	if len(rep.Brands) == 0 {
		return
	}
	for k := range rep.Brands[0].Buckets {
		shares(func(b *BrandMetrics) *BucketMetrics { return &b.Buckets[k] })
	}
	shares(func(b *BrandMetrics) *BucketMetrics { return &b.Total })
}

func ratio(n, d int64) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// funnel counts the funnel from every person_scores row (the reference
// for funnelCounts).
func (d *DB) funnel(ctx context.Context, ws int64, rep *MetricsReport, byBrand map[int64]int) error {
	rows, err := d.db.QueryContext(ctx, `SELECT brand_id, stage, flags, stance FROM person_scores WHERE workspace_id = $1`, ws)
	if err != nil {
		return fmt.Errorf("read funnel: %w", err)
	}
	defer rows.Close()
	notAdvocating := map[int]int64{}
	for rows.Next() {
		var brand, flags int64
		var stage string
		var stance float64
		if err := rows.Scan(&brand, &stage, &flags, &stance); err != nil {
			return fmt.Errorf("read funnel: %w", err)
		}
		bi, ok := byBrand[brand]
		if !ok {
			continue
		}
		f := &rep.Brands[bi].Funnel
		f.Stages[stage]++
		if flags&int64(advocacy.FlagAtRisk) != 0 {
			f.AtRisk++
		}
		if stance > 0.5 {
			f.Positive++
			if stageRanks[stage] < stageRanks["advocate"] {
				notAdvocating[bi]++
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read funnel: %w", err)
	}
	for bi := range rep.Brands {
		f := &rep.Brands[bi].Funnel
		f.Gap = ratio(notAdvocating[bi], f.Positive)
	}
	return nil
}

// movement counts the stage and flag changes in the range.
// Unless raw, it reads only the changes that count (movementSQL, through
// a partial index): most are first scorings below advocate, which do not.
func (d *DB) movement(ctx context.Context, ws int64, q MetricsQuery, rep *MetricsReport, byBrand map[int64]int, raw bool) error {
	query := `SELECT brand_id, person_id, from_stage, to_stage, from_flags, to_flags FROM stage_changes
		WHERE workspace_id = $1 AND at >= $2 AND at < $3`
	if !raw {
		query += ` AND ` + movementSQL
	}
	rows, err := d.db.QueryContext(ctx, query, ws, q.From.UnixMilli(), q.To.UnixMilli())
	if err != nil {
		return fmt.Errorf("read stage changes: %w", err)
	}
	defer rows.Close()
	type key struct {
		brand, person int64
		what          int
	}
	seen := map[key]bool{}
	count := func(brand, person int64, what int, n *int64) {
		if k := (key{brand, person, what}); !seen[k] {
			seen[k] = true
			*n++
		}
	}
	advocate := stageRanks["advocate"]
	for rows.Next() {
		var brand, person, fromFlags, toFlags int64
		var from, to string
		if err := rows.Scan(&brand, &person, &from, &to, &fromFlags, &toFlags); err != nil {
			return fmt.Errorf("read stage changes: %w", err)
		}
		bi, ok := byBrand[brand]
		if !ok {
			continue
		}
		m := &rep.Brands[bi].Movement
		fr, tr := stageRanks[from], stageRanks[to]
		if tr >= advocate && (from == "" || fr < advocate) {
			count(brand, person, 0, &m.New)
		}
		if from != "" && tr > fr {
			count(brand, person, 1, &m.Promoted)
		}
		if from != "" && fr >= advocate && tr < advocate {
			count(brand, person, 2, &m.Lost)
		}
		atRisk := int64(advocacy.FlagAtRisk)
		if toFlags&atRisk != 0 && (from == "" || fromFlags&atRisk == 0) {
			count(brand, person, 3, &m.AtRisk)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read stage changes: %w", err)
	}
	return nil
}

func (d *DB) responsiveness(ctx context.Context, ws int64, q MetricsQuery, rep *MetricsReport, byBrand map[int64]int) error {
	type asked struct {
		brand      int64
		network    string
		externalID string
		at         int64
	}
	rows, err := d.db.QueryContext(ctx, `SELECT ab.brand_id, a.network, a.external_id, a.created_at
		FROM activity_brands ab JOIN activities a ON a.id = ab.activity_id
		WHERE ab.workspace_id = $1 AND a.workspace_id = $1 AND a.deleted = 0 AND ab.source <> 'author'
		AND a.kind IN ('post', 'reply', 'quote')
		AND (ab.direct = 1 OR (a.intents & 1) = 1) AND a.created_at >= $2 AND a.created_at < $3`,
		ws, q.From.UnixMilli(), q.To.UnixMilli())
	if err != nil {
		return fmt.Errorf("read responsiveness: %w", err)
	}
	defer rows.Close()
	var all []asked
	for rows.Next() {
		var a asked
		if err := rows.Scan(&a.brand, &a.network, &a.externalID, &a.at); err != nil {
			return fmt.Errorf("read responsiveness: %w", err)
		}
		all = append(all, a)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read responsiveness: %w", err)
	}
	// The brands' own replies, first one per post answered.
	rows, err = d.db.QueryContext(ctx, `SELECT ab.brand_id, a.network, a.in_reply_to, MIN(a.created_at)
		FROM activity_brands ab JOIN activities a ON a.id = ab.activity_id
		WHERE ab.workspace_id = $1 AND a.workspace_id = $1 AND a.deleted = 0 AND ab.source = 'author'
		AND a.in_reply_to <> '' AND a.created_at >= $2
		GROUP BY ab.brand_id, a.network, a.in_reply_to`, ws, q.From.UnixMilli())
	if err != nil {
		return fmt.Errorf("read responsiveness: %w", err)
	}
	defer rows.Close()
	type target struct {
		brand       int64
		network, id string
	}
	first := map[target]int64{}
	for rows.Next() {
		var t target
		var at int64
		if err := rows.Scan(&t.brand, &t.network, &t.id, &at); err != nil {
			return fmt.Errorf("read responsiveness: %w", err)
		}
		first[t] = at
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read responsiveness: %w", err)
	}
	times := map[int][]float64{}
	for _, a := range all {
		bi, ok := byBrand[a.brand]
		if !ok {
			continue
		}
		r := &rep.Brands[bi].Responsiveness
		r.Asked++
		if at, ok := first[target{a.brand, a.network, a.externalID}]; ok {
			r.Answered++
			times[bi] = append(times[bi], float64(max(at-a.at, 0))/1000)
		}
	}
	for bi := range rep.Brands {
		r := &rep.Brands[bi].Responsiveness
		r.Share = ratio(r.Answered, r.Asked)
		r.MedianSeconds, r.P90Seconds = median(times[bi]), percentile(times[bi], 0.9)
	}
	return nil
}

// median is the middle value (the mean of the two middle ones for an even
// count), 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// percentile is the nearest-rank p-th percentile, 0 for none.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	i := int(math.Ceil(p*float64(len(s)))) - 1
	return s[min(max(i, 0), len(s)-1)]
}

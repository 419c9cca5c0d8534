package store

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/herald-advocacy/herald/internal/advocacy"
)

// hourAligned reports whether the hourly rollups can answer a query: the
// range and every bucket boundary inside it fall on whole UTC hours, so
// each rolled-up hour lies in exactly one bucket. True in UTC and in every
// zone whose offset is a whole number of hours at each boundary (DST
// changes included); false e.g. in Asia/Kolkata (+05:30), or for a range
// starting or ending inside an hour.
func hourAligned(q MetricsQuery, starts []time.Time) bool {
	from, to := q.From.UnixMilli(), q.To.UnixMilli()
	if hourOf(from) != from || hourOf(to) != to || !q.From.Equal(time.UnixMilli(from)) || !q.To.Equal(time.UnixMilli(to)) {
		return false
	}
	for _, s := range starts[min(1, len(starts)):] {
		if t := s.UnixMilli(); hourOf(t) != t || !s.Equal(time.UnixMilli(t)) {
			return false
		}
	}
	return true
}

// marks remembers, per id, the last bucket (+1) an id was counted in: rows
// arrive in bucket order, so one array does both the per-bucket and the
// whole-range distinct counts (an id not marked yet is new to the range).
type marks struct {
	dense  []int32
	sparse map[int64]int32 // ids too large for dense
}

// maxDenseID bounds the dense array (64 MB; ids are dense sequences in
// practice, larger ones go to the map).
const maxDenseID = 1 << 24

// mark records id in bucket k and reports whether it is new to the bucket
// and new to the range.
func (m *marks) mark(id int64, k int) (newInBucket, newInRange bool) {
	v := int32(k + 1)
	if id >= 0 && id < maxDenseID {
		if id >= int64(len(m.dense)) {
			n := max(int64(len(m.dense))*2, id+1, 1024)
			m.dense = append(m.dense, make([]int32, min(n, maxDenseID)-int64(len(m.dense)))...)
		}
		old := m.dense[id]
		m.dense[id] = v
		return old != v, old == 0
	}
	if m.sparse == nil {
		m.sparse = map[int64]int32{}
	}
	old := m.sparse[id]
	m.sparse[id] = v
	return old != v, old == 0
}

// volumeRollup is volume from the hourly rollups (metric_hours): the
// additive measures, and unique authors, reach, active advocates and
// earned reach from the distinct accounts of each hour with their current
// person and followers. It also fills in responsiveness and reports true, unless a
// question in the range was answered before its hour began (then only the
// raw path is exact). The caller checked hourAligned.
func (d *DB) volumeRollup(ctx context.Context, ws int64, q MetricsQuery, loc *time.Location, rep *MetricsReport,
	byBrand map[int64]int, index map[int64]int, adv []map[int64]int64) (bool, error) {
	from, to := q.From.UnixMilli(), q.To.UnixMilli()
	// bucketOf is the bucket holding a whole hour (hourAligned: all of it).
	bucketOf := func(hour int64) (int, bool) {
		k, ok := index[bucketStart(time.UnixMilli(hour), q.Granularity, loc).Unix()]
		return k, ok
	}
	rows, err := d.db.QueryContext(ctx, `SELECT brand_id, hour, mentions, engagement, positive, negative, neutral,
		asked, answered, early, responses, accounts FROM metric_hours WHERE workspace_id = $1 AND hour >= $2 AND hour < $3
		ORDER BY hour`, ws, from, to)
	if err != nil {
		return false, fmt.Errorf("read metrics: %w", err)
	}
	defer rows.Close()
	// The distinct accounts of each hour, in hour order; their current
	// person and followers are read afterwards, once per account.
	type accountHour struct {
		bi, k, hour int32 // hour: since from
		identity    int64
	}
	var hours []accountHour
	var seen marks
	var ids []int64
	times := make([][]float64, len(rep.Brands))
	exact := true
	for rows.Next() {
		var brand, hour, mentions, eng, pos, neg, neu, asked, answered, early int64
		var responses, accounts string
		if err := rows.Scan(&brand, &hour, &mentions, &eng, &pos, &neg, &neu, &asked, &answered, &early, &responses,
			&accounts); err != nil {
			return false, fmt.Errorf("read metrics: %w", err)
		}
		bi, ok := byBrand[brand]
		if !ok {
			continue
		}
		k, ok := bucketOf(hour)
		if !ok {
			continue
		}
		bm := &rep.Brands[bi]
		for _, m := range []*BucketMetrics{&bm.Buckets[k], &bm.Total} {
			m.Mentions += mentions
			m.Engagement += eng
			m.Sentiment.Positive += pos
			m.Sentiment.Negative += neg
			m.Sentiment.Neutral += neu
		}
		r := &bm.Responsiveness
		r.Asked += asked
		r.Answered += answered
		exact = exact && early == 0
		if times[bi], err = appendResponses(times[bi], responses); err != nil {
			return false, fmt.Errorf("read metrics: hour %d: %w", hour, err)
		}
		err := eachID(accounts, func(id int64) {
			hours = append(hours, accountHour{int32(bi), int32(k), int32((hour - from) / hourMS), id})
			if _, first := seen.mark(id, 0); first {
				ids = append(ids, id)
			}
		})
		if err != nil {
			return false, fmt.Errorf("read metrics: hour %d: %w", hour, err)
		}
	}
	if err := rows.Err(); err != nil {
		return false, fmt.Errorf("read metrics: %w", err)
	}
	rows.Close()

	accounts, err := d.accountAudiences(ctx, ids)
	if err != nil {
		return false, err
	}
	people := make([]marks, len(rep.Brands))
	reached := make([]marks, len(rep.Brands))
	advocates := make([]marks, len(rep.Brands)) // by bucket
	earned := make([]marks, len(rep.Brands))    // by hour
	for _, h := range hours {
		acc, ok := accounts[h.identity]
		if !ok {
			continue // identity gone: the raw join drops it too
		}
		bm, k := &rep.Brands[h.bi], int(h.k)
		if inBucket, inTotal := people[h.bi].mark(acc[0], k); inBucket {
			bm.Buckets[k].UniqueAuthors++
			if inTotal {
				bm.Total.UniqueAuthors++
			}
		}
		if audience, ok := adv[h.bi][acc[0]]; ok {
			if newHour, _ := earned[h.bi].mark(acc[0], int(h.hour)); newHour {
				bm.Buckets[k].EarnedReach += audience
				bm.Total.EarnedReach += audience
			}
			if inBucket, inTotal := advocates[h.bi].mark(acc[0], k); inBucket {
				bm.Buckets[k].ActiveAdvocates++
				if inTotal {
					bm.Total.ActiveAdvocates++
				}
			}
		}
		if inBucket, inTotal := reached[h.bi].mark(h.identity, k); inBucket {
			f := max(acc[1], 0)
			bm.Buckets[k].Reach += f
			if inTotal {
				bm.Total.Reach += f
			}
		}
	}
	shareOut(rep)
	for bi := range rep.Brands {
		r := &rep.Brands[bi].Responsiveness
		if !exact {
			*r = Responsiveness{}
			continue
		}
		r.Share = ratio(r.Answered, r.Asked)
		r.MedianSeconds, r.P90Seconds = medianP90(times[bi])
	}
	return exact, nil
}

// eachID calls f with each id of a comma-separated list.
func eachID(s string, f func(int64)) error {
	for s != "" {
		var v int64
		k := 0
		for ; k < len(s) && s[k] != ','; k++ {
			c := s[k]
			if c < '0' || c > '9' {
				return fmt.Errorf("bad id list %q", s)
			}
			v = v*10 + int64(c-'0')
		}
		if k == 0 {
			return fmt.Errorf("bad id list %q", s)
		}
		f(v)
		s = s[min(k+1, len(s)):]
	}
	return nil
}

// appendResponses appends the comma-separated millisecond times of a
// rollup row to ts, in seconds.
func appendResponses(ts []float64, s string) ([]float64, error) {
	for s != "" {
		var v int64
		k := 0
		for ; k < len(s) && s[k] != ','; k++ {
			c := s[k]
			if c < '0' || c > '9' {
				return ts, fmt.Errorf("bad response time list %q", s)
			}
			v = v*10 + int64(c-'0')
		}
		if k == 0 {
			return ts, fmt.Errorf("bad response time list %q", s)
		}
		ts = append(ts, float64(v)/1000)
		s = s[min(k+1, len(s)):]
	}
	return ts, nil
}

// medianP90 is median and the 90th percentile of xs (sorted in place), as
// median and percentile compute them, with one sort.
func medianP90(xs []float64) (float64, float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	slices.Sort(xs)
	n := len(xs)
	med := xs[n/2]
	if n%2 == 0 {
		med = (xs[n/2-1] + xs[n/2]) / 2
	}
	i := int(math.Ceil(0.9*float64(n))) - 1
	return med, xs[min(max(i, 0), n-1)]
}

// accountAudiences reads the current person and followers of identities:
// the ids sorted and cut into runs that are dense enough to read as one
// range of the identities table (a sequential read costs less than
// probing each id), the other rows of a range skipped.
func (d *DB) accountAudiences(ctx context.Context, ids []int64) (map[int64][2]int64, error) {
	out := make(map[int64][2]int64, len(ids))
	slices.Sort(ids)
	var want marks
	for _, id := range ids {
		want.mark(id, 0)
	}
	for i := 0; i < len(ids); {
		j := i + 1
		for j < len(ids) && j-i < 20000 && ids[j]-ids[i] <= int64(4*(j-i)+1024) {
			j++
		}
		rows, err := d.db.QueryContext(ctx, `SELECT id, person_id, followers FROM identities WHERE id >= $1 AND id <= $2`,
			ids[i], ids[j-1])
		if err != nil {
			return nil, fmt.Errorf("read metrics: %w", err)
		}
		for rows.Next() {
			var id, person, followers int64
			if err := rows.Scan(&id, &person, &followers); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read metrics: %w", err)
			}
			if _, unwanted := want.mark(id, 1); !unwanted {
				out[id] = [2]int64{person, followers}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read metrics: %w", err)
		}
		i = j
	}
	return out, nil
}

// movementSQL is true for the stage changes FunnelMovement counts (new,
// promoted, lost, at risk; stage ranks as stageRanks, advocacy.FlagAtRisk
// = 2). Migration 0006 indexes stage_changes (workspace_id, at) where it
// holds, with the same text.
const movementSQL = `((CASE to_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END >= 3
	AND (from_stage = '' OR CASE from_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END < 3))
	OR (from_stage <> '' AND CASE to_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END
		> CASE from_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END)
	OR (from_stage <> '' AND CASE from_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END >= 3
		AND CASE to_stage WHEN 'engaged' THEN 1 WHEN 'potential' THEN 2 WHEN 'advocate' THEN 3 WHEN 'champion' THEN 4 ELSE 0 END < 3)
	OR ((to_flags & 2) <> 0 AND (from_stage = '' OR (from_flags & 2) = 0)))`

// funnelCounts is funnel from funnel_counts, which triggers keep equal to
// the counts over person_scores (migration 0006).
func (d *DB) funnelCounts(ctx context.Context, ws int64, rep *MetricsReport, byBrand map[int64]int) error {
	rows, err := d.db.QueryContext(ctx, `SELECT brand_id, stage, at_risk, positive, n FROM funnel_counts
		WHERE workspace_id = $1 AND n <> 0`, ws)
	if err != nil {
		return fmt.Errorf("read funnel: %w", err)
	}
	defer rows.Close()
	notAdvocating := map[int]int64{}
	for rows.Next() {
		var brand, atRisk, positive, n int64
		var stage string
		if err := rows.Scan(&brand, &stage, &atRisk, &positive, &n); err != nil {
			return fmt.Errorf("read funnel: %w", err)
		}
		bi, ok := byBrand[brand]
		if !ok {
			continue
		}
		f := &rep.Brands[bi].Funnel
		f.Stages[stage] += n
		if atRisk != 0 {
			f.AtRisk += n
		}
		if positive != 0 {
			f.Positive += n
			if stageRanks[stage] < stageRanks["advocate"] {
				notAdvocating[bi] += n
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

// The funnel_counts triggers hard-code the at-risk bit.
var _ = [1]struct{}{}[advocacy.FlagAtRisk-2]

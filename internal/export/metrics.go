package export

import (
	"encoding/json"
	"io"
	"strconv"
	"time"

	"github.com/herald-advocacy/herald/internal/store"
)

// MetricsRow is one brand's metrics in one bucket — or, with BucketStart
// "total", over the report's whole range: the rows of a metrics export in
// CSV and JSON lines.
type MetricsRow struct {
	Brand           string  `json:"brand"`
	Role            string  `json:"role"`
	BucketStart     string  `json:"bucket_start"` // RFC 3339 in the report's zone, or "total"
	Mentions        int64   `json:"mentions"`
	UniqueAuthors   int64   `json:"unique_authors"`
	Reach           int64   `json:"reach"`
	Engagement      int64   `json:"engagement"`
	EarnedReach     int64   `json:"earned_reach"`
	ActiveAdvocates int64   `json:"active_advocates"`
	ShareOfVoice    float64 `json:"share_of_voice"`
	EngagementShare float64 `json:"engagement_share"`
	Positive        int64   `json:"positive"`
	Negative        int64   `json:"negative"`
	Neutral         int64   `json:"neutral"`
	NetSentiment    float64 `json:"net_sentiment"`
}

// MetricsCSVHeader names the CSV columns of a metrics export.
var MetricsCSVHeader = []string{"brand", "role", "bucket_start", "mentions", "unique_authors", "reach", "engagement",
	"earned_reach", "active_advocates", "share_of_voice", "engagement_share", "positive", "negative", "neutral", "net_sentiment"}

// MetricsRows flattens a report: per brand, a row per bucket, oldest first,
// then a "total" row.
func MetricsRows(rep *store.MetricsReport) []MetricsRow {
	loc := time.UTC
	if l, err := time.LoadLocation(rep.TimeZone); err == nil && rep.TimeZone != "" {
		loc = l
	}
	row := func(b store.BrandMetrics, start string, m store.BucketMetrics) MetricsRow {
		return MetricsRow{Brand: b.Brand, Role: b.Role, BucketStart: start, Mentions: m.Mentions, UniqueAuthors: m.UniqueAuthors,
			Reach: m.Reach, Engagement: m.Engagement, EarnedReach: m.EarnedReach, ActiveAdvocates: m.ActiveAdvocates,
			ShareOfVoice: finite(m.ShareOfVoice), EngagementShare: finite(m.EngagementShare),
			Positive: m.Sentiment.Positive, Negative: m.Sentiment.Negative, Neutral: m.Sentiment.Neutral, NetSentiment: finite(m.Sentiment.Net)}
	}
	var out []MetricsRow
	for _, b := range rep.Brands {
		for _, m := range b.Buckets {
			out = append(out, row(b, m.Start.In(loc).Format(time.RFC3339), m))
		}
		out = append(out, row(b, "total", b.Total))
	}
	return out
}

// MetricsCSVRow is a metrics row as CSV (see MetricsCSVHeader): shares and
// net sentiment with four decimals.
func MetricsCSVRow(r MetricsRow) []string {
	i := func(n int64) string { return strconv.FormatInt(n, 10) }
	return []string{r.Brand, r.Role, r.BucketStart, i(r.Mentions), i(r.UniqueAuthors), i(r.Reach), i(r.Engagement),
		i(r.EarnedReach), i(r.ActiveAdvocates), num(r.ShareOfVoice, 4), num(r.EngagementShare, 4), i(r.Positive), i(r.Negative), i(r.Neutral), num(r.NetSentiment, 4)}
}

// WriteMetrics writes a metrics report: in CSV and JSON lines as its rows
// (MetricsRows), in JSON as the report itself.
func WriteMetrics(rep *store.MetricsReport, format Format, w io.Writer) error {
	if format == JSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	s, err := newStream(format, w, MetricsCSVHeader)
	if err != nil {
		return err
	}
	for _, r := range MetricsRows(rep) {
		if err := s.write(r, func() []string { return MetricsCSVRow(r) }); err != nil {
			return err
		}
	}
	return s.close()
}

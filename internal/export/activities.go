package export

import (
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
)

// WriteActivities streams the activities f selects, a page at a time: in id
// order (continuing after f.AfterID), or newest first when f.Newest
// (continuing before f.Before). f.Limit is the total wanted (0: all). It
// returns how many activities it wrote.
func WriteActivities(ctx context.Context, db *store.DB, ws int64, f store.ActivityFilter, format Format, w io.Writer) (int, error) {
	s, err := newStream(format, w, ActivityCSVHeader)
	if err != nil {
		return 0, err
	}
	return paged(ctx, s, f.Limit, activityPage, func(limit int) ([]herald.Activity, error) {
		f.Limit = limit
		return db.Activities(ctx, ws, f)
	}, func(acts []herald.Activity) error {
		for _, j := range NewActivities(acts) {
			if err := s.write(j, func() []string { return ActivityCSVRow(j) }); err != nil {
				return err
			}
		}
		return nil
	}, func(last herald.Activity) {
		if f.Newest {
			f.Before = &store.ActivityCursor{CreatedAt: last.CreatedAt, ID: last.ID}
		} else {
			f.AfterID = last.ID
		}
	})
}

// ActivityCSVHeader names the CSV columns of an activity.
var ActivityCSVHeader = []string{"id", "network", "external_id", "kind", "created_at", "author", "person_id", "text", "url",
	"brands", "stances", "lang", "sentiment", "sentiment_score", "intents", "likes", "shares", "replies"}

// ActivityCSVRow is an activity as a CSV row (see ActivityCSVHeader).
func ActivityCSVRow(j Activity) []string {
	var stances []string
	for _, b := range j.Brands {
		if st, ok := j.Stances[b]; ok {
			stances = append(stances, b+":"+string(st.Label))
		}
	}
	label, score := "", ""
	if j.Sentiment != nil {
		label, score = string(j.Sentiment.Label), num(j.Sentiment.Score, 4)
	}
	return []string{strconv.FormatInt(j.ID, 10), j.Network, j.ExternalID, j.Kind, j.CreatedAt.Format(time.RFC3339),
		j.Author.Handle, strconv.FormatInt(j.PersonID, 10), j.Text, j.URL, strings.Join(j.Brands, ";"),
		strings.Join(stances, ";"), j.Lang, label, score, strings.Join(j.Intents, ";"),
		optCount(j.Likes), optCount(j.Shares), optCount(j.Replies)}
}

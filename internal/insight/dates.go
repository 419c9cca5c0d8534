package insight

import (
	"context"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
)

// DefaultDays is the length of a report's range when only its end, or
// nothing, is given.
const DefaultDays = 90

// ParseDay reads a calendar day (2006-01-02) or an RFC 3339 time; a day is
// its midnight in loc. An empty string is the zero time.
func ParseDay(v string, loc *time.Location) (t time.Time, day bool, err error) {
	if v == "" {
		return time.Time{}, false, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, v, loc); err == nil {
		return t, true, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, false, nil
	}
	return time.Time{}, false, herald.Errorf(herald.EInvalid, "%q is not a date (2006-01-02) or an RFC 3339 time", v)
}

// Range resolves a report's range [from, to) from user input: to is the
// day after the given last day (a day is included whole), or the end of
// the day of the workspace's latest activity; from defaults to DefaultDays
// before to.
func Range(ctx context.Context, db *store.DB, ws int64, fromV, toV string, loc *time.Location) (from, to time.Time, err error) {
	if loc == nil {
		loc = time.UTC
	}
	to, toDay, err := ParseDay(toV, loc)
	if err != nil {
		return from, to, herald.Errorf(herald.EInvalid, "to: %s", herald.ErrorMessage(err))
	}
	if toDay {
		to = to.AddDate(0, 0, 1)
	}
	if from, _, err = ParseDay(fromV, loc); err != nil {
		return from, to, herald.Errorf(herald.EInvalid, "from: %s", herald.ErrorMessage(err))
	}
	if to.IsZero() {
		clock, err := db.DataClock(ctx, ws)
		if err != nil {
			return from, to, err
		}
		if clock.IsZero() {
			clock = time.Now()
		}
		c := clock.In(loc)
		to = time.Date(c.Year(), c.Month(), c.Day()+1, 0, 0, 0, 0, loc)
	}
	if from.IsZero() {
		from = to.AddDate(0, 0, -DefaultDays)
	}
	if !from.Before(to) {
		return from, to, herald.Errorf(herald.EInvalid, "from (%s) must be before to (%s)", from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	return from, to, nil
}

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

// WriteAdvocates streams a brand's ranking, a page at a time (f.BrandID is
// set from brand; f.After continues a ranking, numbered from 1 again). f.Limit
// is the total wanted (0: everyone). It returns how many people it wrote.
func WriteAdvocates(ctx context.Context, db *store.DB, ws int64, brand herald.Brand, f store.AdvocateFilter, format Format, w io.Writer) (int, error) {
	s, err := newStream(format, w, AdvocateCSVHeader)
	if err != nil {
		return 0, err
	}
	f.BrandID = brand.ID
	return paged(ctx, s, f.Limit, advocatePage, func(limit int) ([]store.Advocate, error) {
		f.Limit = limit
		return db.Advocates(ctx, ws, f)
	}, func(rows []store.Advocate) error {
		for _, r := range rows {
			a := NewAdvocate(s.n+1, brand.Slug, r)
			if err := s.write(a, func() []string { return AdvocateCSVRow(a) }); err != nil {
				return err
			}
		}
		return nil
	}, func(last store.Advocate) {
		c := last.Cursor()
		f.After = &c
	})
}

// AdvocateCSVHeader names the CSV columns of a ranked person: those of
// `herald advocates --csv`, then since and as_of.
var AdvocateCSVHeader = []string{"rank", "person_id", "network", "handle", "name", "followers", "brand", "score", "stage", "flags",
	"tenure", "regularity", "recency", "stance", "influence", "contribution", "competitor", "since", "as_of"}

// AdvocateCSVRow is a ranked person as a CSV row (see AdvocateCSVHeader);
// unknown followers and a missing since are empty.
func AdvocateCSVRow(a Advocate) []string {
	f := a.Facets
	since := ""
	if !a.Since.IsZero() {
		since = a.Since.Format(time.RFC3339)
	}
	return []string{strconv.Itoa(a.Rank), strconv.FormatInt(a.PersonID, 10), string(a.Network), a.Handle, a.Name,
		optCount(a.Followers), a.Brand, num(a.Score, 1), a.Stage, strings.Join(a.Flags, ";"),
		num(f.Tenure, 3), num(f.Regularity, 3), num(f.Recency, 3), num(f.Stance, 3), num(f.Influence, 3),
		num(f.Contribution, 3), num(f.Competitor, 3), since, a.AsOf.Format(time.RFC3339)}
}

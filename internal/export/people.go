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

// WritePeople streams the people f selects, in id order, a page at a time
// (continuing after f.AfterID). f.Limit is the total wanted (0: all). It
// returns how many people it wrote.
func WritePeople(ctx context.Context, db *store.DB, ws int64, f store.PeopleFilter, format Format, w io.Writer) (int, error) {
	s, err := newStream(format, w, PersonCSVHeader)
	if err != nil {
		return 0, err
	}
	return paged(ctx, s, f.Limit, peoplePage, func(limit int) ([]herald.Person, error) {
		f.Limit = limit
		return db.People(ctx, ws, f)
	}, func(people []herald.Person) error {
		for i := range people {
			p := NewPerson(&people[i])
			if err := s.write(p, func() []string { return PersonCSVRow(p) }); err != nil {
				return err
			}
		}
		return nil
	}, func(last herald.Person) { f.AfterID = last.ID })
}

// PersonCSVHeader names the CSV columns of a person.
var PersonCSVHeader = []string{"id", "display_name", "created_at", "networks", "handles", "followers", "identities"}

// PersonCSVRow is a person as a CSV row (see PersonCSVHeader): their
// networks, their accounts as network:handle, and the sum of their known
// audiences (empty when none is known).
func PersonCSVRow(p Person) []string {
	var networks, handles []string
	var followers *int64
	seen := map[string]bool{}
	for _, i := range p.Identities {
		if !seen[i.Network] {
			seen[i.Network] = true
			networks = append(networks, i.Network)
		}
		handles = append(handles, herald.AccountRef{Network: herald.Network(i.Network), Handle: i.Handle}.String())
		if i.Followers != nil {
			if followers == nil {
				followers = new(int64)
			}
			*followers += *i.Followers
		}
	}
	created := ""
	if !p.CreatedAt.IsZero() {
		created = p.CreatedAt.Format(time.RFC3339)
	}
	return []string{strconv.FormatInt(p.ID, 10), p.DisplayName, created, strings.Join(networks, ";"),
		strings.Join(handles, ";"), optCount(followers), strconv.Itoa(len(p.Identities))}
}

package api

import (
	"net/http"
	"slices"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/store"
)

// stream writes every matching row in the requested format, when one was
// requested; it reports whether it did.
func (c *call) stream(name string, write func(f export.Format) (int, error)) (bool, error) {
	v := c.str("format")
	if v == "" {
		return false, nil
	}
	f, err := export.ParseFormat(v)
	if err != nil {
		return true, badParam("format", "must be csv, jsonl or json")
	}
	c.w.Header().Set("Content-Type", f.ContentType())
	c.w.Header().Set("Content-Disposition", `attachment; filename="`+c.ws.Slug+"-"+name+"."+f.Ext()+`"`)
	c.w.WriteHeader(http.StatusOK)
	n, err := write(f)
	c.s.stats.addExported(name, n)
	return true, err
}

func (s *Server) listPeople(c *call) error {
	limit, err := c.limit()
	if err != nil {
		return err
	}
	f := store.PeopleFilter{Query: c.str("q"), Network: herald.Network(c.str("network")), Limit: limit}
	if len(f.Query) > 200 {
		return badParam("q", "at most 200 bytes")
	}
	if _, err := c.cursor(&f.AfterID); err != nil {
		return err
	}
	if done, err := c.stream("people", func(fm export.Format) (int, error) {
		f.Limit = 0
		return export.WritePeople(c.r.Context(), s.db, c.ws.ID, f, fm, c.w)
	}); done {
		return err
	}
	people, err := s.db.People(c.r.Context(), c.ws.ID, f)
	if err != nil {
		return err
	}
	out := make([]export.Person, len(people))
	for i := range people {
		out[i] = export.NewPerson(&people[i])
	}
	next := ""
	if len(people) == limit {
		next = encodeCursor(people[len(people)-1].ID)
	}
	return page(c, out, next)
}

// PersonDetail is a person with their advocacy for every brand they talk
// about and their stage history.
type PersonDetail struct {
	Person       export.Person        `json:"person"`
	Advocacy     []export.Advocate    `json:"advocacy"`
	StageHistory []export.StageChange `json:"stage_history"`
	Tags         []string             `json:"tags"`
}

func (s *Server) person(c *call) (*herald.Person, error) {
	id, err := c.id("id")
	if err != nil {
		return nil, err
	}
	p, err := s.db.Person(c.r.Context(), c.ws.ID, id)
	if err != nil {
		return nil, err
	}
	if len(p.Identities) == 0 { // merged into another person
		return nil, herald.Errorf(herald.ENotFound, "person %d not found", id)
	}
	return p, nil
}

func (s *Server) getPerson(c *call) error {
	p, err := s.person(c)
	if err != nil {
		return err
	}
	ctx := c.r.Context()
	scores, err := s.db.PersonScores(ctx, c.ws.ID, p.ID)
	if err != nil {
		return err
	}
	history, err := s.db.StageChanges(ctx, c.ws.ID, p.ID, 0, time.Time{})
	if err != nil {
		return err
	}
	tags, err := s.db.PersonTags(ctx, c.ws.ID, p.ID)
	if err != nil {
		return err
	}
	slugs := brandSlugs(c.ws)
	out := PersonDetail{Person: export.NewPerson(p), Advocacy: []export.Advocate{}, StageHistory: export.NewStageChanges(history, slugs),
		Tags: tags}
	for _, sc := range scores {
		out.Advocacy = append(out.Advocacy, advocateOf(0, slugs[sc.BrandID], store.Advocate{PersonScore: sc}, p))
	}
	return c.json(http.StatusOK, out)
}

// advocateOf describes a person's score with their best account.
func advocateOf(rank int, brand string, a store.Advocate, p *herald.Person) export.Advocate {
	if a.Handle == "" && p != nil && len(p.Identities) > 0 {
		best := slices.MaxFunc(p.Identities, func(x, y herald.Identity) int { return int(min(max(x.Followers-y.Followers, -1), 1)) })
		a.DisplayName, a.Network, a.Handle, a.Followers = p.DisplayName, best.Network, best.Handle, best.Followers
	}
	return export.NewAdvocate(rank, brand, a)
}

func brandSlugs(ws *herald.Workspace) map[int64]string {
	m := map[int64]string{}
	for _, b := range ws.Brands {
		m[b.ID] = b.Slug
	}
	return m
}

func (s *Server) listPersonActivities(c *call) error {
	p, err := s.person(c)
	if err != nil {
		return err
	}
	return s.activityPage(c, store.ActivityFilter{PersonID: p.ID, Newest: true})
}

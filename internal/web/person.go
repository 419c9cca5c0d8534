package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/chart"
	"github.com/herald-advocacy/herald/internal/store"
)

// personData is the person page: who they are, and per brand why they
// stand where they stand.
type personData struct {
	ID         int64
	Name       string
	Identities []identityRow
	Scores     []brandScore // every brand they are scored for
	Brand      *brandScore  // the brand explained in detail
	History    []stageRow
	Evidence   []postRow
	Notes      []noteRow
	Tags       []string
	AllTags    []store.TagCount // the workspace's tags, to pick from
	CanEdit    bool             // manager or admin: notes and tags
}

type noteRow struct {
	ID        int64
	Author    string
	At        time.Time
	Body      string
	CanDelete bool
}

type identityRow struct {
	Network, Handle, Name, Bio string
	Followers                  int64 // -1 unknown
	URL                        string
	RawURL                     string // shown as text when it is not a safe link
}

type brandScore struct {
	Slug, Name string
	Own        bool
	Score      float64
	Stage      string
	Flags      []string
	Facets     []facetRow
	Reasons    []advocacy.Reason // about the flags (facet reasons are in Facets)
	AsOf       time.Time
	Since      time.Time
	Href       string
	Selected   bool
}

type facetRow struct {
	Name   string
	Value  float64
	Effect string // the points it adds or removes, from the reasons ("" none)
	Why    string
}

type stageRow struct {
	At                 time.Time
	FromStage, ToStage string
	Flags              []string
}

type postRow struct {
	At       time.Time
	Network  string
	Kind     string
	Text     string
	URL      string
	Stance   string // toward the explained brand
	About    string // that brand's name, when it is not the page's
	Sentient string // overall sentiment of the post
	Intents  []string
}

func (s *Server) person(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	ctx := r.Context()
	id, err := personID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.db.Person(ctx, v.ws.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := personData{ID: p.ID, Name: personName(p)}
	for _, i := range p.Identities {
		d.Identities = append(d.Identities, identityRow{Network: string(i.Network), Handle: i.Handle, Name: i.DisplayName,
			Bio: i.Bio, Followers: i.Followers, URL: safeURL(i.ProfileURL), RawURL: i.ProfileURL})
	}
	scores, err := s.db.PersonScores(ctx, v.ws.ID, p.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	want := r.URL.Query().Get("brand")
	var evidence []int64
	var explained *store.PersonScore
	for i := range v.ws.Brands {
		b := &v.ws.Brands[i]
		for k := range scores {
			sc := &scores[k]
			if sc.BrandID != b.ID {
				continue
			}
			bs := scoreOf(b, sc)
			bs.Href = "?brand=" + b.Slug
			if (want == "" && explained == nil) || want == b.Slug {
				explained, evidence = sc, sc.Evidence
			}
			d.Scores = append(d.Scores, bs)
		}
	}
	for i := range d.Scores {
		if explained != nil && d.Scores[i].Slug == brandSlug(v.ws, explained.BrandID) {
			d.Scores[i].Selected = true
			d.Brand = &d.Scores[i]
		}
	}
	if explained != nil {
		changes, err := s.db.StageChanges(ctx, v.ws.ID, p.ID, explained.BrandID, time.Time{})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for i := len(changes) - 1; i >= 0; i-- { // newest first
			c := changes[i]
			d.History = append(d.History, stageRow{At: c.At, FromStage: c.FromStage, ToStage: c.ToStage, Flags: advocacy.Flags(c.ToFlags).Names()})
		}
		acts, err := s.db.ActivitiesByID(ctx, v.ws.ID, evidence)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, a := range acts {
			d.Evidence = append(d.Evidence, postOf(&a, explained.BrandID))
		}
	}
	if err := s.notesAndTags(r, &d); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "person", &page{Title: d.Name, Active: "advocates", Data: d})
}

// notesAndTags fills in what the team wrote and the tags they gave.
func (s *Server) notesAndTags(r *http.Request, d *personData) error {
	v, ctx := visitOf(r), r.Context()
	notes, err := s.db.Notes(ctx, v.ws.ID, d.ID)
	if err != nil {
		return err
	}
	for i := range notes {
		n := &notes[i]
		d.Notes = append(d.Notes, noteRow{ID: n.ID, Author: n.Author, At: n.CreatedAt, Body: n.Body, CanDelete: canDeleteNote(v, n)})
	}
	if d.Tags, err = s.db.PersonTags(ctx, v.ws.ID, d.ID); err != nil {
		return err
	}
	d.CanEdit = v.role.Allows(store.RoleManager)
	if d.CanEdit {
		d.AllTags, err = s.db.Tags(ctx, v.ws.ID)
	}
	return err
}

func brandSlug(ws *herald.Workspace, id int64) string {
	for _, b := range ws.Brands {
		if b.ID == id {
			return b.Slug
		}
	}
	return ""
}

// scoreOf explains one brand's score: each facet with the points it moved
// the score and the reason's sentence.
func scoreOf(b *herald.Brand, sc *store.PersonScore) brandScore {
	bs := brandScore{Slug: b.Slug, Name: b.Name, Own: b.Role == herald.RoleOwn, Score: sc.Score, Stage: sc.Stage,
		Flags: advocacy.Flags(sc.Flags).Names(), AsOf: sc.AsOf, Since: sc.Since}
	var reasons []advocacy.Reason
	_ = json.Unmarshal(sc.Reasons, &reasons) // written by the scorer; an unreadable one explains nothing
	why := map[string]advocacy.Reason{}
	for _, r := range reasons {
		if _, ok := why[r.Facet]; !ok {
			why[r.Facet] = r
		}
		if !slices.Contains(facetNames, r.Facet) {
			bs.Reasons = append(bs.Reasons, r)
		}
	}
	for i, n := range facetNames {
		f := facetRow{Name: n, Value: sc.Facets[i]}
		if r, ok := why[n]; ok {
			f.Why = r.Why
			if r.Effect != 0 {
				f.Effect = chart.Sign(r.Effect) + strconv.FormatFloat(abs(r.Effect), 'f', 1, 64) + " pts"
			}
		}
		bs.Facets = append(bs.Facets, f)
	}
	return bs
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func postOf(a *herald.Activity, brand int64) postRow {
	p := postRow{At: a.CreatedAt, Network: string(a.Network), Kind: string(a.Kind), Text: a.Text, URL: safeURL(a.URL)}
	for _, m := range a.Brands {
		if m.BrandID == brand && m.Stance.Label != "" {
			p.Stance = string(m.Stance.Label)
		}
	}
	if a.Analysis != nil {
		p.Sentient = string(a.Analysis.Sentiment.Label)
		p.Intents = a.Analysis.Intents.Names()
	}
	return p
}

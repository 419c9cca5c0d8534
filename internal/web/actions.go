package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/store"
)

// Action lists.
const (
	actionPeople   = 40 // people on an action list
	actionEvidence = 2  // posts quoted per reason
)

// actionList is one of the two action lists: the people flagged for a
// brand, each with the reasons of the flag in their own posts.
type actionList struct {
	Key, Title, Lead, Empty string
	Flag                    advocacy.Flags
}

var (
	competitorList = actionList{Key: "competitor-advocates", Title: "Competitor advocates", Flag: advocacy.FlagCompetitorAdvocate,
		Lead:  "People who advocate a competitor of %s: worth winning over. Each reason quotes the posts behind it.",
		Empty: "No one advocates a competitor of this brand."}
	atRiskList = actionList{Key: "at-risk", Title: "At risk", Flag: advocacy.FlagAtRisk,
		Lead:  "Advocates of %s whose recent posts turned cooler or negative: talk to them before they are lost.",
		Empty: "No advocate of this brand is at risk."}
)

type actionData struct {
	List   actionList
	Lead   string
	Brand  herald.Brand
	Brands []herald.Brand
	People []actionPerson
	More   string // the advocates table filtered by the flag, when the list is cut
}

type actionPerson struct {
	personRow
	Reasons []actionReason
}

type actionReason struct {
	Why   string
	Posts []postRow
}

func (s *Server) competitorAdvocates(w http.ResponseWriter, r *http.Request) {
	s.actionList(w, r, competitorList)
}

func (s *Server) atRisk(w http.ResponseWriter, r *http.Request) { s.actionList(w, r, atRiskList) }

func (s *Server) actionList(w http.ResponseWriter, r *http.Request, l actionList) {
	v, ctx := visitOf(r), r.Context()
	brand, err := v.ws.PickBrand(r.URL.Query().Get("brand"))
	if err != nil {
		s.fail(w, r, herald.Errorf(herald.EInvalid, "brand: %s", herald.ErrorMessage(err)))
		return
	}
	rows, err := s.db.Advocates(ctx, v.ws.ID, store.AdvocateFilter{BrandID: brand.ID, Flags: int64(l.Flag), Limit: actionPeople + 1})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := actionData{List: l, Lead: fmt.Sprintf(l.Lead, brand.Name), Brand: brand, Brands: v.ws.Brands}
	if len(rows) > actionPeople {
		rows = rows[:actionPeople]
		d.More = "/w/" + url.PathEscape(v.ws.Slug) + "/advocates?" + url.Values{"brand": {brand.Slug}, "flag": {l.Flag.String()}}.Encode()
	}
	s.withNames(ctx, v.ws.ID, rows)
	// The reasons of the flag, and every post they quote, read at once.
	reasons := make([][]advocacy.Reason, len(rows))
	var ids []int64
	for i, a := range rows {
		var rs []advocacy.Reason
		_ = json.Unmarshal(a.Reasons, &rs) // written by the scorer; an unreadable one explains nothing
		for _, x := range rs {
			if x.Facet == l.Flag.String() {
				reasons[i] = append(reasons[i], x)
				ids = append(ids, x.Activities[:min(actionEvidence, len(x.Activities))]...)
			}
		}
	}
	acts, err := s.db.ActivitiesByID(ctx, v.ws.ID, ids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	byID := map[int64]*herald.Activity{}
	for i := range acts {
		byID[acts[i].ID] = &acts[i]
	}
	for i, a := range rows {
		p := actionPerson{personRow: rowOf(i+1, a, "")}
		for _, x := range reasons[i] {
			ar := actionReason{Why: x.Why}
			for _, id := range x.Activities[:min(actionEvidence, len(x.Activities))] {
				if act := byID[id]; act != nil {
					b := evidenceBrand(act, brand.ID)
					post := postOf(act, b)
					post.About = brandName(v.ws, b)
					ar.Posts = append(ar.Posts, post)
				}
			}
			p.Reasons = append(p.Reasons, ar)
		}
		d.People = append(d.People, p)
	}
	s.render(w, r, http.StatusOK, "actions", &page{Title: l.Title, Active: l.Key, Data: d})
}

// evidenceBrand is the brand a quoted post's stance is shown toward: the
// list's brand when the post is about it, else the first brand it is
// about (a competitor advocate's praise of the competitor).
func evidenceBrand(a *herald.Activity, brand int64) int64 {
	for _, m := range a.Brands {
		if m.BrandID == brand {
			return brand
		}
	}
	for _, m := range a.Brands {
		if m.Source != herald.MatchAuthor {
			return m.BrandID
		}
	}
	return brand
}

func brandName(ws *herald.Workspace, id int64) string {
	for _, b := range ws.Brands {
		if b.ID == id {
			return b.Name
		}
	}
	return ""
}

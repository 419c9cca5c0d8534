// Package export holds Herald's external representations of its data —
// the stable, snake_case JSON (and CSV) shapes of identities, people,
// activities and advocates, independent of the Go field names of the domain
// types — and streams them a page at a time. The CLI, the HTTP API and the
// report share them.
package export

import (
	"encoding/json"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/store"
)

// The JSON shapes of listings: stable, snake_case, independent of the Go
// field names of the domain types.

type Identity struct {
	ID          int64  `json:"id"`
	Network     string `json:"network"`
	ExternalID  string `json:"external_id"`
	Handle      string `json:"handle"`
	DisplayName string `json:"display_name,omitempty"`
	Bio         string `json:"bio,omitempty"`
	Followers   *int64 `json:"followers"`
	ProfileURL  string `json:"profile_url,omitempty"`
}

type Person struct {
	ID          int64      `json:"id"`
	DisplayName string     `json:"display_name"`
	Identities  []Identity `json:"identities"`
	CreatedAt   time.Time  `json:"created_at,omitzero"` // when Herald first saw them
}

type Activity struct {
	ID         int64                    `json:"id"`
	Network    string                   `json:"network"`
	ExternalID string                   `json:"external_id"`
	Kind       string                   `json:"kind"`
	CreatedAt  time.Time                `json:"created_at"`
	Author     Identity                 `json:"author"`
	PersonID   int64                    `json:"person_id"`
	Text       string                   `json:"text,omitempty"`
	URL        string                   `json:"url,omitempty"`
	InReplyTo  string                   `json:"in_reply_to,omitempty"`
	Subject    string                   `json:"subject,omitempty"`
	Brands     []string                 `json:"brands"`
	Stances    map[string]herald.Stance `json:"stances,omitempty"` // by brand slug
	Lang       string                   `json:"lang,omitempty"`    // detected
	Sentiment  *herald.Sentiment        `json:"sentiment,omitempty"`
	Intents    []string                 `json:"intents,omitempty"`
	Likes      *int64                   `json:"likes"`
	Shares     *int64                   `json:"shares"`
	Replies    *int64                   `json:"replies"`
	Attributes map[string]string        `json:"attributes,omitempty"`
}

// Known turns Herald's -1 "unknown" into JSON null.
func Known(n int64) *int64 {
	if n < 0 {
		return nil
	}
	return &n
}

func NewIdentity(i herald.Identity) Identity {
	return Identity{ID: i.ID, Network: string(i.Network), ExternalID: i.ExternalID, Handle: i.Handle,
		DisplayName: i.DisplayName, Bio: i.Bio, Followers: Known(i.Followers), ProfileURL: i.ProfileURL}
}

func NewPerson(p *herald.Person) Person {
	out := Person{ID: p.ID, DisplayName: p.DisplayName, Identities: []Identity{}, CreatedAt: p.CreatedAt}
	for _, i := range p.Identities {
		out.Identities = append(out.Identities, NewIdentity(i))
	}
	return out
}

func NewActivities(acts []herald.Activity) []Activity {
	out := make([]Activity, 0, len(acts))
	for _, a := range acts {
		j := Activity{ID: a.ID, Network: string(a.Network), ExternalID: a.ExternalID, Kind: string(a.Kind),
			CreatedAt: a.CreatedAt, Author: NewIdentity(a.Author), PersonID: a.Author.PersonID, Text: a.Text, URL: a.URL,
			InReplyTo: a.InReplyTo, Subject: a.Subject, Brands: []string{}, Likes: Known(a.Metrics.Likes),
			Shares: Known(a.Metrics.Shares), Replies: Known(a.Metrics.Replies), Attributes: a.Attributes}
		for _, m := range a.Brands {
			j.Brands = append(j.Brands, m.Brand)
			if m.Stance.Label != "" {
				if j.Stances == nil {
					j.Stances = map[string]herald.Stance{}
				}
				j.Stances[m.Brand] = m.Stance
			}
		}
		if an := a.Analysis; an != nil {
			j.Lang, j.Intents = an.Lang, an.Intents.Names()
			if an.Sentiment.Label != "" {
				j.Sentiment = &an.Sentiment
			}
		}
		out = append(out, j)
	}
	return out
}

// Advocate is one ranked person in `herald advocates --json`.
type Advocate struct {
	Rank      int               `json:"rank"`
	PersonID  int64             `json:"person_id"`
	Name      string            `json:"name"`
	Handle    string            `json:"handle"`
	Network   herald.Network    `json:"network"`
	Followers *int64            `json:"followers"`
	Brand     string            `json:"brand"`
	Score     float64           `json:"score"`
	Stage     string            `json:"stage"`
	Flags     []string          `json:"flags"`
	Facets    advocacy.Facets   `json:"facets"`
	Reasons   []advocacy.Reason `json:"reasons,omitempty"`
	Evidence  []int64           `json:"evidence,omitempty"`
	AsOf      time.Time         `json:"as_of"`
	Since     time.Time         `json:"since,omitzero"` // when they reached this stage and flags
}

func NewAdvocate(rank int, brand string, r store.Advocate) Advocate {
	f := r.Facets
	out := Advocate{Rank: rank, PersonID: r.PersonID, Name: r.DisplayName, Handle: r.Handle, Network: r.Network,
		Followers: Known(r.Followers), Brand: brand, Score: round1(r.Score), Stage: r.Stage,
		Flags: advocacy.Flags(r.Flags).Names(), Evidence: r.Evidence, AsOf: r.AsOf, Since: r.Since,
		Facets: advocacy.Facets{Tenure: f[0], Regularity: f[1], Recency: f[2], Stance: f[3], Influence: f[4], Contribution: f[5], Competitor: f[6]}}
	if out.Flags == nil {
		out.Flags = []string{}
	}
	_ = json.Unmarshal(r.Reasons, &out.Reasons) // written by us; an unreadable one shows no reasons
	return out
}

// round1 rounds a score to one decimal for display.
func round1(x float64) float64 { return float64(int64(x*10+0.5)) / 10 }

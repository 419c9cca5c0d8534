package cli

import (
	"time"

	"github.com/herald-advocacy/herald"
)

// The JSON shapes of listings: stable, snake_case, independent of the Go
// field names of the domain types.

type identityJSON struct {
	ID          int64  `json:"id"`
	Network     string `json:"network"`
	ExternalID  string `json:"external_id"`
	Handle      string `json:"handle"`
	DisplayName string `json:"display_name,omitempty"`
	Bio         string `json:"bio,omitempty"`
	Followers   *int64 `json:"followers"`
	ProfileURL  string `json:"profile_url,omitempty"`
}

type personJSON struct {
	ID          int64          `json:"id"`
	DisplayName string         `json:"display_name"`
	Identities  []identityJSON `json:"identities"`
}

type activityJSON struct {
	ID         int64                    `json:"id"`
	Network    string                   `json:"network"`
	ExternalID string                   `json:"external_id"`
	Kind       string                   `json:"kind"`
	CreatedAt  time.Time                `json:"created_at"`
	Author     identityJSON             `json:"author"`
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

// known turns Herald's -1 "unknown" into JSON null.
func known(n int64) *int64 {
	if n < 0 {
		return nil
	}
	return &n
}

func toIdentityJSON(i herald.Identity) identityJSON {
	return identityJSON{ID: i.ID, Network: string(i.Network), ExternalID: i.ExternalID, Handle: i.Handle,
		DisplayName: i.DisplayName, Bio: i.Bio, Followers: known(i.Followers), ProfileURL: i.ProfileURL}
}

func toPersonJSON(p *herald.Person) personJSON {
	out := personJSON{ID: p.ID, DisplayName: p.DisplayName, Identities: []identityJSON{}}
	for _, i := range p.Identities {
		out.Identities = append(out.Identities, toIdentityJSON(i))
	}
	return out
}

func toActivitiesJSON(acts []herald.Activity) []activityJSON {
	out := make([]activityJSON, 0, len(acts))
	for _, a := range acts {
		j := activityJSON{ID: a.ID, Network: string(a.Network), ExternalID: a.ExternalID, Kind: string(a.Kind),
			CreatedAt: a.CreatedAt, Author: toIdentityJSON(a.Author), PersonID: a.Author.PersonID, Text: a.Text, URL: a.URL,
			InReplyTo: a.InReplyTo, Subject: a.Subject, Brands: []string{}, Likes: known(a.Metrics.Likes),
			Shares: known(a.Metrics.Shares), Replies: known(a.Metrics.Replies), Attributes: a.Attributes}
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

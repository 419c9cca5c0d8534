package mastodon

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/htmltext"
)

var (
	errMissingURI     = errors.New("missing uri")
	errMissingAccount = errors.New("missing account")
)

// maxAttribute bounds the values kept in Activity.Attributes.
const maxAttribute = 1024

// statusRecords maps a status to its records: a reblog wrapper gives the
// original status and the share; a quote gives the quoted status (when it
// converts) and the quote. extra are other accounts seen with the status.
// A record's Raw is the status's JSON, unless extra come from around it.
func statusRecords(s *status, extra ...herald.Identity) ([]herald.Record, error) {
	if s.Reblog != nil {
		return reblog(s, extra)
	}
	a, err := statusActivity(s)
	if err != nil {
		return nil, err
	}
	rec := herald.Record{Activity: a, Actors: addActors([]herald.Identity{a.Author}, extra...), Raw: rawOf(s, extra)}
	if s.Quote == nil || s.Quote.target() == nil {
		return []herald.Record{rec}, nil
	}
	quoted, err := statusRecords(s.Quote.target())
	if err != nil {
		return []herald.Record{rec}, nil // the quote stands on its own
	}
	return append(quoted, rec), nil
}

// reblog maps a reblog wrapper: the original status, then the share by the
// booster. A share's metrics are unknown.
func reblog(s *status, extra []herald.Identity) ([]herald.Record, error) {
	orig, err := statusRecords(s.Reblog)
	if err != nil {
		return nil, fmt.Errorf("reblog: %w", err)
	}
	created, booster, err := header(s)
	if err != nil {
		return nil, err
	}
	origAuthor := orig[len(orig)-1].Activity.Author
	a := &herald.Activity{
		Network: herald.Mastodon, ExternalID: s.URI, Kind: herald.KindShare, Author: booster,
		CreatedAt: created, URL: s.URL, Subject: s.Reblog.URI, SubjectAuthor: origAuthor.Handle,
		Metrics: herald.UnknownMetrics(), Attributes: attributes(s),
	}
	actors := addActors(addActors([]herald.Identity{booster}, origAuthor), extra...)
	share := herald.Record{Activity: a, Actors: actors, Raw: rawOf(s, extra)}
	return append(orig, share), nil
}

// rawOf returns the JSON of a status, or nil when the records made of it
// carry accounts seen outside it (extra): they take the Raw of the entity
// around it.
func rawOf(s *status, extra []herald.Identity) []byte {
	if len(extra) > 0 {
		return nil
	}
	return s.raw
}

// header checks a status's uri and returns its time and its author.
func header(s *status) (time.Time, herald.Identity, error) {
	if s.URI == "" {
		return time.Time{}, herald.Identity{}, errMissingURI
	}
	if s.Account == nil {
		return time.Time{}, herald.Identity{}, errMissingAccount
	}
	created, err := parseTime(s.CreatedAt)
	if err != nil {
		return time.Time{}, herald.Identity{}, err
	}
	author, err := identity(s.Account, created)
	if err != nil {
		return time.Time{}, herald.Identity{}, fmt.Errorf("account: %w", err)
	}
	return created, author, nil
}

// statusActivity maps a status that is not a reblog wrapper.
func statusActivity(s *status) (*herald.Activity, error) {
	created, author, err := header(s)
	if err != nil {
		return nil, err
	}
	a := &herald.Activity{
		Network: herald.Mastodon, ExternalID: s.URI, Kind: herald.KindPost, Author: author,
		CreatedAt: created, Lang: s.Language, URL: s.URL, Media: len(s.MediaAttachments),
		Metrics: herald.Metrics{Likes: count(s.FavouritesCount), Shares: count(s.ReblogsCount),
			Replies: count(s.RepliesCount), Quotes: count(s.QuotesCount)},
		Attributes: attributes(s),
	}
	a.Text, a.Links = htmltext.TextLinks(s.Content)
	if s.Card != nil && strings.HasPrefix(s.Card.URL, "http") && !contains(a.Links, s.Card.URL) {
		a.Links = append(a.Links, s.Card.URL)
	}
	for _, m := range s.Mentions {
		a.Mentions = append(a.Mentions, qualify(m.Acct, m.Username, m.URL))
	}
	for _, t := range s.Tags {
		a.Hashtags = append(a.Hashtags, t.Name)
	}
	if s.InReplyToID != "" {
		a.Kind = herald.KindReply
		a.Attributes["mastodon_in_reply_to_id"] = s.InReplyToID
		a.InReplyToAuthor = replyAuthor(s, author.Handle)
	}
	if s.Quote != nil {
		a.Kind = herald.KindQuote
		if t := s.Quote.target(); t != nil {
			a.Subject = t.URI
			if t.Account != nil {
				a.SubjectAuthor = qualify(t.Account.Acct, t.Account.Username, t.Account.URL)
			}
		} else if s.Quote.QuotedStatusID != "" {
			a.Attributes["mastodon_quoted_status_id"] = s.Quote.QuotedStatusID
		}
	}
	return a, nil
}

// replyAuthor returns the handle of the account a reply answers: the
// mention with that account id, or the author for a self-reply.
func replyAuthor(s *status, self string) string {
	if s.InReplyToAccountID == "" {
		return ""
	}
	if s.Account != nil && s.InReplyToAccountID == s.Account.ID {
		return self
	}
	for _, m := range s.Mentions {
		if m.ID == s.InReplyToAccountID {
			return qualify(m.Acct, m.Username, m.URL)
		}
	}
	return ""
}

// attributes keeps the instance-local ids (in_reply_to_id cannot be turned
// into a URI), the visibility and the content warning of a status.
func attributes(s *status) map[string]string {
	attrs := map[string]string{}
	set := func(k, v string) {
		if v != "" {
			attrs[k] = herald.Truncate(v, maxAttribute)
		}
	}
	set("mastodon_id", s.ID)
	set("mastodon_visibility", s.Visibility)
	set("mastodon_spoiler_text", s.SpoilerText)
	return attrs
}

// identity maps an account observed at at. Its external id is its
// ActivityPub uri (else its url); its handle is acct made fully qualified.
func identity(a *account, at time.Time) (herald.Identity, error) {
	id := a.URI
	if id == "" {
		id = a.URL
	}
	if id == "" {
		return herald.Identity{}, errors.New("missing uri and url")
	}
	return herald.Identity{
		Network:     herald.Mastodon,
		ExternalID:  id,
		Handle:      qualify(a.Acct, a.Username, a.URL),
		DisplayName: a.DisplayName,
		Bio:         htmltext.Text(a.Note),
		Followers:   count(a.FollowersCount),
		Following:   count(a.FollowingCount),
		ProfileURL:  a.URL,
		ObservedAt:  at,
	}, nil
}

// qualify makes an acct fully qualified: a local "user" gets the host of
// the account's url ("user@host").
func qualify(acct, username, profileURL string) string {
	if acct == "" {
		acct = username
	}
	acct = strings.TrimPrefix(acct, "@")
	if acct == "" || strings.Contains(acct, "@") {
		return acct
	}
	if host := hostOf(profileURL); host != "" {
		return acct + "@" + host
	}
	return acct
}

// hostOf returns the host name (without port) of an http(s) URL.
func hostOf(u string) string {
	_, rest, ok := strings.Cut(u, "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 && !strings.HasSuffix(rest, "]") {
		rest = rest[:i]
	}
	return strings.ToLower(rest)
}

func count(n *int64) int64 {
	if n == nil {
		return -1
	}
	return *n
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("missing created_at")
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid created_at %q", s)
	}
	return t.UTC(), nil
}

// addActors appends the identities whose external ids are not there yet.
func addActors(actors []herald.Identity, more ...herald.Identity) []herald.Identity {
	for _, id := range more {
		seen := false
		for _, a := range actors {
			seen = seen || a.ExternalID == id.ExternalID
		}
		if !seen {
			actors = append(actors, id)
		}
	}
	return actors
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

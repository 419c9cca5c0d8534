package twitter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// errNoAuthor rejects v2 tweets requested without the author_id expansion.
var errNoAuthor = errors.New("tweet has no author_id (request the author_id expansion)")

// page is the context of one v2 response page: its expansions.
type page struct {
	raw        []byte             // the page's JSON
	bare       bool               // a bare tweet, not a page
	twarc      bool               // the page has a __twarc member
	twarcRaw   []byte             // its JSON, once a tweet's Raw needs it
	observed   time.Time          // twarc's retrieved_at, or zero
	users      map[string]decoded // includes.users by id
	order      []string           // includes.users ids in input order
	byName     map[string]string  // lower-cased username → id
	tweets     map[string]decoded // includes.tweets by id
	tweetOrder []string           // includes.tweets ids in input order
	seen       map[string]bool    // user ids already placed in a record
	latest     time.Time          // latest tweet time of the page
}

// page handles a v2 response page (or a bare v2 tweet wrapped as one):
// data tweets, then included tweets with an author, then unreferenced users.
func (p *parser) page(rec *record, raw []byte, pos int64) error {
	pg := &page{raw: raw, bare: rec.bare, twarc: rec.Twarc != nil, users: map[string]decoded{}, byName: map[string]string{},
		tweets: map[string]decoded{}, seen: map[string]bool{}}
	if rec.Twarc != nil {
		pg.observed, _ = time.Parse(time.RFC3339, rec.Twarc.RetrievedAt)
	}
	included, err := p.includes(pg, rec.Includes, pos)
	if err != nil {
		return err
	}
	data, err := elements(rec.Data)
	if err != nil {
		return p.reject(pos, raw, jsonstream.Describe(err))
	}
	done := map[string]bool{}
	if err := p.data(pg, data, done, pos); err != nil {
		return err
	}
	for _, t := range included {
		if done[t.o.id()] || t.o.AuthorID == "" {
			continue
		}
		done[t.o.id()] = true
		if err := p.tweet(pg, t.o, t.raw, pos); err != nil {
			return err
		}
	}
	return p.leftovers(pg, pos)
}

// decoded is an object with its JSON.
type decoded struct {
	o   *object
	raw []byte
}

// includes indexes a page's expansions and returns its included tweets.
func (p *parser) includes(pg *page, inc *includes, pos int64) ([]decoded, error) {
	if inc == nil {
		return nil, nil
	}
	for _, u := range inc.Users {
		if err := p.addUser(pg, u, pos); err != nil {
			return nil, err
		}
	}
	var out []decoded
	for _, t := range inc.Tweets {
		var o object
		if err := json.Unmarshal(t, &o); err != nil {
			if err := p.reject(pos, t, jsonstream.Describe(err)); err != nil {
				return nil, err
			}
			continue
		}
		id := o.id()
		if _, dup := pg.tweets[id]; !dup {
			pg.tweetOrder = append(pg.tweetOrder, id)
		}
		pg.tweets[id] = decoded{&o, t}
		out = append(out, decoded{&o, t})
	}
	return out, nil
}

// data handles a page's data: tweets, or users (liking_users, retweeted_by).
func (p *parser) data(pg *page, data []json.RawMessage, done map[string]bool, pos int64) error {
	var users []decoded
	for _, d := range data {
		var o object
		if err := json.Unmarshal(d, &o); err != nil {
			if err := p.reject(pos, d, jsonstream.Describe(err)); err != nil {
				return err
			}
			continue
		}
		if o.Username != "" && o.Text == nil {
			users = append(users, decoded{&o, d})
			continue
		}
		done[o.id()] = true
		if err := p.tweet(pg, &o, d, pos); err != nil {
			return err
		}
	}
	return p.users(users, pg.observed, pg.raw, pos)
}

// elements splits a page's data: an array, a single object, or nothing.
func elements(data json.RawMessage) ([]json.RawMessage, error) {
	switch {
	case len(data) == 0 || string(data) == "null":
		return nil, nil
	case data[0] == '[':
		var elems []json.RawMessage
		err := json.Unmarshal(data, &elems)
		return elems, err
	}
	return []json.RawMessage{data}, nil
}

// addUser indexes one includes.users entry.
func (p *parser) addUser(pg *page, raw []byte, pos int64) error {
	var o object
	if err := json.Unmarshal(raw, &o); err != nil {
		return p.reject(pos, raw, jsonstream.Describe(err))
	}
	id := o.id()
	if id == "" {
		return p.reject(pos, raw, errors.New("user has no id"))
	}
	if _, dup := pg.users[id]; !dup {
		pg.order = append(pg.order, id)
	}
	pg.users[id] = decoded{&o, raw}
	pg.byName[strings.ToLower(o.Username)] = id
	return nil
}

// users emits v2 user objects (a page's data, or a bare user) as one
// Actors-only record; raw is the page's or the user's JSON.
func (p *parser) users(users []decoded, at time.Time, raw []byte, pos int64) error {
	var ids []herald.Identity
	for _, u := range users {
		if u.o.id() == "" {
			if err := p.reject(pos, u.raw, errors.New("user has no id")); err != nil {
				return err
			}
			continue
		}
		ids = append(ids, v2Identity(u.o, at))
	}
	if len(ids) == 0 {
		return nil
	}
	return p.emit(herald.Record{Pos: pos, Raw: bytes.Clone(raw), Actors: ids})
}

// leftovers emits the page's included users that no record referenced, with
// the page's JSON (their ObservedAt may come from its tweets).
func (p *parser) leftovers(pg *page, pos int64) error {
	at := pg.observed
	if at.IsZero() {
		at = pg.latest
	}
	var ids []herald.Identity
	for _, id := range pg.order {
		if !pg.seen[id] {
			ids = append(ids, v2Identity(pg.users[id].o, at))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return p.emit(herald.Record{Pos: pos, Raw: bytes.Clone(pg.raw), Actors: ids})
}

// tweet emits one v2 tweet as a record, or rejects it.
func (p *parser) tweet(pg *page, o *object, raw []byte, pos int64) error {
	rec, err := pg.activity(o)
	if err != nil {
		return p.reject(pos, raw, err)
	}
	rec.Pos, rec.Raw = pos, pg.rawOf(o, raw)
	return p.emit(rec)
}

// activity converts a v2 tweet.
func (pg *page) activity(o *object) (herald.Record, error) {
	id := o.id()
	created, err := v2Check(o)
	if err != nil {
		return herald.Record{}, err
	}
	if created.After(pg.latest) {
		pg.latest = created
	}
	at := pg.observed
	if at.IsZero() {
		at = created
	}
	a := &herald.Activity{
		Network: herald.Twitter, ExternalID: id, Kind: herald.KindPost, CreatedAt: created,
		Lang: lang(o.Lang), Conversation: o.ConversationID, Metrics: v2Metrics(o.PublicMetrics),
		Author: pg.user(o.AuthorID, "", at),
	}
	a.URL = statusURL(a.Author.Handle, id)
	text, ent := o.text()
	if text != nil {
		a.Text = unescape(*text)
	}
	pg.references(a, o)
	a.Mentions, a.Hashtags = mentions(ent), hashtags(ent)
	a.Links = links(ent, id, a.Subject)
	a.Media = len(o.Attachments.MediaKeys)
	if a.Media == 0 {
		a.Media = mediaKeys(ent)
	}
	return herald.Record{Activity: a, Actors: pg.actors(o, ent, at)}, nil
}

// v2Check rejects a v2 tweet with no id, author or date, and returns its date.
func v2Check(o *object) (time.Time, error) {
	switch {
	case o.id() == "":
		return time.Time{}, errors.New("missing id")
	case o.AuthorID == "":
		return time.Time{}, errNoAuthor
	case o.CreatedAt == "":
		return time.Time{}, errors.New("missing created_at (request tweet.fields=created_at)")
	}
	created, err := time.Parse(time.RFC3339Nano, o.CreatedAt)
	if err != nil {
		return time.Time{}, fmt.Errorf("unparseable created_at %q", o.CreatedAt)
	}
	return created.UTC(), nil
}

// references sets the kind, subject and reply fields from referenced_tweets.
func (pg *page) references(a *herald.Activity, o *object) {
	var rt, qt, re string
	for _, r := range o.Referenced {
		switch r.Type {
		case "retweeted":
			rt = r.ID
		case "quoted":
			qt = r.ID
		case "replied_to":
			re = r.ID
		}
	}
	if re != "" {
		a.Kind, a.InReplyTo = herald.KindReply, re
		a.InReplyToAuthor = pg.handle(string(o.InReplyToUserID))
		if a.InReplyToAuthor == "" {
			a.InReplyToAuthor = pg.authorHandle(re)
		}
	}
	if qt != "" {
		if a.Kind == herald.KindPost {
			a.Kind = herald.KindQuote
		}
		a.Subject, a.SubjectAuthor = qt, pg.authorHandle(qt)
	}
	if rt != "" {
		a.Kind, a.Subject, a.SubjectAuthor = herald.KindShare, rt, pg.authorHandle(rt)
		a.Metrics = herald.UnknownMetrics()
	}
}

// actors returns the accounts a tweet references, other than its author:
// the user replied to, mentioned users with ids, referenced tweets' authors.
func (pg *page) actors(o *object, ent *entities, at time.Time) []herald.Identity {
	type ref struct{ id, handle string }
	refs := []ref{{string(o.InReplyToUserID), ""}}
	for _, m := range ent.Mentions {
		id := m.ID
		if id == "" {
			id = pg.byName[strings.ToLower(m.Username)]
		}
		refs = append(refs, ref{id, m.Username})
	}
	for _, r := range o.Referenced {
		if t := pg.tweets[r.ID].o; t != nil {
			refs = append(refs, ref{t.AuthorID, ""})
		}
	}
	var out []herald.Identity
	have := map[string]bool{o.AuthorID: true, "": true}
	for _, r := range refs {
		if !have[r.id] {
			have[r.id] = true
			out = append(out, pg.user(r.id, r.handle, at))
		}
	}
	return out
}

// user returns the identity of a user id, from includes.users when there.
func (pg *page) user(id, handle string, at time.Time) herald.Identity {
	pg.seen[id] = true
	if u := pg.users[id].o; u != nil {
		return v2Identity(u, at)
	}
	i := herald.Identity{Network: herald.Twitter, ExternalID: id, Handle: handle, Followers: -1, Following: -1, ObservedAt: at}
	if handle != "" {
		i.ProfileURL = profileURL(handle)
	}
	return i
}

// handle returns the username of a user id, if included.
func (pg *page) handle(id string) string {
	if u := pg.users[id].o; u != nil {
		return u.Username
	}
	return ""
}

// authorHandle returns the username of an included tweet's author.
func (pg *page) authorHandle(tweetID string) string {
	if t := pg.tweets[tweetID].o; t != nil {
		return pg.handle(t.AuthorID)
	}
	return ""
}

// v2Identity converts a v2 user object.
func v2Identity(u *object, at time.Time) herald.Identity {
	i := herald.Identity{
		Network: herald.Twitter, ExternalID: u.id(), Handle: u.Username, DisplayName: u.Name,
		Bio: u.Description, Followers: -1, Following: -1, ObservedAt: at,
	}
	if m := u.PublicMetrics; m != nil {
		i.Followers, i.Following = count(m.FollowersCount), count(m.FollowingCount)
	}
	if u.Username != "" {
		i.ProfileURL = profileURL(u.Username)
	}
	return i
}

// v2Metrics converts a v2 tweet's public_metrics.
func v2Metrics(m *metrics) herald.Metrics {
	if m == nil {
		return herald.UnknownMetrics()
	}
	return herald.Metrics{Likes: count(m.LikeCount), Shares: count(m.RetweetCount), Replies: count(m.ReplyCount), Quotes: count(m.QuoteCount)}
}

// text returns a tweet's text and the entities that go with it: the long
// text of a note tweet, else the text.
func (o *object) text() (*string, *entities) {
	if o.NoteTweet != nil && o.NoteTweet.Text != "" {
		if o.NoteTweet.Entities != nil {
			return &o.NoteTweet.Text, o.NoteTweet.Entities
		}
		return &o.NoteTweet.Text, &o.Entities
	}
	return o.Text, &o.Entities
}

// rawOf returns the Raw of tweet o of the page, whose JSON is raw: a bare
// tweet is its own Raw; a tweet of a page gets a page of its own, with what
// its record takes from the page: the included users and tweets it refers
// to (and, for those tweets, what they refer to, as they become records too
// when it is imported), and twarc's retrieval time.
func (pg *page) rawOf(o *object, raw []byte) []byte {
	if pg.bare {
		return bytes.Clone(raw)
	}
	users, tweets := map[string]bool{}, map[string]bool{}
	pg.refs(o, users, tweets)
	var b bytes.Buffer
	b.WriteString(`{"data":[`)
	b.Write(raw)
	b.WriteString("]")
	if len(users)+len(tweets) > 0 {
		b.WriteString(`,"includes":{`)
		writeList(&b, "users", pg.order, users, pg.users)
		if len(users) > 0 && len(tweets) > 0 {
			b.WriteString(",")
		}
		writeList(&b, "tweets", pg.tweetOrder, tweets, pg.tweets)
		b.WriteString("}")
	}
	if pg.twarc {
		if pg.twarcRaw == nil {
			var t struct {
				Twarc json.RawMessage `json:"__twarc"`
			}
			_ = json.Unmarshal(pg.raw, &t) // decoded before: cannot fail
			pg.twarcRaw = t.Twarc
		}
		b.WriteString(`,"__twarc":`)
		b.Write(pg.twarcRaw)
	}
	b.WriteString("}")
	return b.Bytes()
}

// refs adds the ids of the included users and tweets tweet o refers to,
// and of those its included tweets refer to, to users and tweets.
func (pg *page) refs(o *object, users, tweets map[string]bool) {
	user := func(id string) {
		if _, ok := pg.users[id]; ok {
			users[id] = true
		}
	}
	user(o.AuthorID)
	user(string(o.InReplyToUserID))
	_, ent := o.text()
	for _, m := range ent.Mentions {
		if m.ID != "" {
			user(m.ID)
		} else {
			user(pg.byName[strings.ToLower(m.Username)])
		}
	}
	for _, r := range o.Referenced {
		if t, ok := pg.tweets[r.ID]; ok && !tweets[r.ID] {
			tweets[r.ID] = true
			pg.refs(t.o, users, tweets)
		}
	}
}

// writeList writes the JSON of the entries of all whose ids are in set, in
// the order of ids, as the member name of an object.
func writeList(b *bytes.Buffer, name string, ids []string, set map[string]bool, all map[string]decoded) {
	if len(set) == 0 {
		return
	}
	b.WriteString(`"` + name + `":[`)
	sep := ""
	for _, id := range ids {
		if set[id] {
			b.WriteString(sep)
			b.Write(all[id].raw)
			sep = ","
		}
	}
	b.WriteString("]")
}

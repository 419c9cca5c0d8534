package twitter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// v1Layout is the v1.1 created_at format ("Wed Oct 10 20:19:24 +0000 2018").
const v1Layout = time.RubyDate

// v1 handles a v1.1 status: the status itself, then the retweeted and
// quoted statuses it embeds, each as its own record.
func (p *parser) v1(o *object, raw []byte, pos int64) error {
	return p.v1status(o, raw, pos, time.Time{}, map[string]bool{}, 0)
}

// v1status emits status o; at is when its author was observed (zero: at its
// own created_at); done holds the ids already emitted for this input record.
func (p *parser) v1status(o *object, raw []byte, pos int64, at time.Time, done map[string]bool, depth int) error {
	if done[o.id()] && o.id() != "" {
		return nil
	}
	done[o.id()] = true
	rt, rtErr := embedded(o.Retweeted)
	qt, qtErr := embedded(o.Quoted)
	rec, err := v1Activity(o, rt, qt, at)
	if err != nil {
		err = p.reject(pos, raw, err)
	} else {
		rec.Pos, rec.Raw, at = pos, bytes.Clone(raw), rec.Activity.Author.ObservedAt
		err = p.emit(rec)
	}
	if err != nil || depth >= 2 {
		return err
	}
	for _, e := range []struct {
		o   *object
		raw json.RawMessage
		err error
	}{{rt, o.Retweeted, rtErr}, {qt, o.Quoted, qtErr}} {
		switch {
		case e.err != nil:
			err = p.reject(pos, e.raw, e.err)
		case e.o != nil:
			err = p.v1status(e.o, e.raw, pos, at, done, depth+1)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// embedded decodes an embedded status (retweeted_status, quoted_status).
func embedded(raw json.RawMessage) (*object, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var o object
	if err := json.Unmarshal(raw, &o); err != nil {
		return nil, jsonstream.Describe(err)
	}
	return &o, nil
}

// v1Activity converts a v1.1 status; rt and qt are its embedded retweeted
// and quoted statuses, if any; at is when its author was observed (zero: at
// its created_at).
func v1Activity(o, rt, qt *object, at time.Time) (herald.Record, error) {
	id := o.id()
	created, err := v1Check(o)
	if err != nil {
		return herald.Record{}, err
	}
	if at.IsZero() {
		at = created
	}
	a := &herald.Activity{
		Network: herald.Twitter, ExternalID: id, Kind: herald.KindPost, CreatedAt: created,
		Lang: lang(o.Lang), Author: v1Identity(o.User, at), Conversation: id,
		Metrics: herald.Metrics{Likes: count(o.FavoriteCount), Shares: count(o.RetweetCount), Replies: count(o.ReplyCount), Quotes: count(o.QuoteCount)},
	}
	a.URL = statusURL(a.Author.Handle, id)
	ent := v1Text(a, o)
	actors := v1References(a, o, rt, qt, at)
	a.Mentions, a.Hashtags, a.Links = mentions(ent), hashtags(ent), links(ent, id, a.Subject)
	for _, m := range ent.UserMentions {
		if m.IDStr != "" {
			actors = append(actors, bareIdentity(m.IDStr, m.ScreenName, m.Name, at))
		}
	}
	return herald.Record{Activity: a, Actors: dedupe(actors, a.Author.ExternalID)}, nil
}

// v1Check rejects a status with no id, author or date, and returns its date.
func v1Check(o *object) (time.Time, error) {
	u := o.User
	switch {
	case o.id() == "":
		return time.Time{}, errors.New("missing id")
	case u == nil || u.IDStr == "" && u.ID == "" && u.ScreenName == "":
		return time.Time{}, errors.New("missing author")
	case o.CreatedAt == "":
		return time.Time{}, errors.New("missing created_at")
	}
	created, err := time.Parse(v1Layout, o.CreatedAt)
	if err != nil {
		return time.Time{}, fmt.Errorf("unparseable created_at %q", o.CreatedAt)
	}
	return created.UTC(), nil
}

// v1Text sets the text (the full text of an extended tweet) and media count,
// and returns the entities that go with the text.
func v1Text(a *herald.Activity, o *object) *entities {
	ent, media := &o.Entities, o.ExtendedEntities
	a.Text = o.FullText
	if o.Text != nil && a.Text == "" {
		a.Text = *o.Text
	}
	if x := o.Extended; x != nil && x.FullText != "" {
		a.Text = x.FullText
		if x.Entities != nil {
			ent = x.Entities
		}
		if x.ExtendedEntities != nil {
			media = x.ExtendedEntities
		}
	}
	a.Text = unescape(a.Text)
	a.Media = len(ent.Media)
	if media != nil && len(media.Media) > 0 {
		a.Media = len(media.Media)
	}
	return ent
}

// v1References sets the kind, reply and subject fields, and returns the
// accounts they name.
func v1References(a *herald.Activity, o, rt, qt *object, at time.Time) []herald.Identity {
	var actors []herald.Identity
	if o.InReplyToStatusIDStr != "" {
		a.Kind, a.InReplyTo, a.InReplyToAuthor, a.Conversation = herald.KindReply, o.InReplyToStatusIDStr, o.InReplyToScreenName, ""
		if o.InReplyToUserIDStr != "" {
			actors = append(actors, bareIdentity(o.InReplyToUserIDStr, o.InReplyToScreenName, "", at))
		}
	}
	if qt != nil || o.QuotedStatusIDStr != "" {
		if a.Kind == herald.KindPost {
			a.Kind = herald.KindQuote
		}
		a.Subject = o.QuotedStatusIDStr
		if qt != nil {
			a.Subject, a.SubjectAuthor = qt.id(), qt.User.handle()
			actors = appendUser(actors, qt.User, at)
		}
	}
	if rt != nil {
		a.Kind, a.Subject, a.SubjectAuthor, a.InReplyTo, a.InReplyToAuthor = herald.KindShare, rt.id(), rt.User.handle(), "", ""
		a.Metrics, actors = herald.UnknownMetrics(), appendUser(actors, rt.User, at)
	}
	return actors
}

// handle returns the user's screen name; u may be nil.
func (u *v1User) handle() string {
	if u == nil {
		return ""
	}
	return u.ScreenName
}

// appendUser appends the identity of an embedded status's author.
func appendUser(ids []herald.Identity, u *v1User, at time.Time) []herald.Identity {
	if u == nil || u.IDStr == "" && u.ID == "" {
		return ids
	}
	return append(ids, v1Identity(u, at))
}

// v1Identity converts a v1.1 user object.
func v1Identity(u *v1User, at time.Time) herald.Identity {
	id := u.IDStr
	if id == "" {
		id = string(u.ID)
	}
	i := bareIdentity(id, u.ScreenName, u.Name, at)
	i.Bio, i.Followers, i.Following = u.Description, count(u.FollowersCount), count(u.FriendsCount)
	return i
}

// bareIdentity is an account known by id, handle and name only.
func bareIdentity(id, handle, name string, at time.Time) herald.Identity {
	i := herald.Identity{Network: herald.Twitter, ExternalID: id, Handle: handle, DisplayName: name, Followers: -1, Following: -1, ObservedAt: at}
	if handle != "" {
		i.ProfileURL = profileURL(handle)
	}
	return i
}

// dedupe drops repeated accounts and the author from ids.
func dedupe(ids []herald.Identity, author string) []herald.Identity {
	seen := map[string]bool{author: true}
	out := ids[:0]
	for _, i := range ids {
		if !seen[i.ExternalID] {
			seen[i.ExternalID] = true
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

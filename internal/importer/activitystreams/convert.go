package activitystreams

import (
	"errors"
	"fmt"
	"time"

	"github.com/herald-advocacy/herald"
)

// Object types by what Herald does with them.
var (
	postTypes       = set("Note", "Article", "Page", "Question", "Image", "Video", "Audio", "Document", "Event")
	actorTypes      = set("Person", "Service", "Application", "Group", "Organization")
	collectionTypes = set("Collection", "OrderedCollection", "CollectionPage", "OrderedCollectionPage")
	// ignoredTypes are ActivityStreams (and common extension) types that
	// carry nothing Herald stores.
	ignoredTypes = set("Accept", "Reject", "TentativeAccept", "TentativeReject", "Add", "Remove",
		"Block", "Flag", "Ignore", "Invite", "Join", "Leave", "Offer", "Listen", "Read", "View",
		"Move", "Travel", "Arrive", "Dislike", "EmojiReact", "Link", "Mention", "Hashtag", "Place",
		"Profile", "Relationship", "Emoji", "PropertyValue", "IntransitiveActivity", "Activity", "Object")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// names interns the well-known type names.
var names = func() map[string]string {
	m := map[string]string{}
	for _, set := range []map[string]bool{postTypes, actorTypes, collectionTypes, ignoredTypes,
		set("Create", "Update", "Delete", "Undo", "Announce", "Like", "Follow", "Tombstone")} {
		for n := range set {
			m[n] = n
		}
	}
	return m
}()

func known(t string) bool {
	switch t {
	case "Create", "Update", "Delete", "Undo", "Announce", "Like", "Follow", "Tombstone":
		return true
	}
	return postTypes[t] || actorTypes[t] || collectionTypes[t] || ignoredTypes[t]
}

var (
	errMissingID       = errors.New("missing id")
	errMissingObjectID = errors.New("missing object id")
	errMissingDate     = errors.New("missing published date")
	errMissingType     = errors.New("missing type")
)

// convert maps one object or activity to the records it yields: none for
// collections (their items are handled by the caller) and ignored types.
func convert(o *object) ([]herald.Record, error) {
	switch t := o.Type; {
	case t == "Create", t == "Update":
		return create(o)
	case t == "Announce":
		return share(o)
	case t == "Like", t == "Follow":
		return reaction(o)
	case t == "Delete", t == "Undo":
		return tombstone(o)
	case t == "Tombstone":
		return tombstone(&object{Network: o.Network, Object: &ref{iri: o.ID}})
	case postTypes[t]:
		rec, err := post(o, nil)
		return one(rec, err)
	case actorTypes[t]:
		return actorOnly(o, o, timeOr(o.Updated))
	case collectionTypes[t]:
		return nil, nil
	case ignoredTypes[t]:
		if a := o.Actor.inline(); a != nil && a.ID != "" {
			return actorOnly(o, a, timeOr(o.Published))
		}
		return nil, nil
	case t == "":
		return nil, errMissingType
	}
	return nil, fmt.Errorf("unknown type %q", o.Type)
}

func one(rec herald.Record, err error) ([]herald.Record, error) {
	if err != nil {
		return nil, err
	}
	return []herald.Record{rec}, nil
}

// create maps Create and Update: a post (new or edited) or, for Update, an
// actor's new profile.
func create(act *object) ([]herald.Record, error) {
	o := act.Object.inline()
	switch {
	case o == nil && act.Object.id() != "":
		return nil, fmt.Errorf("%s of %s: the object is not embedded", act.Type, act.Object.id())
	case o == nil:
		return nil, errors.New("missing object")
	case postTypes[o.Type]:
		rec, err := post(o, act)
		return one(rec, err)
	case act.Type == "Update" && actorTypes[o.Type]:
		return actorOnly(act, o, timeOr(act.Published, act.Updated))
	case o.Type == "":
		return nil, errors.New("missing object type")
	}
	return nil, fmt.Errorf("unknown object type %q", o.Type)
}

// post maps a post object; act is the Create or Update that carried it.
func post(o, act *object) (herald.Record, error) {
	a, err := postHeader(o, act)
	if err != nil {
		return herald.Record{}, err
	}
	a.Kind, a.URL, a.Media = herald.KindPost, urlOf(o.URL), media(o.Attachment)
	a.Metrics = herald.Metrics{Likes: o.Likes.total(), Shares: o.Shares.total(), Replies: o.Replies.total(), Quotes: -1}
	a.Text, a.Lang, a.Links = text(o)
	if id := o.InReplyTo.id(); id != "" {
		a.Kind, a.InReplyTo = herald.KindReply, id
		a.InReplyToAuthor = authorHandle(o.InReplyTo.inline())
	}
	if id := o.Quote.id(); id != "" {
		a.Kind, a.Subject = herald.KindQuote, id
		a.SubjectAuthor = authorHandle(o.Quote.inline())
	}
	actors := make([]herald.Identity, 1, 1+o.Tag.count())
	actors[0] = a.Author
	a.Mentions, a.Hashtags, actors = tags(o.Tag, a.Network, actors)
	return herald.Record{Activity: a, Actors: actors}, nil
}

// postHeader checks a post's network, id, date and author.
func postHeader(o, act *object) (*herald.Activity, error) {
	net, err := network(act, o)
	if err != nil {
		return nil, err
	}
	if o.ID == "" {
		return nil, errMissingID
	}
	authorRef, actPublished := o.AttributedTo, ""
	if act != nil {
		actPublished = act.Published
		// The Create's actor, when inline, tells more than an IRI.
		if a := act.Actor.inline(); authorRef == nil || a != nil && authorRef.obj == nil && a.ID == authorRef.id() {
			authorRef = act.Actor
		}
	}
	created, err := parseTime(o.Published, actPublished)
	if err != nil {
		return nil, err
	}
	observed := created
	if act != nil && act.Type == "Update" {
		observed = timeOr(act.Published, act.Updated, o.Updated)
	}
	author, err := identity(authorRef, net, observed, "author")
	if err != nil {
		return nil, err
	}
	return &herald.Activity{Network: net, ExternalID: o.ID, Author: author, CreatedAt: created}, nil
}

// share maps an Announce. An inline announced post becomes a record too,
// whose Raw is the post's own JSON unless it takes its network from the
// Announce.
func share(act *object) ([]herald.Record, error) {
	rec, err := activity(act, herald.KindShare)
	if err != nil {
		return nil, err
	}
	e := act.Object.first()
	o := e.inline()
	if o == nil || !postTypes[o.Type] {
		return []herald.Record{rec}, nil
	}
	orig, err := post(o, &object{Network: act.Network})
	if err != nil {
		return []herald.Record{rec}, nil // the share stands on its own
	}
	if act.Network == "" {
		orig.Raw = e.raw
	}
	rec.Actors = addActor(rec.Actors, orig.Activity.Author)
	return []herald.Record{orig, rec}, nil
}

// reaction maps a Like or a Follow.
func reaction(act *object) ([]herald.Record, error) {
	kind := herald.KindLike
	if act.Type == "Follow" {
		kind = herald.KindFollow
	}
	rec, err := activity(act, kind)
	return one(rec, err)
}

// activity maps an activity whose object is its subject: Announce, Like,
// Follow. Of several objects the first with an id is the subject.
func activity(act *object, kind herald.Kind) (herald.Record, error) {
	subj := firstWithID(act.Object)
	net, err := network(act, subj.inline())
	if err != nil {
		return herald.Record{}, err
	}
	if act.ID == "" {
		return herald.Record{}, errMissingID
	}
	created, err := parseTime(act.Published)
	if err != nil {
		return herald.Record{}, err
	}
	actor, err := identity(act.Actor, net, created, "actor")
	if err != nil {
		return herald.Record{}, err
	}
	if subj.id() == "" {
		return herald.Record{}, errMissingObjectID
	}
	a := &herald.Activity{
		Network: net, ExternalID: act.ID, Kind: kind, Author: actor, CreatedAt: created,
		URL: urlOf(act.URL), Subject: subj.id(), Metrics: herald.UnknownMetrics(),
	}
	actors := []herald.Identity{actor}
	if kind == herald.KindFollow {
		a.SubjectAuthor = handleOf(subj)
		if followed, err := identity(subj, net, created, "object"); err == nil && subj.obj != nil {
			actors = addActor(actors, followed)
		}
	} else {
		a.SubjectAuthor = authorHandle(subj.inline())
	}
	return herald.Record{Activity: a, Actors: actors}, nil
}

func firstWithID(r *ref) *ref {
	var found *ref
	r.each(func(e *ref) {
		if found == nil && e.id() != "" {
			found = e
		}
	})
	return found
}

// tombstone maps a Delete or an Undo: the object's id (an IRI, or an inline
// object's id: the liked/announced/followed activity for an Undo) is gone.
// Deleting an actor (object = actor) deletes no activity: it is skipped.
func tombstone(act *object) ([]herald.Record, error) {
	net, err := network(act, act.Object.inline())
	if err != nil {
		return nil, err
	}
	id := act.Object.id()
	switch {
	case id == "":
		return nil, errMissingObjectID
	case id == act.Actor.id():
		return nil, nil
	}
	return []herald.Record{{Tombstone: &herald.Key{Network: net, ExternalID: id}}}, nil
}

// actorOnly maps an account observed without an activity.
func actorOnly(act, o *object, at time.Time) ([]herald.Record, error) {
	net, err := network(act, o)
	if err != nil {
		return nil, err
	}
	if o.ID == "" {
		return nil, errMissingID
	}
	id, err := identity(&ref{obj: o}, net, at, "actor")
	if err != nil {
		return nil, err
	}
	return []herald.Record{{Actors: []herald.Identity{id}}}, nil
}

// network returns the first "herald:network" of objs, else Mastodon (which
// stands for the whole fediverse).
func network(objs ...*object) (herald.Network, error) {
	for _, o := range objs {
		if o == nil || o.Network == "" {
			continue
		}
		if !herald.ValidNetwork(o.Network) {
			return "", fmt.Errorf("invalid herald:network %q", o.Network)
		}
		return herald.Network(o.Network), nil
	}
	return herald.Mastodon, nil
}

// parseTime parses the first non-empty of values as RFC 3339.
func parseTime(values ...string) (time.Time, error) {
	for _, v := range values {
		if v == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return time.Time{}, fmt.Errorf("invalid published date %q", v)
		}
		return t.UTC(), nil
	}
	return time.Time{}, errMissingDate
}

// timeOr is parseTime, zero when no value parses.
func timeOr(values ...string) time.Time {
	for _, v := range values {
		if t, err := parseTime(v); err == nil {
			return t
		}
	}
	return time.Time{}
}

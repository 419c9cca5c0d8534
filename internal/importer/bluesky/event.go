package bluesky

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

// Collections Herald stores.
const (
	collPost   = "app.bsky.feed.post"
	collLike   = "app.bsky.feed.like"
	collRepost = "app.bsky.feed.repost"
	collFollow = "app.bsky.graph.follow"
)

// event is a Jetstream v1 event.
type event struct {
	Did      string  `json:"did"`
	TimeUS   int64   `json:"time_us"`
	Kind     string  `json:"kind"`
	Commit   *commit `json:"commit"`
	Identity *struct {
		Handle string `json:"handle"`
	} `json:"identity"`
}

// commit is a Jetstream commit: one record operation.
type commit struct {
	Operation  string          `json:"operation"`
	Collection string          `json:"collection"`
	Rkey       string          `json:"rkey"`
	Record     json.RawMessage `json:"record"`
}

// convert decodes one line. A line that carries nothing Herald stores
// (blank, or a valid event of a kind Herald ignores) gives an empty record.
func convert(line []byte) herald.Record {
	if len(bytes.TrimSpace(line)) == 0 {
		return herald.Record{}
	}
	if err := jsonstream.CheckUTF8(line); err != nil {
		return herald.Record{Err: err}
	}
	var ev event
	if err := json.Unmarshal(line, &ev); err != nil {
		return herald.Record{Err: jsonstream.Describe(err)}
	}
	rec, err := ev.record()
	if err != nil {
		return herald.Record{Err: err}
	}
	return rec
}

// record converts a decoded event; an empty record means skip.
func (ev *event) record() (herald.Record, error) {
	switch {
	case ev.Kind == "":
		return herald.Record{}, errors.New("not a Jetstream event: no kind")
	case ev.Did == "":
		return herald.Record{}, errors.New("missing did (author)")
	case ev.Kind == "identity":
		return ev.identity(), nil
	case ev.Kind != "commit":
		return herald.Record{}, nil // account events and kinds added later
	case ev.Commit == nil:
		return herald.Record{}, errors.New("commit event without commit")
	}
	return ev.commit()
}

// identity converts an identity event: the account's new handle, if any.
func (ev *event) identity() herald.Record {
	if ev.Identity == nil || ev.Identity.Handle == "" {
		return herald.Record{}
	}
	id := ev.author()
	id.Handle = ev.Identity.Handle
	return herald.Record{Actors: []herald.Identity{id}}
}

// commit converts a commit event of a collection Herald stores.
func (ev *event) commit() (herald.Record, error) {
	c := ev.Commit
	switch c.Collection {
	case collPost, collLike, collRepost, collFollow:
	default:
		return herald.Record{}, nil
	}
	if c.Rkey == "" {
		return herald.Record{}, errors.New("missing rkey (id)")
	}
	uri := "at://" + ev.Did + "/" + c.Collection + "/" + c.Rkey
	switch c.Operation {
	case "delete":
		return herald.Record{Tombstone: &herald.Key{Network: herald.Bluesky, ExternalID: uri}}, nil
	case "create", "update":
	default:
		return herald.Record{}, nil
	}
	if len(c.Record) == 0 || string(c.Record) == "null" {
		return herald.Record{}, fmt.Errorf("%s %s without record", c.Operation, c.Collection)
	}
	a, err := ev.activity(uri)
	if err != nil {
		return herald.Record{}, err
	}
	return herald.Record{Activity: a}, nil
}

// author is the identity of the event's repo: a DID and nothing more.
func (ev *event) author() herald.Identity {
	return herald.Identity{
		Network: herald.Bluesky, ExternalID: ev.Did, Followers: -1, Following: -1,
		ProfileURL: "https://bsky.app/profile/" + ev.Did, ObservedAt: ev.observed(),
	}
}

// observed is when Jetstream received the event, or zero.
func (ev *event) observed() time.Time {
	if ev.TimeUS <= 0 {
		return time.Time{}
	}
	return time.UnixMicro(ev.TimeUS).UTC()
}

// activity converts the commit's record.
func (ev *event) activity(uri string) (*herald.Activity, error) {
	c := ev.Commit
	a := &herald.Activity{Network: herald.Bluesky, ExternalID: uri, Author: ev.author(), Metrics: herald.UnknownMetrics()}
	var created string
	var err error
	switch c.Collection {
	case collPost:
		created, err = post(a, c.Record, ev.Did, c.Rkey)
	case collLike:
		a.Kind = herald.KindLike
		created, err = subject(a, c.Record)
	case collRepost:
		a.Kind = herald.KindShare
		created, err = subject(a, c.Record)
	case collFollow:
		a.Kind = herald.KindFollow
		created, err = subject(a, c.Record)
	}
	if err != nil {
		return nil, err
	}
	a.CreatedAt, err = ev.createdAt(created)
	return a, err
}

// createdAt bounds the record's createdAt by time_us, falling back on
// time_us when createdAt is missing or unparseable.
func (ev *event) createdAt(s string) (time.Time, error) {
	recv := ev.observed()
	t, err := time.Parse(time.RFC3339Nano, s)
	switch {
	case err == nil && (recv.IsZero() || t.Before(recv)):
		return t.UTC(), nil
	case !recv.IsZero():
		return recv, nil
	case s == "":
		return time.Time{}, errors.New("missing createdAt and time_us")
	}
	return time.Time{}, fmt.Errorf("unparseable createdAt %q and no time_us", s)
}

// subject fills a like, repost or follow from its record.
func subject(a *herald.Activity, raw json.RawMessage) (created string, err error) {
	var r struct {
		CreatedAt string          `json:"createdAt"`
		Subject   json.RawMessage `json:"subject"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return "", jsonstream.Describe(err)
	}
	if a.Kind == herald.KindFollow {
		if err := json.Unmarshal(r.Subject, &a.Subject); err != nil || !strings.HasPrefix(a.Subject, "did:") {
			return "", errors.New("follow subject is not a DID")
		}
		a.SubjectAuthor = a.Subject
		return r.CreatedAt, nil
	}
	var ref strongRef
	if len(r.Subject) > 0 {
		if err := json.Unmarshal(r.Subject, &ref); err != nil {
			return "", jsonstream.Describe(err)
		}
	}
	if ref.URI == "" {
		return "", fmt.Errorf("%s has no subject uri", a.Kind)
	}
	a.Subject, a.SubjectAuthor = ref.URI, uriDID(ref.URI)
	return r.CreatedAt, nil
}

// strongRef is a com.atproto.repo.strongRef.
type strongRef struct {
	URI string `json:"uri"`
}

// uriDID returns the DID (authority) of an at:// URI.
func uriDID(uri string) string {
	rest, ok := strings.CutPrefix(uri, "at://")
	if !ok {
		return ""
	}
	did, _, _ := strings.Cut(rest, "/")
	return did
}

// uriCollection returns the collection of an at:// URI.
func uriCollection(uri string) string {
	parts := strings.SplitN(strings.TrimPrefix(uri, "at://"), "/", 3)
	if len(parts) < 2 {
		return ""
	}
	return parts[1]
}

// Package activitystreams imports ActivityStreams 2.0 (ActivityPub) JSON:
// one document (an object, an array, or a Collection whose items are
// streamed one by one), several concatenated documents, or JSON Lines. It is
// also Herald's own exchange format for activities: the extension property
// "herald:network" on an activity or its object names the network (default
// mastodon, which stands for the whole fediverse).
//
// Mapping decisions:
//   - Create/Update of a Note, Article, Page, Question, Image, Video, Audio,
//     Document or Event, or such an object on its own, is a post (a reply
//     when it has inReplyTo, a quote when it has quote/quoteUrl/quoteUri/
//     _misskey_quote). Its id is the activity's ExternalID; its author is
//     attributedTo, else the Create's actor. An Article's or Page's name
//     heads its text. Update of an actor is an Actors-only record.
//   - Announce is a share, Like a like, Follow a follow, keyed by the
//     activity's id, with Subject the object's id (of several, the first
//     with an id). An Announce of any object with an id is a share; an
//     inline announced post is emitted as a record of its own as well.
//   - Delete and Undo are tombstones of the object's id (an IRI, or an
//     inline object's id: the undone Like/Announce/Follow). Deleting an actor
//     deletes no activity and is skipped. Without an object id the record is
//     rejected ("missing object id"), so an Undo of an inline Offer without
//     an id is rejected.
//   - Records without an id, an author/actor with an id, or a published
//     date (activities; posts fall back on the Create's) are rejected: likes
//     and follows need one too, as every activity needs a timestamp.
//   - Actors: the author, mentioned accounts (from Mention tags, with a
//     zero ObservedAt as a mention is no snapshot of the account), the
//     followed account when inline, the announced post's author. A bare
//     actor IRI gives an identity whose handle is derived from the IRI.
//   - Actor documents on their own are Actors-only records observed at their
//     "updated" time (zero when absent). Known activity types that carry
//     nothing Herald stores (Accept, Block, Add, …) yield their inline actor,
//     if any; unknown types are rejected.
//   - Items of a post's inline replies collection are records of their own.
//   - A record's Raw is the JSON of the object it comes from: the line, the
//     array element or collection item, the item of an inline replies
//     collection; the post of a Create or Update carries the activity
//     (which gives it its author and date). An Announce's inline post
//     carries its own JSON, unless the Announce names its network
//     (herald:network): then it carries the Announce.
package activitystreams

import (
	"bytes"
	"context"
	"io"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// Name is the format's name for `herald import --format`.
const Name = "activitystreams"

// Sniff reports whether head — the first bytes of the input — looks like
// ActivityStreams: JSON naming the ActivityStreams context or the
// herald:network extension, or with a "type" that is an ActivityStreams
// activity, post or collection type next to an actor or attributedTo.
func Sniff(head []byte) bool {
	h := jsonstream.TrimHead(head)
	if len(h) == 0 || h[0] != '{' && h[0] != '[' {
		return false
	}
	if bytes.Contains(h, []byte("www.w3.org/ns/activitystreams")) || bytes.Contains(h, []byte(`"herald:network"`)) {
		return true
	}
	return hasASType(h) && (bytes.Contains(h, []byte(`"actor"`)) || bytes.Contains(h, []byte(`"attributedTo"`)) ||
		bytes.Contains(h, []byte(`"orderedItems"`)))
}

// hasASType reports whether h has a "type" member whose value is a
// known ActivityStreams type.
func hasASType(h []byte) bool {
	for {
		i := bytes.Index(h, []byte(`"type"`))
		if i < 0 {
			return false
		}
		h = bytes.TrimLeft(h[i+len(`"type"`):], " \t\r\n")
		if len(h) > 0 && h[0] == ':' {
			v := bytes.TrimLeft(h[1:], " \t\r\n")
			if len(v) > 0 && v[0] == '"' {
				if end := bytes.IndexByte(v[1:], '"'); end >= 0 && known(string(v[1:1+end])) {
					return true
				}
			}
		}
	}
}

// Parse streams records from r to emit until EOF. Per-record problems are
// emitted as records with Err; Parse returns an error only for a cancelled
// ctx, an input error, or an error returned by emit.
func Parse(ctx context.Context, r io.Reader, emit herald.Emit) error {
	br := jsonstream.NewReader(r)
	head, whole, err := jsonstream.Head(br)
	if err != nil {
		return err
	}
	p := &parser{ctx: ctx, emit: emit}
	if isDocument(head, whole) {
		return p.document(br)
	}
	return p.lines(br)
}

// isDocument tells a JSON document (an array, or an object spread over
// lines) from JSON Lines by the head of the input (all of it when whole):
// JSON Lines when the first non-blank line is a complete JSON value, or when
// a later line starting in column 0 is one (after a broken first line).
func isDocument(head []byte, whole bool) bool {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 || t[0] != '[' && t[0] != '{' {
		return false // garbage: rejected line by line
	}
	if t[0] == '[' {
		return true
	}
	n := 0
	for len(head) > 0 && n < 16 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else if head = nil; !whole {
			break // possibly cut: not a complete line
		}
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) == 0 {
			continue
		}
		n++
		if n == 1 && len(trimmed) == 1 {
			return true // a lone "{": pretty-printed
		}
		if (n == 1 || line[0] == '{') && validJSON(trimmed) {
			return false
		}
	}
	return n != 0 || !validJSON(bytes.TrimSpace(t))
}

func validJSON(b []byte) bool {
	s := scanner{data: b}
	s.skip()
	s.end()
	return s.err == nil
}

// parser holds the state of one Parse call.
type parser struct {
	ctx   context.Context
	emit  herald.Emit
	pos   int64 // position of the record being handled
	n     int   // records handled, for cancellation checks
	arena arena
}

// value handles one input record: a JSON object (or an array of them).
func (p *parser) value(raw []byte) error {
	if len(raw) > herald.MaxRecordBytes {
		return p.reject(raw, &jsonstream.TooLargeError{Limit: herald.MaxRecordBytes})
	}
	if err := jsonstream.CheckUTF8(raw); err != nil {
		return p.reject(raw, err)
	}
	v, err := decode(raw, &p.arena)
	if err != nil {
		return p.reject(raw, err)
	}
	return p.node(v, true)
}

// node handles a decoded value: top is false for collection items, where
// IRIs (items by reference) are skipped.
func (p *parser) node(v *ref, top bool) error {
	switch {
	case v.obj != nil:
		return p.object(v.obj, v.raw)
	case v.list != nil:
		for i := range v.list {
			if err := p.node(&v.list[i], top); err != nil {
				return err
			}
		}
		return nil
	case top:
		return p.reject(v.raw, errNotObject)
	}
	return nil
}

// object emits the records of one object, then handles the items of its
// inline collections. raw is the object's input bytes: the Raw of its
// records, unless convert sets a smaller one.
func (p *parser) object(o *object, raw []byte) error {
	if p.n++; p.n%256 == 0 {
		if err := p.ctx.Err(); err != nil {
			return err
		}
	}
	recs, err := convert(o)
	if err != nil {
		if err := p.reject(raw, err); err != nil {
			return err
		}
	}
	for _, rec := range recs {
		rec.Pos = p.pos
		if rec.Raw == nil {
			rec.Raw = raw
		}
		rec.Raw = bytes.Clone(rec.Raw)
		if err := p.emit(rec); err != nil {
			return err
		}
	}
	return p.items(o)
}

// items handles the items of o's inline collections: a collection's items
// and first page, a post's replies (also of the post a Create carries).
// Items given by IRI only are skipped.
func (p *parser) items(o *object) error {
	if o == nil {
		return nil
	}
	if o.Items != nil {
		if err := p.node(o.Items, false); err != nil {
			return err
		}
	}
	if o.First != nil {
		if err := p.items(o.First.obj); err != nil {
			return err
		}
	}
	if o.Replies != nil {
		if err := p.items(o.Replies.obj); err != nil {
			return err
		}
	}
	if o.Type == "Create" || o.Type == "Update" {
		if in := o.Object.inline(); in != nil && postTypes[in.Type] {
			return p.items(&object{Replies: in.Replies})
		}
	}
	return nil
}

// reject emits a rejected record with a copy of its input bytes.
func (p *parser) reject(raw []byte, err error) error {
	return p.emit(herald.Record{Pos: p.pos, Raw: append([]byte{}, raw...), Err: err})
}

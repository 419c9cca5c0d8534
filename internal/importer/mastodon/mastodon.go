// Package mastodon imports Mastodon REST API entities and streaming events:
// a Status, a Notification, an Account, a Conversation, or an array of any
// of them (streamed element by element), as one JSON document, several
// concatenated, or JSON Lines; and the streaming API's Server-Sent Events
// text (event: update / status.update / notification / conversation).
//
// Mapping decisions:
//   - ExternalID of a status is its uri (the ActivityPub IRI, global across
//     instances); of an account its uri, else its url. Handles are acct made
//     fully qualified with the host of the account's url.
//   - in_reply_to_id is local to the instance that served the payload, so
//     it cannot become InReplyTo: it is kept in
//     Attributes["mastodon_in_reply_to_id"], next to "mastodon_id" (the
//     status id), "mastodon_visibility" and "mastodon_spoiler_text". The
//     replied-to author comes from the mention with in_reply_to_account_id.
//   - A reblog wrapper yields the original status and a share by the
//     booster (metrics unknown); a quote (4.5+ quote, or Fedibird's) yields
//     the quoted status, when embedded, and the quote.
//   - Mentioned accounts are not added to Actors: a mention carries no uri,
//     only the instance-local id and the profile url.
//   - Accounts on their own (favourited_by, reblogged_by) are Actors-only
//     records observed at a zero time: the payload does not tell when.
//   - Streaming "delete" events carry an instance-local id only, and are
//     skipped like heartbeats and other events.
//   - A record's Raw is the JSON entity it comes from (a value, or an array
//     element), except that the records of a reblogged or quoted status
//     carry that status's JSON, which re-imports on its own; records that
//     hold accounts seen around their status (a notification's, a
//     conversation's) carry the whole entity. The records of a streaming
//     event carry the event's field lines, so that they re-import as SSE.
package mastodon

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// Name is the format's name for `herald import --format`.
const Name = "mastodon"

// Sniff reports whether head — the first bytes of the input — looks like
// Mastodon API JSON (entities with an "acct") or streaming SSE text.
func Sniff(head []byte) bool {
	h := jsonstream.TrimHead(head)
	switch {
	case len(h) == 0:
		return false
	case isSSE(h):
		return bytes.Contains(h, []byte("event: ")) || bytes.Contains(h, []byte("event:"))
	case h[0] != '{' && h[0] != '[':
		return false
	case bytes.Contains(h, []byte("www.w3.org/ns/activitystreams")):
		return false
	}
	return bytes.Contains(h, []byte(`"acct"`)) ||
		bytes.Contains(h, []byte(`"visibility"`)) && bytes.Contains(h, []byte(`"spoiler_text"`))
}

// isSSE reports whether h starts like Server-Sent Events: a comment or a
// field line.
func isSSE(h []byte) bool {
	if h[0] == ':' {
		return true
	}
	for _, f := range []string{"event:", "data:", "id:", "retry:"} {
		if bytes.HasPrefix(h, []byte(f)) {
			return true
		}
	}
	return false
}

// Parse streams records from r to emit until EOF. Per-record problems are
// emitted as records with Err; Parse returns an error only for a cancelled
// ctx, an input error, or an error returned by emit.
func Parse(ctx context.Context, r io.Reader, emit herald.Emit) error {
	br := jsonstream.NewReader(r)
	head, _, err := jsonstream.Head(br)
	if err != nil {
		return err
	}
	p := &parser{ctx: ctx, emit: emit}
	if h := jsonstream.TrimHead(head); len(h) > 0 && isSSE(h) {
		return p.sse(br)
	}
	return p.document(br)
}

// parser holds the state of one Parse call.
type parser struct {
	ctx  context.Context
	emit herald.Emit
	pos  int64 // position of the record being handled
	n    int   // records handled, for cancellation checks
}

var errNotObject = errors.New("not a JSON object")

// value handles one record: a JSON entity, or an array of them.
func (p *parser) value(raw []byte) error {
	return p.record(bytes.TrimSpace(raw), nil)
}

// record handles one record whose JSON is data; event is the SSE event that
// carried it, or nil. The records of a JSON entity carry its bytes as Raw,
// but for statuses embedded in it that yield records of their own (a
// reblogged or quoted status); the records of an SSE event all carry the
// event, so that they re-import as SSE.
func (p *parser) record(data, event []byte) error {
	raw := data
	if event != nil {
		raw = event
	}
	if p.n++; p.n%256 == 0 {
		if err := p.ctx.Err(); err != nil {
			return err
		}
	}
	switch {
	case len(data) > herald.MaxRecordBytes:
		return p.reject(raw, &jsonstream.TooLargeError{Limit: herald.MaxRecordBytes})
	case jsonstream.CheckUTF8(data) != nil:
		return p.reject(raw, jsonstream.CheckUTF8(data))
	case len(data) > 0 && data[0] == '[':
		var elems []json.RawMessage
		if err := json.Unmarshal(data, &elems); err != nil {
			return p.reject(raw, describe(err))
		}
		for _, e := range elems {
			if err := p.value(e); err != nil {
				return err
			}
		}
		return nil
	case len(data) == 0 || data[0] != '{':
		return p.reject(raw, describe(json.Unmarshal(data, new(struct{}))))
	}
	recs, err := entity(data)
	if err != nil {
		return p.reject(raw, err)
	}
	for _, rec := range recs {
		rec.Pos = p.pos
		if rec.Raw == nil || event != nil {
			rec.Raw = raw
		}
		rec.Raw = bytes.Clone(rec.Raw)
		if err := p.emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// entity decodes one JSON object, tells which entity it is by its members,
// and maps it.
func entity(raw []byte) ([]herald.Record, error) {
	var pr probe
	if err := unmarshal(raw, &pr); err != nil {
		return nil, err
	}
	switch {
	case pr.LastStatus != nil || pr.Accounts != nil && pr.Acct == nil:
		var c conversation
		return decodeThen(raw, &c, func() ([]herald.Record, error) { return conversationRecords(&c) })
	case pr.Content != nil:
		var s status
		return decodeThen(raw, &s, func() ([]herald.Record, error) { return statusRecords(&s) })
	case pr.Type != "" && pr.Acct == nil && (pr.Account != nil || pr.Status != nil || pr.CreatedAt != nil):
		var n notification
		return decodeThen(raw, &n, func() ([]herald.Record, error) { return notificationRecords(&n) })
	case pr.Acct != nil:
		var a account
		return decodeThen(raw, &a, func() ([]herald.Record, error) { return accountRecords(&a) })
	}
	return nil, errors.New("not a Mastodon status, notification, account or conversation")
}

func decodeThen(raw []byte, v any, then func() ([]herald.Record, error)) ([]herald.Record, error) {
	if err := unmarshal(raw, v); err != nil {
		return nil, err
	}
	return then()
}

// unmarshal decodes leniently: a member of an unexpected type is left
// empty, as encoding/json does while it decodes the rest.
func unmarshal(raw []byte, v any) error {
	err := json.Unmarshal(raw, v)
	var te *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &te) {
		return describe(err)
	}
	return nil
}

// describe turns an encoding/json error into a rejection reason.
func describe(err error) error {
	var te *json.UnmarshalTypeError
	switch {
	case err == nil, errors.As(err, &te):
		return errNotObject
	case jsonstream.Truncated(err):
		return jsonstream.ErrTruncated
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

// reject emits a rejected record with a copy of its input bytes.
func (p *parser) reject(raw []byte, err error) error {
	return p.emit(herald.Record{Pos: p.pos, Raw: append([]byte{}, raw...), Err: err})
}

// Package twitter imports X/Twitter data: API v2 response pages (one JSON
// document, or JSON Lines of pages as written by twarc2) and classic v1.1
// status objects (JSON Lines as from the streaming and statuses APIs, or a
// JSON array as from the timeline APIs). v1.1 and v2 are told apart per
// record, so one file may mix them.
//
// Input that opens with '[' is a JSON array, streamed element by element.
// Input whose first line is an incomplete JSON object, and whose next line
// does not start a new object, is a pretty-printed document (one value, or
// several one after another). Pos is then the element or value number; a
// value that cannot be decoded ends such a document. Anything else is JSON
// Lines and Pos is the line number. Records derived from one page or status
// share its Pos.
//
// Raw is the JSON of the smallest input element a record comes from that
// Parse accepts on its own: a v1.1 status (an embedded retweeted or quoted
// status is one of its own; its author's ObservedAt then becomes its own
// created_at); a delete notice; a bare v2 tweet or user. A tweet of a v2
// page (data or includes.tweets) gets a page of its own made of the input's
// JSON: {"data":[<tweet>],"includes":{"users":[…],"tweets":[…]},
// "__twarc":…} with the included users and tweets its record refers to
// (and what those tweets refer to), and twarc's member. Actors-only records
// of a page (users pages, included users no tweet referred to) carry the
// whole page. A rejected tweet carries the tweet object alone.
//
// Mapping decisions:
//   - Each tweet of a page's data becomes one record; referenced tweets in
//     includes.tweets that carry an author_id become records too, and so do
//     a v1.1 status's retweeted_status and quoted_status. Users of
//     includes.users go in the Actors of the records that reference them;
//     the rest, and pages whose data are users (liking_users, retweeted_by),
//     become Actors-only records.
//   - A tweet with no author_id (a request without the author_id expansion)
//     is rejected: it cannot become an activity. Its Raw is the tweet object,
//     which Parse accepts on its own once the author_id is added.
//   - Kind: a retweet is a share; else a reply (replied_to); else a quote.
//     A share's metrics are unknown: the API reports the original's counts.
//   - ObservedAt of accounts is twarc's retrieved_at when present, else the
//     time of the tweet they were seen with (zero for user-only pages).
//   - ProfileURL is https://twitter.com/<username>; the user's url field is
//     their website, not their profile.
//   - Text is HTML-unescaped; Lang drops "und" and Twitter's own codes
//     (qme, qht, …). Ids stay strings.
package twitter

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// Name is the format's name for `herald import --format`.
const Name = "twitter"

// maxRecord bounds one input record (a line or a document value). Tests lower it.
var maxRecord = herald.MaxRecordBytes

// Sniff reports whether head — the first bytes of the input — looks like X
// API v2 pages or v1.1 statuses.
func Sniff(head []byte) bool {
	h := jsonstream.TrimHead(head)
	if len(h) == 0 || h[0] != '{' && h[0] != '[' {
		return false
	}
	has := func(s string) bool { return bytes.Contains(h, []byte(s)) }
	switch {
	case has(`"id_str"`) && (has(`"screen_name"`) || has(`"user_id_str"`)):
		return true // v1.1 statuses or delete notices
	case has(`"__twarc"`), has(`"edit_history_tweet_ids"`), has(`"author_id"`), has(`"referenced_tweets"`):
		return true
	case has(`"data"`) && !has(`"kind"`) && (has(`"username"`) || has(`"text"`)):
		return true // minimal v2 pages: tweets with id and text, or users
	}
	return false
}

// Parse streams records from r to emit until EOF. Per-record problems are
// emitted as records with Err; Parse returns an error only for a cancelled
// ctx, an input error, or an error returned by emit.
func Parse(ctx context.Context, r io.Reader, emit herald.Emit) error {
	p := &parser{ctx: ctx, emit: emit}
	br := jsonstream.NewReader(r)
	head, _, err := jsonstream.Head(br)
	if err != nil {
		return err
	}
	if bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("[")) {
		return p.doc(br) // a JSON array of any size, streamed element by element
	}
	lr := jsonstream.NewLineReader(br, maxRecord)
	first := true
	for line, long := range lr.Lines() {
		t := bytes.TrimSpace(line)
		if first && len(t) > 0 && !long && t[0] == '{' && !json.Valid(t) {
			line = bytes.Clone(line) // nextIsObject reads on
			if !nextIsObject(br) {
				doc := io.MultiReader(bytes.NewReader(append(line, lr.EOL()...)), br)
				return p.doc(doc) // a pretty-printed document
			}
		}
		first = first && len(t) == 0
		if err := p.line(lr, line, long); err != nil {
			return err
		}
	}
	return lr.Err()
}

// nextIsObject reports whether the next non-blank input starts a JSON object
// (then the first line was a broken JSON Lines record, not the start of a
// pretty-printed document).
func nextIsObject(br *bufio.Reader) bool {
	b, _ := br.Peek(4096)
	t := bytes.TrimLeft(b, " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

type parser struct {
	ctx  context.Context
	emit herald.Emit
	n    int // records handled, for ctx checks
}

func (p *parser) line(lr *jsonstream.LineReader, line []byte, long bool) error {
	if long {
		return p.reject(lr.N, line, lr.LongErr())
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return nil
	}
	return p.handle(line, lr.N)
}

// doc handles a JSON document: its values, or its top-level arrays'
// elements, are the records.
func (p *parser) doc(r io.Reader) error {
	var pos int64
	return jsonstream.Stream(r, jsonstream.Options{Limit: maxRecord}, func(v jsonstream.Value) error {
		pos++
		if v.Err != nil {
			return p.reject(pos, v.Raw, jsonstream.Describe(v.Err))
		}
		return p.handle(v.Raw, pos)
	})
}

// handle decodes one record: an object, or an array of objects.
func (p *parser) handle(raw []byte, pos int64) error {
	if p.n++; p.n%256 == 0 {
		if err := p.ctx.Err(); err != nil {
			return err
		}
	}
	if err := jsonstream.CheckUTF8(raw); err != nil {
		return p.reject(pos, raw, err)
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '[' {
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			return p.reject(pos, raw, jsonstream.Describe(err))
		}
		for _, e := range elems {
			if err := p.object(e, pos); err != nil {
				return err
			}
		}
		return nil
	}
	return p.object(raw, pos)
}

// object dispatches one JSON object on its shape.
func (p *parser) object(raw []byte, pos int64) error {
	if len(raw) == 0 || raw[0] != '{' {
		var v json.RawMessage
		if err := json.Unmarshal(raw, &v); err != nil {
			return p.reject(pos, raw, jsonstream.Describe(err))
		}
		return p.reject(pos, raw, errors.New("not a JSON object"))
	}
	var rec record
	if err := json.Unmarshal(raw, &rec); err != nil {
		return p.reject(pos, raw, jsonstream.Describe(err))
	}
	switch {
	case rec.Delete != nil:
		return p.tombstone(&rec, raw, pos)
	case rec.page():
		return p.page(&rec, raw, pos)
	case rec.User != nil || rec.IDStr != "":
		return p.v1(&rec.object, raw, pos)
	case rec.Username != "" && rec.Text == nil:
		return p.users([]decoded{{&rec.object, raw}}, time.Time{}, raw, pos)
	case rec.ID != "" || rec.Text != nil:
		return p.page(&record{Data: raw, bare: true}, raw, pos)
	case rec.notice():
		return nil
	}
	return p.reject(pos, raw, errors.New("not a Twitter record: no data, id, id_str or delete"))
}

// tombstone handles a v1.1 delete notice.
func (p *parser) tombstone(rec *record, raw []byte, pos int64) error {
	id := rec.Delete.Status.IDStr
	if id == "" {
		id = string(rec.Delete.Status.ID)
	}
	if id == "" {
		return p.reject(pos, raw, errors.New("delete notice has no status id"))
	}
	return p.emit(herald.Record{Pos: pos, Raw: bytes.Clone(raw), Tombstone: &herald.Key{Network: herald.Twitter, ExternalID: id}})
}

// reject emits a rejected record with a copy of raw.
func (p *parser) reject(pos int64, raw []byte, err error) error {
	return p.emit(herald.Record{Pos: pos, Raw: bytes.Clone(raw), Err: err})
}

// Package bluesky imports Bluesky Jetstream v1 events: JSON Lines, one event
// per line, as served by wss://jetstream…/subscribe.
//
// Mapping decisions:
//   - Commits that create (or update) app.bsky.feed.post, app.bsky.feed.like,
//     app.bsky.feed.repost and app.bsky.graph.follow records become
//     activities (post or reply, like, share, follow); a post embedding
//     another post (app.bsky.embed.record, recordWithMedia) is a quote.
//     Deletes of those collections become tombstones. Other collections
//     (blocks, profiles, statuses, non-app.bsky lexicons), other operations
//     and account events are skipped.
//   - Ids are at:// URIs (at://<did>/<collection>/<rkey>); accounts are keyed
//     by DID. Commits carry no handle, so Author.Handle is empty and
//     Mentions, InReplyToAuthor and SubjectAuthor hold DIDs. An identity
//     event that carries a handle becomes an Actors-only record; one without
//     a handle observes nothing new and is skipped.
//   - CreatedAt is the record's createdAt, a client-set time, bounded by the
//     event's time_us (when Jetstream received it: nothing happened later
//     than that, so a client clock running ahead is corrected). When
//     createdAt is missing or unparseable, time_us is used; with no time_us
//     either, the event is rejected. ObservedAt is time_us.
//   - Facet features give mentions (DIDs), tags and links directly, so the
//     UTF-8 byte offsets of facets are not needed. An external embed's URI
//     is a link; images count one each, a video one.
//   - The firehose carries no counts: Metrics are unknown.
//   - Raw is the event's line.
package bluesky

import (
	"bytes"
	"context"
	"io"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// Name is the format's name for `herald import --format`.
const Name = "bluesky"

// maxRecord bounds one input line. Tests lower it.
var maxRecord = herald.MaxRecordBytes

// Sniff reports whether head — the first bytes of the input — looks like
// Jetstream events.
func Sniff(head []byte) bool {
	h := jsonstream.TrimHead(head)
	if len(h) == 0 || h[0] != '{' {
		return false
	}
	line, _, _ := bytes.Cut(h, []byte("\n"))
	for _, key := range []string{`"did"`, `"time_us"`, `"kind"`} {
		if !bytes.Contains(line, []byte(key)) {
			return false
		}
	}
	return true
}

// Parse streams records from r to emit until EOF. Per-record problems are
// emitted as records with Err; Parse returns an error only for a cancelled
// ctx, an input error, or an error returned by emit.
func Parse(ctx context.Context, r io.Reader, emit herald.Emit) error {
	lr := jsonstream.NewLineReader(jsonstream.NewReader(r), maxRecord)
	for line, long := range lr.Lines() {
		if lr.N%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var rec herald.Record
		if long {
			rec.Err = lr.LongErr()
		} else if rec = convert(line); rec.Err == nil && rec.Activity == nil && rec.Actors == nil && rec.Tombstone == nil {
			continue // blank, or an event Herald does not store
		}
		rec.Pos, rec.Raw = lr.N, bytes.Clone(line)
		if err := emit(rec); err != nil {
			return err
		}
	}
	return lr.Err()
}

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
package bluesky

import (
	"bufio"
	"bytes"
	"context"
	"io"

	"github.com/herald-advocacy/herald"
)

// Name is the format's name for `herald import --format`.
const Name = "bluesky"

// Sniff reports whether head — the first bytes of the input — looks like
// Jetstream events.
func Sniff(head []byte) bool {
	h := bytes.TrimLeft(head, " \t\r\n")
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
	lr := &lineReader{br: bufio.NewReaderSize(ioReader{r}, 64<<10)}
	for {
		line, long, err := lr.next()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return ioErr(err)
		}
		if lr.n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, skip := convert(line, long)
		if skip {
			continue
		}
		rec.Pos = lr.n
		if rec.Err != nil {
			rec.Raw = bytes.Clone(line)
		}
		if err := emit(rec); err != nil {
			return err
		}
	}
}

// ioErr unwraps an input error.
func ioErr(err error) error {
	if e := asIOError(err); e != nil {
		return e
	}
	return err
}

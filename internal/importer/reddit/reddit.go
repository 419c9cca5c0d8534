// Package reddit imports Reddit API listing JSON: a Listing document
// ({"kind":"Listing",…}, as from /r/…/new, /search or /api/info), an array
// of Listings (the /comments/{id} shape: the submission, then the comment
// tree), or several such documents one after the other.
//
// Mapping decisions:
//   - t3 submissions become posts: Text is the title, then a blank line and
//     the selftext; a link post's url is a link. t1 comments become replies
//     to parent_id in the conversation link_id; their nested replies
//     Listings are walked in document order. kind "more" stubs and other
//     kinds (accounts, subreddits, messages) are skipped.
//   - Ids are fullnames (t3_…, t1_…). An author is keyed by author_fullname
//     (t2_…) when present, else by "@" and the lower-cased username, the key
//     herald.Identity.Normalize gives handle-only accounts. [deleted]
//     authors are rejected: the activity cannot be attributed.
//   - Pos numbers the t1/t3 items (and rejected values) in document order.
//     An item's Raw is its thing JSON ({"kind":…,"data":…}, with the
//     replies nested in it), which Parse accepts on its own; a comment
//     imported so loses its InReplyToAuthor, which comes from its parent.
//   - Metrics.Likes is the score, Replies a submission's num_comments;
//     subreddit goes in Attributes["subreddit"]. u/name references in the
//     text are mentions. Texts fetched without raw_json=1 have &amp; &lt;
//     &gt; escaped: they are unescaped when the text holds no raw '<' or '>'.
package reddit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// Name is the format's name for `herald import --format`.
const Name = "reddit"

// maxRecord bounds one top-level JSON value (a Listing). Tests lower it.
var maxRecord = herald.MaxRecordBytes

// Sniff reports whether head — the first bytes of the input — looks like
// Reddit listing JSON.
func Sniff(head []byte) bool {
	h := jsonstream.TrimHead(head)
	if len(h) == 0 || h[0] != '{' && h[0] != '[' {
		return false
	}
	has := func(s string) bool { return bytes.Contains(h, []byte(s)) }
	return has(`"kind"`) && has(`"data"`) && (has(`"Listing"`) || has(`"t3"`) || has(`"t1"`))
}

// Parse streams records from r to emit until EOF. Per-record problems are
// emitted as records with Err; Parse returns an error only for a cancelled
// ctx, an input error, or an error returned by emit.
func Parse(ctx context.Context, r io.Reader, emit herald.Emit) error {
	w := &walker{ctx: ctx, emit: emit, authors: map[string]string{}}
	return jsonstream.Stream(jsonstream.NewReader(r), jsonstream.Options{Limit: maxRecord}, func(v jsonstream.Value) error {
		if v.Err != nil {
			return w.reject(w.next(), v.Raw, jsonstream.Describe(v.Err))
		}
		return w.value(v.Raw)
	})
}

// walker walks listings in document order.
type walker struct {
	ctx     context.Context
	emit    herald.Emit
	pos     int64             // number of the last item
	authors map[string]string // fullname → author, for InReplyToAuthor
}

// next numbers the next item.
func (w *walker) next() int64 {
	w.pos++
	return w.pos
}

// thing is a Reddit thing: {"kind": …, "data": …}.
type thing struct {
	Kind string          `json:"kind"`
	Data json.RawMessage `json:"data"`
}

// value handles a top-level value: a Listing, a thing, or an array of them.
func (w *walker) value(raw []byte) error {
	if err := jsonstream.CheckUTF8(raw); err != nil {
		return w.reject(w.next(), raw, err)
	}
	if raw[0] != '[' {
		return w.thing(raw, 0)
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		return w.reject(w.next(), raw, jsonstream.Describe(err))
	}
	for _, e := range elems {
		if err := w.thing(e, 0); err != nil {
			return err
		}
	}
	return nil
}

// maxDepth bounds the nesting walked (a Listing and an item each count one):
// each level decodes its subtree again. Reddit serves about ten levels of
// replies before "continue this thread" stubs.
const maxDepth = 200

// thing handles one thing at nesting depth.
func (w *walker) thing(raw []byte, depth int) error {
	if w.pos%256 == 0 {
		if err := w.ctx.Err(); err != nil {
			return err
		}
	}
	var t thing
	if err := json.Unmarshal(raw, &t); err != nil {
		return w.reject(w.next(), raw, jsonstream.Describe(err))
	}
	switch t.Kind {
	case "Listing":
		var l struct {
			Children []json.RawMessage `json:"children"`
		}
		if err := json.Unmarshal(t.Data, &l); err != nil {
			return w.reject(w.next(), raw, jsonstream.Describe(err))
		}
		if depth >= maxDepth {
			return w.reject(w.next(), raw, errors.New("replies nested too deep"))
		}
		for _, c := range l.Children {
			if err := w.thing(c, depth+1); err != nil {
				return err
			}
		}
		return nil
	case "t1", "t3":
		return w.item(t.Kind, t.Data, raw, depth)
	case "":
		return w.reject(w.next(), raw, errors.New("not a Reddit listing or thing: no kind"))
	}
	return nil // "more" stubs, accounts, subreddits, messages…
}

// reject emits a rejected record with a copy of raw.
func (w *walker) reject(pos int64, raw []byte, err error) error {
	return w.emit(herald.Record{Pos: pos, Raw: bytes.Clone(raw), Err: err})
}

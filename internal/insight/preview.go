package insight

import (
	"context"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/text/query"
)

// QueryPreview is what a brand query matches among a workspace's latest
// posts: what the settings page shows while a query is being edited.
type QueryPreview struct {
	Query   string     `json:"query"`   // the query as parsed (normalized)
	Scanned int        `json:"scanned"` // latest posts with text that were tried
	Matched int        `json:"matched"` // how many of them match
	Hits    []QueryHit `json:"hits"`    // the newest matches, at most the limit
}

// QueryHit is one matching post and the matched parts of its text (byte
// offsets).
type QueryHit struct {
	Activity herald.Activity `json:"-"`
	Spans    []query.Span    `json:"spans"`
}

// PreviewQuery parses src and runs it over the workspace's latest posts
// with text, newest first: up to scan of them, keeping the first limit
// matches. A malformed query is a *query.Error (line and column).
func PreviewQuery(ctx context.Context, db *store.DB, ws int64, src string, scan, limit int) (*QueryPreview, error) {
	q, err := query.Parse(src)
	if err != nil {
		return nil, err
	}
	out := &QueryPreview{Query: q.String(), Hits: []QueryHit{}}
	f := store.ActivityFilter{Newest: true, Limit: 500}
	// Likes and plain shares carry no text: bound the rows read as well.
	for read := 0; out.Scanned < scan && read < 20*scan; {
		acts, err := db.Activities(ctx, ws, f)
		if err != nil {
			return nil, err
		}
		for _, a := range acts {
			if a.Text == "" || out.Scanned >= scan {
				continue
			}
			out.Scanned++
			ok, spans := q.Match(a.Text)
			if !ok {
				continue
			}
			out.Matched++
			if len(out.Hits) < limit {
				out.Hits = append(out.Hits, QueryHit{Activity: a, Spans: spans})
			}
		}
		read += len(acts)
		if len(acts) < f.Limit {
			break
		}
		last := acts[len(acts)-1]
		f.Before = &store.ActivityCursor{CreatedAt: last.CreatedAt, ID: last.ID}
	}
	return out, nil
}

package activitystreams

import (
	"fmt"
	"io"

	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// collection names the members of a top-level collection that Parse
// streams: its items, also in its inline first page.
var collection = jsonstream.Options{Items: []string{"items", "orderedItems"}, Pages: []string{"first"}}

// document handles JSON documents: each top-level value is a record, except
// that the elements of a top-level array, and the items of a top-level
// collection (and of its inline first page), are streamed one by one. Items
// given by IRI are skipped. Pos is the record's number in the input.
func (p *parser) document(r io.Reader) error {
	return jsonstream.Stream(r, collection, func(v jsonstream.Value) error {
		p.pos++
		switch {
		case v.Err != nil:
			return p.reject(v.Raw, describe(v.Err))
		case v.Item && v.Raw[0] != '{':
			return nil
		}
		return p.value(v.Raw)
	})
}

// describe turns an encoding/json error into a rejection reason.
func describe(err error) error {
	if jsonstream.Truncated(err) {
		return jsonstream.ErrTruncated
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

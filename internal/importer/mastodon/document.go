package mastodon

import (
	"io"

	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// document handles JSON: each top-level value is a record, except that the
// elements of a top-level array are streamed one by one. Pos is the
// record's number in the input.
func (p *parser) document(r io.Reader) error {
	return jsonstream.Stream(r, jsonstream.Options{}, func(v jsonstream.Value) error {
		p.pos++
		if v.Err != nil {
			return p.reject(v.Raw, describe(v.Err))
		}
		return p.value(v.Raw)
	})
}

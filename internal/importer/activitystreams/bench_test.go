package activitystreams

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// syntheticLines returns n Create/Note JSON Lines of about 600 bytes, each
// with an inline actor, a hashtag, a mention and a link.
func syntheticLines(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, `{"id":"https://m%[2]d.example/users/u%[1]d/statuses/%[1]d/activity","type":"Create",`+
			`"actor":{"id":"https://m%[2]d.example/users/u%[1]d","type":"Person","preferredUsername":"u%[1]d","name":"User %[1]d"},`+
			`"published":"2024-05-01T12:00:00Z",`+
			`"object":{"id":"https://m%[2]d.example/users/u%[1]d/statuses/%[1]d","type":"Note","attributedTo":"https://m%[2]d.example/users/u%[1]d",`+
			`"published":"2024-05-01T12:00:00Z","content":"<p>Loving my new <a href=\"https://m.example/tags/acme\" class=\"mention hashtag\">#acme</a> phone, `+
			`thanks @bob &amp; https://acme.example</p>",`+
			`"tag":[{"type":"Hashtag","name":"#acme"},{"type":"Mention","name":"@bob@m.example","href":"https://m.example/users/bob"}]}}`+"\n",
			i, i%7)
	}
	return b.Bytes()
}

// BenchmarkParse measures JSON Lines of Create/Note activities.
func BenchmarkParse(b *testing.B) {
	input := syntheticLines(10000)
	if recs := importertest.Parse(b, Parse, input[:bytes.IndexByte(input, '\n')+1]); len(recs) != 1 || recs[0].Err != nil {
		b.Fatalf("synthetic line: %+v", recs)
	}
	importertest.Bench(b, Parse, input)
}

package mastodon

import (
	"bytes"
	"os"
	"testing"

	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// BenchmarkParse measures an array of 1,000 real statuses (the reply
// fixture, about 2 KB each).
func BenchmarkParse(b *testing.B) {
	status, err := os.ReadFile(importertest.FixturePath(Name, "status_reply.json"))
	if err != nil {
		status = []byte(goodStatus)
	}
	const n = 1000
	input := append([]byte{'['}, bytes.Repeat(append(status, ','), n)...)
	input[len(input)-1] = ']'
	importertest.Bench(b, Parse, input)
}

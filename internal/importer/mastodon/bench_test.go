package mastodon

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/herald-advocacy/herald"
)

// BenchmarkParse measures an array of 1,000 real statuses (the reply
// fixture, about 2 KB each).
func BenchmarkParse(b *testing.B) {
	status, err := os.ReadFile(filepath.Join(fixtures, "status_reply.json"))
	if err != nil {
		status = []byte(goodStatus)
	}
	const n = 1000
	input := append([]byte{'['}, bytes.Repeat(append(status, ','), n)...)
	input[len(input)-1] = ']'
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	records := 0
	for b.Loop() {
		err := Parse(context.Background(), bytes.NewReader(input), func(r herald.Record) error {
			if r.Err != nil {
				b.Fatalf("record %d: %v", r.Pos, r.Err)
			}
			records++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
}

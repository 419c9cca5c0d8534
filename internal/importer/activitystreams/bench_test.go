package activitystreams

import (
	"bytes"
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
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

// cpuTime returns the CPU time used by the process so far (all threads:
// the parser and the garbage collector).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkParse measures JSON Lines of Create/Note activities. Besides
// records/s of wall time it reports records per CPU second, which holds on a
// loaded machine.
func BenchmarkParse(b *testing.B) {
	const n = 10000
	input := syntheticLines(n)
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	records := 0
	cpu := cpuTime()
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
	cpu = cpuTime() - cpu
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
	if cpu > 0 {
		b.ReportMetric(float64(records)/cpu.Seconds(), "records/cpu-s")
	}
	b.ReportMetric(float64(len(input))/n, "bytes/record")
}

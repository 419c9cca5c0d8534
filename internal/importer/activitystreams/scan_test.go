package activitystreams

import (
	"strings"
	"testing"
)

func TestControlByte(t *testing.T) {
	for n := range 40 {
		for at := -1; at < n; at++ {
			b := []byte(strings.Repeat("a\x7f\xff ", 10)[:n])
			if at >= 0 {
				b[at] = 0x1f
			}
			if got := controlByte(b); got != at {
				t.Fatalf("controlByte(%q) = %d, want %d", b, got, at)
			}
		}
	}
}

package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald/internal/ingest"
)

func TestRenderProgress(t *testing.T) {
	tests := []struct {
		pr   ingest.Progress
		want []string
	}{
		{ingest.Progress{Source: "a.jsonl", Bytes: 512 << 20, Size: 1 << 30, Records: 100000},
			[]string{"[============            ]", " 50%", "512.0 MB/1.0 GB", "10000 rec/s", "ETA 0:10", "a.jsonl"}},
		{ingest.Progress{Source: "-", Bytes: 2048, Size: -1, Records: 20}, []string{"-  2.0 KB  20 records  2 rec/s"}},
		{ingest.Progress{Source: "b", Bytes: 0, Size: 100}, []string{"  0%", "ETA --:--"}},
	}
	for _, tt := range tests {
		got := renderProgress(tt.pr, 10*time.Second)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("renderProgress = %q, want it to contain %q", got, w)
			}
		}
	}
}

func TestProgressSilentWhenNotTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressBar(&buf, false)
	p.last = time.Time{}
	p.update(ingest.Progress{Source: "x", Size: 10, Bytes: 5})
	p.done()
	if buf.Len() != 0 {
		t.Errorf("progress bar wrote %q to a non-terminal", buf.String())
	}
	p = newProgressBar(&buf, true)
	p.last = time.Time{}
	p.update(ingest.Progress{Source: "x", Size: 10, Bytes: 5})
	p.done()
	if !strings.Contains(buf.String(), "\r") || !strings.Contains(buf.String(), " 50%") {
		t.Errorf("progress bar on a terminal wrote %q", buf.String())
	}
}

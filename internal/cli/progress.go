package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/herald-advocacy/herald/internal/ingest"
)

// progressBar draws one self-overwriting line on a terminal: percentage,
// bytes, record rate and ETA. On anything but a terminal it prints nothing.
type progressBar struct {
	w       io.Writer
	enabled bool
	start   time.Time
	last    time.Time
	drawn   bool
}

func newProgressBar(w io.Writer, terminal bool) *progressBar {
	now := time.Now()
	return &progressBar{w: w, enabled: terminal, start: now, last: now}
}

const barWidth = 24

func (p *progressBar) update(pr ingest.Progress) {
	if elapsed, ok := p.due(); ok {
		fmt.Fprintf(p.w, "\r\033[K%s", renderProgress(pr, elapsed))
	}
}

// updateCount draws progress over a known number of items.
func (p *progressBar) updateCount(label string, done, total int64) {
	if elapsed, ok := p.due(); ok {
		fmt.Fprintf(p.w, "\r\033[K%s", renderCount(label, done, total, elapsed))
	}
}

// due reports whether it is time to redraw (at most ten times a second,
// on a terminal), and the time since the start.
func (p *progressBar) due() (time.Duration, bool) {
	if !p.enabled {
		return 0, false
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond {
		return 0, false
	}
	p.last, p.drawn = now, true
	return now.Sub(p.start), true
}

// renderCount formats a progress line over counted items.
func renderCount(label string, done, total int64, elapsed time.Duration) string {
	secs := elapsed.Seconds()
	rate, frac := 0.0, 0.0
	if secs > 0 {
		rate = float64(done) / secs
	}
	if total > 0 {
		frac = min(float64(done)/float64(total), 1)
	}
	fill := int(frac * barWidth)
	eta := "--:--"
	if frac > 0 && secs > 0 {
		left := time.Duration(secs/frac*(1-frac)) * time.Second
		eta = fmt.Sprintf("%d:%02d", int(left.Minutes()), int(left.Seconds())%60)
	}
	return fmt.Sprintf("[%s] %3.0f%%  %d/%d  %.0f/s  ETA %s  %s", strings.Repeat("=", fill)+strings.Repeat(" ", barWidth-fill),
		frac*100, done, total, rate, eta, label)
}

// done clears the bar's line.
func (p *progressBar) done() {
	if p.enabled && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// renderProgress formats one progress line (without control codes).
func renderProgress(pr ingest.Progress, elapsed time.Duration) string {
	secs := elapsed.Seconds()
	var recRate float64
	if secs > 0 {
		recRate = float64(pr.Records) / secs
	}
	if pr.Size <= 0 {
		return fmt.Sprintf("%s  %s  %d records  %.0f rec/s", pr.Source, byteSize(pr.Bytes), pr.Records, recRate)
	}
	frac := min(float64(pr.Bytes)/float64(pr.Size), 1)
	fill := int(frac * barWidth)
	bar := strings.Repeat("=", fill) + strings.Repeat(" ", barWidth-fill)
	eta := "--:--"
	if frac > 0 && secs > 0 {
		left := time.Duration(secs/frac*(1-frac)) * time.Second
		eta = fmt.Sprintf("%d:%02d", int(left.Minutes()), int(left.Seconds())%60)
	}
	return fmt.Sprintf("[%s] %3.0f%%  %s/%s  %.0f rec/s  ETA %s  %s", bar, frac*100,
		byteSize(pr.Bytes), byteSize(pr.Size), recRate, eta, pr.Source)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

package stance

import (
	"strings"
	"sync"
	"testing"

	"github.com/herald-advocacy/herald/internal/text/vader"
)

var (
	testOnce  sync.Once
	testVader *vader.Analyzer
	testStAn  *Analyzer
	testErr   error
)

// analyzers returns the shared VADER and stance analyzers.
func analyzers(tb testing.TB) (*vader.Analyzer, *Analyzer) {
	tb.Helper()
	testOnce.Do(func() {
		if testVader, testErr = vader.New(); testErr == nil {
			testStAn, testErr = New(testVader)
		}
	})
	if testErr != nil {
		tb.Fatalf("building analyzers: %v", testErr)
	}
	return testVader, testStAn
}

// findSpans returns the case-insensitive occurrences of name in text that
// are not followed by a handle character (so "@united" does not match
// "@unitedfan").
func findSpans(text, name string) []Span {
	lt, ln := strings.ToLower(text), strings.ToLower(name)
	var spans []Span
	for off := 0; ; {
		k := strings.Index(lt[off:], ln)
		if k < 0 {
			return spans
		}
		start, end := off+k, off+k+len(ln)
		if end == len(lt) || !isHandleByte(lt[end]) {
			spans = append(spans, Span{start, end})
		}
		off = end
	}
}

// targetsFor builds one target per name from its occurrences in text.
func targetsFor(text string, names ...string) []Target {
	ts := make([]Target, len(names))
	for i, n := range names {
		ts[i] = Target{Brand: n, Spans: findSpans(text, n)}
	}
	return ts
}

// analyze runs the whole pipeline the way a caller does.
func analyze(tb testing.TB, text string, targets []Target) []Stance {
	v, a := analyzers(tb)
	return a.Analyze(text, v.PolarityScores(text), targets, nil)
}

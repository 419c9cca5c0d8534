package query

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// TestConcurrentMatch uses one Set and one Query from several goroutines;
// run with -race. Each goroutine must get the sequential results.
func TestConcurrentMatch(t *testing.T) {
	set, err := NewSet(airlineQueries)
	if err != nil {
		t.Fatal(err)
	}
	q, err := Parse(`(delay* OR late) NEAR/5 (flight OR plane)`)
	if err != nil {
		t.Fatal(err)
	}
	texts := fallbackTweets
	want := make([]string, len(texts))
	for i, text := range texts {
		ok, spans := q.Match(text)
		want[i] = fmt.Sprint(set.Match(text, nil), ok, spans)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for k := range 200 {
				i := (g + k) % len(texts)
				ok, spans := q.Match(texts[i])
				if got := fmt.Sprint(set.Match(texts[i], nil), ok, spans); got != want[i] {
					errs <- fmt.Sprintf("text %d: got %s, want %s", i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if !slices.ContainsFunc(want, func(s string) bool { return len(s) > len("[] false []") }) {
		t.Error("no text matched: the test checks nothing")
	}
}

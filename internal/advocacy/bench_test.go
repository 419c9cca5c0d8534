package advocacy

import (
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
)

// synthEvents appends n synthetic events of one person over 26 weeks
// before asOf: a mix of likes, shares and posts about the three test
// brands, mostly the own brand, with stances and intents.
func synthEvents(r *rand.Rand, out []Event, person int64, n int, firstActivity int64) []Event {
	fan := r.IntN(10) == 0
	lurker := !fan && r.IntN(2) == 0
	for i := range n {
		e := Event{Activity: firstActivity + int64(i), Person: person, Brand: own, At: asOf - r.Int64N(26*weekSeconds)}
		if r.IntN(5) == 0 {
			e.Brand = 2 + r.Int64N(2)
		}
		switch x := r.IntN(10); {
		case lurker || x < 4:
			e.Kind = herald.KindLike
		case x < 5:
			e.Kind = herald.KindShare
		default:
			e.Kind = [3]herald.Kind{herald.KindPost, herald.KindReply, herald.KindQuote}[r.IntN(3)]
			synthText(r, &e, fan)
		}
		out = append(out, e)
	}
	return out
}

// synthText gives a text event a stance, intents and features.
func synthText(r *rand.Rand, e *Event, fan bool) {
	e.Polarity = [3]herald.Polarity{herald.Positive, herald.Neutral, herald.Negative}[r.IntN(3)]
	if fan && r.IntN(3) > 0 {
		e.Polarity = herald.Positive
	}
	e.Intents = herald.Intents(r.IntN(128))
	e.Direct, e.Media, e.Links, e.Answer = r.IntN(2) == 0, r.IntN(5) == 0, r.IntN(6) == 0, r.IntN(10) == 0
	e.Reach = r.Int64N(50)
	e.TextHash = r.Uint64() | 1
}

// synthCommunity generates people with events per person drawn around
// perPerson (1 to 2×perPerson−1), total events exactly people×perPerson.
// It returns the events (grouped by person) and each person's offset.
func synthCommunity(seed uint64, people, perPerson int) ([]Event, []int) {
	r := rand.New(rand.NewPCG(seed, 42))
	total := people * perPerson
	events := make([]Event, 0, total)
	offsets := make([]int, people+1)
	for p := range people {
		offsets[p] = len(events)
		n := 1 + r.IntN(2*perPerson-1)
		left := total - len(events) - (people - p - 1)
		n = max(min(n, left), 1)
		if p == people-1 {
			n = total - len(events)
		}
		events = synthEvents(r, events, int64(p), n, int64(len(events)+1))
	}
	offsets[people] = len(events)
	return events, offsets
}

func BenchmarkSummarize(b *testing.B) {
	events, offsets := synthCommunity(1, 10_000, 10)
	b.ResetTimer()
	for b.Loop() {
		for p := range len(offsets) - 1 {
			Summarize(events[offsets[p]:offsets[p+1]])
		}
	}
	b.ReportMetric(float64(len(events))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkScore(b *testing.B) {
	events, offsets := synthCommunity(2, 10_000, 10)
	sums := make([][]Summary, len(offsets)-1)
	for p := range sums {
		sums[p] = Summarize(events[offsets[p]:offsets[p+1]])
	}
	w := DefaultWeights()
	b.ResetTimer()
	for b.Loop() {
		for p := range sums {
			Score(Person{ID: int64(p), Followers: 500, Centrality: 1}, sums[p], testBrands, asOf, w)
		}
	}
	b.ReportMetric(float64(len(sums))*float64(b.N)/b.Elapsed().Seconds(), "people/s")
}

// BenchmarkIncremental is one imported activity: decode the person's
// stored summaries, fold the event in, score, encode.
func BenchmarkIncremental(b *testing.B) {
	events, _ := synthCommunity(3, 1, 400)
	stored := [][]byte{}
	for _, s := range Summarize(events[:399]) {
		data, _ := s.MarshalBinary()
		stored = append(stored, data)
	}
	w := DefaultWeights()
	p := Person{ID: 0, Followers: 500, Centrality: 1}
	b.ResetTimer()
	for b.Loop() {
		incremental(b, p, stored, events[399], w)
	}
}

func incremental(b *testing.B, p Person, stored [][]byte, e Event, w Weights) {
	sums := make([]Summary, len(stored))
	for i, data := range stored {
		var err error
		if sums[i], err = UnmarshalSummary(data); err != nil {
			b.Fatal(err)
		}
	}
	for _, s := range Summarize([]Event{e}) {
		for i := range sums {
			if sums[i].key() == s.key() {
				sums[i], _ = Merge(sums[i], s)
				if _, err := sums[i].MarshalBinary(); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	Score(p, sums, testBrands, asOf, w)
}

// BenchmarkFullRescore: summaries (encoded, as they would be stored) and
// scores of 1,000,000 people with 10,000,000 events, plus PageRank over
// the 1,000,000-node graph with 3,000,000 edges, on every core. Run with
// -benchtime 1x.
func BenchmarkFullRescore(b *testing.B) {
	if testing.Short() {
		b.Skip("large benchmark")
	}
	const people, perPerson, edgeCount = 1_000_000, 10, 3_000_000
	start := time.Now()
	events, offsets := synthCommunity(4, people, perPerson)
	edges := randomGraph(rand.New(rand.NewPCG(5, 5)), people, edgeCount)
	b.Logf("generated %d events and %d edges in %.2fs", len(events), len(edges), time.Since(start).Seconds())
	peak := watchHeap()
	b.ResetTimer()
	var out [][]outcome
	for b.Loop() {
		out = fullRescore(events, offsets, edges)
	}
	b.StopTimer()
	heap, sys := peak()
	stages, results := map[Stage]int{}, 0
	for _, os := range out {
		for _, o := range os {
			stages[o.stage]++
			results++
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/rescore")
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(sys)/(1<<20), "sys-MB")
	b.Logf("%d results; stages %v", results, stages)
}

// outcome is what a full rescore keeps per result once the summary and
// the result have been written out: here, kept in memory.
type outcome struct {
	person, brand int64
	score         float64
	stage         Stage
	flags         Flags
	reasons       int
	summary       []byte
}

// fullRescore computes PageRank, then summaries and scores of every
// person with one worker per core; each person's outcomes go to the
// person's slot, so the result does not depend on scheduling.
func fullRescore(events []Event, offsets []int, edges []Edge) [][]outcome {
	people := len(offsets) - 1
	cent := Relative(PageRank(people, edges, 0.85, 20))
	perPerson := make([][]outcome, people)
	w := DefaultWeights()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				lo := int(next.Add(1024)) - 1024
				if lo >= people {
					return
				}
				for p := lo; p < min(lo+1024, people); p++ {
					perPerson[p] = rescorePerson(Person{ID: int64(p), Followers: int64(p % 5000), Centrality: cent[p]},
						events[offsets[p]:offsets[p+1]], w)
				}
			}
		})
	}
	wg.Wait()
	return perPerson
}

func rescorePerson(p Person, events []Event, w Weights) []outcome {
	sums := Summarize(events)
	results := Score(p, sums, testBrands, asOf, w)
	out := make([]outcome, len(results))
	for i, r := range results {
		data, _ := findSummary(sums, [2]int64{r.Person, r.Brand}).MarshalBinary()
		out[i] = outcome{r.Person, r.Brand, r.Score, r.Stage, r.Flags, len(r.Reasons), data}
	}
	return out
}

// watchHeap samples the heap every 20 ms until the returned function is
// called, which returns the peak HeapAlloc and the runtime's Sys.
func watchHeap() func() (uint64, uint64) {
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		peak = max(peak, m.HeapAlloc)
		mu.Unlock()
	}
	go func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		sample()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		defer mu.Unlock()
		return peak, m.Sys
	}
}

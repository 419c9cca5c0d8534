package advocacy

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/herald-advocacy/herald"
)

// randomEvents draws a stream of events of a few people about the three
// test brands over up to six years (more weeks than MaxWeeks), with
// repeated texts, every kind, stance and intent, and more events per
// person than the evidence and fingerprint bounds.
func randomEvents(r *rand.Rand, n int) []Event {
	kinds := herald.Kinds
	pols := []herald.Polarity{"", herald.Positive, herald.Negative, herald.Neutral}
	span := int64(r.IntN(6*52)+1) * weekSeconds
	out := make([]Event, 0, n)
	for i := range n {
		e := Event{
			Activity: int64(i + 1),
			Person:   int64(1 + r.IntN(3)),
			Brand:    testBrands[r.IntN(len(testBrands))].ID,
			At:       t0 - span + r.Int64N(span+weekSeconds),
			Kind:     kinds[r.IntN(len(kinds))],
			Intents:  herald.Intents(r.IntN(128)),
			Direct:   r.IntN(2) == 0, Media: r.IntN(4) == 0, Links: r.IntN(3) == 0,
			Answer: r.IntN(5) == 0, Review: r.IntN(9) == 0, OwnAccount: r.IntN(40) == 0,
			Reach: r.Int64N(3000) - 5,
		}
		if e.text() {
			e.Polarity = pols[r.IntN(len(pols))]
			e.StanceScore = r.Float64()*2 - 1
			e.TextHash = uint64(r.IntN(60)) * 0x9e3779b97f4a7c15
		}
		out = append(out, e)
		if r.IntN(4) == 0 { // the same activity about a second brand
			e2 := e
			e2.Brand = testBrands[(r.IntN(2)+int(e.Brand))%len(testBrands)].ID
			if e2.Brand != e.Brand {
				out = append(out, e2)
			}
		}
	}
	return out
}

// streamLen is a random stream length; every fifth seed draws a stream
// long enough to overflow the summary bounds.
func streamLen(r *rand.Rand, seed uint64) int {
	if seed%5 == 0 {
		return 8000
	}
	return 50 + r.IntN(1500)
}

func TestSummarizeOrderIndependent(t *testing.T) {
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 1))
		events := randomEvents(r, streamLen(r, seed))
		want := Summarize(events)
		shuffled := append([]Event(nil), events...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := Summarize(shuffled); !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: shuffled events give other summaries", seed)
		}
	}
}

// TestSplitAndMerge: summarising disjoint parts and merging them gives
// the summaries, and the results, of the whole stream.
func TestSplitAndMerge(t *testing.T) {
	w := DefaultWeights()
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 2))
		events := randomEvents(r, streamLen(r, seed))
		want := Summarize(events)
		parts := make([][]Event, 1+r.IntN(6))
		for _, e := range events {
			k := r.IntN(len(parts))
			parts[k] = append(parts[k], e)
		}
		var lists [][]Summary
		for _, p := range parts {
			lists = append(lists, Summarize(p))
		}
		got, err := MergeAll(lists...)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: merged summaries of %d parts differ from the whole", seed, len(parts))
		}
		for id := int64(1); id <= 3; id++ {
			p := Person{ID: id, Followers: r.Int64N(100_000) - 1, Centrality: r.Float64() * 20}
			at := t0 + r.Int64N(2*weekSeconds)
			if a, b := Score(p, got, testBrands, at, w), Score(p, want, testBrands, at, w); !equalResults(a, b) {
				t.Fatalf("seed %d person %d: results differ", seed, id)
			}
		}
	}
}

// TestIncremental folds events one at a time, as an importer does, and
// compares with the full summaries and results.
func TestIncremental(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 3))
	events := randomEvents(r, 800)
	stored := map[[2]int64][]byte{}
	for i := range events {
		for _, s := range Summarize(events[i : i+1]) {
			if b, ok := stored[s.key()]; ok {
				old, err := UnmarshalSummary(b)
				if err != nil {
					t.Fatal(err)
				}
				if s, err = Merge(old, s); err != nil {
					t.Fatal(err)
				}
			}
			b, _ := s.MarshalBinary()
			stored[s.key()] = b
		}
	}
	var got []Summary
	for _, b := range stored {
		s, _ := UnmarshalSummary(b)
		got = append(got, s)
	}
	got, _ = MergeAll(got)
	if want := Summarize(events); !reflect.DeepEqual(got, want) {
		t.Fatal("incremental summaries differ from the full ones")
	}
}

func TestMergeCommutesAndChecksKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 4))
	events := randomEvents(r, 400)
	a, b := Summarize(events[:200]), Summarize(events[200:])
	ab, _ := Merge(a[0], findSummary(b, a[0].key()))
	ba, _ := Merge(findSummary(b, a[0].key()), a[0])
	if !reflect.DeepEqual(ab, ba) {
		t.Error("Merge does not commute")
	}
	if _, err := Merge(Summary{Person: 1, Brand: 1}, Summary{Person: 1, Brand: 2}); err == nil {
		t.Error("merging summaries of different brands should fail")
	}
}

func findSummary(ss []Summary, key [2]int64) Summary {
	for _, s := range ss {
		if s.key() == key {
			return s
		}
	}
	return Summary{Person: key[0], Brand: key[1]}
}

func TestSummaryBounds(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 5))
	full := false
	for _, s := range Summarize(randomEvents(r, 8000)) {
		full = full || len(s.Weeks) == MaxWeeks && len(s.Hashes) == MaxHashes && len(s.Good) == MaxGood
		if len(s.Weeks) > MaxWeeks || len(s.Hashes) > MaxHashes || len(s.Good) > MaxGood || len(s.Bad) > MaxBad || len(s.Contrib) > MaxContrib {
			t.Fatalf("summary exceeds its bounds: %d weeks %d hashes %d/%d/%d marks",
				len(s.Weeks), len(s.Hashes), len(s.Good), len(s.Bad), len(s.Contrib))
		}
	}
	if !full {
		t.Error("no summary reached the bounds: the stream is too small to test them")
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	for seed := range uint64(30) {
		r := rand.New(rand.NewPCG(seed, 6))
		for _, s := range Summarize(randomEvents(r, 20+r.IntN(2000))) {
			b, err := s.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			got, err := UnmarshalSummary(b)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			if !reflect.DeepEqual(got, s) {
				t.Fatalf("seed %d: round trip changed the summary", seed)
			}
			for n := range len(b) {
				if _, err := UnmarshalSummary(b[:n]); err == nil {
					t.Fatalf("seed %d: a summary truncated to %d of %d bytes decoded", seed, n, len(b))
				}
			}
		}
	}
}

func TestMarshalSize(t *testing.T) {
	s := Summarize(steadyFan().events)[0]
	b, _ := s.MarshalBinary()
	if len(b) > 700 {
		t.Errorf("a steady fan's half-year summary takes %d bytes", len(b))
	}
	t.Logf("steady fan, 26 weeks: %d bytes", len(b))
}

func FuzzUnmarshalSummary(f *testing.F) {
	b, _ := Summarize(steadyFan().events)[0].MarshalBinary()
	f.Add(b)
	f.Add([]byte{codecVersion})
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := UnmarshalSummary(data)
		if err != nil {
			return
		}
		again, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := UnmarshalSummary(again); err != nil {
			t.Fatalf("re-encoded summary does not decode: %v", err)
		}
	})
}

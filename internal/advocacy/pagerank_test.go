package advocacy

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// TestPageRankHandComputed: 0→1, 0→2, 1→2, 2→0 with damping 0.5. The
// stationary ranks solve r0 = 1/6 + r2/2, r1 = 1/6 + r0/4,
// r2 = 1/6 + r0/4 + r1/2: r = (14/39, 10/39, 15/39).
func TestPageRankHandComputed(t *testing.T) {
	edges := []Edge{{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {2, 0, 1}}
	got := PageRank(3, edges, 0.5, 100)
	want := []float64{14.0 / 39, 10.0 / 39, 15.0 / 39}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("rank %d = %.12f, want %.12f", i, got[i], want[i])
		}
	}
}

// TestPageRankWeightsAndDangling: a weighted edge takes its share, and a
// node with no outgoing edge spreads its rank evenly.
func TestPageRankWeightsAndDangling(t *testing.T) {
	// 0→1 (weight 3), 0→2 (weight 1); 1 and 2 dangle. damping 1 after
	// one step from uniform: r1 = 1/3·3/4 + (2/3)/3, r2 = 1/3·1/4 + (2/3)/3.
	got := PageRank(3, []Edge{{0, 1, 3}, {0, 2, 1}}, 1, 1)
	want := []float64{2.0 / 9, 1.0/4 + 2.0/9, 1.0/12 + 2.0/9}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("rank %d = %.12f, want %.12f", i, got[i], want[i])
		}
	}
}

// densePageRank is the reference: the full transition matrix.
func densePageRank(n int, edges []Edge, d float64, iters int) []float64 {
	m := make([][]float64, n)
	out := make([]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
	}
	for _, e := range edges {
		if usable(e, n) {
			m[e.From][e.To] += float64(e.Weight)
			out[e.From] += float64(e.Weight)
		}
	}
	pr := make([]float64, n)
	for i := range pr {
		pr[i] = 1 / float64(n)
	}
	for range iters {
		next := make([]float64, n)
		for u := range n {
			for v := range n {
				p := 1 / float64(n) // dangling: uniform
				if out[u] > 0 {
					p = m[u][v] / out[u]
				}
				next[v] += d * pr[u] * p
			}
		}
		for v := range next {
			next[v] += (1 - d) / float64(n)
		}
		pr = next
	}
	return pr
}

func randomGraph(r *rand.Rand, n, m int) []Edge {
	edges := make([]Edge, m)
	for i := range edges {
		edges[i] = Edge{From: int32(r.IntN(n)), To: int32(r.IntN(n)), Weight: float32(1 + r.IntN(5))}
	}
	return edges
}

func TestPageRankMatchesDense(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 8))
		n := 1 + r.IntN(60)
		edges := randomGraph(r, n, r.IntN(4*n))
		edges = append(edges, Edge{0, int32(n), 1}, Edge{-1, 0, 1}, Edge{0, 0, -2}, Edge{0, 0, float32(math.NaN())})
		got := PageRank(n, edges, 0.85, 40)
		want := densePageRank(n, edges, 0.85, 40)
		total := 0.0
		for i := range want {
			total += got[i]
			if math.Abs(got[i]-want[i]) > 1e-12 {
				t.Fatalf("seed %d: rank %d = %g, dense %g", seed, i, got[i], want[i])
			}
		}
		if math.Abs(total-1) > 1e-9 {
			t.Fatalf("seed %d: ranks sum to %g", seed, total)
		}
	}
}

// TestPageRankDeterministic: the same ranks, bit for bit, with one
// worker or several.
func TestPageRankDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	n := 120_000
	edges := randomGraph(r, n, 300_000)
	prev := runtime.GOMAXPROCS(1)
	one := PageRank(n, edges, 0.85, 10)
	runtime.GOMAXPROCS(max(prev, 2))
	many := PageRank(n, edges, 0.85, 10)
	runtime.GOMAXPROCS(prev)
	if !slices.Equal(one, many) {
		t.Error("ranks depend on the number of workers")
	}
	if rel := Relative(one); math.Abs(rel[0]-one[0]*float64(n)) > 1e-12 {
		t.Error("Relative is not rank × n")
	}
}

func TestPageRankEmpty(t *testing.T) {
	if PageRank(0, nil, 0.85, 10) != nil {
		t.Error("no nodes should give no ranks")
	}
	if got := PageRank(2, nil, 0.85, 5); got[0] != 0.5 || got[1] != 0.5 {
		t.Errorf("two isolated nodes: %v", got)
	}
}

package advocacy

import (
	"math"
	"runtime"
	"sync"
)

// Edge is a weighted edge of the interaction graph: From replied to,
// mentioned or shared To, Weight times (or with that weight).
type Edge struct {
	From, To int32
	Weight   float32
}

// PageRank computes weighted PageRank over nodes 0..n-1: each node passes
// on damping × its rank, split in proportion to the weights of its
// outgoing edges; nodes without outgoing edges spread theirs evenly, and
// every node receives (1 − damping)/n. It runs exactly iterations power
// iterations from the uniform vector. Edges naming a node outside
// 0..n-1, or with a weight that is not positive and finite, are ignored;
// parallel edges add up. The ranks sum to 1. The result is deterministic:
// each node's rank is summed over its incoming edges in input order,
// whatever the number of workers.
func PageRank(n int, edges []Edge, damping float64, iterations int) []float64 {
	if n <= 0 {
		return nil
	}
	g := buildCSR(n, edges)
	pr := make([]float64, n)
	next := make([]float64, n)
	for i := range pr {
		pr[i] = 1 / float64(n)
	}
	for range iterations {
		dangling := 0.0
		for u, w := range g.out {
			if w == 0 {
				dangling += pr[u]
			}
		}
		base := (1-damping)/float64(n) + damping*dangling/float64(n)
		g.step(pr, next, base, damping)
		pr, next = next, pr
	}
	return pr
}

// Relative scales ranks so that the average node is 1 (rank × n): the
// form Person.Centrality takes.
func Relative(pr []float64) []float64 {
	out := make([]float64, len(pr))
	for i, r := range pr {
		out[i] = r * float64(len(pr))
	}
	return out
}

// csr is the graph by incoming edges: node v's sources are
// src[start[v]:start[v+1]] with the share of the source's outgoing weight
// in frac.
type csr struct {
	start []int
	src   []int32
	frac  []float64
	out   []float64 // total outgoing weight per node
}

// usable reports whether an edge takes part in the graph.
func usable(e Edge, n int) bool {
	w := float64(e.Weight)
	return e.From >= 0 && int(e.From) < n && e.To >= 0 && int(e.To) < n && w > 0 && !math.IsInf(w, 0)
}

// buildCSR groups the usable edges by target with a stable counting sort.
func buildCSR(n int, edges []Edge) *csr {
	g := &csr{start: make([]int, n+1), out: make([]float64, n)}
	m := 0
	for _, e := range edges {
		if usable(e, n) {
			g.start[e.To+1]++
			g.out[e.From] += float64(e.Weight)
			m++
		}
	}
	for v := range n {
		g.start[v+1] += g.start[v]
	}
	g.src = make([]int32, m)
	g.frac = make([]float64, m)
	fill := make([]int, n)
	copy(fill, g.start[:n])
	for _, e := range edges {
		if usable(e, n) {
			i := fill[e.To]
			fill[e.To]++
			g.src[i] = e.From
			g.frac[i] = float64(e.Weight) / g.out[e.From]
		}
	}
	return g
}

// step computes one iteration into next, in parallel over node ranges.
func (g *csr) step(pr, next []float64, base, damping float64) {
	n := len(pr)
	workers := min(runtime.GOMAXPROCS(0), max(n/50_000, 1))
	var wg sync.WaitGroup
	for k := range workers {
		lo, hi := k*n/workers, (k+1)*n/workers
		wg.Go(func() {
			for v := lo; v < hi; v++ {
				sum := 0.0
				for i := g.start[v]; i < g.start[v+1]; i++ {
					sum += pr[g.src[i]] * g.frac[i]
				}
				next[v] = base + damping*sum
			}
		})
	}
	wg.Wait()
}

package model

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// adagradEpsilon keeps Adagrad's first steps finite.
const adagradEpsilon = 1e-8

// Train fits a model to the examples. The classes are the distinct labels,
// sorted; there must be at least two. Training is deterministic for given
// examples (in the same order) and options. It returns ctx's error if ctx is
// cancelled.
func Train(ctx context.Context, examples []Example, opts Options) (*Model, error) {
	classes, err := discoverClasses(examples)
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	m, err := newModel(opts, classes)
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	ds, err := m.feat.buildDataset(ctx, examples, classes)
	if err != nil {
		return nil, fmt.Errorf("train: extract features: %w", err)
	}
	if err := m.fit(ctx, ds, allIndices(len(examples))); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	m.setVersion()
	return m, nil
}

func allIndices(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// trainer holds the optimiser state of one fit.
type trainer struct {
	m         *Model
	ds        *dataset
	gw, gd    []float32 // Adagrad's sums of squared gradients
	cw        []float64 // class weights
	grad, tmp []float64
	lr, l2    float32
}

// fit trains m's weights on the examples train of ds.
func (m *Model) fit(ctx context.Context, ds *dataset, train []int) error {
	k := len(m.classes)
	t := &trainer{
		m: m, ds: ds,
		gw: make([]float32, len(m.w)), gd: make([]float32, len(m.dense)),
		cw:   classWeights(ds, train, k, m.opts.Unweighted),
		grad: make([]float64, k), tmp: make([]float64, k),
		lr: float32(m.opts.LearningRate), l2: float32(m.opts.L2),
	}
	order := slices.Clone(train)
	rng := rand.New(rand.NewPCG(m.opts.Seed, 0x6c72))
	for range m.opts.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for n, e := range order {
			if n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			t.step(e)
		}
	}
	return nil
}

// classWeights returns n/(k·n_c) for each class c, k counting the classes
// present in train (so the weights average 1 over the examples), or 1 for
// every class when unweighted.
func classWeights(ds *dataset, train []int, k int, unweighted bool) []float64 {
	cw := make([]float64, k)
	counts := make([]int, k)
	for _, e := range train {
		counts[ds.y[e]]++
	}
	present := 0
	for _, n := range counts {
		if n > 0 {
			present++
		}
	}
	for c, n := range counts {
		switch {
		case unweighted:
			cw[c] = 1
		case n > 0:
			cw[c] = float64(len(train)) / float64(present*n)
		}
	}
	return cw
}

// step takes one Adagrad step on example e.
func (t *trainer) step(e int) {
	word, char := t.ds.features(e)
	dense := &t.ds.dense[e]
	y := int(t.ds.y[e])
	g := t.grad
	t.m.logits(g, t.tmp, word, char, dense)
	softmax(g, g)
	for c := range g {
		if c == y {
			g[c]--
		}
		g[c] *= t.cw[y]
	}
	sw, sc := groupScales(len(word), len(char))
	t.update(t.m.w, t.gw, word, sw)
	t.update(t.m.w, t.gw, char, sc)
	k := len(g)
	for j, x := range dense {
		if x != 0 {
			t.updateRow(t.m.dense[j*k:][:k], t.gd[j*k:][:k], float64(x))
		}
	}
}

// update applies the gradient to the rows of the buckets, each feature
// having value scale.
func (t *trainer) update(w, gsum []float32, buckets []uint32, scale float64) {
	k := len(t.grad)
	for _, i := range buckets {
		t.updateRow(w[int(i)*k:][:k], gsum[int(i)*k:][:k], scale)
	}
}

func (t *trainer) updateRow(row, gsum []float32, x float64) {
	for c, g := range t.grad {
		gr := float32(g*x) + t.l2*row[c]
		gsum[c] += gr * gr
		row[c] -= t.lr * gr / float32(math.Sqrt(float64(gsum[c]+adagradEpsilon)))
	}
}

package model

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// CrossValidate estimates how well a model trained with opts generalises:
// it splits the examples into k stratified folds (each class spread evenly,
// shuffled with opts.Seed), trains on k-1 folds and predicts the held-out
// one, k times. The report scores the pooled out-of-fold predictions (every
// example predicted exactly once) and lists each fold's macro-F1. Folds run
// in parallel, up to GOMAXPROCS at a time; the result does not depend on it.
//
// Identical texts in different folds inflate the figures: remove duplicates
// first.
func CrossValidate(ctx context.Context, examples []Example, k int, opts Options) (Report, error) {
	if k < 2 || k > len(examples) {
		return Report{}, fmt.Errorf("cross-validate: %d folds for %d examples: want 2 ≤ k ≤ examples", k, len(examples))
	}
	classes, err := discoverClasses(examples)
	if err != nil {
		return Report{}, fmt.Errorf("cross-validate: %w", err)
	}
	base, err := newModel(opts, classes)
	if err != nil {
		return Report{}, fmt.Errorf("cross-validate: %w", err)
	}
	ds, err := base.feat.buildDataset(ctx, examples, classes)
	if err != nil {
		return Report{}, fmt.Errorf("cross-validate: extract features: %w", err)
	}
	fold := stratifiedFolds(ds.y, len(classes), k, opts.Seed)
	pred, err := predictFolds(ctx, base, ds, fold, k)
	if err != nil {
		return Report{}, fmt.Errorf("cross-validate: %w", err)
	}
	gold := make([]string, len(examples))
	for e, ex := range examples {
		gold[e] = ex.Label
	}
	r := Score(gold, pred)
	for f := range k {
		var g, p []string
		for e := range fold {
			if fold[e] == f {
				g, p = append(g, gold[e]), append(p, pred[e])
			}
		}
		r.FoldMacroF1 = append(r.FoldMacroF1, Score(g, p).MacroF1)
	}
	return r, nil
}

// stratifiedFolds assigns each example a fold in [0, k): the examples of
// each class are shuffled and dealt round-robin, continuing from class to
// class so that the folds differ in size by at most one.
func stratifiedFolds(y []int32, classes, k int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, 0x666f6c64))
	byClass := make([][]int, classes)
	for e, c := range y {
		byClass[c] = append(byClass[c], e)
	}
	fold := make([]int, len(y))
	next := 0
	for _, members := range byClass {
		rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
		for _, e := range members {
			fold[e] = next
			next = (next + 1) % k
		}
	}
	return fold
}

// predictFolds trains one model per fold and returns the out-of-fold
// predicted label of every example.
func predictFolds(ctx context.Context, base *Model, ds *dataset, fold []int, k int) ([]string, error) {
	pred := make([]string, len(fold))
	errs := make([]error, k)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for f := range k {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[f] = trainFold(ctx, base, ds, fold, f, pred)
		})
	}
	wg.Wait()
	for f, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", f+1, err)
		}
	}
	return pred, nil
}

// trainFold trains on every fold but f and writes the predictions of fold
// f's examples into pred (folds write disjoint elements).
func trainFold(ctx context.Context, base *Model, ds *dataset, fold []int, f int, pred []string) error {
	var train, test []int
	for e, g := range fold {
		if g == f {
			test = append(test, e)
		} else {
			train = append(train, e)
		}
	}
	m := base.blank()
	if err := m.fit(ctx, ds, train); err != nil {
		return err
	}
	k := len(m.classes)
	out, tmp := make([]float64, k), make([]float64, k)
	for _, e := range test {
		word, char := ds.features(e)
		m.logits(out, tmp, word, char, &ds.dense[e])
		pred[e] = m.classes[argmax(out)]
	}
	return nil
}

// blank returns a model with m's options, classes and featurizer and zero
// weights.
func (m *Model) blank() *Model {
	b := &Model{
		feat: m.feat, opts: m.opts, classes: slices.Clone(m.classes),
		w: make([]float32, len(m.w)), dense: make([]float32, len(m.dense)),
	}
	b.pool.New = func() any { return newScratch() }
	return b
}

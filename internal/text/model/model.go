package model

import (
	"fmt"
	"math"
	"sync"

	"github.com/herald-advocacy/herald/internal/text/vader"
)

// Example is one labelled text. Labels are arbitrary non-empty strings.
type Example struct {
	Text  string
	Label string
}

// Prediction is the model's answer for one text.
type Prediction struct {
	// Label is the most probable class (the first in Classes order on ties).
	Label string
	// Probs are the class probabilities, in the order of Model.Classes.
	Probs []float64
}

const wordGroupWeight = 1.4

// Model is a trained classifier. It is immutable and safe for concurrent
// use.
type Model struct {
	feat    featurizer
	opts    Options
	classes []string
	w       []float32 // buckets × classes, row-major by bucket
	dense   []float32 // numDense × classes
	version string
	pool    sync.Pool // *scratch
}

// newModel returns a model with zero weights for the classes.
func newModel(opts Options, classes []string) (*Model, error) {
	if err := checkShape(opts, len(classes)); err != nil {
		return nil, err
	}
	va, err := sharedVADER()
	if err != nil {
		return nil, fmt.Errorf("load VADER lexicon: %w", err)
	}
	k := len(classes)
	m := &Model{
		feat:    featurizer{vader: va, shift: uint(64 - opts.HashBits), charMin: opts.CharMinN, charMax: opts.CharMaxN},
		opts:    opts,
		classes: classes,
		w:       make([]float32, k<<opts.HashBits),
		dense:   make([]float32, numDense*k),
	}
	m.pool.New = func() any { return newScratch() }
	return m, nil
}

// checkShape checks the options and that k classes fit the limits.
func checkShape(opts Options, k int) error {
	if err := opts.Validate(); err != nil {
		return fmt.Errorf("invalid options: %w", err)
	}
	if k < 2 || k > MaxClasses || k<<opts.HashBits > maxWeights {
		return fmt.Errorf("%d classes with 2^%d buckets: want 2 to %d classes and at most %d weights",
			k, opts.HashBits, MaxClasses, maxWeights)
	}
	return nil
}

// sharedVADER builds VADER's analyzer (about 14 ms of lexicon parsing) once
// per process; it is immutable and safe for concurrent use, so every model
// shares it.
var sharedVADER = sync.OnceValues(vader.New)

// Classes returns the class labels, sorted; probabilities follow this order.
func (m *Model) Classes() []string { return append([]string(nil), m.classes...) }

// Version identifies the model: "lr1-" and the first 12 hex digits of the
// SHA-256 of its binary encoding, which covers the options and weights.
func (m *Model) Version() string { return m.version }

// Options returns the options the model was trained with.
func (m *Model) Options() Options { return m.opts }

// Predict classifies text. It allocates only the returned Probs.
func (m *Model) Predict(text string) Prediction {
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	m.feat.extract(text, s)
	scores := m.scores(s)
	probs := make([]float64, len(scores))
	best := softmax(probs, scores)
	return Prediction{Label: m.classes[best], Probs: probs}
}

// Classify returns the most probable label of text without allocating.
func (m *Model) Classify(text string) string {
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	m.feat.extract(text, s)
	return m.classes[argmax(m.scores(s))]
}

// scores computes the class scores (logits) of the features in s into
// s.scores.
func (m *Model) scores(s *scratch) []float64 {
	k := len(m.classes)
	if cap(s.scores) < 2*k {
		s.scores = make([]float64, 2*k)
	}
	out := s.scores[:k]
	m.logits(out, s.scores[k:2*k], s.word, s.char, &s.dense)
	return out
}

// logits sets out to the class scores of the given features; tmp is
// scratch space of the same length.
func (m *Model) logits(out, tmp []float64, word, char []uint32, dense *[numDense]float32) {
	k := len(out)
	sumRows(out, m.w, word)
	sumRows(tmp, m.w, char)
	sw, sc := groupScales(len(word), len(char))
	for c := range out {
		d := 0.0
		for j, x := range dense {
			d += float64(x * m.dense[j*k+c])
		}
		out[c] = out[c]*sw + tmp[c]*sc + d
	}
}

// sumRows sets out to the sum of the weight rows of the given buckets.
func sumRows(out []float64, w []float32, buckets []uint32) {
	if len(out) == 3 {
		sumRows3(out, w, buckets)
		return
	}
	k := len(out)
	clear(out)
	for _, i := range buckets {
		row := w[int(i)*k:][:k]
		for c, x := range row {
			out[c] += float64(x)
		}
	}
}

// sumRows3 is sumRows for three classes (negative, neutral, positive), the
// common case, with the sums kept in registers.
func sumRows3(out []float64, w []float32, buckets []uint32) {
	var a, b, c float64
	for _, i := range buckets {
		row := w[int(i)*3:][:3]
		a += float64(row[0])
		b += float64(row[1])
		c += float64(row[2])
	}
	out[0], out[1], out[2] = a, b, c
}

// groupScales returns the value of each word and each character feature.
func groupScales(words, chars int) (sw, sc float64) {
	return wordGroupWeight * groupScale(words), groupScale(chars)
}

// groupScale normalises a feature group so that long and short texts weigh
// alike: each of n features counts 1/√n.
func groupScale(n int) float64 {
	if n == 0 {
		return 0
	}
	return 1 / math.Sqrt(float64(n))
}

// softmax writes the probabilities of scores into probs and returns the
// index of the largest.
func softmax(probs, scores []float64) int {
	best := argmax(scores)
	top, sum := scores[best], 0.0
	for c, s := range scores {
		probs[c] = math.Exp(s - top)
		sum += probs[c]
	}
	for c := range probs {
		probs[c] /= sum
	}
	return best
}

func argmax(xs []float64) int {
	best := 0
	for i, x := range xs {
		if x > xs[best] {
			best = i
		}
	}
	return best
}

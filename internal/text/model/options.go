package model

import (
	"errors"
	"fmt"
	"math"
)

// Limits on what Train accepts and Unmarshal decodes, so that a bad label
// column or a corrupted model cannot exhaust memory.
const (
	MinHashBits   = 10
	MaxHashBits   = 22
	MaxClasses    = 64
	MaxLabelBytes = 128
	maxWeights    = 1 << 24 // buckets × classes, 64 MiB of float32
	maxCharN      = 8
	maxEpochs     = 1000
)

// Options configure feature extraction and training. They are recorded in
// the model. Start from DefaultOptions: every field must be set.
type Options struct {
	// HashBits sets the number of feature buckets, 2^HashBits.
	HashBits int
	// CharMinN and CharMaxN bound the length, in runes, of the character
	// n-grams taken inside words (the word padded with a space each side).
	CharMinN, CharMaxN int
	// Epochs is the number of passes over the training examples.
	Epochs int
	// LearningRate is Adagrad's base step size.
	LearningRate float64
	// L2 is the L2 regularisation strength, applied to the weights an
	// example touches when it is seen.
	L2 float64
	// Unweighted disables the class weights that otherwise balance the
	// classes (each class weighs n/(k·n_class)).
	Unweighted bool
	// Seed seeds the shuffling of the examples (and the folds of
	// CrossValidate).
	Seed uint64
}

// DefaultOptions returns the options tuned on the airline tweets.
func DefaultOptions() Options {
	return Options{
		HashBits: 18, CharMinN: 2, CharMaxN: 5,
		Epochs: 3, LearningRate: 0.08, L2: 0.006,
	}
}

// Validate reports the first option out of range.
func (o Options) Validate() error {
	switch {
	case o.HashBits < MinHashBits || o.HashBits > MaxHashBits:
		return fmt.Errorf("hash bits %d not in [%d, %d]", o.HashBits, MinHashBits, MaxHashBits)
	case o.CharMinN < 1 || o.CharMaxN > maxCharN || o.CharMinN > o.CharMaxN:
		return fmt.Errorf("character n-gram range [%d, %d] not within [1, %d]", o.CharMinN, o.CharMaxN, maxCharN)
	case o.Epochs < 1 || o.Epochs > maxEpochs:
		return fmt.Errorf("epochs %d not in [1, %d]", o.Epochs, maxEpochs)
	case !(o.LearningRate > 0) || math.IsInf(o.LearningRate, 0):
		return fmt.Errorf("learning rate %v is not a positive number", o.LearningRate)
	case !(o.L2 >= 0) || math.IsInf(o.L2, 0):
		return fmt.Errorf("L2 %v is not a non-negative number", o.L2)
	}
	return nil
}

// errNoExamples is returned when there is nothing to learn from.
var errNoExamples = errors.New("no examples")

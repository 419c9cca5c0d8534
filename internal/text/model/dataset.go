package model

import (
	"context"
	"fmt"
	"slices"
	"unicode/utf8"
)

// dataset holds the extracted features of labelled examples, so that they
// are computed once for all epochs and all cross-validation folds.
type dataset struct {
	idx     []uint32 // bucket indices of all examples, concatenated
	wordEnd []int32  // example e: idx[end[e-1]:wordEnd[e]] words, idx[wordEnd[e]:end[e]] chars
	end     []int32
	dense   [][numDense]float32
	y       []int32 // class index
}

// features returns the word and character buckets of example e.
func (d *dataset) features(e int) (word, char []uint32) {
	var start int32
	if e > 0 {
		start = d.end[e-1]
	}
	return d.idx[start:d.wordEnd[e]], d.idx[d.wordEnd[e]:d.end[e]]
}

// discoverClasses returns the sorted distinct labels, checking each.
func discoverClasses(examples []Example) ([]string, error) {
	if len(examples) == 0 {
		return nil, errNoExamples
	}
	seen := map[string]bool{}
	var classes []string
	for i, ex := range examples {
		if err := checkLabel(ex.Label); err != nil {
			return nil, fmt.Errorf("example %d: %w", i, err)
		}
		if !seen[ex.Label] {
			if len(classes) == MaxClasses {
				return nil, fmt.Errorf("more than %d distinct labels (is the label column right?)", MaxClasses)
			}
			seen[ex.Label] = true
			classes = append(classes, ex.Label)
		}
	}
	if len(classes) < 2 {
		return nil, fmt.Errorf("only one label, %q: need at least two classes", classes[0])
	}
	slices.Sort(classes)
	return classes, nil
}

// checkLabel rejects labels that cannot be stored or shown.
func checkLabel(l string) error {
	switch {
	case l == "":
		return fmt.Errorf("empty label")
	case len(l) > MaxLabelBytes:
		return fmt.Errorf("label of %d bytes is longer than %d", len(l), MaxLabelBytes)
	case !utf8.ValidString(l):
		return fmt.Errorf("label %q is not valid UTF-8", l)
	}
	return nil
}

// buildDataset extracts the features of every example.
func (f *featurizer) buildDataset(ctx context.Context, examples []Example, classes []string) (*dataset, error) {
	n := len(examples)
	d := &dataset{
		wordEnd: make([]int32, n), end: make([]int32, n),
		dense: make([][numDense]float32, n), y: make([]int32, n),
	}
	s := newScratch()
	for e, ex := range examples {
		if e%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c, ok := slices.BinarySearch(classes, ex.Label)
		if !ok {
			return nil, fmt.Errorf("example %d: unknown label %q", e, ex.Label)
		}
		f.extract(ex.Text, s)
		d.idx = append(d.idx, s.word...)
		d.wordEnd[e] = int32(len(d.idx))
		d.idx = append(d.idx, s.char...)
		d.end[e] = int32(len(d.idx))
		d.dense[e] = s.dense
		d.y[e] = int32(c)
	}
	return d, nil
}

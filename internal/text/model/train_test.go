package model

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestTrainLearns checks that the model generalises on the synthetic
// corpus: unseen subjects with known phrases, and unseen combinations.
func TestTrainLearns(t *testing.T) {
	m := trainSynthetic(t)
	if got, want := m.Classes(), []string{"negative", "neutral", "positive"}; !slices.Equal(got, want) {
		t.Errorf("classes %q, want %q", got, want)
	}
	tests := []struct{ text, want string }{
		{"the pilot was great", "positive"},
		{"@Airline the lounge is wonderful!", "positive"},
		{"the pilot was terrible", "negative"},
		{"my luggage made me angry", "negative"},
		{"the pilot changed gate", "neutral"},
		{"the lounge leaves at noon", "neutral"},
	}
	for _, tt := range tests {
		p := m.Predict(tt.text)
		if p.Label != tt.want {
			t.Errorf("Predict(%q) = %q %v, want %q", tt.text, p.Label, p.Probs, tt.want)
		}
		if got := m.Classify(tt.text); got != p.Label {
			t.Errorf("Classify(%q) = %q, Predict says %q", tt.text, got, p.Label)
		}
	}
}

func TestPredictProbs(t *testing.T) {
	m := trainSynthetic(t)
	for _, text := range []string{"", "the flight was great", "\xff\xfe", strings.Repeat("awful ", 10000), "&#x0;&&&#;"} {
		p := m.Predict(text)
		sum := 0.0
		for _, x := range p.Probs {
			if math.IsNaN(x) || x < 0 || x > 1 {
				t.Errorf("Predict(%.20q): probability %v", text, x)
			}
			sum += x
		}
		if len(p.Probs) != 3 || math.Abs(sum-1) > 1e-9 {
			t.Errorf("Predict(%.20q): probs %v sum to %v", text, p.Probs, sum)
		}
		if best := m.Classes()[argmax(p.Probs)]; best != p.Label {
			t.Errorf("Predict(%.20q): label %q, most probable %q", text, p.Label, best)
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	a, b := trainSynthetic(t), trainSynthetic(t)
	if a.Version() != b.Version() || !strings.HasPrefix(a.Version(), "lr1-") || len(a.Version()) != 16 {
		t.Errorf("versions %q and %q: want equal, lr1- and 12 hex digits", a.Version(), b.Version())
	}
	ea, _ := a.MarshalBinary()
	eb, _ := b.MarshalBinary()
	if !slices.Equal(ea, eb) {
		t.Error("same seed: encodings differ")
	}
	opts := testOptions()
	opts.Seed = 42
	c, err := Train(context.Background(), syntheticExamples(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if c.Version() == a.Version() {
		t.Errorf("seeds 0 and 42 give the same version %q", a.Version())
	}
	if c.Options() != opts {
		t.Errorf("recorded options %+v, want %+v", c.Options(), opts)
	}
}

func TestTrainErrors(t *testing.T) {
	good := syntheticExamples()
	many := make([]Example, MaxClasses+1)
	for i := range many {
		many[i] = Example{Text: "x", Label: fmt.Sprint(i)}
	}
	bad := func(f func(o *Options)) Options { o := DefaultOptions(); f(&o); return o }
	tests := []struct {
		name     string
		examples []Example
		opts     Options
		want     string
	}{
		{"no examples", nil, DefaultOptions(), "no examples"},
		{"one class", []Example{{"a", "x"}, {"b", "x"}}, DefaultOptions(), "only one label"},
		{"empty label", append(slices.Clone(good), Example{"a", ""}), DefaultOptions(), "empty label"},
		{"bad label", append(slices.Clone(good), Example{"a", "\xff"}), DefaultOptions(), "not valid UTF-8"},
		{"long label", append(slices.Clone(good), Example{"a", strings.Repeat("l", MaxLabelBytes+1)}), DefaultOptions(), "longer than"},
		{"too many classes", many, DefaultOptions(), "more than 64 distinct labels"},
		{"zero options", good, Options{}, "hash bits"},
		{"hash bits", good, bad(func(o *Options) { o.HashBits = MaxHashBits + 1 }), "hash bits"},
		{"char range", good, bad(func(o *Options) { o.CharMinN, o.CharMaxN = 4, 3 }), "n-gram range"},
		{"char max", good, bad(func(o *Options) { o.CharMaxN = 9 }), "n-gram range"},
		{"epochs", good, bad(func(o *Options) { o.Epochs = 0 }), "epochs"},
		{"learning rate", good, bad(func(o *Options) { o.LearningRate = math.NaN() }), "learning rate"},
		{"L2", good, bad(func(o *Options) { o.L2 = -1 }), "L2"},
		{"too many weights", many[:MaxClasses], bad(func(o *Options) { o.HashBits = MaxHashBits }), "at most"},
	}
	for _, tt := range tests {
		_, err := Train(context.Background(), tt.examples, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestTrainCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, syntheticExamples(), testOptions()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Train: error %v, want context.Canceled", err)
	}
}

// TestPredictConcurrent checks that concurrent predictions equal sequential
// ones (run with -race).
func TestPredictConcurrent(t *testing.T) {
	m := trainSynthetic(t)
	texts := []string{"the pilot was great", "my bag is awful", "gate changed", "", "¡Qué bien! 😀"}
	want := make([]Prediction, len(texts))
	for i, text := range texts {
		want[i] = m.Predict(text)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				for i, text := range texts {
					got := m.Predict(text)
					if got.Label != want[i].Label || !slices.Equal(got.Probs, want[i].Probs) {
						t.Errorf("concurrent Predict(%q) = %v, want %v", text, got, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

func TestClassWeights(t *testing.T) {
	ds := &dataset{y: []int32{0, 0, 0, 1, 2, 2}}
	all := []int{0, 1, 2, 3, 4, 5}
	if got, want := classWeights(ds, all, 3, false), []float64{6.0 / 9, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("balanced weights %v, want %v", got, want)
	}
	if got, want := classWeights(ds, []int{0, 3}, 3, false), []float64{1, 1, 0}; !slices.Equal(got, want) {
		t.Errorf("weights with an absent class %v, want %v", got, want)
	}
	if got, want := classWeights(ds, all, 3, true), []float64{1, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("unweighted %v, want %v", got, want)
	}
}

// TestTrainTwoClasses covers the general (not three-class) code paths.
func TestTrainTwoClasses(t *testing.T) {
	var examples []Example
	for _, ex := range syntheticExamples() {
		if ex.Label != "neutral" {
			examples = append(examples, Example{Text: ex.Text, Label: ex.Label[:3]})
		}
	}
	m, err := Train(context.Background(), examples, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{"the pilot was great": "pos", "the pilot was terrible": "neg"} {
		if p := m.Predict(text); p.Label != want || len(p.Probs) != 2 {
			t.Errorf("Predict(%q) = %v, want %q", text, p, want)
		}
	}
}

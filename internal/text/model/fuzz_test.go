package model

import (
	"context"
	"errors"
	"math"
	"testing"
)

// FuzzUnmarshal checks that Unmarshal never panics, that every error wraps
// ErrFormat, and that whatever it accepts predicts sane probabilities and
// re-encodes to a model with the same version. Each input is also tried
// with its checksum recomputed, so that mutations reach the parser behind
// the checksum. The committed corpus (testdata/fuzz/FuzzUnmarshal) holds
// encodings of tinyModel, whole and edited.
func FuzzUnmarshal(f *testing.F) {
	valid, err := tinyModel(f).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add([]byte{})
	f.Add([]byte("HLRM\x02\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkUnmarshal(t, data)
		if len(data) >= 4 {
			checkUnmarshal(t, reseal(data))
		}
	})
}

func checkUnmarshal(t *testing.T, data []byte) {
	m, err := Unmarshal(data)
	if err != nil {
		if !errors.Is(err, ErrFormat) {
			t.Fatalf("error %v does not wrap ErrFormat", err)
		}
		return
	}
	p := m.Predict("the flight was great")
	sum := 0.0
	for _, x := range p.Probs {
		sum += x
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Fatalf("probabilities %v sum to %v", p.Probs, sum)
	}
	enc, _ := m.MarshalBinary()
	again, err := Unmarshal(enc)
	if err != nil {
		t.Fatalf("re-encoding does not decode: %v", err)
	}
	if again.Version() != m.Version() {
		t.Fatalf("re-encoding has version %q, want %q", again.Version(), m.Version())
	}
}

// tinyModel is a model small enough to seed the fuzzer: 2^10 buckets, two
// texts.
func tinyModel(tb testing.TB) *Model {
	tb.Helper()
	opts := DefaultOptions()
	opts.HashBits, opts.Epochs = MinHashBits, 1
	m, err := Train(context.Background(), []Example{{"good trip", "pos"}, {"bad trip", "neg"}}, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

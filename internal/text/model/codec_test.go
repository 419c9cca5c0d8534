package model

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestMarshalRoundTrip(t *testing.T) {
	m := trainSynthetic(t)
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Unmarshal(data)
	if err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if got.Version() != m.Version() || got.Options() != m.Options() || !slices.Equal(got.Classes(), m.Classes()) {
		t.Errorf("round trip: %s %+v %q, want %s %+v %q",
			got.Version(), got.Options(), got.Classes(), m.Version(), m.Options(), m.Classes())
	}
	for _, ex := range append(syntheticExamples(), Example{Text: "something else entirely 😀"}) {
		a, b := m.Predict(ex.Text), got.Predict(ex.Text)
		if a.Label != b.Label || !slices.Equal(a.Probs, b.Probs) {
			t.Errorf("Predict(%q) after round trip = %v, want %v", ex.Text, b, a)
		}
	}
	again, _ := got.MarshalBinary()
	if !slices.Equal(again, data) {
		t.Error("re-encoding differs")
	}
	// Sparse storage: far fewer rows than buckets.
	if max := len(m.w) * 4; len(data) >= max/2 {
		t.Errorf("encoding of %d bytes for %d weights is not compact", len(data), len(m.w))
	}
}

// reseal recomputes the checksum of an edited encoding.
func reseal(b []byte) []byte {
	body := b[:len(b)-4]
	return binary.LittleEndian.AppendUint32(slices.Clone(body), crc32.Checksum(body, castagnoli))
}

func TestUnmarshalRejects(t *testing.T) {
	m := trainSynthetic(t)
	data, _ := m.MarshalBinary()
	edit := func(f func(b []byte) []byte) []byte { return f(slices.Clone(data)) }
	// Offsets: options at 6, classes at headerSize.
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"magic", edit(func(b []byte) []byte { b[0] = 'X'; return b }), "bad magic"},
		{"format version", edit(func(b []byte) []byte { b[4] = 9; return b }), "format version 9"},
		{"old format version", edit(func(b []byte) []byte { b[4] = 1; return b }), "train the model again"},
		{"flipped byte", edit(func(b []byte) []byte { b[len(b)/2] ^= 1; return b }), "checksum mismatch"},
		{"truncated", data[:len(data)-1], "checksum mismatch"},
		{"hash bits", edit(func(b []byte) []byte { b[6] = 40; return reseal(b) }), "hash bits 40"},
		{"flags", edit(func(b []byte) []byte { b[9] = 2; return reseal(b) }), "unknown flags"},
		{"class count", edit(func(b []byte) []byte { b[headerSize] = 1; return reseal(b) }), "1 classes"},
		{"class order", edit(func(b []byte) []byte {
			// "negative" becomes "zegative", after "neutral".
			b[headerSize+2] = 'z'
			return reseal(b)
		}), "not sorted"},
		{"dense count", edit(func(b []byte) []byte {
			i := headerSize + 1 + 1 + len("negative") + 1 + len("neutral") + 1 + len("positive")
			b[i] = numDense - 1
			return reseal(b)
		}), "dense features"},
		{"NaN weight", edit(func(b []byte) []byte {
			i := headerSize + 1 + 1 + len("negative") + 1 + len("neutral") + 1 + len("positive") + 1
			binary.LittleEndian.PutUint32(b[i:], math.Float32bits(float32(math.NaN())))
			return reseal(b)
		}), "non-finite"},
		{"trailing bytes", edit(func(b []byte) []byte {
			return reseal(append(b[:len(b)-4], 0, 0, 0, 0, 0))
		}), "trailing bytes"},
		{"missing rows", edit(func(b []byte) []byte {
			return reseal(append(b[:len(b)-4-13], 0, 0, 0, 0))
		}), "truncated"},
	}
	for _, tt := range tests {
		_, err := Unmarshal(tt.data)
		if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want ErrFormat containing %q", tt.name, err, tt.want)
		}
	}
}

// TestUnmarshalEveryTruncation checks that no prefix of a valid encoding is
// accepted.
func TestUnmarshalEveryTruncation(t *testing.T) {
	data, _ := trainSynthetic(t).MarshalBinary()
	for n := 0; n < len(data); n += 1 + n/64 {
		if _, err := Unmarshal(data[:n]); !errors.Is(err, ErrFormat) {
			t.Fatalf("prefix of %d/%d bytes: error %v, want ErrFormat", n, len(data), err)
		}
	}
}

package model

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
)

// decoder reads the body of an encoded model; the first error sticks and
// later reads return zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(format, args...))
	}
}

func (d *decoder) next(n int, what string) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.fail("truncated %s", what)
		return nil
	}
	p := d.b[:n]
	d.b = d.b[n:]
	return p
}

func (d *decoder) uvarint(what string, limit uint64) int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	switch {
	case n == 0:
		d.fail("truncated %s", what)
		return 0
	case n < 0:
		d.fail("%s overflows 64 bits", what)
		return 0
	}
	d.b = d.b[n:]
	if v > limit {
		d.fail("%s %d exceeds %d", what, v, limit)
		return 0
	}
	return int(v)
}

func (d *decoder) u64(what string) uint64 {
	if p := d.next(8, what); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

// options reads the options block.
func (d *decoder) options() Options {
	p := d.next(8, "options")
	if p == nil {
		return Options{}
	}
	o := Options{
		HashBits: int(p[0]), CharMinN: int(p[1]), CharMaxN: int(p[2]),
		Unweighted: p[3]&1 != 0, Epochs: int(binary.LittleEndian.Uint32(p[4:])),
	}
	if p[3]&^1 != 0 {
		d.fail("unknown flags %#x", p[3])
	}
	o.LearningRate = math.Float64frombits(d.u64("learning rate"))
	o.L2 = math.Float64frombits(d.u64("L2"))
	o.Seed = d.u64("seed")
	if err := o.Validate(); err != nil && d.err == nil {
		d.fail("options: %v", err)
	}
	return o
}

// classes reads the class labels, which must be valid and sorted.
func (d *decoder) classes() []string {
	k := d.uvarint("class count", MaxClasses)
	var classes []string
	for i := 0; i < k && d.err == nil; i++ {
		n := d.uvarint("label length", MaxLabelBytes)
		l := string(d.next(n, "label"))
		if d.err != nil {
			break
		}
		if err := checkLabel(l); err != nil {
			d.fail("class %d: %v", i, err)
		}
		if i > 0 && classes[i-1] >= l {
			d.fail("classes not sorted and distinct at %q", l)
		}
		classes = append(classes, l)
	}
	return classes
}

// dense reads the dense weights of k classes.
func (d *decoder) dense(k int) []float32 {
	if n := d.uvarint("dense feature count", numDense); d.err == nil && n != numDense {
		d.fail("%d dense features, want %d", n, numDense)
	}
	w := make([]float32, numDense*k)
	d.floats(w, "dense weights")
	return w
}

// rows reads the sparse rows of k weights among the given number of
// buckets into w, or only checks them if w is nil (so that garbage is
// rejected before the weights are allocated).
func (d *decoder) rows(k, buckets int, w []float32) {
	row := make([]float32, k)
	n := d.uvarint("row count", uint64(buckets))
	prev := -1
	for range n {
		i := prev + 1 + d.uvarint("row gap", uint64(buckets))
		if d.err == nil && i >= buckets {
			d.fail("bucket %d out of range", i)
		}
		d.floats(row, "weights")
		if d.err != nil {
			return
		}
		if !slices.ContainsFunc(row, func(x float32) bool { return x != 0 }) {
			d.fail("bucket %d stored with zero weights", i)
			return
		}
		if w != nil {
			copy(w[i*k:(i+1)*k], row)
		}
		prev = i
	}
}

// floats reads len(dst) finite float32s.
func (d *decoder) floats(dst []float32, what string) {
	p := d.next(4*len(dst), what)
	if p == nil {
		return
	}
	for i := range dst {
		x := math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:]))
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			d.fail("%s: non-finite value", what)
			return
		}
		dst[i] = x
	}
}

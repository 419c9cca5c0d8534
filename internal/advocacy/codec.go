package advocacy

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// codecVersion is the first byte of a marshalled Summary.
const codecVersion = 1

// fields lists pointers to every counter, in storage order: append only.
func (c *Counts) fields() []*uint32 {
	return []*uint32{
		&c.Events, &c.Texts, &c.Posts, &c.Replies, &c.Quotes, &c.Shares, &c.Likes, &c.Follows,
		&c.Positive, &c.Negative, &c.Neutral, &c.Endorse, &c.Praise, &c.Recommend, &c.AntiRecommend,
		&c.Complaints, &c.Questions, &c.Suggestions, &c.Direct, &c.Links, &c.Hashed,
		&c.Media, &c.Answers, &c.Reviews, &c.Referrals, &c.Own,
	}
}

// MarshalBinary encodes the summary compactly (varints, deltas): a
// version byte, the key, spans, counts, totals, then the histogram, the
// fingerprints and the evidence lists.
func (s Summary) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 64+8*len(s.Weeks)+6*len(s.Hashes))
	b = append(b, codecVersion)
	for _, v := range []int64{s.Person, s.Brand, s.First, s.Last, s.FirstText, s.LastText, s.FirstEndorse, s.LastEndorse} {
		b = binary.AppendVarint(b, v)
	}
	for _, f := range s.Counts.fields() {
		b = binary.AppendUvarint(b, uint64(*f))
	}
	b = binary.AppendVarint(b, s.Reach)
	b = binary.AppendVarint(b, s.PosWeight)
	b = binary.AppendVarint(b, s.NegWeight)
	b = binary.AppendVarint(b, s.NeuWeight)
	b = appendWeeks(b, s.Weeks)
	b = binary.AppendUvarint(b, uint64(len(s.Hashes)))
	prev := uint64(0)
	for _, h := range s.Hashes {
		b = binary.AppendUvarint(b, h-prev)
		prev = h
	}
	for _, ms := range [][]Mark{s.Good, s.Bad, s.Contrib} {
		b = binary.AppendUvarint(b, uint64(len(ms)))
		for _, m := range ms {
			b = binary.AppendVarint(b, m.Activity)
			b = binary.AppendVarint(b, int64(m.Weight))
		}
	}
	return b, nil
}

// appendWeeks encodes the histogram with week indexes as deltas.
func appendWeeks(b []byte, weeks []Week) []byte {
	b = binary.AppendUvarint(b, uint64(len(weeks)))
	prev := int64(0)
	for i, w := range weeks {
		if i == 0 {
			b = binary.AppendVarint(b, int64(w.Index))
		} else {
			b = binary.AppendUvarint(b, uint64(int64(w.Index)-prev))
		}
		prev = int64(w.Index)
		for _, v := range []uint32{w.Units, w.Texts, w.Positive, w.Endorse, w.Negative} {
			b = binary.AppendUvarint(b, uint64(v))
		}
	}
	return b
}

// UnmarshalSummary decodes a summary encoded by MarshalBinary. It checks
// the bounds and orders a summary must respect.
func UnmarshalSummary(data []byte) (Summary, error) {
	d := decoder{b: data}
	if v := d.byte(); v != codecVersion {
		return Summary{}, fmt.Errorf("advocacy summary: unknown version %d", v)
	}
	var s Summary
	for _, p := range []*int64{&s.Person, &s.Brand, &s.First, &s.Last, &s.FirstText, &s.LastText, &s.FirstEndorse, &s.LastEndorse} {
		*p = d.varint()
	}
	for _, f := range s.Counts.fields() {
		*f = d.uint32()
	}
	s.Reach, s.PosWeight, s.NegWeight, s.NeuWeight = d.varint(), d.varint(), d.varint(), d.varint()
	s.Weeks = d.weeks()
	s.Hashes = d.hashes()
	s.Good, s.Bad, s.Contrib = d.marks(MaxGood), d.marks(MaxBad), d.marks(MaxContrib)
	if d.err == nil && len(d.b) != 0 {
		d.err = errors.New("trailing bytes")
	}
	if d.err != nil {
		return Summary{}, fmt.Errorf("advocacy summary: %w", d.err)
	}
	return s, nil
}

// decoder reads varints, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = errors.New(msg)
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail("truncated")
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("truncated or bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("truncated or bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) uint32() uint32 {
	v := d.uvarint()
	if v > math.MaxUint32 {
		d.fail("counter out of range")
		return 0
	}
	return uint32(v)
}

// count reads a list length and checks it against limit.
func (d *decoder) count(limit int) int {
	n := d.uvarint()
	if n > uint64(limit) {
		d.fail("list too long")
		return 0
	}
	return int(n)
}

func (d *decoder) weeks() []Week {
	n := d.count(MaxWeeks)
	if n == 0 {
		return nil
	}
	out := make([]Week, n)
	prev := int64(0)
	for i := range out {
		idx := prev
		if i == 0 {
			idx = d.varint()
		} else if delta := d.uvarint(); delta == 0 || delta > math.MaxUint32 {
			d.fail("weeks not ascending")
		} else {
			idx += int64(delta)
		}
		if idx > math.MaxInt32 || idx < math.MinInt32 {
			d.fail("week out of range")
		}
		prev = idx
		out[i] = Week{Index: int32(idx), Units: d.uint32(), Texts: d.uint32(), Positive: d.uint32(), Endorse: d.uint32(), Negative: d.uint32()}
	}
	return out
}

func (d *decoder) hashes() []uint64 {
	n := d.count(MaxHashes)
	if n == 0 {
		return nil
	}
	out := make([]uint64, n)
	prev := uint64(0)
	for i := range out {
		delta := d.uvarint()
		if delta == 0 || prev+delta < prev {
			d.fail("fingerprints not ascending")
		}
		prev += delta
		out[i] = prev
	}
	return out
}

func (d *decoder) marks(limit int) []Mark {
	n := d.count(limit)
	if n == 0 {
		return nil
	}
	out := make([]Mark, n)
	for i := range out {
		a, w := d.varint(), d.varint()
		if w > math.MaxInt32 || w < math.MinInt32 {
			d.fail("weight out of range")
		}
		out[i] = Mark{Activity: a, Weight: int32(w)}
	}
	return out
}

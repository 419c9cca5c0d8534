package store

import (
	"slices"
	"testing"
)

func TestHourOf(t *testing.T) {
	for _, c := range [][2]int64{{0, 0}, {1, 0}, {3_599_999, 0}, {3_600_000, 3_600_000}, {-1, -3_600_000},
		{-3_600_000, -3_600_000}, {-3_600_001, -7_200_000}} {
		if got := hourOf(c[0]); got != c[1] {
			t.Errorf("hourOf(%d) = %d, want %d", c[0], got, c[1])
		}
	}
	h := dirtyHours{}
	for _, t := range []int64{7_300_000, 10, 3_600_000, 14_400_000, 7_200_000} {
		h.add(t)
	}
	want := [][2]int64{{0, 10_800_000}, {14_400_000, 18_000_000}}
	if got := h.ranges(); !slices.Equal(got, want) {
		t.Errorf("ranges %v, want %v", got, want)
	}
}

// TestMarks checks the distinct counting on dense and on huge ids.
func TestMarks(t *testing.T) {
	var m marks
	type step struct {
		id             int64
		k              int
		inBucket, news bool
	}
	for _, id := range []int64{5, maxDenseID + 5, 1 << 40} {
		for _, s := range []step{{id, 0, true, true}, {id, 0, false, false}, {id, 1, true, false}, {id, 1, false, false},
			{id + 1, 1, true, true}, {id, 3, true, false}} {
			if b, n := m.mark(s.id, s.k); b != s.inBucket || n != s.news {
				t.Errorf("mark(%d, %d) = %v, %v, want %v, %v", s.id, s.k, b, n, s.inBucket, s.news)
			}
		}
	}
}

func TestParseLists(t *testing.T) {
	var ids []int64
	if err := eachID("3,14,159", func(id int64) { ids = append(ids, id) }); err != nil || !slices.Equal(ids, []int64{3, 14, 159}) {
		t.Errorf("eachID: %v, %v", ids, err)
	}
	if err := eachID("3,,4", func(int64) {}); err == nil {
		t.Error("eachID accepted an empty item")
	}
	ts, err := appendResponses(nil, "1500,0")
	if err != nil || !slices.Equal(ts, []float64{1.5, 0}) {
		t.Errorf("appendResponses: %v, %v", ts, err)
	}
	if med, p90 := medianP90([]float64{4, 1, 3, 2}); med != median([]float64{1, 2, 3, 4}) || p90 != percentile([]float64{1, 2, 3, 4}, 0.9) {
		t.Errorf("medianP90 = %v, %v", med, p90)
	}
}

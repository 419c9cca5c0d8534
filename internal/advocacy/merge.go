package advocacy

import (
	"cmp"
	"fmt"
	"slices"
)

// Merge returns the summary of the union of the events summarised by a
// and b, which must be about the same person and brand and come from
// disjoint event sets: Merge(Summarize(x)[0], Summarize(y)[0]) equals
// Summarize(x+y)[0]. This is how an importer updates a stored summary
// with new activities.
func Merge(a, b Summary) (Summary, error) {
	if a.key() != b.key() {
		return Summary{}, fmt.Errorf("merge summaries of person %d brand %d and person %d brand %d", a.Person, a.Brand, b.Person, b.Brand)
	}
	out := a
	out.mergeSpans(&b)
	out.Counts = addCounts(a.Counts, b.Counts)
	out.Reach = a.Reach + b.Reach
	out.PosWeight = a.PosWeight + b.PosWeight
	out.NegWeight = a.NegWeight + b.NegWeight
	out.NeuWeight = a.NeuWeight + b.NeuWeight
	out.Weeks = mergeWeeks(a.Weeks, b.Weeks)
	out.Hashes = mergeHashes(a.Hashes, b.Hashes)
	out.Good = mergeMarks(a.Good, b.Good, MaxGood)
	out.Bad = mergeMarks(a.Bad, b.Bad, MaxBad)
	out.Contrib = mergeMarks(a.Contrib, b.Contrib, MaxContrib)
	return out, nil
}

// MergeAll merges lists of summaries (each of any order) by person and
// brand, sorted by person then brand like Summarize.
func MergeAll(lists ...[]Summary) ([]Summary, error) {
	var all []Summary
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.SortStableFunc(all, func(a, b Summary) int {
		return cmp.Or(cmp.Compare(a.Person, b.Person), cmp.Compare(a.Brand, b.Brand))
	})
	var out []Summary
	for _, s := range all {
		if n := len(out); n > 0 && out[n-1].key() == s.key() {
			m, err := Merge(out[n-1], s)
			if err != nil {
				return nil, err
			}
			out[n-1] = m
			continue
		}
		out = append(out, clone(s))
	}
	return out, nil
}

// clone copies a summary's slices so that merging into it never aliases
// the caller's.
func clone(s Summary) Summary {
	s.Weeks = slices.Clone(s.Weeks)
	s.Hashes = slices.Clone(s.Hashes)
	s.Good = slices.Clone(s.Good)
	s.Bad = slices.Clone(s.Bad)
	s.Contrib = slices.Clone(s.Contrib)
	return s
}

// mergeSpans widens s's spans by o's.
func (s *Summary) mergeSpans(o *Summary) {
	mergeSpan(&s.First, &s.Last, s.Counts.Events, o.First, o.Last, o.Counts.Events)
	mergeSpan(&s.FirstText, &s.LastText, s.Counts.Texts, o.FirstText, o.LastText, o.Counts.Texts)
	mergeSpan(&s.FirstEndorse, &s.LastEndorse, s.Counts.Endorse, o.FirstEndorse, o.LastEndorse, o.Counts.Endorse)
}

// mergeSpan widens [first, last] (n events) by [f, l] (m events).
func mergeSpan(first, last *int64, n uint32, f, l int64, m uint32) {
	switch {
	case m == 0:
	case n == 0:
		*first, *last = f, l
	default:
		*first, *last = min(*first, f), max(*last, l)
	}
}

// addCounts adds two Counts field by field.
func addCounts(a, b Counts) Counts {
	return Counts{
		Events: a.Events + b.Events, Texts: a.Texts + b.Texts, Posts: a.Posts + b.Posts,
		Replies: a.Replies + b.Replies, Quotes: a.Quotes + b.Quotes, Shares: a.Shares + b.Shares,
		Likes: a.Likes + b.Likes, Follows: a.Follows + b.Follows,
		Positive: a.Positive + b.Positive, Negative: a.Negative + b.Negative, Neutral: a.Neutral + b.Neutral,
		Endorse: a.Endorse + b.Endorse,
		Praise:  a.Praise + b.Praise, Recommend: a.Recommend + b.Recommend, AntiRecommend: a.AntiRecommend + b.AntiRecommend,
		Complaints: a.Complaints + b.Complaints, Questions: a.Questions + b.Questions, Suggestions: a.Suggestions + b.Suggestions,
		Direct: a.Direct + b.Direct, Links: a.Links + b.Links, Hashed: a.Hashed + b.Hashed,
		Media: a.Media + b.Media, Answers: a.Answers + b.Answers, Reviews: a.Reviews + b.Reviews,
		Referrals: a.Referrals + b.Referrals, Own: a.Own + b.Own,
	}
}

// weekIndex finds week wk in the ascending histogram: its position, or
// where it would be inserted.
func weekIndex(weeks []Week, wk int32) (int, bool) {
	return slices.BinarySearchFunc(weeks, wk, func(w Week, k int32) int { return cmp.Compare(w.Index, k) })
}

// mergeWeeks adds two ascending histograms and keeps the latest MaxWeeks.
// Keeping the latest weeks commutes with merging: a week among the latest
// MaxWeeks of the union is among the latest of each part.
func mergeWeeks(a, b []Week) []Week {
	out := make([]Week, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].Index < b[j].Index:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].Index < a[i].Index:
			out = append(out, b[j])
			j++
		default:
			w := a[i]
			w.Units += b[j].Units
			w.Texts += b[j].Texts
			w.Positive += b[j].Positive
			w.Endorse += b[j].Endorse
			w.Negative += b[j].Negative
			out = append(out, w)
			i++
			j++
		}
	}
	return trimWeeks(out)
}

// trimWeeks keeps the latest MaxWeeks weeks (nil when empty).
func trimWeeks(w []Week) []Week {
	if len(w) == 0 {
		return nil
	}
	if len(w) > MaxWeeks {
		w = slices.Clone(w[len(w)-MaxWeeks:])
	}
	return w
}

// insertHash adds h to the ascending bottom-k set of fingerprints.
func insertHash(hs []uint64, h uint64) []uint64 {
	i, found := slices.BinarySearch(hs, h)
	if found || i >= MaxHashes {
		return hs
	}
	hs = slices.Insert(hs, i, h)
	if len(hs) > MaxHashes {
		hs = hs[:MaxHashes]
	}
	return hs
}

// mergeHashes is the bottom-k of the union of two bottom-k sets.
func mergeHashes(a, b []uint64) []uint64 {
	out := slices.Clone(a)
	for _, h := range b {
		out = insertHash(out, h)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// better orders marks: heavier first, then lower activity id.
func better(a, b Mark) int {
	return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(a.Activity, b.Activity))
}

// insertMark adds m to the top-k list (strongest first), ignoring an
// activity already present.
func insertMark(ms []Mark, m Mark, k int) []Mark {
	for _, x := range ms {
		if x.Activity == m.Activity {
			return ms
		}
	}
	i, _ := slices.BinarySearchFunc(ms, m, better)
	if i >= k {
		return ms
	}
	ms = slices.Insert(ms, i, m)
	if len(ms) > k {
		ms = ms[:k]
	}
	return ms
}

// mergeMarks is the top-k of the union of two top-k lists.
func mergeMarks(a, b []Mark, k int) []Mark {
	out := slices.Clone(a)
	for _, m := range b {
		out = insertMark(out, m, k)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

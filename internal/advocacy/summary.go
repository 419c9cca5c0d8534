package advocacy

import (
	"cmp"
	"slices"
)

// Bounds on a Summary, so that its size does not grow with activity.
const (
	MaxWeeks   = 208 // weekly histogram: the latest weeks kept (4 years)
	MaxHashes  = 32  // smallest distinct text fingerprints kept
	MaxGood    = 5   // strongest positive evidence activities kept
	MaxBad     = 3   // strongest negative evidence activities kept
	MaxContrib = 3   // strongest contribution activities kept
)

// weekSeconds is the length of a histogram week. Weeks start on Monday
// 00:00 UTC.
const weekSeconds = 7 * 24 * 3600

// WeekOf returns the index of the week holding unix time t: weeks since
// the Monday before the Unix epoch.
func WeekOf(t int64) int32 {
	t += 3 * 24 * 3600 // 1970-01-01 was a Thursday
	w := t / weekSeconds
	if t%weekSeconds < 0 {
		w--
	}
	return int32(w)
}

// Summary is everything scoring needs to know about one person's events
// about one brand. It holds only commutative aggregates, so it does not
// depend on the order of the events, and it is independent of the as-of
// time. Times are unix seconds; a span is meaningful only when its count
// is non-zero (First/Last: Counts.Events; FirstText/LastText:
// Counts.Texts; FirstEndorse/LastEndorse: Counts.Endorse).
type Summary struct {
	Person, Brand             int64
	First, Last               int64 // any event
	FirstText, LastText       int64 // posts, replies, quotes
	FirstEndorse, LastEndorse int64 // endorsements (see Counts.Endorse)
	Counts                    Counts
	Reach                     int64 // total reach of the texts
	// PosWeight, NegWeight and NeuWeight are the stance evidence, in
	// tenths of a praising or a negative text (see docs/scoring.md).
	PosWeight, NegWeight, NeuWeight int64
	// Weeks is the sparse weekly histogram, ascending, at most MaxWeeks
	// of the latest weeks.
	Weeks []Week
	// Hashes are the smallest distinct text fingerprints, ascending, at
	// most MaxHashes: a bottom-k sketch of the number of distinct texts.
	Hashes []uint64
	// Good, Bad and Contrib are the strongest positive, negative and
	// contribution evidence, strongest first (ties: lower activity id).
	Good, Bad, Contrib []Mark
}

// Counts are event counts. Own-account events are only counted in Own.
type Counts struct {
	Events, Texts, Posts, Replies, Quotes, Shares, Likes, Follows uint32
	// Positive, Negative and Neutral count texts by stance (the analysed
	// label corrected by intents, see Event.polarity).
	Positive, Negative, Neutral uint32
	// Endorse counts endorsements: positive texts that praise, recommend,
	// review or are strongly positive, and non-negative answers to other
	// people. Tenure and advocacy weeks are measured on them.
	Endorse uint32
	// Praise and Recommend count non-negative texts praising or
	// recommending; AntiRecommend counts negative texts recommending
	// (telling others to avoid the brand).
	Praise, Recommend, AntiRecommend   uint32
	Complaints, Questions, Suggestions uint32
	Direct                             uint32 // texts addressing the brand
	Links                              uint32 // texts with links
	Hashed                             uint32 // texts with a fingerprint
	// Contributions (non-negative texts only).
	Media, Answers, Reviews, Referrals uint32
	Own                                uint32 // events written by the brand's own accounts
}

// Week is one week of the histogram.
type Week struct {
	Index    int32  // WeekOf
	Units    uint32 // voice units: see unitsOf
	Texts    uint32
	Positive uint32 // positive texts
	Endorse  uint32 // endorsements
	Negative uint32 // negative texts
}

// Mark is an evidence activity with its weight.
type Mark struct {
	Activity int64
	Weight   int32
}

// Summarize folds events into one Summary per (person, brand), sorted by
// person then brand. The result does not depend on the order of events.
// The caller passes each (activity, brand) pair at most once.
func Summarize(events []Event) []Summary {
	out := make([]Summary, 0, 4)
	var index map[[2]int64]int
	for i := range events {
		e := &events[i]
		j := find(out, index, e.Person, e.Brand)
		if j < 0 {
			j = len(out)
			out = append(out, Summary{Person: e.Person, Brand: e.Brand})
			switch {
			case index != nil:
				index[[2]int64{e.Person, e.Brand}] = j
			case len(out) > 16:
				index = indexOf(out)
			}
		}
		out[j].add(e)
	}
	for i := range out {
		out[i].Weeks = trimWeeks(out[i].Weeks)
	}
	slices.SortFunc(out, func(a, b Summary) int {
		return cmp.Or(cmp.Compare(a.Person, b.Person), cmp.Compare(a.Brand, b.Brand))
	})
	return out
}

// find returns the index of the (person, brand) summary in out, or -1.
func find(out []Summary, index map[[2]int64]int, person, brand int64) int {
	if index != nil {
		if j, ok := index[[2]int64{person, brand}]; ok {
			return j
		}
		return -1
	}
	for j := range out {
		if out[j].Person == person && out[j].Brand == brand {
			return j
		}
	}
	return -1
}

// indexOf maps every summary's key to its position.
func indexOf(out []Summary) map[[2]int64]int {
	m := make(map[[2]int64]int, 2*len(out))
	for j := range out {
		m[[2]int64{out[j].Person, out[j].Brand}] = j
	}
	return m
}

// key orders summaries by person then brand.
func (s *Summary) key() [2]int64 { return [2]int64{s.Person, s.Brand} }

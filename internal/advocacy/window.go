package advocacy

// tally sums a range of the weekly histogram.
type tally struct {
	Units, Texts, Positive, Endorse, Negative uint64
	Active                                    int // weeks with at least one text's worth of voice units
	EndorseWeeks                              int // weeks with an endorsement
	TextWeeks                                 int // weeks with a text
	PosWeeks                                  int // weeks with a positive text
	Weeks                                     int // weeks with any event
}

// tallyWeeks sums the weeks with index in [from, to].
func tallyWeeks(weeks []Week, from, to int32) tally {
	var t tally
	if from > to {
		return t
	}
	i, _ := weekIndex(weeks, from)
	for ; i < len(weeks) && weeks[i].Index <= to; i++ {
		w := &weeks[i]
		t.Units += uint64(w.Units)
		t.Texts += uint64(w.Texts)
		t.Positive += uint64(w.Positive)
		t.Endorse += uint64(w.Endorse)
		t.Negative += uint64(w.Negative)
		t.Weeks++
		if w.Units >= unitText {
			t.Active++
		}
		if w.Endorse > 0 {
			t.EndorseWeeks++
		}
		if w.Texts > 0 {
			t.TextWeeks++
		}
		if w.Positive > 0 {
			t.PosWeeks++
		}
	}
	return t
}

// windows are the histogram ranges scoring looks at, relative to the
// as-of week.
type windows struct {
	all     tally // every retained week up to the as-of week
	recent  tally // the last RecentWeeks weeks
	earlier tally // the EarlierWeeks weeks before them
	// earlierSpan is how many weeks of the earlier window the person was
	// already around for (from their first event).
	earlierSpan int
}

// windowsOf tallies s's histogram as of week now.
func windowsOf(s *Summary, now int32, w *Weights) windows {
	recentFrom := now - int32(w.RecentWeeks) + 1
	earlierFrom := recentFrom - int32(w.EarlierWeeks)
	var ws windows
	ws.all = tallyWeeks(s.Weeks, minWeek, now)
	ws.recent = tallyWeeks(s.Weeks, recentFrom, now)
	ws.earlier = tallyWeeks(s.Weeks, earlierFrom, recentFrom-1)
	if s.Counts.Events > 0 {
		from := max(earlierFrom, WeekOf(s.First))
		ws.earlierSpan = max(int(recentFrom-from), 0)
	}
	return ws
}

// minWeek is the smallest week index.
const minWeek = -1 << 31

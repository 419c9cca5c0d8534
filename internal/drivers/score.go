package drivers

import "math"

// backgroundFloor is the pseudo-count every term of a ∪ b gets in an
// explicit background, so that its prior is positive.
const backgroundFloor = 0.01

// logOdds returns δ and z for a term with counts ya, yb in groups with
// totals na, nb, under prior count aw and prior mass a0 (Monroe et al.
// 2008, section 3.5.1). ok is false when an odds is undefined, as for the
// only term of its kind.
func logOdds(ya, yb, na, nb, aw, a0 float64) (delta, z float64, ok bool) {
	pa, qa := ya+aw, na+a0-ya-aw
	pb, qb := yb+aw, nb+a0-yb-aw
	if !(pa > 0 && qa > 0 && pb > 0 && qb > 0) {
		return 0, 0, false
	}
	delta = math.Log(pa/qa) - math.Log(pb/qb)
	z = delta / math.Sqrt(1/pa+1/pb)
	return delta, z, true
}

// score returns a driver without examples for every term of a ∪ b seen at
// least opt.MinCount times there. bg nil means the background is a ∪ b.
func (c *counter) score(ga, gb, bg *group, opt Options) []Driver {
	// Per-kind background totals and vocabulary sizes.
	var bgTotal [numKinds]float64
	var vocab [numKinds]float64
	for id := range c.terms {
		if ga.at(id)+gb.at(id) > 0 {
			vocab[c.kinds[id]]++
		}
	}
	for k := range numKinds {
		if bg == nil {
			bgTotal[k] = float64(ga.total[k] + gb.total[k])
		} else {
			bgTotal[k] = float64(bg.total[k]) + backgroundFloor*vocab[k]
		}
	}
	var out []Driver
	for id, term := range c.terms {
		ya, yb := ga.at(id), gb.at(id)
		if ya+yb < opt.MinCount {
			continue
		}
		k := c.kinds[id]
		if ga.total[k] == 0 || gb.total[k] == 0 {
			continue // nothing to compare against
		}
		var f float64
		if bg == nil {
			f = float64(ya+yb) / bgTotal[k]
		} else {
			f = (float64(bg.at(id)) + backgroundFloor) / bgTotal[k]
		}
		a0 := opt.PriorScale * float64(ga.total[k]+gb.total[k])
		delta, z, ok := logOdds(float64(ya), float64(yb), float64(ga.total[k]), float64(gb.total[k]), a0*f, a0)
		if !ok {
			continue
		}
		out = append(out, Driver{Term: term, Kind: kindNames[k], Z: z, LogOdds: delta, CountA: ya, CountB: yb})
	}
	return out
}

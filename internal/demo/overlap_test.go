package demo

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

// life is what one planted person did, in time order.
type life struct {
	posts   []*node // posts and quotes
	replies []*node
	engage  int     // likes and shares
	all     []int64 // times of every activity
}

func lives(s *sim) map[*person]*life {
	m := map[*person]*life{}
	for _, n := range s.out {
		l := m[n.acc.p]
		if l == nil {
			l = &life{}
			m[n.acc.p] = l
		}
		l.all = append(l.all, n.ms)
		switch n.a.Kind {
		case herald.KindPost, herald.KindQuote:
			l.posts = append(l.posts, n)
		case herald.KindReply:
			l.replies = append(l.replies, n)
		case herald.KindLike, herald.KindShare:
			l.engage++
		}
	}
	return m
}

// planted returns the people of archetype a who did something, with their
// lives.
func planted(s *sim, m map[*person]*life, a Archetype) []*person {
	var ps []*person
	for _, p := range s.people {
		if p.arch == a && m[p] != nil {
			ps = append(ps, p)
		}
	}
	return ps
}

// stat applies f to each person and returns the median.
func stat(ps []*person, m map[*person]*life, f func(*person, *life) float64) float64 {
	if len(ps) == 0 {
		return 0
	}
	x := make([]float64, len(ps))
	for i, p := range ps {
		x[i] = f(p, m[p])
	}
	slices.Sort(x)
	return x[len(x)/2]
}

// frac is the share of people for which f holds.
func frac(ps []*person, m map[*person]*life, f func(*person, *life) bool) float64 {
	n := 0
	for _, p := range ps {
		if f(p, m[p]) {
			n++
		}
	}
	return float64(n) / float64(max(len(ps), 1))
}

func count(list []*node, f func(*node) bool) int {
	n := 0
	for _, x := range list {
		if f(x) {
			n++
		}
	}
	return n
}

func is(ins ...intent) func(*node) bool {
	return func(n *node) bool { return slices.Contains(ins, n.in) }
}

func about(b int, ins ...intent) func(*node) bool {
	return func(n *node) bool { return int(n.brand) == b && slices.Contains(ins, n.in) }
}

func hasTrait(t Trait) func(*person, *life) bool {
	return func(p *person, _ *life) bool { return slices.Contains(p.traits, t) }
}

func not(f func(*person, *life) bool) func(*person, *life) bool {
	return func(p *person, l *life) bool { return !f(p, l) }
}

func filter(ps []*person, m map[*person]*life, f func(*person, *life) bool) []*person {
	var out []*person
	for _, p := range ps {
		if f(p, m[p]) {
			out = append(out, p)
		}
	}
	return out
}

// within is the most texts matching f inside any window of width ms.
func within(list []*node, width int64, f func(*node) bool) int {
	best := 0
	for i, a := range list {
		if !f(a) {
			continue
		}
		n := 0
		for _, b := range list[i:] {
			if b.ms-a.ms > width {
				break
			}
			if f(b) {
				n++
			}
		}
		best = max(best, n)
	}
	return best
}

// longestGap is the longest time between two consecutive activities.
func longestGap(l *life) int64 {
	var g int64
	for i := 1; i < len(l.all); i++ {
		g = max(g, l.all[i]-l.all[i-1])
	}
	return g
}

func checkRange(t *testing.T, what string, got, lo, hi float64) {
	t.Helper()
	if got < lo || got > hi {
		t.Errorf("%s: %.3f, want %.3f-%.3f", what, got, lo, hi)
	}
}

var positive = []intent{iPraise, iRecommend, iPhoto, iIdea, iReview, iGlowing, iChallenge}

func TestChampions(t *testing.T) {
	s := defaultSim(t)
	m := lives(s)
	ch, fans := planted(s, m, Champion), planted(s, m, SteadyFan)
	if len(ch) != 30 {
		t.Fatalf("%d active champions, want 30", len(ch))
	}
	posts := func(_ *person, l *life) float64 { return float64(len(l.posts)) }
	tenure := func(_ *person, l *life) float64 { return float64(l.all[len(l.all)-1]-l.all[0]) / float64(day) }
	regular := func(_ *person, l *life) float64 { // share of weeks with a post
		weeks := map[int64]bool{}
		for _, n := range l.posts {
			weeks[(n.ms-l.posts[0].ms)/week] = true
		}
		span := (l.posts[len(l.posts)-1].ms - l.posts[0].ms) / week
		return float64(len(weeks)) / float64(span+1)
	}
	recommends := func(_ *person, l *life) float64 {
		return float64(count(l.posts, is(iRecommend, iReview))) / float64(len(l.posts))
	}
	helps := func(_ *person, l *life) float64 { return float64(count(l.replies, is(iAnswer, iTip))) }
	followers := func(p *person, _ *life) float64 { return float64(p.accts[0].id.Followers) }
	for _, c := range []struct {
		name string
		f    func(*person, *life) float64
		min  float64 // champions' median at least
		over float64 // and at least this times the steady fans' median
	}{
		{"posts", posts, 30, 1.2},
		{"tenure days", tenure, 165, 1},
		{"regularity", regular, 0.9, 1.03},
		{"recommendation share", recommends, 0.3, 1.3},
		{"answers and tips", helps, 4, 3},
		{"followers", followers, 1000, 5},
	} {
		got, fan := stat(ch, m, c.f), stat(fans, m, c.f)
		if got < c.min || got < c.over*fan {
			t.Errorf("%s: champions' median %.2f, steady fans' %.2f; want at least %.2f and %.1f×", c.name, got, fan, c.min, c.over)
		}
	}
	if got := frac(ch, m, func(_ *person, l *life) bool {
		return count(l.posts, is(iReview)) > 0 && count(l.posts, is(iPhoto)) > 0 && count(l.posts, is(iIdea)) > 0
	}); got < 0.9 {
		t.Errorf("%.2f of champions posted a review, a photo and an idea, want 0.9", got)
	}
	if got := frac(fans, m, func(_ *person, l *life) bool { return count(l.posts, is(iReview)) > 0 }); got != 0 {
		t.Errorf("%.2f of steady fans posted a review, want none", got)
	}
	for _, p := range ch {
		if f := p.accts[0].id.Followers; f < 800 || f > 12_000 {
			t.Errorf("champion %s: %d followers, want 800-12,000", p.accts[0].id.Handle, f)
		}
		for _, n := range m[p].posts {
			if n.in == iReview && (len(n.a.Text) < 150 || !names(n.a.Text, northwind)) {
				t.Errorf("review %q: want a long text naming Northwind", n.a.Text)
			}
		}
	}
}

func TestSteadyFanOverlaps(t *testing.T) {
	s := defaultSim(t)
	m := lives(s)
	fans := planted(s, m, SteadyFan)
	checkRange(t, "share with a complaint streak", frac(fans, m, hasTrait(ComplaintStreak)), 0.18, 0.42)
	checkRange(t, "share with a quiet month", frac(fans, m, hasTrait(QuietMonth)), 0.13, 0.37)
	streak := func(_ *person, l *life) bool { return within(l.posts, 14*day, is(iComplaint)) >= 2 }
	if got := frac(filter(fans, m, hasTrait(ComplaintStreak)), m, streak); got < 0.9 {
		t.Errorf("%.2f of fans with a complaint streak have two complaints within 14 days, want 0.9", got)
	}
	if got := frac(filter(fans, m, not(hasTrait(ComplaintStreak))), m, streak); got > 0.4 {
		t.Errorf("%.2f of the other fans have two complaints within 14 days, want 0.4 at most", got)
	}
	gap := func(_ *person, l *life) bool { return longestGap(l) >= 21*day }
	if got := frac(filter(fans, m, hasTrait(QuietMonth)), m, gap); got < 0.95 {
		t.Errorf("%.2f of quiet-month fans have a 3-week gap, want 0.95", got)
	}
	if got := frac(filter(fans, m, not(hasTrait(QuietMonth))), m, gap); got > 0.1 {
		t.Errorf("%.2f of the other fans have a 3-week gap, want 0.1 at most", got)
	}
	pos := func(_ *person, l *life) float64 {
		return float64(count(l.posts, is(positive...))) / float64(len(l.posts))
	}
	if got := stat(filter(fans, m, hasTrait(ComplaintStreak)), m, pos); got < 0.65 {
		t.Errorf("fans with a complaint streak: median positive share %.2f, want 0.65: still fans", got)
	}
}

func TestLoyalComplainersPraise(t *testing.T) {
	s := defaultSim(t)
	m := lives(s)
	ps := planted(s, m, LoyalComplainer)
	share := func(ins ...intent) func(*person, *life) float64 {
		return func(_ *person, l *life) float64 { return float64(count(l.posts, is(ins...))) / float64(len(l.posts)) }
	}
	checkRange(t, "complaint share", stat(ps, m, share(iComplaint)), 0.35, 0.62)
	checkRange(t, "praise share", stat(ps, m, share(iPraise, iRecommend, iPhoto)), 0.15, 0.4)
	if got := frac(ps, m, func(_ *person, l *life) bool { return count(l.posts, is(iPraise)) > 0 }); got < 0.8 {
		t.Errorf("%.2f of loyal complainers praised Northwind, want 0.8", got)
	}
}

func TestCompetitorFansCross(t *testing.T) {
	s := defaultSim(t)
	m := lives(s)
	ps := planted(s, m, CompetitorFan)
	praiseOwn := func(_ *person, l *life) bool { return count(l.posts, about(northwind, iGrudging)) > 0 }
	complainFav := func(p *person, l *life) bool { return count(l.posts, about(p.fav, iComplaint)) > 0 }
	if got := frac(ps, m, praiseOwn); got < 0.5 {
		t.Errorf("%.2f of competitor fans praised Northwind, want 0.5", got)
	}
	if got := frac(ps, m, complainFav); got < 0.5 {
		t.Errorf("%.2f of competitor fans complained about their favourite, want 0.5", got)
	}
	favPos := func(p *person, l *life) float64 {
		return float64(count(l.posts, about(p.fav, iPraise, iRecommend, iPhoto, iCompare))) / float64(len(l.posts))
	}
	if got := stat(ps, m, favPos); got < 0.6 {
		t.Errorf("competitor fans: median share of posts for their favourite %.2f, want 0.6", got)
	}
	for _, p := range ps {
		for _, n := range m[p].posts {
			if n.in == iGrudging && !names(n.a.Text, northwind) {
				t.Fatalf("%q does not name Northwind", n.a.Text)
			}
		}
	}
}

func TestBigBursts(t *testing.T) {
	s := defaultSim(t)
	m := lives(s)
	ps := planted(s, m, BurstFan)
	checkRange(t, "share of big bursts", frac(ps, m, hasTrait(BigBurst)), 0.22, 0.48)
	big := filter(ps, m, hasTrait(BigBurst))
	posts := func(_ *person, l *life) float64 { return float64(len(l.posts)) }
	if got, fan := stat(big, m, posts), stat(planted(s, m, SteadyFan), m, posts); got < 1.2*fan {
		t.Errorf("big bursts: median %v posts, steady fans %v; want 1.2× more", got, fan)
	}
	for _, p := range big {
		l := m[p]
		if d := l.posts[len(l.posts)-1].ms - l.posts[0].ms; d > 6*day {
			t.Errorf("big burst over %.1f days", float64(d)/float64(day))
		}
	}
}

func TestInfluencersNeutral(t *testing.T) {
	s := defaultSim(t)
	m := lives(s)
	ps := planted(s, m, Influencer)
	if got := stat(ps, m, func(_ *person, l *life) float64 { return float64(len(l.posts)) }); got < 6 {
		t.Errorf("influencers: median %v posts, want 6 or more", got)
	}
	mild := 0
	for _, p := range ps {
		l := m[p]
		own := count(l.posts, func(n *node) bool { return names(n.a.Text, northwind) })
		if float64(own) < 0.6*float64(len(l.posts)) {
			t.Errorf("influencer %s: %d of %d posts name Northwind", p.accts[0].id.Handle, own, len(l.posts))
		}
		if n := count(l.posts, is(iNeutral, iRoundup, iQuestion)); n < len(l.posts)-1 {
			t.Errorf("influencer %s: %d of %d posts neutral", p.accts[0].id.Handle, n, len(l.posts))
		}
		want := 0
		if slices.Contains(p.traits, MildPraise) {
			mild++
			want = 1
		}
		if got := count(l.posts, is(iMild)); got != want {
			t.Errorf("influencer %s: %d mildly positive posts, want %d", p.accts[0].id.Handle, got, want)
		}
	}
	if got := stat(ps, m, func(_ *person, l *life) float64 {
		return float64(count(l.posts, func(n *node) bool { return names(n.a.Text, northwind) }))
	}); got < 5 {
		t.Errorf("influencers: median %v posts naming Northwind, want 5 or more", got)
	}
	if mild < 1 || mild > 3 {
		t.Errorf("%d mildly positive influencers, want 1-3", mild)
	}
}

func TestBotsVary(t *testing.T) {
	acts, sum := defaultCommunity(t)
	posts := byArchetype(acts, sum)[Bot]
	texts, bare := map[string]bool{}, map[string]bool{}
	mentions, codes := 0, 0
	for _, a := range posts {
		texts[a.Text] = true
		var words []string
		for _, w := range strings.Fields(a.Text) {
			if !strings.HasPrefix(w, "https://") {
				words = append(words, w)
			}
		}
		bare[strings.Join(words, " ")] = true
		if mentionsBrand(a) {
			mentions++
		}
		if slices.ContainsFunc(strings.Fields(a.Text), isDealCode) {
			codes++
		}
	}
	n := float64(len(posts))
	if len(texts) != len(posts) {
		t.Errorf("%d distinct texts in %d bot posts, want all distinct", len(texts), len(posts))
	}
	checkRange(t, "distinct bot texts without links", float64(len(bare))/n, 0.5, 1)
	checkRange(t, "bot posts @mentioning a brand", float64(mentions)/n, 0.2, 0.6)
	checkRange(t, "bot posts with a deal code", float64(codes)/n, 0.2, 0.8)
}

// isDealCode reports whether w looks like "BREW42X".
func isDealCode(w string) bool {
	n := len(w)
	if n < 6 || n > 7 || w[n-1] < 'A' || w[n-1] > 'Z' || w[n-2] < '0' || w[n-2] > '9' || w[n-3] < '0' || w[n-3] > '9' {
		return false
	}
	return strings.Trim(w[:n-3], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

func mentionsBrand(a *herald.Activity) bool {
	for _, b := range brands {
		if slices.Contains(a.Mentions, b.handles[indexOf(a.Network)]) {
			return true
		}
	}
	return false
}

// changes counts how often a person's posts switch between praise of
// Northwind and complaints, doubts or a competitor.
func changes(l *life) int {
	n, last := 0, 0
	for _, x := range l.posts {
		v := 0
		switch {
		case x.brand == northwind && slices.Contains([]intent{iPraise, iRecommend, iPhoto, iIdea}, x.in):
			v = 1
		case x.brand != northwind || x.in == iComplaint || x.in == iWavering:
			v = -1
		}
		if v != 0 && last != 0 && v != last {
			n++
		}
		if v != 0 {
			last = v
		}
	}
	return n
}

func TestGradualDrift(t *testing.T) {
	s := defaultSim(t)
	m := lives(s)
	ps := planted(s, m, AtRisk)
	checkRange(t, "share of gradual drifts", frac(ps, m, hasTrait(GradualDrift)), 0.3, 0.7)
	gradual, sharp := filter(ps, m, hasTrait(GradualDrift)), filter(ps, m, not(hasTrait(GradualDrift)))
	wavers := func(_ *person, l *life) bool { return count(l.posts, is(iWavering)) > 0 }
	if got := frac(gradual, m, wavers); got < 0.7 {
		t.Errorf("%.2f of gradual drifters voiced doubts, want 0.7", got)
	}
	if got := frac(sharp, m, wavers); got != 0 {
		t.Errorf("%.2f of sharp pivots voiced doubts, want none", got)
	}
	if got := frac(sharp, m, func(_ *person, l *life) bool { return changes(l) <= 1 }); got < 0.95 {
		t.Errorf("%.2f of sharp pivots switch once, want 0.95", got)
	}
	if got := stat(gradual, m, func(_ *person, l *life) float64 { return float64(changes(l)) }); got < 2 {
		t.Errorf("gradual drifters: median %v switches between praise and doubt, want 2 or more", got)
	}
}

func TestEmployeesWriteLikeFans(t *testing.T) {
	s := defaultSim(t)
	m := lives(s)
	ps := planted(s, m, Employee)
	var posts []*node
	for _, p := range ps {
		posts = append(posts, m[p].posts...)
	}
	if got := float64(count(posts, is(iPraise, iRecommend, iPhoto, iIdea))) / float64(len(posts)); got < 0.5 {
		t.Errorf("%.2f of employee posts read like a fan's, want 0.5", got)
	}
	bios := 0
	for _, e := range employees {
		if containsFold(e.bio, "northwind") {
			bios++
		}
	}
	if bios == 0 || bios == len(employees) {
		t.Errorf("%d of %d employee bios name Northwind, want some but not all", bios, len(employees))
	}
}

func TestOccasionalGlowing(t *testing.T) {
	s := defaultSim(t)
	m := lives(s)
	ps := planted(s, m, Occasional)
	checkRange(t, "share with a glowing post", frac(ps, m, hasTrait(GlowingPost)), 0.1, 0.2)
	for _, p := range ps {
		want := 0
		if slices.Contains(p.traits, GlowingPost) {
			want = 1
		}
		if got := count(m[p].posts, about(northwind, iGlowing)); got != want {
			t.Fatalf("occasional %s: %d glowing posts, want %d", p.accts[0].id.Handle, got, want)
		}
	}
}

func TestSeparable(t *testing.T) {
	s, sum, err := build(context.Background(), Options{Seed: 3, People: 1000, Difficulty: Separable})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Traits) != 0 || sum.People[Champion] != 10 {
		t.Errorf("%d identities with traits, %d champions; want none and 10", len(sum.Traits), sum.People[Champion])
	}
	reviews, tips := 0, 0
	for _, n := range s.out {
		switch n.in {
		case iGrudging, iWavering, iChallenge, iGlowing, iMild:
			t.Fatalf("separable community has %q", n.a.Text)
		case iReview:
			reviews++
		case iTip:
			tips++
		}
		if n.acc.p.arch == Bot && mentionsBrand(&n.a) {
			t.Fatalf("separable bot @mentions a brand: %q", n.a.Text)
		}
	}
	if reviews == 0 || tips == 0 {
		t.Errorf("%d reviews and %d tips from champions, want some", reviews, tips)
	}
}

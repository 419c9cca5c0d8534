package demo

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
)

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// names reports whether text names brand b by keyword, hashtag or handle,
// the way a simple tagger would see it.
func names(text string, b int) bool {
	for _, k := range brands[b].keywords {
		if containsFold(text, k) {
			return true
		}
	}
	return containsFold(text, "#"+brands[b].hashtags[0]) || containsFold(text, "@"+brands[b].handles[twitter])
}

// byArchetype groups the original texts (posts and quotes) by the
// archetype of their author.
func byArchetype(acts []*herald.Activity, sum Summary) map[Archetype][]*herald.Activity {
	m := map[Archetype][]*herald.Activity{}
	for _, a := range acts {
		if a.Kind == herald.KindPost || a.Kind == herald.KindQuote {
			arch := sum.Truth[a.Author.Key().String()]
			m[arch] = append(m[arch], a)
		}
	}
	return m
}

func share(list []*herald.Activity, f func(*herald.Activity) bool) float64 {
	n := 0
	for _, a := range list {
		if f(a) {
			n++
		}
	}
	return float64(n) / float64(max(len(list), 1))
}

func TestTextsNameTheRightBrands(t *testing.T) {
	acts, sum := defaultCommunity(t)
	posts := byArchetype(acts, sum)
	own := func(a *herald.Activity) bool { return names(a.Text, northwind) }
	rival := func(a *herald.Activity) bool { return names(a.Text, brewline) || names(a.Text, copperKettle) }
	anyBrand := func(a *herald.Activity) bool { return own(a) || rival(a) }
	onlyOwn := func(a *herald.Activity) bool { return own(a) && !rival(a) }
	tests := []struct {
		arch Archetype
		name string
		f    func(*herald.Activity) bool
		min  float64
		max  float64
	}{
		{SteadyFan, "names Northwind", own, 0.97, 1},
		{SteadyFan, "names only Northwind", onlyOwn, 0.85, 1},
		{LoyalComplainer, "names only Northwind", onlyOwn, 0.97, 1},
		{Detractor, "names Northwind", own, 0.97, 1},
		{BurstFan, "names only Northwind", onlyOwn, 0.97, 1},
		{InfluencerAdvocate, "names only Northwind", onlyOwn, 0.97, 1},
		{CompetitorFan, "names a competitor", rival, 0.9, 1},
		{CompetitorFan, "names only Northwind", onlyOwn, 0, 0.1},
		{Influencer, "names a brand", anyBrand, 1, 1},
		{Bot, "names a brand", anyBrand, 1, 1},
		{Occasional, "names a brand", anyBrand, 0.99, 1},
	}
	for _, tt := range tests {
		if got := share(posts[tt.arch], tt.f); got < tt.min || got > tt.max {
			t.Errorf("%s: %.2f of %d posts %s, want %.2f-%.2f", tt.arch, got, len(posts[tt.arch]), tt.name, tt.min, tt.max)
		}
	}
}

// TestAtRiskDrift checks the sharp pivots.
func TestAtRiskDrift(t *testing.T) {
	acts, sum := defaultCommunity(t)
	mid := sum.Start.Add(sum.End.Sub(sum.Start) / 2)
	var early, late []*herald.Activity
	for _, a := range byArchetype(acts, sum)[AtRisk] {
		if slices.Contains(sum.Traits[a.Author.Key().String()], GradualDrift) {
			continue // see TestGradualDrift
		}
		if a.CreatedAt.Before(sum.Start.Add(sum.End.Sub(sum.Start) * 4 / 10)) {
			early = append(early, a)
		} else if a.CreatedAt.After(mid.Add(sum.End.Sub(sum.Start) / 10)) {
			late = append(late, a)
		}
	}
	rival := func(a *herald.Activity) bool { return names(a.Text, brewline) || names(a.Text, copperKettle) }
	if got := share(early, rival); got > 0.05 {
		t.Errorf("early: %.2f of %d posts name a competitor, want under 0.05", got, len(early))
	}
	if got := share(late, rival); got < 0.4 {
		t.Errorf("late: %.2f of %d posts name a competitor, want 0.4 or more", got, len(late))
	}
}

// spans returns, per archetype, the median time between each person's
// first and last original text.
func spans(acts []*herald.Activity, sum Summary) map[Archetype]time.Duration {
	first, last := map[string]time.Time{}, map[string]time.Time{}
	for _, a := range acts {
		if a.Kind != herald.KindPost {
			continue
		}
		k := a.Author.Key().String()
		if _, ok := first[k]; !ok {
			first[k] = a.CreatedAt
		}
		last[k] = a.CreatedAt
	}
	all := map[Archetype][]time.Duration{}
	for k, f := range first {
		all[sum.Truth[k]] = append(all[sum.Truth[k]], last[k].Sub(f))
	}
	med := map[Archetype]time.Duration{}
	for a, d := range all {
		slices.Sort(d)
		med[a] = d[len(d)/2]
	}
	return med
}

func TestTenureShapes(t *testing.T) {
	acts, sum := defaultCommunity(t)
	med := spans(acts, sum)
	d := 24 * time.Hour
	for _, a := range []Archetype{SteadyFan, LoyalComplainer, CompetitorFan, AtRisk} {
		if med[a] < 100*d {
			t.Errorf("%s: median span %v, want 100 days or more", a, med[a])
		}
	}
	for _, a := range []Archetype{Detractor, BurstFan} {
		if med[a] > 6*d {
			t.Errorf("%s: median span %v, want 6 days or less", a, med[a])
		}
	}
}

func TestInfluencerFollowers(t *testing.T) {
	acts, sum := defaultCommunity(t)
	n := 0
	for _, a := range acts {
		switch sum.Truth[a.Author.Key().String()] {
		case Influencer, InfluencerAdvocate:
			n++
			if f := a.Author.Followers; f < 50_000 || f > 500_000 {
				t.Fatalf("influencer %s has %d followers", a.Author.Handle, f)
			}
		case Audience, SteadyFan, Occasional:
			if a.Author.Followers >= 50_000 {
				t.Fatalf("%s has %d followers", a.Author.Handle, a.Author.Followers)
			}
		}
	}
	if n == 0 {
		t.Fatal("no influencer activity")
	}
}

func TestBrandReplies(t *testing.T) {
	acts, sum := defaultCommunity(t)
	byID := map[herald.Key]*herald.Activity{}
	var delays []time.Duration
	for _, a := range acts {
		byID[a.Key()] = a
		if a.Kind != herald.KindReply || sum.Truth[a.Author.Key().String()] != BrandAccount ||
			a.Author.Handle != brands[northwind].handles[indexOf(a.Network)] {
			continue
		}
		parent := byID[herald.Key{Network: a.Network, ExternalID: a.InReplyTo}]
		d := a.CreatedAt.Sub(parent.CreatedAt)
		if d < time.Minute || d > 31*time.Hour {
			t.Errorf("reply %s after %v", a.ExternalID, d)
		}
		delays = append(delays, d)
	}
	if len(delays) < 500 {
		t.Fatalf("got %d Northwind replies, want 500 or more", len(delays))
	}
	slices.Sort(delays)
	if m := delays[len(delays)/2]; m < 30*time.Minute || m > 3*time.Hour {
		t.Errorf("median response delay %v, want 30 min to 3 h", m)
	}
}

func indexOf(n herald.Network) int {
	for i, v := range networks {
		if v == n {
			return i
		}
	}
	return -1
}

func TestLanguages(t *testing.T) {
	acts, _ := defaultCommunity(t)
	langs := map[string]int{}
	texts := 0
	for _, a := range acts {
		if a.Text != "" {
			texts++
			langs[a.Lang]++
		}
	}
	foreign := texts - langs["en"]
	if r := float64(foreign) / float64(texts); r < 0.01 || r > 0.1 {
		t.Errorf("non-English share %.3f, want 0.01-0.1 (%v)", r, langs)
	}
	for _, l := range []string{"es", "fr", "de"} {
		if langs[l] == 0 {
			t.Errorf("no text in %s", l)
		}
	}
}

func TestContentFeatures(t *testing.T) {
	acts, sum := defaultCommunity(t)
	posts := byArchetype(acts, sum)
	if got := share(posts[SteadyFan], func(a *herald.Activity) bool { return a.Media > 0 }); got < 0.15 {
		t.Errorf("steady fans: %.2f of posts carry media, want 0.15 or more", got)
	}
	if got := share(posts[Bot], func(a *herald.Activity) bool { return len(a.Links) > 0 }); got != 1 {
		t.Errorf("bots: %.2f of posts carry links, want all", got)
	}
	for _, a := range acts {
		for _, m := range a.Mentions {
			if !containsFold(a.Text, "@"+m) {
				t.Fatalf("%s: mention %q not in %q", a.ExternalID, m, a.Text)
			}
		}
		for _, h := range a.Hashtags {
			if !strings.Contains(a.Text, "#"+h) {
				t.Fatalf("%s: hashtag %q not in %q", a.ExternalID, h, a.Text)
			}
		}
		if a.Kind == herald.KindPost && a.Metrics.Likes < 0 {
			t.Fatalf("%s: post without metrics", a.ExternalID)
		}
	}
}

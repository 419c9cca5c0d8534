package demo

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

// brandIntents are the intents of original texts, which must name a brand.
var brandIntents = []intent{iPraise, iRecommend, iPhoto, iQuestion, iComplaint, iRant, iIdea, iCompare,
	iNeutral, iRoundup, iPromo, iStaff, iReview, iChallenge, iGlowing, iMild, iGrudging, iWavering}

func TestTemplates(t *testing.T) {
	sets := map[string]*[numIntents][]string{"en": &english}
	for l, f := range foreign {
		sets[l] = f
	}
	for lang, set := range sets {
		for in, list := range set {
			if lang == "en" && len(list) == 0 {
				t.Errorf("en: intent %d has no templates", in)
			}
			for _, tmpl := range list {
				if slices.Contains(brandIntents, intent(in)) && !strings.Contains(tmpl, "{b}") && intent(in) != iStaff {
					t.Errorf("%s %d: %q does not name the brand", lang, in, tmpl)
				}
				for rest := tmpl; ; {
					i := strings.IndexByte(rest, '{')
					if i < 0 {
						break
					}
					j := strings.IndexByte(rest[i:], '}')
					if j != 2 || !strings.Contains("boxpqsfdneulc", rest[i+1:i+j]) {
						t.Errorf("%s: %q: bad slot", lang, tmpl)
						break
					}
					rest = rest[i+j:]
				}
			}
		}
	}
}

func TestEntities(t *testing.T) {
	m, h, l := entities("@Brewline.bsky.social. love #oatlatte's foam, @northwindcoffee@social.example! https://x.example/a?b=1. #cafe #cafe @brewline.bsky.social")
	if want := []string{"brewline.bsky.social", "northwindcoffee@social.example"}; !slices.Equal(m, want) {
		t.Errorf("mentions %q, want %q", m, want)
	}
	if want := []string{"oatlatte", "cafe"}; !slices.Equal(h, want) {
		t.Errorf("hashtags %q, want %q", h, want)
	}
	if want := []string{"https://x.example/a?b=1"}; !slices.Equal(l, want) {
		t.Errorf("links %q, want %q", l, want)
	}
}

func TestTidy(t *testing.T) {
	if got, want := tidy("price of a oat latte  went up "), "price of an oat latte went up"; got != want {
		t.Errorf("tidy: got %q, want %q", got, want)
	}
}

func TestTID(t *testing.T) {
	a, b := tid(1_700_000_000_000_000, 1), tid(1_700_000_000_000_001, 0)
	if len(a) != 13 || a >= b {
		t.Errorf("tids %q, %q: want 13 sortable characters", a, b)
	}
}

func BenchmarkGenerate(b *testing.B) {
	n := 0
	for b.Loop() {
		n = 0
		_, err := Generate(context.Background(), Options{Seed: 1}, func(herald.Record) error { n++; return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "activities/op")
}

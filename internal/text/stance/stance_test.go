package stance

import (
	"strings"
	"testing"
)

const (
	pos = Positive
	neg = Negative
	neu = Neutral
)

// stanceCase is one hand-written post with the expected stance per brand.
// brands are searched in the text; a brand prefixed with "~" has no span
// and is Addressed (the post replies to it).
type stanceCase struct {
	name   string
	text   string
	brands []string
	want   []string // labels, one per brand
	basis  []string // optional: expected bases ("" = any)
	sarc   []bool   // optional: expected Sarcasm flags
}

var stanceCases = []stanceCase{
	// The and the product page's examples.
	{name: "issue example", text: "@united lost my bag again, @Delta never does", brands: []string{"@united", "@Delta"}, want: []string{neg, pos}, basis: []string{BasisAddressed, BasisContrast}},
	{name: "product page example", text: "@united is the worst, @Delta never lets me down", brands: []string{"@united", "@Delta"}, want: []string{neg, pos}},
	{name: "keyword brand ellipsis", text: "@rival lost my order, acmebrew never does", brands: []string{"@rival", "acmebrew"}, want: []string{neg, pos}},

	// A single brand is the overall score.
	{name: "single positive", text: "@united thanks for the quick rebooking!", brands: []string{"@united"}, want: []string{pos}, basis: []string{BasisOverall}},
	{name: "single negative", text: "@united lost my bag, worst trip ever", brands: []string{"@united"}, want: []string{neg}, basis: []string{BasisOverall}},
	{name: "single neutral", text: "@delta what time does boarding start?", brands: []string{"@delta"}, want: []string{neu}, basis: []string{BasisOverall}},
	{name: "single implied brand", text: "you lost my bag again, worst service ever", brands: []string{"~united"}, want: []string{neg}, basis: []string{BasisOverall}},

	// Sarcasm.
	{name: "sarcasm interjection", text: "@united great, another delay", brands: []string{"@united"}, want: []string{neg}, sarc: []bool{true}},
	{name: "sarcasm love waiting", text: "love waiting 3 hours at the gate @delta", brands: []string{"@delta"}, want: []string{neg}, sarc: []bool{true}},
	{name: "sarcasm thanks for nothing", text: "thanks for nothing @united", brands: []string{"@united"}, want: []string{neg}, sarc: []bool{true}},
	{name: "sarcasm hashtag not", text: "@united best flight ever #not", brands: []string{"@united"}, want: []string{neg}, sarc: []bool{true}},
	{name: "sarcasm eye roll", text: "@delta great service as always 🙄", brands: []string{"@delta"}, want: []string{neg}, sarc: []bool{true}},
	{name: "sarcasm oh wonderful", text: "@united oh wonderful. cancelled again", brands: []string{"@united"}, want: []string{neg}, sarc: []bool{true}},
	{name: "sarcasm yeah right", text: "@delta yeah right, you care 😀", brands: []string{"@delta"}, want: []string{neg}, sarc: []bool{true}},
	{name: "sincere thanks despite delay", text: "@delta great crew, thanks for getting us home despite the delay", brands: []string{"@delta"}, want: []string{pos}, sarc: []bool{false}},
	{name: "sincere thanks for rebooking", text: "Awesome! Thanks for rebooking my cancelled flight so fast @delta", brands: []string{"@delta"}, want: []string{pos}, sarc: []bool{false}},
	{name: "sarcasm in one clause only", text: "@united great, another delay. @delta thanks for the smooth flight!", brands: []string{"@united", "@delta"}, want: []string{neg, pos}, sarc: []bool{true, false}},

	// Comparatives, both directions.
	{name: "better than", text: "@delta is way better than @united", brands: []string{"@delta", "@united"}, want: []string{pos, neg}, basis: []string{BasisBetterThan, BasisBetterThan}},
	{name: "worse than", text: "Honestly @united is worse than @delta", brands: []string{"@united", "@delta"}, want: []string{neg, pos}, basis: []string{BasisWorseThan, BasisWorseThan}},
	{name: "better then, addressees are the subject", text: "@SouthwestAir @AmericanAir y'all are better then @united", brands: []string{"@SouthwestAir", "@AmericanAir", "@united"}, want: []string{pos, pos, neg}},
	{name: "greater sign", text: "@delta > @united", brands: []string{"@delta", "@united"}, want: []string{pos, neg}},
	{name: "escaped less sign", text: "@united &lt; @delta", brands: []string{"@united", "@delta"}, want: []string{neg, pos}},
	{name: "more comfortable than", text: "@delta is more comfortable than @united", brands: []string{"@delta", "@united"}, want: []string{pos, neg}},
	{name: "less friendly than", text: "@united is less friendly than @delta", brands: []string{"@united", "@delta"}, want: []string{neg, pos}},
	{name: "not better than", text: "@united is not better than @delta", brands: []string{"@united", "@delta"}, want: []string{neg, pos}},
	{name: "prefer over", text: "I prefer @delta over @united any day", brands: []string{"@delta", "@united"}, want: []string{pos, neg}, basis: []string{BasisPrefer, BasisPrefer}},
	{name: "never choose over you", text: "@SouthwestAir I will never choose @USAirways over you again!", brands: []string{"@SouthwestAir", "@USAirways"}, want: []string{pos, neg}},
	{name: "beats", text: "@jetblue beats @spirit every single time", brands: []string{"@jetblue", "@spirit"}, want: []string{pos, neg}, basis: []string{BasisBeats, BasisBeats}},
	{name: "compared to", text: "@USAirways your app sucks compared to @AmericanAir", brands: []string{"@USAirways", "@AmericanAir"}, want: []string{neg, pos}},
	{name: "is better, against the addressee", text: "@USAirways on hold for an hour again. @delta is better", brands: []string{"@USAirways", "@delta"}, want: []string{neg, pos}},

	// Unlike, except.
	{name: "unlike first", text: "Unlike @united, @delta has friendly and helpful staff.", brands: []string{"@united", "@delta"}, want: []string{neg, pos}, basis: []string{BasisUnlike, ""}},
	{name: "unlike last", text: "@delta has the friendliest crews, unlike @united.", brands: []string{"@delta", "@united"}, want: []string{pos, neg}, basis: []string{"", BasisUnlike}},
	{name: "unlike the addressee's rival", text: "@SouthwestAir hey at least you guys are honest with your customers unlike @Delta", brands: []string{"@SouthwestAir", "@Delta"}, want: []string{pos, neg}},
	{name: "except", text: "Every airline was awful today except @delta. @united was the worst", brands: []string{"@delta", "@united"}, want: []string{pos, neg}},

	// Switches.
	{name: "switched from to", text: "I switched from @united to @delta last year", brands: []string{"@united", "@delta"}, want: []string{neg, pos}, basis: []string{BasisSwitchFrom, BasisSwitchTo}},
	{name: "moving from to", text: "Moving from @comcast to @verizon next month", brands: []string{"@comcast", "@verizon"}, want: []string{neg, pos}},
	{name: "leaving for", text: "Leaving @comcast for @verizon, finally", brands: []string{"@comcast", "@verizon"}, want: []string{neg, pos}},
	{name: "ditched for", text: "Ditched @spotify for @applemusic", brands: []string{"@spotify", "@applemusic"}, want: []string{neg, pos}},
	{name: "switch to, addressee left", text: "@united time to switch to @Delta", brands: []string{"@united", "@Delta"}, want: []string{neg, pos}, basis: []string{BasisSwitchFrom, BasisSwitchTo}},
	{name: "go back to", text: "@united no gate agent, no announcements. Time to go back to @Delta", brands: []string{"@united", "@Delta"}, want: []string{neg, pos}},
	{name: "taking my business to", text: "@united taking my business to @AmericanAir", brands: []string{"@united", "@AmericanAir"}, want: []string{neg, pos}},
	{name: "never switch from", text: "I would never switch from @delta to @united", brands: []string{"@delta", "@united"}, want: []string{pos, neg}},

	// Preferences and rejections.
	{name: "should have flown", text: "@united I knew I should've flown @VirginAmerica", brands: []string{"@united", "@VirginAmerica"}, want: []string{neg, pos}, basis: []string{BasisRival, BasisPreference}},
	{name: "learn from", text: "@united your boarding process sucks. Learn from @SouthwestAir", brands: []string{"@united", "@SouthwestAir"}, want: []string{neg, pos}},
	{name: "ftw after a neutral complaint", text: "@united still no wifi. @VirginAmerica ftw", brands: []string{"@united", "@VirginAmerica"}, want: []string{neg, pos}},
	{name: "here I come", text: "Poor service on @AmericanAir again! @Delta here I come!", brands: []string{"@AmericanAir", "@Delta"}, want: []string{neg, pos}},
	{name: "done with", text: "Done with @united. @delta treated me well", brands: []string{"@united", "@delta"}, want: []string{neg, pos}, basis: []string{BasisRejection, ""}},
	{name: "hello after a complaint", text: "@united thanks for the rude service and the 3 hour delay. Hello @Delta!", brands: []string{"@united", "@Delta"}, want: []string{neg, pos}},

	// Clause scoping, proximity, contrast.
	{name: "neutral clause next to a sentiment clause", text: "I flew @delta yesterday, great crew and comfy seats. @united was a mess", brands: []string{"@delta", "@united"}, want: []string{pos, neg}, basis: []string{BasisProximity, BasisClause}},
	{name: "vocative clauses", text: "@united you suck. @SouthwestAir you're the best.", brands: []string{"@united", "@SouthwestAir"}, want: []string{neg, pos}},
	{name: "but contrast", text: "@united was two hours late but @delta was on time", brands: []string{"@united", "@delta"}, want: []string{neg, pos}},
	{name: "while contrast", text: "While @united lost my bag, @delta upgraded me for free", brands: []string{"@united", "@delta"}, want: []string{neg, pos}},
	{name: "echo", text: "@united lost my luggage, @AmericanAir too", brands: []string{"@united", "@AmericanAir"}, want: []string{neg, neg}, basis: []string{"", BasisEcho}},
	{name: "ellipsis flips per negation", text: "@delta never disappoints, @united always does", brands: []string{"@delta", "@united"}, want: []string{pos, neg}},
	{name: "situation words", text: "@united was late again, @delta was early", brands: []string{"@united", "@delta"}, want: []string{neg, pos}},
	{name: "their refers back", text: "@AmericanAir I spent $600 on my flight. Could have gone on @united for $382 but their mileage program sucks.", brands: []string{"@AmericanAir", "@united"}, want: []string{neu, neg}},
	{name: "vocative after a comma", text: "As am I, @AmericanAir - but thankfully there was a @united lounge next door. Really not impressed by oneworld partnerships :(", brands: []string{"@AmericanAir", "@united"}, want: []string{neg, pos}},
	{name: "addressees share the text", text: "@united @AmericanAir you both lost my bags", brands: []string{"@united", "@AmericanAir"}, want: []string{neg, neg}, basis: []string{BasisOverall, BasisOverall}},
	{name: "one clause for both", text: "I love @delta and @jetblue", brands: []string{"@delta", "@jetblue"}, want: []string{pos, pos}},

	// A brand only addressed (a reply), and a cc.
	{name: "addressed without span", text: "you lost my bag again. @delta never does", brands: []string{"~united", "@delta"}, want: []string{neg, pos}},
	{name: "cc has no stance", text: "you lost my bag again #fail cc @delta", brands: []string{"~united", "@delta"}, want: []string{neg, neu}, basis: []string{"", BasisMention}},
}

// caseTargets builds the targets of a case.
func caseTargets(c stanceCase) []Target {
	ts := make([]Target, len(c.brands))
	for i, b := range c.brands {
		if name, ok := strings.CutPrefix(b, "~"); ok {
			ts[i] = Target{Brand: name, Addressed: true}
			continue
		}
		ts[i] = Target{Brand: b, Spans: findSpans(c.text, b)}
	}
	return ts
}

func TestAnalyzeCases(t *testing.T) {
	if len(stanceCases) < 40 {
		t.Fatalf("only %d cases", len(stanceCases))
	}
	for _, c := range stanceCases {
		t.Run(c.name, func(t *testing.T) {
			got := analyze(t, c.text, caseTargets(c))
			if len(got) != len(c.brands) {
				t.Fatalf("got %d stances, want %d", len(got), len(c.brands))
			}
			for i, st := range got {
				ev := c.text[st.Evidence.Start:st.Evidence.End]
				if st.Label != c.want[i] {
					t.Errorf("%s: got %s (%+.3f, %s, %q), want %s", c.brands[i], st.Label, st.Score, st.Basis, ev, c.want[i])
				}
				if c.basis != nil && c.basis[i] != "" && st.Basis != c.basis[i] {
					t.Errorf("%s: got basis %s, want %s", c.brands[i], st.Basis, c.basis[i])
				}
				if c.sarc != nil && st.Sarcasm != c.sarc[i] {
					t.Errorf("%s: got sarcasm %v, want %v", c.brands[i], st.Sarcasm, c.sarc[i])
				}
			}
		})
	}
}

// TestSingleIsOverall checks that one brand gets exactly the overall
// score, whatever the text says about others.
func TestSingleIsOverall(t *testing.T) {
	v, a := analyzers(t)
	for _, text := range []string{
		"@united lost my bag, @delta never does",
		"@delta is way better than @united",
		"I switched from @united to @delta",
		"", "   ", "@united",
	} {
		overall := v.PolarityScores(text)
		got := a.Analyze(text, overall, targetsFor(text, "@united"), nil)
		if len(got) != 1 || got[0].Score != overall.Compound || got[0].Basis != BasisOverall || got[0].Brand != "@united" {
			t.Errorf("%q: got %+v, want the overall compound %v", text, got, overall.Compound)
		}
		if got[0].Label != Label(overall.Compound) || got[0].Evidence != (Span{0, len(text)}) {
			t.Errorf("%q: got label %s evidence %v", text, got[0].Label, got[0].Evidence)
		}
	}
}

func TestAnalyzeInputs(t *testing.T) {
	v, a := analyzers(t)
	text := "@united lost my bag again, @delta never does"
	overall := v.PolarityScores(text)
	if got := a.Analyze(text, overall, nil, make([]Stance, 3)); len(got) != 0 {
		t.Errorf("no targets: got %d stances", len(got))
	}
	bad := []Target{
		{Brand: "a", Spans: []Span{{-1, 3}, {5, 2}, {0, len(text) + 1}, {10, 10}}},
		{Brand: "b", Spans: findSpans(text, "@delta")},
	}
	got := a.Analyze(text, overall, bad, nil)
	if len(got) != 2 || got[0].Brand != "a" || got[1].Brand != "b" {
		t.Fatalf("bad spans: got %+v", got)
	}
	if got[1].Label != Positive {
		t.Errorf("bad spans of another target: got %s for @delta, want positive", got[1].Label)
	}
	many := make([]Target, MaxTargets+3)
	for i := range many {
		many[i] = Target{Brand: "x", Spans: findSpans(text, "@delta")}
	}
	many[0] = Target{Brand: "united", Spans: findSpans(text, "@united")}
	got = a.Analyze(text, overall, many, got)
	if len(got) != len(many) {
		t.Fatalf("many targets: got %d stances, want %d", len(got), len(many))
	}
	if got[0].Label != Negative || got[1].Label != Positive || got[MaxTargets].Basis != BasisOverall {
		t.Errorf("many targets: got %+v, %+v, %+v", got[0], got[1], got[MaxTargets])
	}
}

func TestNewNil(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil): got no error")
	}
}

func TestLabel(t *testing.T) {
	for _, c := range []struct {
		score float64
		want  string
	}{{0.05, Positive}, {0.0499, Neutral}, {0, Neutral}, {-0.0499, Neutral}, {-0.05, Negative}, {1, Positive}, {-1, Negative}} {
		if got := Label(c.score); got != c.want {
			t.Errorf("Label(%v) = %s, want %s", c.score, got, c.want)
		}
	}
}

// TestAnalyzeConcurrent runs the cases from several goroutines at once
// (for -race) and checks they give the sequential results.
func TestAnalyzeConcurrent(t *testing.T) {
	v, a := analyzers(t)
	want := make([][]Stance, len(stanceCases))
	for i, c := range stanceCases {
		want[i] = a.Analyze(c.text, v.PolarityScores(c.text), caseTargets(c), nil)
	}
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			var dst []Stance
			for i, c := range stanceCases {
				dst = a.Analyze(c.text, v.PolarityScores(c.text), caseTargets(c), dst)
				for k := range dst {
					if dst[k] != want[i][k] {
						errs <- c.name
						return
					}
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if name := <-errs; name != "" {
			t.Errorf("%s: concurrent result differs", name)
		}
	}
}

// TestLongText checks the size limit: a brand named past MaxTextBytes is
// still given a stance, from the last clause.
func TestLongText(t *testing.T) {
	text := "@united lost my bag again. " + strings.Repeat("filler words here. ", MaxTextBytes/19+10) + "@delta was great"
	got := analyze(t, text, targetsFor(text, "@united", "@delta"))
	checkStances(t, text, caseTargets(stanceCase{text: text, brands: []string{"@united", "@delta"}}), got)
	if got[0].Label != Negative {
		t.Errorf("@united: got %s, want negative", got[0].Label)
	}
	if got[1].Basis != BasisClause {
		t.Errorf("@delta past the limit: got basis %s, want clause", got[1].Basis)
	}
}

package advocacy

import (
	"testing"

	"github.com/herald-advocacy/herald"
)

func TestPolarityCorrection(t *testing.T) {
	const (
		complaint = herald.IntentComplaint
		praise    = herald.IntentPraise
		rec       = herald.IntentRecommendation
		question  = herald.IntentQuestion
	)
	tests := []struct {
		label   herald.Polarity
		intents herald.Intents
		shared  bool
		want    herald.Polarity
	}{
		{herald.Neutral, complaint, false, herald.Negative}, // "my order was wrong again"
		{herald.Positive, complaint, false, herald.Neutral}, // label and intent disagree
		{herald.Neutral, praise, false, herald.Positive},    // "shoutout to the barista"
		{herald.Negative, rec, false, herald.Negative},      // sarcasm or "avoid": the label wins
		{herald.Positive, question, false, herald.Neutral},  // "does the app support gift cards?"
		{herald.Positive, praise | question, false, herald.Positive},
		{herald.Positive, complaint | praise, false, herald.Positive},
		{herald.Positive, 0, true, herald.Neutral}, // a roundup's shared praise
		{herald.Negative, 0, true, herald.Negative},
		{"", 0, false, herald.Neutral},
	}
	for _, tt := range tests {
		e := Event{Kind: herald.KindPost, Polarity: tt.label, Intents: tt.intents, Shared: tt.shared}
		if got := e.polarity(); got != tt.want {
			t.Errorf("label %q intents %q shared %v: polarity %q, want %q", tt.label, tt.intents, tt.shared, got, tt.want)
		}
	}
}

func TestEndorsements(t *testing.T) {
	tests := []struct {
		name string
		e    Event
		want bool
	}{
		{"praise", Event{Kind: herald.KindPost, Intents: herald.IntentPraise}, true},
		{"strongly positive", Event{Kind: herald.KindPost, StanceScore: 0.7}, true},
		{"mildly positive with a photo", Event{Kind: herald.KindPost, StanceScore: 0.4, Media: true}, false},
		{"thanks to the brand", Event{Kind: herald.KindReply, Direct: true, Intents: herald.IntentPraise}, false},
		{"recommending in a reply to the brand", Event{Kind: herald.KindReply, Direct: true, Intents: herald.IntentRecommendation}, true},
		{"neutral answer to a customer", Event{Kind: herald.KindReply, Answer: true, Polarity: herald.Neutral}, true},
		{"negative answer", Event{Kind: herald.KindReply, Answer: true, Polarity: herald.Negative}, false},
		{"review", Event{Kind: herald.KindPost, Review: true, StanceScore: 0.3}, true},
	}
	for _, tt := range tests {
		e := tt.e
		if e.Polarity == "" && e.Intents&herald.IntentPraise == 0 && e.Intents&herald.IntentRecommendation == 0 {
			e.Polarity = herald.Positive
		}
		if got := endorses(&e, e.polarity()); got != tt.want {
			t.Errorf("%s: endorses = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestBurstIsNotABot: fifty enthusiastic posts in three days are a
// person, not a machine; the same rate kept up for months is promotional.
func TestBurstIsNotABot(t *testing.T) {
	s := newScenario(20)
	for i := range 50 {
		s.praise(100+float64(i)*0.06, own)
	}
	r := s.result(own)
	if r.Facets.Promotion != 0 || r.Flags.Has(FlagPromotional) {
		t.Errorf("a burst fan is promotional: %+v %s", r.Facets, r.Flags)
	}
	if r.Stage > StagePotential {
		t.Errorf("a burst fan reaches %s", r.Stage)
	}
	m := newScenario(21)
	for i := range 26 * 15 {
		m.praise(float64(i)*0.45, own)
	}
	if r := m.result(own); r.Facets.Promotion < 0.5 || r.Stage != StageAudience {
		t.Errorf("15 posts a week for half a year: promotion %.2f stage %s", r.Facets.Promotion, r.Stage)
	}
}

// TestCompetitorFanOwnResult: someone who only talks about a competitor
// still gets an own-brand result carrying the flag, at most engaged.
func TestCompetitorFanOwnResult(t *testing.T) {
	s := competitorFan()
	kept := s.events[:0]
	for _, e := range s.events {
		if e.Brand != own {
			kept = append(kept, e)
		}
	}
	s.events = kept
	rs := s.results()
	if len(rs) != 2 || rs[0].Brand != rival || rs[1].Brand != own {
		t.Fatalf("results %+v, want the rival's then the own brand's", rs)
	}
	if r := rs[1]; !r.Flags.Has(FlagCompetitorAdvocate) || r.Stage > StageEngaged || r.Score != 0 {
		t.Errorf("own-brand result of a competitor fan: %+v", r)
	}
}

// TestEmployeeOnlyEmployeeFlag: staff get the employee flag and no
// customer flags.
func TestEmployeeOnlyEmployeeFlag(t *testing.T) {
	s := atRisk("turning")
	s.p.Employee = []int64{own}
	if r := s.result(own); r.Flags != FlagEmployee {
		t.Errorf("employee flags %q", r.Flags)
	}
}

// TestDetractorNeedsHostility: two complaints are a bad day.
func TestDetractorNeedsHostility(t *testing.T) {
	s := newScenario(22)
	s.complain(100, own).complain(100.5, own)
	if r := s.result(own); r.Flags.Has(FlagDetractor) {
		t.Error("two complaints flagged a detractor")
	}
	s.complain(101, own)
	if r := s.result(own); !r.Flags.Has(FlagDetractor) {
		t.Error("three angry posts in two days and silence: no detractor flag")
	}
}

package intent

import (
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/text/token"
)

// TestClassifyCues checks the cue phrases each intent must handle, and the
// traps around them (rhetorical questions, sarcasm, negation, reproaches,
// comparisons without another brand).
func TestClassifyCues(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		others int
		direct bool
		want   Set
	}{
		// questions
		{"question mark", "@united is there wifi on flight 22?", 0, true, Question},
		{"wh- question without mark", "@united how do I change my flight", 0, true, Question},
		{"aux question without mark", "@united can I bring a stroller on board", 0, true, Question},
		{"request for help", "@united can you help me with my booking", 0, true, Question},
		{"please dm", "@delta please dm me the form", 0, true, Question},
		{"bare please when direct", "@united please send me the receipt", 0, true, Question},
		{"bare please when not direct", "please send me the receipt", 0, false, 0},
		{"copula statement is not a question", "@united is my favorite airline", 0, true, Praise | Recommendation},
		{"rhetorical why", "@united why can't you ever be on time?", 0, true, Complaint},
		{"rhetorical really", "@united really?? another delay", 0, true, Complaint},
		{"echo question", "@united Late? I never got it", 0, true, Complaint},
		{"emphatic statement question", "@united no food on a 5 hour flight?!", 0, true, Complaint},
		// complaints
		{"delay", "@united my flight was delayed again", 0, true, Complaint},
		{"lost bag", "@united you lost my bag", 0, true, Complaint},
		{"still waiting", "@united still waiting for a response", 0, true, Complaint},
		{"never again", "@united worst airline, never again", 0, true, Complaint},
		{"negated praise", "@united not happy with the service", 0, true, Complaint},
		{"negated complaint", "@united I never had issues with you", 0, true, 0},
		{"thanks for nothing", "@united thanks for nothing", 0, true, Complaint},
		{"sarcastic great", "@united great, another delay", 0, true, Complaint},
		{"sarcastic thanks", "@united thank you for the terrible service", 0, true, Complaint},
		{"compound hashtag", "@united #UnitedFail", 0, true, Complaint},
		{"entities and urls", "@united &amp; @delta: rude staff http://t.co/x", 0, true, Complaint},
		// praise
		{"thanks for", "@united thank you for the upgrade, the crew was amazing", 0, true, Praise},
		{"bare thanks is the post", "@united thanks!", 0, true, Praise},
		{"courtesy thanks", "@united ok thanks", 0, true, 0},
		{"thanks closing a request", "@united please dm me, thanks", 0, true, Question},
		{"praise in a rhetorical question", "@united why can't you hire staff who are helpful?", 0, true, Complaint},
		{"heart", "I <3 @jetblue", 0, true, Praise},
		// recommendations
		{"you have to try", "you have to try @chipotle", 0, false, Recommendation},
		{"highly recommend", "I highly recommend @jetblue", 0, false, Recommendation},
		{"best ever", "@jetblue best airline ever!", 0, true, Praise | Recommendation},
		{"cant recommend enough", "can't recommend @jetblue enough", 0, false, Recommendation},
		{"go with", "next time go with @jetblue", 1, false, Recommendation | Comparison},
		{"loyalty", "@jetblue I only fly JetBlue", 0, true, Recommendation},
		{"negative recommendation", "I don't recommend @spiritairlines", 0, false, Complaint},
		{"recommend as suggest", "@united recommend a call back feature", 0, true, Suggestion},
		{"sign-off is not praise", "@tesco cheers, all the best", 0, true, 0},
		// comparisons
		{"better than another brand", "@delta is so much better than @united", 1, true, Comparison},
		{"than a mention", "@delta much better than @united", 0, true, Comparison},
		{"unlike", "@jetblue unlike @united you actually answer", 1, true, Comparison},
		{"switched", "switched from @verizon to @tmobile", 1, false, Comparison},
		{"other airlines", "@united compared to other airlines your seats are tiny", 0, true, Comparison},
		{"than without a brand", "@united the food was better than last time", 0, true, 0},
		{"should have flown", "@united delayed again, I should have flown @delta", 1, true, Complaint | Comparison},
		// suggestions
		{"you should", "@united you should add more flights to Boston", 0, true, Suggestion},
		{"would be nice if", "@united it would be nice if the app showed gate changes", 0, true, Suggestion},
		{"please add", "@spotify please add a sleep timer", 0, true, Suggestion},
		{"why not", "@united why not let families board first?", 0, true, Suggestion},
		{"idea", "@united idea: free wifi for members", 0, true, Suggestion},
		{"reproach is not a suggestion", "@united you should have told us about the delay", 0, true, Complaint},
		{"any idea is a question", "@united any idea when it opens", 0, true, Question},
		// purchase intent
		{"want to book", "@united I want to book a flight to Denver", 0, true, PurchaseIntent},
		{"thinking of buying", "thinking of buying a new @apple laptop", 0, false, PurchaseIntent},
		{"planning to", "@united planning to fly to Hawaii in May", 0, true, PurchaseIntent},
		{"looking for a flight", "@united looking for a flight to NYC next week", 0, true, PurchaseIntent},
		{"will be flying", "@united will be flying with you next month", 0, true, PurchaseIntent},
		{"how much is", "@united how much is a checked bag?", 0, true, Question | PurchaseIntent},
		{"cannot book is still intent", "@united I can't book online, the site keeps crashing", 0, true, Complaint | PurchaseIntent},
		{"not planning to", "@united not planning to book with you", 0, true, 0},
		// nothing
		{"empty", "", 0, false, 0},
		{"news", "@united flight 1679 prepares for departure http://t.co/abc", 0, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Text: tt.text, OtherBrands: tt.others, Direct: tt.direct}
			if got := Classify(in); got != tt.want {
				t.Errorf("Classify(%q) = %v, want %v\nevidence: %v", tt.text, got, tt.want, Explain(in))
			}
		})
	}
}

// TestExplain checks that the evidence agrees with Classify and points at
// the text that fired.
func TestExplain(t *testing.T) {
	tests := []struct {
		text   string
		intent Set
		span   string // text of one cue of intent
		rule   string // substring of that cue's rule
	}{
		{"@united thanks for nothing, my flight is delayed", Complaint, "thanks for nothing", "thanks for nothing"},
		{"@united thanks for nothing, my flight is delayed", Complaint, "delayed", "lexicon"},
		{"@united why can't you ever be on time?", Complaint, "why can't you", "rhetorical question"},
		{"@united great, another delay", Complaint, "great", "sarcasm"},
		{"@united not happy", Complaint, "happy", "negated praise"},
		{"@united is there wifi on flight 22?", Question, "is there", "question opening"},
		{"@united flight 462 on time today?", Question, "@united flight 462 on time today?", "question mark"},
		{"@united please dm me", Question, "please dm", "request"},
		{"I highly recommend @jetblue", Recommendation, "highly recommend", `"highly recommend"`},
		{"#UnitedFail", Complaint, "#UnitedFail", `"fail"`},
		{"@united &amp;&amp; still waiting", Complaint, "still waiting", "lexicon"},
		{"@united thaaanks!", Praise, "thaaanks", "thanks"},
		{"@apple I want to pre-order one", PurchaseIntent, "pre-order", `"pre order"`},
	}
	for _, tt := range tests {
		in := Input{Text: tt.text, Direct: true}
		cues := Explain(in)
		var found bool
		for _, c := range cues {
			if c.Intent == tt.intent && tt.text[c.Start:c.End] == tt.span && strings.Contains(c.Rule, tt.rule) {
				found = true
			}
		}
		if !found {
			t.Errorf("Explain(%q) = %+v, want a %v cue on %q with rule %q", tt.text, cues, tt.intent, tt.span, tt.rule)
		}
		checkEvidence(t, in)
	}
}

// checkEvidence checks the invariants between Classify, Explain and
// Analyze for one input.
func checkEvidence(t *testing.T, in Input) {
	t.Helper()
	set := Classify(in)
	if set&^All != 0 {
		t.Fatalf("Classify(%q) = %08b has bits outside All", in.Text, uint8(set))
	}
	var fromCues Set
	text := truncate(in.Text)
	for _, c := range Explain(in) {
		if c.Start < 0 || c.End < c.Start || c.End > len(text) || c.Rule == "" || c.Intent&^All != 0 {
			t.Fatalf("Explain(%q): bad cue %+v", in.Text, c)
		}
		fromCues |= c.Intent
	}
	if fromCues != set {
		t.Fatalf("Explain(%q) covers %v, Classify = %v", in.Text, fromCues, set)
	}
	if r := Analyze(in); r.Intents != set || r.Direct != in.Direct {
		t.Fatalf("Analyze(%q) = %v direct %v, want %v direct %v", in.Text, r.Intents, r.Direct, set, in.Direct)
	}
}

// TestClassifyDoesNotAllocate guards the hot path: Classify allocates
// nothing beyond what token.Tokenize does for the post (a decoded copy of a
// text with character references, one buffer for the Norms that differ
// from the text), so nothing at all for a post that needs neither.
func TestClassifyDoesNotAllocate(t *testing.T) {
	for _, tt := range []struct {
		text string
		max  float64 // -1: as many as token.Tokenize
	}{
		{"@united Flight 1136 delayed 2 hours?! Can you help me rebook, or should I fly @delta instead? Thanks &amp; #fail http://t.co/x", -1},
		{"@united flight 1136 delayed 2 hours?! can you help me rebook, or should i fly @delta instead? thanks #fail http://t.co/x", 0},
	} {
		max := tt.max
		if max < 0 {
			buf := make([]token.Token, 0, 128)
			max = testing.AllocsPerRun(100, func() { buf = token.Tokenize(tt.text, buf[:0]) })
		}
		in := Input{Text: tt.text, OtherBrands: 1, Direct: true}
		if n := testing.AllocsPerRun(100, func() { Classify(in) }); n > max {
			t.Errorf("Classify(%q) allocates %v times per call, want at most %v", tt.text, n, max)
		}
	}
}

package herald

import "strings"

// Polarity is a sentiment label.
type Polarity string

// Polarities. The empty polarity means "not analysed".
const (
	Positive Polarity = "positive"
	Negative Polarity = "negative"
	Neutral  Polarity = "neutral"
)

// PolarityOf labels a score in [-1, 1] with VADER's conventional
// thresholds (±0.05).
func PolarityOf(score float64) Polarity {
	switch {
	case score >= 0.05:
		return Positive
	case score <= -0.05:
		return Negative
	}
	return Neutral
}

// Sentiment is a polarity with its score in [-1, 1].
type Sentiment struct {
	Label Polarity `json:"label"`
	Score float64  `json:"score"`
}

// Intents is a set of what a post does, as bits. The bit order is part of
// the storage format: never reorder, only append.
type Intents uint16

// The intents a post can carry (several at once).
const (
	IntentQuestion       Intents = 1 << iota // asks something that needs an answer
	IntentComplaint                          // reports a problem or dissatisfaction
	IntentPraise                             // praises or thanks
	IntentRecommendation                     // recommends to others
	IntentComparison                         // compares with a competitor
	IntentSuggestion                         // suggests an idea or improvement
	IntentPurchase                           // wants or plans to buy
)

var intentNames = []string{"question", "complaint", "praise", "recommendation", "comparison", "suggestion", "purchase_intent"}

// IntentNames lists every intent name in bit order.
func IntentNames() []string { return append([]string(nil), intentNames...) }

// ParseIntent returns the intent bit for a name.
func ParseIntent(name string) (Intents, bool) {
	for i, n := range intentNames {
		if n == name {
			return 1 << i, true
		}
	}
	return 0, false
}

// Names lists the intents in the set, in bit order.
func (s Intents) Names() []string {
	var out []string
	for i, n := range intentNames {
		if s&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// Has reports whether every intent of t is in s.
func (s Intents) Has(t Intents) bool { return s&t == t && t != 0 }

// String joins the names with commas ("" for none).
func (s Intents) String() string { return strings.Join(s.Names(), ",") }

// Analysis is what text analysis read in one activity. It is stored with
// the activity and recomputed by `herald reanalyze` when the analyzer, the
// brand queries or the trained model change.
type Analysis struct {
	// Version identifies the analyzer and model that produced it.
	Version string `json:"version"`
	// Lang is the detected language (ISO 639-1), "und" when unknown.
	// Sentiment and intents are only computed for English text.
	Lang string `json:"lang"`
	// Sentiment is the overall sentiment: from the trained model when the
	// workspace has one, else from VADER.
	Sentiment Sentiment `json:"sentiment"`
	// VADER holds the reference lexicon scores (always computed for
	// English text: they are features and evidence).
	VADER VADERScores `json:"vader"`
	// Model is the trained model's version, empty when VADER decided.
	Model   string  `json:"model,omitempty"`
	Intents Intents `json:"-"`
	// Direct is true when the post addresses one of the brands (an
	// @mention or a reply).
	Direct  bool `json:"direct"`
	Sarcasm bool `json:"sarcasm,omitempty"`
}

// VADERScores are VADER's four scores.
type VADERScores struct {
	Neg      float64 `json:"neg"`
	Neu      float64 `json:"neu"`
	Pos      float64 `json:"pos"`
	Compound float64 `json:"compound"`
}

// Stance is the sentiment of a post toward one brand it names, with how
// it was decided ("overall", "clause", "comparative:better_than", ...).
type Stance struct {
	Sentiment
	Basis string `json:"basis,omitempty"`
}

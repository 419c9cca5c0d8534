package intent

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Set is a set of intents, one bit per intent. The zero value is the empty
// set.
type Set uint8

// The intents. Their order is the order of Names and All.
const (
	// Question: the post needs an answer (a genuine question or a request
	// for help or action on the author's case), not a rhetorical one.
	Question Set = 1 << iota
	// Complaint: dissatisfaction or a bad experience, sarcasm included.
	Complaint
	// Praise: sincere appreciation or thanks.
	Praise
	// Recommendation: an endorsement aimed at others ("highly recommend",
	// "best airline ever", "I only fly X").
	Recommendation
	// Comparison: the brand set against another brand or competitors.
	Comparison
	// Suggestion: an idea or change proposed to the brand.
	Suggestion
	// PurchaseIntent: the author wants, plans or tries to buy, book,
	// order, upgrade or subscribe.
	PurchaseIntent
)

// All is the set of every intent.
const All = Question | Complaint | Praise | Recommendation | Comparison | Suggestion | PurchaseIntent

// names are the wire names, in bit order.
var names = [...]string{"question", "complaint", "praise", "recommendation", "comparison", "suggestion", "purchase_intent"}

// Each returns the single-intent sets in s, in bit order.
func (s Set) Each() []Set {
	var out []Set
	for i := range names {
		if b := Set(1) << i; s&b != 0 {
			out = append(out, b)
		}
	}
	return out
}

// Has reports whether s contains every intent of t.
func (s Set) Has(t Set) bool { return s&t == t }

// Names returns the wire names of the intents in s, in bit order; never nil.
func (s Set) Names() []string {
	out := []string{}
	for i, n := range names {
		if s&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// String returns the names joined by "|", or "none" for the empty set.
func (s Set) String() string {
	if s&All == 0 {
		return "none"
	}
	return strings.Join(s.Names(), "|")
}

// Parse returns the intent with the given wire name.
func Parse(name string) (Set, error) {
	for i, n := range names {
		if n == name {
			return 1 << i, nil
		}
	}
	return 0, fmt.Errorf("intent: unknown intent %q", name)
}

// MarshalJSON encodes s as a JSON list of names.
func (s Set) MarshalJSON() ([]byte, error) { return json.Marshal(s.Names()) }

// UnmarshalJSON decodes a JSON list of names.
func (s *Set) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("intent: decoding set: %w", err)
	}
	var out Set
	for _, n := range list {
		v, err := Parse(n)
		if err != nil {
			return err
		}
		out |= v
	}
	*s = out
	return nil
}

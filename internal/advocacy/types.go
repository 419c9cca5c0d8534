package advocacy

import "github.com/herald-advocacy/herald"

// Event is one activity of a person seen from one brand it is about: an
// activity about two brands gives two events. The caller hands each
// (activity, brand) pair at most once.
type Event struct {
	Activity    int64           // activity id (evidence)
	Person      int64           // the author
	Brand       int64           // the brand the event is about
	At          int64           // unix seconds
	Kind        herald.Kind     // post, reply, quote, share, like, follow
	Polarity    herald.Polarity // stance toward this brand; "" when not analysed
	StanceScore float64         // -1..1, stance score toward this brand
	Intents     herald.Intents  // what the text does
	Direct      bool            // addresses the brand (@mention, reply)
	Media       bool            // carries photos or videos
	Links       bool            // carries links
	Answer      bool            // replies to another (non-brand) person's question about the brand
	Review      bool            // is a review (a rating or review-site post)
	OwnAccount  bool            // written by one of the brand's own accounts (ignored for advocacy)
	// Shared marks an activity naming several brands in which this
	// brand's stance does not stand out (tied with or below another
	// brand's: a roundup, "A vs B vs C"): its praise is not advocacy of
	// this brand.
	Shared   bool
	Reach    int64  // likes+shares+replies+quotes it received (unknown as 0)
	TextHash uint64 // Fingerprint of the text (0: no text)
}

// Person is what scoring needs to know about a person beyond their events.
type Person struct {
	ID int64
	// Followers is the largest audience over the person's identities;
	// -1 when unknown.
	Followers int64
	// Centrality is the person's PageRank in the workspace interaction
	// graph relative to the average node: PageRank × number of nodes
	// (see Relative), so 1 is an average person.
	Centrality float64
	// Employee lists the brands the person works for (declared in the
	// config or evident from the profile).
	Employee []int64
}

// Brand is a brand of the workspace. Own marks the workspace's own
// brand(s); the others are competitors.
type Brand struct {
	ID   int64
	Slug string
	Own  bool
}

// polarity is the stance used for scoring: the analysed label, corrected
// by the intents the lexicon misses. A complaint without praise is
// negative ("my order was wrong again" has no sentiment words), or
// neutral when the label says positive (the two disagree); praise or a
// recommendation without complaint is positive unless the label is
// negative (sarcasm); a question without praise is not praise ("does the
// app support gift cards?"); praise shared in a roundup is neutral.
func (e *Event) polarity() herald.Polarity {
	complaint := e.Intents.Has(herald.IntentComplaint)
	praise := e.Intents&(herald.IntentPraise|herald.IntentRecommendation) != 0
	question := e.Intents.Has(herald.IntentQuestion)
	p := e.Polarity
	switch {
	case complaint && !praise && p == herald.Positive:
		p = herald.Neutral
	case complaint && !praise:
		p = herald.Negative
	case praise && !complaint && p != herald.Negative:
		p = herald.Positive
	case question && !praise && p == herald.Positive:
		p = herald.Neutral
	case p == "":
		p = herald.Neutral
	}
	if p == herald.Positive && e.Shared {
		p = herald.Neutral
	}
	return p
}

// text reports whether the event carries text of the person's own.
func (e *Event) text() bool {
	switch e.Kind {
	case herald.KindPost, herald.KindReply, herald.KindQuote:
		return true
	}
	return false
}

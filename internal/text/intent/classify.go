package intent

import (
	"cmp"
	"slices"
)

// Input is one post to classify.
type Input struct {
	// Text is the post's text. Only the first MaxText bytes are analysed.
	Text string
	// OtherBrands is how many brands other than the one being analysed
	// (competitors) the post names, as found by the caller. Comparison cues
	// such as "better than" need one.
	OtherBrands int
	// Direct reports that the post addresses the brand by @mention or
	// reply, as found by the caller. It is returned in Result and lets a
	// bare "please ..." count as a request.
	Direct bool
}

// Cue is one piece of evidence for an intent: the rule that fired and the
// byte span [Start, End) of the text it fired on.
type Cue struct {
	Intent Set    `json:"intent"`
	Start  int    `json:"start"` // byte offset in Input.Text
	End    int    `json:"end"`
	Rule   string `json:"rule"` // e.g. `lexicon "still waiting"`, `rhetorical question "really"`
}

// Result is the full analysis of a post.
type Result struct {
	Intents Set   `json:"intents"`
	Direct  bool  `json:"direct"`         // Input.Direct, passed through: an @mention or reply is a request for attention
	Cues    []Cue `json:"cues,omitempty"` // the evidence, in text order
}

// Classify returns the intents of the post. It never panics and does not
// allocate for posts of ordinary length.
func Classify(in Input) Set {
	return analyze(in, nil)
}

// Explain returns the evidence for each intent Classify finds, in text
// order. Every intent of Classify(in) has at least one cue.
func Explain(in Input) []Cue {
	var cues []Cue
	analyze(in, &cues)
	slices.SortStableFunc(cues, func(a, b Cue) int { return cmp.Compare(a.Start, b.Start) })
	return cues
}

// Analyze returns the intents with their evidence and the Direct flag.
func Analyze(in Input) Result {
	cues := Explain(in)
	var set Set
	for _, c := range cues {
		set |= c.Intent
	}
	return Result{Intents: set, Direct: in.Direct, Cues: cues}
}

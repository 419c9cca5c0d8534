package drivers

import (
	"cmp"
	"slices"
)

// MaxTextBytes is the length at which each text is cut before tokenizing.
const MaxTextBytes = 16 << 10

// Doc is one post: an identifier returned in Driver.Examples, and its text.
type Doc struct {
	ID   int64
	Text string
}

// Options control Compare. The zero value of a field is not its default:
// start from DefaultOptions.
type Options struct {
	// MinCount drops terms whose count in a and b together is below it.
	MinCount int
	// Top is the number of drivers returned per side.
	Top int
	// Examples is the number of example document IDs per driver.
	Examples int
	// PriorScale sets the prior mass α0 of each term kind to PriorScale ·
	// (n^a + n^b); values ≤ 0 mean 1.
	PriorScale float64
	// Bigrams and Hashtags enable those term kinds; words are always on.
	Bigrams, Hashtags bool
	// Stopwords drops English function words from the words, and bigrams
	// made only of them.
	Stopwords bool
}

// DefaultOptions returns MinCount 3, Top 20, Examples 3, PriorScale 1, and
// bigrams, hashtags and stopword removal on.
func DefaultOptions() Options {
	return Options{MinCount: 3, Top: 20, Examples: 3, PriorScale: 1, Bigrams: true, Hashtags: true, Stopwords: true}
}

// Driver is a term over-represented on one side of a comparison.
type Driver struct {
	Term    string  `json:"term"`     // the word, "w1 w2" bigram, or "#tag"
	Kind    string  `json:"kind"`     // "word", "bigram" or "hashtag"
	Z       float64 `json:"z"`        // z-score of LogOdds: positive favours a, negative b
	LogOdds float64 `json:"log_odds"` // δ, the prior-smoothed log-odds ratio of a over b
	CountA  int     `json:"count_a"`  // occurrences in a
	CountB  int     `json:"count_b"`  // occurrences in b
	// Examples are IDs of documents of the driver's side containing the
	// term: most occurrences first, then shortest text, then input order.
	Examples []int64 `json:"examples"`
}

// Result is the outcome of Compare.
type Result struct {
	ForA []Driver // terms most over-represented in a, z descending
	ForB []Driver // terms most over-represented in b, z ascending (most negative first)
	// TermsA and TermsB are the term occurrences counted in a and b, all
	// kinds together.
	TermsA, TermsB int
}

// Compare scores every term of a and b with the weighted log-odds ratio
// against the background prior (nil background means a ∪ b) and returns the
// strongest drivers of each side. Its result depends only on its inputs.
func Compare(a, b []Doc, background []Doc, opt Options) Result {
	opt = opt.normalized()
	c := newCounter(opt)
	ga := c.count(a, true)
	gb := c.count(b, true)
	var bg *group
	if background != nil {
		bg = c.count(background, false)
	}
	scored := c.score(ga, gb, bg, opt)
	res := Result{TermsA: ga.sum(), TermsB: gb.sum()}
	var forA, forB []Driver
	for _, d := range scored {
		switch {
		case d.Z > 0:
			forA = append(forA, d)
		case d.Z < 0:
			forB = append(forB, d)
		}
	}
	slices.SortFunc(forA, func(x, y Driver) int {
		return cmp.Or(cmp.Compare(y.Z, x.Z), cmp.Compare(x.Term, y.Term))
	})
	slices.SortFunc(forB, func(x, y Driver) int {
		return cmp.Or(cmp.Compare(x.Z, y.Z), cmp.Compare(x.Term, y.Term))
	})
	res.ForA = forA[:min(len(forA), opt.Top)]
	res.ForB = forB[:min(len(forB), opt.Top)]
	c.examples(res.ForA, a, ga, opt.Examples)
	c.examples(res.ForB, b, gb, opt.Examples)
	return res
}

// normalized replaces out-of-range options by usable values.
func (o Options) normalized() Options {
	o.MinCount = max(o.MinCount, 1)
	o.Top = max(o.Top, 0)
	o.Examples = max(o.Examples, 0)
	if !(o.PriorScale > 0) {
		o.PriorScale = 1
	}
	return o
}

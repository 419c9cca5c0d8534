// Package drivers finds the terms that distinguish two groups of posts —
// advocates from merely satisfied customers, praise from complaints, a
// brand's conversation from a competitor's — with the weighted log-odds
// ratio and informative Dirichlet prior of Monroe, Colaresi & Quinn (2008),
// "Fightin' Words", section 3.5.1.
//
// # Terms
//
// Texts are cut at MaxTextBytes and split by internal/text/token. Terms are
// of three kinds, each scored as its own multinomial (its own totals n^i
// and prior mass α0):
//
//   - word: the Norm of a Word token; with Options.Stopwords, a small list
//     of English function words is dropped (negations such as "not", "no",
//     "never" are kept: they carry meaning).
//   - bigram: two consecutive Word tokens, "w1 w2"; any other token
//     (punctuation, URL, mention, number, emoji…) ends the span. Stopwords
//     are kept inside bigrams ("on hold", "thank you"); with
//     Options.Stopwords only bigrams made of two stopwords are dropped.
//   - hashtag: "#" + the hashtag's Norm.
//
// Mentions, URLs, numbers, emoji and punctuation are ignored. Counts are
// occurrence counts, as in the paper: a word said twice in a post counts
// twice.
//
// # Score
//
// For a term w of one kind, with y_w^i its count in group i, n^i the total
// count of that kind in group i, α_w its prior count and α0 = Σ α_w:
//
//	δ_w = log((y_w^a+α_w)/(n^a+α0−y_w^a−α_w)) − log((y_w^b+α_w)/(n^b+α0−y_w^b−α_w))
//	σ²(δ_w) ≈ 1/(y_w^a+α_w) + 1/(y_w^b+α_w)
//	z_w = δ_w / σ(δ_w)
//
// The prior is α_w = α0 · f_w, where f_w is w's relative frequency in the
// background corpus and α0 = PriorScale · (n^a + n^b): by default (scale 1)
// the prior weighs as much as the data. With the default background a ∪ b
// this makes α_w exactly w's count in a ∪ b, the usual "Fightin' Words"
// setting. With an explicit background every term of a ∪ b also gets a
// pseudo-count of 0.01 in it, so that a term the background never saw has a
// small positive prior instead of an undefined log.
//
// With this prior α0 is large, so the smaller group is shrunk more and its
// drivers get smaller |z| than the larger group's: compare z within a side.
// A kind absent from one group (no hashtags in b, say) gives no comparison
// and is skipped, as are terms whose odds are undefined (the only term of
// its kind).
package drivers

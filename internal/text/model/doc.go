// Package model is Herald's trainable sentiment classifier for teams that
// have labelled posts: a multinomial (softmax) logistic regression over
// hashed sparse features, trained in pure Go.
//
// Features. Each text is split by package token (which decodes HTML
// entities, lower-cases and cuts elongations such as "soooo" to two
// letters); @mentions become "@user", URLs "<url>" and numbers "<num>", and
// emoji and emoticons are terms of their own. From the terms it takes
// unigrams (marked as negated for up to three terms after not/no/never/…n't,
// until punctuation or "but"), bigrams and character n-grams inside each
// word, all hashed with FNV-1a into 2^HashBits buckets, plus a few dense
// lexicon features from VADER (neg, neu, pos, compound, and counts of "!",
// "?" and all-caps words). Texts longer than MaxTextBytes are cut before
// analysis, so the cost of one prediction is bounded.
//
// Training. Train discovers the classes from the labels (sorted), weights
// them inversely to their frequency unless Options.Unweighted is set, and
// minimises the L2-regularised cross-entropy with Adagrad over seeded
// shuffles of the examples. Training is deterministic: the same examples (in
// the same order) and Options give the same weights and the same Version on
// a given architecture (compilers may fuse multiply-adds on some, which
// changes the last bits of the weights).
//
// Evaluation. Score compares gold and predicted labels (accuracy, macro-F1,
// per-class precision/recall/F1, confusion matrix); CrossValidate runs
// stratified, seeded k-fold cross-validation; VADERBaseline is the
// rule-based baseline to report alongside.
//
// Storage. MarshalBinary and Unmarshal use the compact, versioned binary
// format described in codec.go.
package model

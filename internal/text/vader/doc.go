// Package vader is a faithful Go port of VADER (Valence Aware Dictionary and
// sEntiment Reasoner), the rule-based sentiment model of
//
//	Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model
//	for Sentiment Analysis of Social Media Text. Eighth International
//	Conference on Weblogs and Social Media (ICWSM-14). Ann Arbor, MI, June 2014.
//
// It reproduces the scores of the reference Python implementation
// (vaderSentiment, cjhutto/vaderSentiment at commit 44fc044, setup.py version
// 3.3.1) bit for bit after the reference's own rounding, including the
// reference's quirks: Python's str.split/str.lower/str.isupper semantics for
// Unicode, code-point-wise emoji replacement, the list.index() behaviour of the
// "but" rule and Python's round() for the final figures.
//
// The lexicons (vader_lexicon.txt and emoji_utf8_lexicon.txt, MIT licence,
// Copyright (c) 2016 C.J. Hutto) are embedded in the binary; see
// lexicon/LICENSE.
package vader

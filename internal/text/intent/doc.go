// Package intent detects what a social post about a brand is doing: asking
// a question that needs an answer, complaining, praising or thanking,
// recommending the brand to others, comparing it with a competitor,
// suggesting an idea, or showing intent to buy. A post can carry several
// intents at once.
//
// Classification is rule-based: the text is split by internal/text/token
// (which decodes HTML entities, lower-cases and shortens elongations, and
// sets URLs, e-mail addresses and emoji apart), phrase lexicons are
// matched over the words, and a few rules handle the cases a lexicon
// cannot: rhetorical questions inside complaints, sarcastic thanks,
// negated praise, suggestions that are really reproaches about the past,
// comparisons that need another brand. Explain returns the evidence: which
// cue fired where.
//
// The figures on the hand-annotated set in testdata/annotated.jsonl are
// guarded by TestAnnotatedSet; see testdata/ANNOTATION.md for how the set
// was built and labelled.
package intent

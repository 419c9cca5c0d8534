// Package stance decides the sentiment of a post toward each brand it
// names: "@A lost my bag again, @B never does" is negative for A and
// positive for B. It scores text with VADER (internal/text/vader) and adds
// the structure VADER lacks: which words are about which brand.
//
// # Input
//
// The caller gives the text, the VADER scores of the whole text it has
// already computed, and per brand the byte spans naming it (from the brand
// query matcher). A brand without spans is implied: the post replies to it,
// so it is the addressee, as is a brand flagged Addressed.
//
// A single brand gets the overall score (flipped only for sarcasm), at no
// extra cost: positive texts are scanned for sarcasm markers, nothing else
// is done. Several brands go through the steps below.
//
// # Clauses
//
// The text is split into clauses at sentence ends (. ! ? … and newlines,
// but not a dot inside "t.co" or "3.5"), at ; , | and spaced dashes, and
// before the conjunctions but, however, whereas, while, whilst, although,
// though, unlike, except, because, bc, when, since, meanwhile and cc; also
// at "and then", and at "and"/"&" between a word and a brand ("@A lost my
// bag and @B found it", but not "@A and @B"). An "unlike"/"except" clause
// ends after the brand it names. Clauses holding only mentions ("@A,")
// join the next clause, except after a comma (a vocative: "..., @A?") or
// at the end (a trailing mention run or cc: no stance).
//
// The leading mention run ("@united @AmericanAir ...", ".@delta", "hey
// @delta,") addresses the whole post: its brands are addressees and do not
// own a clause. When two or more brands lead and a singular verb follows
// ("@A @B is better"), the last one is the subject instead. A brand named
// elsewhere owns the clause naming it; a clause that names none but
// refers back with "they/their" belongs to the brand named before it.
//
// # Evidence
//
// A named brand is scored on the clauses naming it; an addressee on the
// clauses naming no brand that is not itself addressed, plus clauses
// speaking to "you" (not "@B you're great", which speaks to B). When that
// evidence is the whole text, the caller's overall score is reused (unless
// a brand name is itself a VADER word, like "United": brand mentions,
// other @handles, and "like" right before a mention, are blanked out before
// scoring). A clause
// without VADER sentiment but with a situation word (delayed, stranded;
// "on time", early) scores ±0.3, negation flipping it.
//
// A brand whose own clauses bear no sentiment is decided, in order, by:
//   - ellipsis: "@A lost my bag again, @B never does". The elided predicate
//     is the previous clause's without its negation, so the polarity flips
//     once per negated side ("@A never disappoints, @B always does" is
//     negative for B; "@A lost my luggage, @B too" is negative);
//   - contrast: a clause opening with but/whereas/yet/..., or after one
//     opening with while/although, takes the opposite of its partner
//     ("@A was two hours late but @B was on time");
//   - proximity: the nearest clause with sentiment that names no other
//     brand and does not speak to "you", within two clauses, in the same
//     sentence when the post has an addressee ("I flew @B, great crew").
//
// # Relations
//
// Patterns between brands decide both sides (magnitude: the clause's VADER
// score, at least 0.3), negation before the cue inverting them:
//   - comparatives: "X is better/worse than Y" (also "then"), "X is more
//     reliable than Y" (the adjective's VADER polarity), "X > Y", "X beats
//     Y", "X loses to Y", "prefer/choose X over Y", "rather X than Y",
//     "nothing beats Y", "X sucks compared to Y"; with an implicit subject
//     the addressees are X ("@A @B y'all are better then @C");
//   - "unlike Y, X ..." / "X ..., unlike Y" / "except Y": Y opposite to the
//     main clause;
//   - switches: "switched/moving from Y to X", "leaving/ditched Y for X",
//     "switch to X", "go back to X", "taking my business to X";
//   - preferences: "this is why I fly X", "should've flown X", "learn from
//     X", "take a lesson from X", "stick with X", "X ftw", "X all the way",
//     "X here I come", "Next time X", "...! Hello X!"; rejections: "done
//     with X", "never fly X", "goodbye X".
//
// A switch to or preference for X also marks the addressees it turns away
// from ("@A ... Time to go back to @B"): they get a rival verdict, used
// unless their own clauses are negative already.
//
// # Sarcasm
//
// Kept precise rather than broad (see sarcasm.go): 🙃 🙄 /s #not #sarcasm
// "yeah right"; a standalone interjection before a bad situation ("great,
// another delay", "oh wonderful. cancelled again"); "love" + a bad
// situation ("love waiting 3 hours"); "thanks for nothing / for losing my
// bag / for the 3 hour delay". A positive score of evidence overlapping
// such a zone is flipped and Stance.Sarcasm set; relation verdicts are
// structural and not flipped.
//
// # Limits
//
// See MaxTextBytes, MaxTargets and MaxSpans; no input makes Analyze panic. Without a pronoun or
// sentence cue, the clauses after a competitor's mention still count for
// the addressee ("@A ... @B was awful. 5 delays." gives the delays to A).
package stance

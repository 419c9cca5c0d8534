// Package query is Herald's boolean brand query language, in the style of
// social-listening tools (Brandwatch, Talkwalker): the workspace
// configuration describes each brand and competitor with a query, and the
// importer and connectors tag posts with the queries they match.
//
// # Terms
//
//	coffee                a word; matches the word in any case: Coffee, COFFEE
//	"cold brew"           a phrase: consecutive words, whatever punctuation or
//	                      whitespace separates them ("cold-brew", "Cold, brew")
//	coca-cola             a term with inner punctuation is a phrase ("coca cola")
//	brew*                 a trailing wildcard: words starting with "brew"; at
//	                      least 3 letters or digits before the *
//	#NorthwindCoffee      a hashtag: matches that whole hashtag, in any case
//	@united               a handle: matches the mentions @united,
//	                      @united@any.instance (Mastodon), @united.bsky.social
//	                      and @united-… (a handle glued to a hyphen)
//	@bob@mastodon.social  a full Mastodon handle: matches only that mention
//
// Words are runs of Unicode letters, decimal digits and combining marks;
// everything else, underscores and apostrophes included, separates words.
// Matching is word-boundary aware: "acme" matches "Acme's" and "acme," but
// not "acmes" or "éacme". Case is folded for every script ("Café" matches
// "CAFÉ", "straße" matches "STRASSE"); diacritics are kept ("cafe" does not
// match "café": write cafe OR café), and texts are not Unicode-normalized.
// Scripts written without spaces (Chinese, Japanese, Thai) are not segmented:
// a term matches only a whole run of such letters.
//
// A word or wildcard also matches inside hashtags, at their CamelCase parts:
// #NorthwindCoffee contains the parts Northwind and Coffee, so northwind,
// coffee and northwindcoffee all match it, as does northwind for
// #northwind. Parts are split at lower-to-upper case changes, before the last
// capital of an acronym (#USAirways: US, Airways), between letters and
// digits, and at underscores. Phrases match running words only, not hashtags.
// Plain words never match inside @mentions (@united is a mention; united is a
// word) nor inside URLs, which are skipped: a phrase does not match across
// one.
//
// # Operators
//
//	a AND b        both
//	a b            adjacent terms are joined by an implicit AND
//	a OR b         either
//	a NOT b        a, and not b (the same as a AND NOT b)
//	NOT a b        a leading NOT excludes too: b and not a
//	(a OR b) c     parentheses group
//	a NEAR/3 b     a and b within 3 words of each other, in either order
//	a ONEAR/3 b    the same, with a before b
//
// Operators are upper case. Lower-case and, or and not are ordinary words;
// to search for the word AND, quote it: "AND". NOT binds to the term, NEAR
// or group after it; NEAR binds tighter than AND, which binds tighter than OR:
//
//	a b OR c NOT d   means   (a AND b) OR (c AND NOT d)
//
// NEAR/n measures the distance from the end of one term to the start of the
// other in tokens (words, hashtags, mentions, URLs): NEAR/1 means adjacent,
// NEAR/3 allows up to two tokens between. The two occurrences must not overlap, so
// the parts of one hashtag are never near each other. Each side of a NEAR is
// a term, a phrase or a parenthesized OR-group of terms, and NEARs do not
// chain:
//
//	(delay* OR late) NEAR/5 (flight OR plane)
//
// A query must be able to match by the presence of a term: NOT a, or
// a OR NOT b, is an error, since it would match almost every post.
//
// Newlines are whitespace, so long queries can span lines, and <<<text>>> is
// a comment:
//
//	<<< the airline, its handles and its campaign tag >>>
//	(@united OR "united airlines" OR #UnitedAirlines)
//	NOT "manchester united"
//
// # Errors and limits
//
// A mistake is an *Error with the 1-based line and rune column:
//
//	line 2, column 14: expected ")" to close "(" opened at line 1, column 3
//
// A query is at most MaxQueryBytes long with at most MaxTerms terms,
// MaxDepth levels of parentheses and NEAR distances up to MaxNearDistance.
//
// # Matching
//
// A Set compiles the terms of many named queries into one shared
// Aho-Corasick automaton over the case-folded text (its own implementation,
// a dense DFA over byte classes), so a post is scanned once whatever the
// number of queries. The scanned form of a text starts every token with a
// space and so does every pattern: occurrences can only begin at a token,
// which keeps the automaton from reporting words inside longer words. A
// second, small automaton of the bare words and wildcards runs over the
// bodies of hashtags, where words match at CamelCase parts. Only queries with
// at least one term found are evaluated. Set.Match reports each matching
// query with the byte spans of the terms that made it match, so callers can
// find the clause that names a brand. Sets and Queries are immutable and safe
// for concurrent use.
package query

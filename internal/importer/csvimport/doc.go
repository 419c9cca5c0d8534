// Package csvimport imports activities from CSV files with a header row,
// using a column mapping that says which column feeds which activity field.
//
// # Mapping syntax
//
// A mapping is a set of field = column pairs, given as repeated command-line
// flags (--map id=tweet_id) or as a mapping file (see LoadMapping):
//
//	# airline.map — a TOML-compatible subset
//	id         = "tweet_id"
//	author     = "name"
//	text       = "text"
//	created    = "tweet_created"
//	network    = "=twitter"     # a constant, not a column
//	shares     = "retweet_count"
//	brand      = "airline"
//	attr.sentiment = "airline_sentiment"
//	delimiter  = ","
//
// The value of a pair names a header column (matched exactly, else
// case-insensitively when only one column matches). A value starting with '='
// is a constant instead: network = "=twitter" puts every row on Twitter,
// kind = "=like" makes every row a like. Constants work for every column
// field; a column whose name starts with '=' cannot be mapped.
//
// Column fields:
//
//	id             the activity's external id (required)
//	text           the text; HTML entities are decoded when text_html = true
//	author         the author's handle (author or author_id is required)
//	author_id      the author's stable external id
//	author_name    display name
//	author_bio     profile description
//	followers      follower count; following: following count
//	created        timestamp (required)
//	network        network name (default: the constant twitter)
//	kind           post, reply, share, quote, like or follow (synonyms such as
//	               tweet, comment, retweet, repost, boost, favorite are accepted);
//	               default: reply when in_reply_to is set, else post
//	in_reply_to    id of the activity replied to
//	reply_to_author handle of the author replied to; when unmapped, a reply whose
//	               text begins with an @mention takes that handle
//	subject, subject_author, conversation
//	               id shared/liked/quoted/followed, its author, the thread root
//	url, lang      link to the activity, BCP 47 language tag
//	likes, shares, replies, quotes
//	               counts: non-negative integers ("12.0" is accepted); empty = unknown
//	brand          a column naming a brand; its raw value goes to Attributes["brand"]
//	               and the pipeline turns it into a BrandMention (MatchImported)
//	attr.NAME      keep the column verbatim in Attributes[NAME] (values over
//	               4 KiB are truncated; empty values are left out)
//
// Option fields (values, not columns):
//
//	time_format    a Go layout ("2006-01-02 15:04"), "unix" or "unix_ms";
//	               default: auto-detection (see ParseTime)
//	time_zone      IANA zone for timestamps that carry none (default UTC)
//	delimiter      one character; "\t" or "tab" for tab-separated files
//	text_html      true when the text column is HTML-escaped (&amp; &lt; &gt;)
//
// Ids written by pandas as floats ("3.0") lose their ".0" (id, author_id,
// in_reply_to, subject, conversation).
//
// # Rows
//
// Record.Pos is the line where the row starts (rows may span lines). The
// header is emitted first as a Preamble record, so that header + rejected rows
// re-import. An activity's Raw is its row's exact input bytes (with the blank
// lines before it, if any). A row rejected by the mapping carries the row
// re-encoded as one CSV record; a row that encoding/csv cannot parse (a bare
// quote) carries its exact input bytes, as its fields are incomplete.
package csvimport

package csvimport

import (
	"fmt"
	"strings"

	"github.com/herald-advocacy/herald"
)

// preset is a built-in mapping for a known dataset, recognised by columns its
// header must contain (extra columns, like a pandas index, are allowed).
type preset struct {
	name    string
	columns []string
	mapping func() Mapping
}

var presets = []preset{
	{"airline", []string{"tweet_id", "airline_sentiment", "airline", "name", "text", "tweet_created"}, airline},
	{"twcs", []string{"tweet_id", "author_id", "inbound", "created_at", "text", "in_response_to_tweet_id"}, twcs},
}

// airline maps the Twitter US Airline Sentiment CSV (CrowdFlower, 2015).
// It has no user ids: authors are keyed by handle.
func airline() Mapping {
	return Mapping{
		Network: "=twitter", ID: "tweet_id", Author: "name", Text: "text", TextHTML: true,
		Created: "tweet_created", Shares: "retweet_count", Brand: "airline",
		Attrs: map[string]string{
			"sentiment":            "airline_sentiment",
			"sentiment_confidence": "airline_sentiment_confidence",
			"negative_reason":      "negativereason",
			"location":             "tweet_location",
			"timezone":             "user_timezone",
			"coord":                "tweet_coord",
		},
	}
}

// twcs maps the Customer Support on Twitter CSV (Thought Vector, 2017):
// author_id is a brand handle or an anonymised customer number, used as the
// handle; the replied-to author is the text's leading @mention.
func twcs() Mapping {
	return Mapping{
		Network: "=twitter", ID: "tweet_id", Author: "author_id", Text: "text", TextHTML: true,
		Created: "created_at", InReplyTo: "in_response_to_tweet_id",
		Attrs: map[string]string{"inbound": "inbound"},
	}
}

// Preset returns a built-in mapping when the header is a known dataset's (the
// airline sentiment CSV, the TWCS customer-support CSV) and the preset's name.
func Preset(header []string) (Mapping, string, bool) {
	have := map[string]bool{}
	for _, h := range header {
		have[strings.TrimSpace(h)] = true
	}
	for _, p := range presets {
		if hasAll(have, p.columns) {
			return p.mapping(), p.name, true
		}
	}
	return Mapping{}, "", false
}

func hasAll(have map[string]bool, cols []string) bool {
	for _, c := range cols {
		if !have[c] {
			return false
		}
	}
	return true
}

// guesses lists, per field, the column names (normalised: lower case, '_' for
// spaces and dashes) tried in order when no mapping is given.
var guesses = []struct {
	key   string
	names []string
}{
	{"id", []string{"id", "tweet_id", "post_id", "status_id", "message_id", "activity_id", "external_id"}},
	{"text", []string{"text", "full_text", "body", "content", "message", "tweet", "post"}},
	{"author", []string{"author", "username", "user_name", "screen_name", "user_screen_name", "handle", "author_handle", "author_username", "user", "name"}},
	{"author_id", []string{"author_id", "user_id"}},
	{"author_name", []string{"author_name", "display_name", "user_display_name", "name"}},
	{"created", []string{"created_at", "created", "date", "timestamp", "time", "datetime", "published", "published_at", "posted_at"}},
	{"network", []string{"network", "platform"}},
	{"kind", []string{"kind"}},
	{"in_reply_to", []string{"in_reply_to", "in_reply_to_id", "in_reply_to_status_id", "in_response_to_tweet_id", "parent_id"}},
	{"url", []string{"url", "permalink", "link"}},
	{"lang", []string{"lang", "language"}},
	{"likes", []string{"likes", "like_count", "favorite_count", "favourites_count"}},
	{"shares", []string{"shares", "share_count", "retweets", "retweet_count", "reposts", "repost_count"}},
	{"replies", []string{"replies", "reply_count"}},
	{"followers", []string{"followers", "followers_count", "follower_count"}},
	{"brand", []string{"brand"}},
}

// Guess builds a mapping from common column names. It fails, naming the
// missing fields and listing the header, when no column looks like the id,
// the text, the author or the timestamp.
func Guess(header []string) (Mapping, error) {
	cols := map[string]string{} // normalised → actual
	for _, h := range header {
		n := normName(h)
		if _, dup := cols[n]; !dup && n != "" {
			cols[n] = h
		}
	}
	used := map[string]bool{}
	pairs := map[string]string{}
	for _, g := range guesses {
		for _, n := range g.names {
			if c, ok := cols[n]; ok && !used[c] {
				pairs[g.key], used[c] = c, true
				break
			}
		}
	}
	if err := guessMissing(pairs, header); err != nil {
		return Mapping{}, err
	}
	return ParseMapping(pairs)
}

func guessMissing(pairs map[string]string, header []string) error {
	var missing, keys []string
	for _, k := range []string{"id", "text", "author", "created"} {
		if pairs[k] == "" && !(k == "author" && pairs["author_id"] != "") {
			keys = append(keys, k)
			missing = append(missing, fieldLabel(k))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return herald.Errorf(herald.EInvalid,
		"csv: cannot tell which column holds the %s; header columns: %s; give a mapping, e.g. --map %s=COLUMN",
		strings.Join(missing, ", "), quoteList(header), keys[0])
}

func fieldLabel(k string) string {
	if k == "created" {
		return "timestamp (created)"
	}
	return k
}

func normName(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(h)
}

func quoteList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = fmt.Sprintf("%q", c)
	}
	return strings.Join(q, ", ")
}

package twitter

import (
	"html"
	"net/url"
	"strings"
)

// unescape decodes the HTML entities both APIs put in tweet text (&amp; &lt; &gt;).
func unescape(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return html.UnescapeString(s)
}

// lang returns the tweet's BCP 47 language, dropping "und" and Twitter's
// private codes (media-only, hashtags-only, …) that name no language.
func lang(l string) string {
	switch l {
	case "und", "qam", "qct", "qht", "qme", "qst", "zxx":
		return ""
	}
	return l
}

// count converts an optional count; nil is unknown (-1).
func count(n *int64) int64 {
	if n == nil {
		return -1
	}
	return *n
}

func profileURL(handle string) string { return "https://twitter.com/" + handle }

// statusURL is a tweet's public link.
func statusURL(handle, id string) string {
	if handle == "" {
		return "https://twitter.com/i/web/status/" + id
	}
	return "https://twitter.com/" + handle + "/status/" + id
}

// mentions returns the usernames mentioned (v2 mentions, v1.1 user_mentions).
func mentions(e *entities) []string {
	var out []string
	for _, m := range e.Mentions {
		out = appendNew(out, m.Username)
	}
	for _, m := range e.UserMentions {
		out = appendNew(out, m.ScreenName)
	}
	return out
}

// hashtags returns the hashtags without '#'.
func hashtags(e *entities) []string {
	var out []string
	for _, h := range e.Hashtags {
		t := h.Tag
		if t == "" {
			t = h.Text
		}
		out = appendNew(out, t)
	}
	return out
}

// links returns the expanded URLs linked, without media links and without
// links to the tweet itself or to its subject (a quoted tweet).
func links(e *entities, self, subject string) []string {
	var out []string
	for _, u := range e.URLs {
		l := u.ExpandedURL
		if l == "" {
			l = u.URL
		}
		if u.MediaKey != "" {
			continue
		}
		if id := statusID(l); id != "" && (id == self || id == subject) {
			continue
		}
		out = appendNew(out, l)
	}
	return out
}

// mediaKeys counts the distinct media keys of the URL entities.
func mediaKeys(e *entities) int {
	var keys []string
	for _, u := range e.URLs {
		keys = appendNew(keys, u.MediaKey)
	}
	return len(keys)
}

// statusID returns the tweet id of a twitter.com / x.com status link.
func statusID(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	switch strings.TrimPrefix(strings.ToLower(u.Host), "www.") {
	case "twitter.com", "x.com", "mobile.twitter.com":
	default:
		return ""
	}
	_, after, ok := strings.Cut(u.Path, "/status/")
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(after, "/")
	return id
}

// appendNew appends s unless it is empty or already present.
func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

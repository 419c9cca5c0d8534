package reddit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// item is the data of a t1 comment or a t3 submission.
type item struct {
	Name           string          `json:"name"`
	ID             string          `json:"id"`
	Author         string          `json:"author"`
	AuthorFullname string          `json:"author_fullname"`
	Subreddit      string          `json:"subreddit"`
	Permalink      string          `json:"permalink"`
	CreatedUTC     json.RawMessage `json:"created_utc"`
	Score          *int64          `json:"score"`
	Ups            *int64          `json:"ups"`
	Replies        json.RawMessage `json:"replies"` // a Listing, or "" when none

	// t3
	Title       string `json:"title"`
	Selftext    string `json:"selftext"`
	URL         string `json:"url"`
	IsSelf      bool   `json:"is_self"`
	IsVideo     bool   `json:"is_video"`
	PostHint    string `json:"post_hint"`
	NumComments *int64 `json:"num_comments"`
	GalleryData *struct {
		Items []struct{} `json:"items"`
	} `json:"gallery_data"`

	// t1
	Body     string `json:"body"`
	ParentID string `json:"parent_id"`
	LinkID   string `json:"link_id"`
}

// item handles a t1 or t3 thing, then the replies nested in it.
func (w *walker) item(kind string, data json.RawMessage, raw []byte, depth int) error {
	pos := w.next()
	var it item
	if err := json.Unmarshal(data, &it); err != nil {
		return w.reject(pos, raw, jsonstream.Describe(err))
	}
	a, err := convert(kind, &it)
	if err != nil {
		err = w.reject(pos, raw, err)
	} else {
		a.InReplyToAuthor = w.authors[a.InReplyTo]
		w.authors[a.ExternalID] = it.Author
		err = w.emit(herald.Record{Pos: pos, Raw: bytes.Clone(raw), Activity: a})
	}
	if err != nil {
		return err
	}
	if len(it.Replies) > 0 && it.Replies[0] == '{' {
		return w.thing(it.Replies, depth+1)
	}
	return nil
}

// convert turns an item into an activity.
func convert(kind string, it *item) (*herald.Activity, error) {
	id := it.Name
	if id == "" && it.ID != "" {
		id = kind + "_" + it.ID
	}
	switch {
	case id == "":
		return nil, errors.New("missing id")
	case it.Author == "":
		return nil, errors.New("missing author")
	case it.Author == "[deleted]":
		return nil, errors.New("author deleted")
	}
	created, err := epoch(it.CreatedUTC)
	if err != nil {
		return nil, err
	}
	a := &herald.Activity{
		Network: herald.Reddit, ExternalID: id, CreatedAt: created, Author: author(it, created),
		Metrics: herald.UnknownMetrics(),
	}
	a.URL = permalink(kind, it)
	if it.Subreddit != "" {
		a.Attributes = map[string]string{"subreddit": it.Subreddit}
	}
	a.Metrics.Likes = count(it.Score, it.Ups)
	if kind == "t3" {
		submission(a, it)
	} else {
		a.Kind, a.Text, a.InReplyTo, a.Conversation = herald.KindReply, unescape(it.Body), it.ParentID, it.LinkID
	}
	a.Mentions = mentions(a.Text)
	return a, nil
}

// permalink is the item's public link; old API responses have no permalink
// on comments, whose link is then built from the ids.
func permalink(kind string, it *item) string {
	switch {
	case it.Permalink != "":
		return "https://www.reddit.com" + it.Permalink
	case it.ID == "":
		return ""
	case kind == "t3":
		return "https://www.reddit.com/comments/" + it.ID + "/"
	case it.Subreddit != "" && strings.HasPrefix(it.LinkID, "t3_"):
		return "https://www.reddit.com/r/" + it.Subreddit + "/comments/" + it.LinkID[3:] + "/_/" + it.ID + "/"
	}
	return ""
}

// submission fills the t3 fields.
func submission(a *herald.Activity, it *item) {
	a.Kind, a.Conversation = herald.KindPost, a.ExternalID
	a.Text = unescape(it.Title)
	if s := unescape(it.Selftext); s != "" {
		a.Text += "\n\n" + s
	}
	if !it.IsSelf && it.URL != "" && it.URL != a.URL {
		a.Links = []string{unescape(it.URL)}
	}
	a.Metrics.Replies = count(it.NumComments, nil)
	switch {
	case it.GalleryData != nil:
		a.Media = len(it.GalleryData.Items)
	case it.IsVideo, it.PostHint == "image", it.PostHint == "hosted:video":
		a.Media = 1
	}
}

// author is the item's author as an identity.
func author(it *item, at time.Time) herald.Identity {
	id := it.AuthorFullname
	if id == "" {
		id = "@" + strings.ToLower(it.Author)
	}
	return herald.Identity{
		Network: herald.Reddit, ExternalID: id, Handle: it.Author, Followers: -1, Following: -1,
		ProfileURL: "https://www.reddit.com/user/" + it.Author, ObservedAt: at,
	}
}

// epoch parses created_utc: float epoch seconds (a string of digits in some
// archives).
func epoch(raw json.RawMessage) (time.Time, error) {
	s := strings.Trim(string(raw), `"`)
	if s == "" || s == "null" {
		return time.Time{}, errors.New("missing created_utc")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e11 {
		return time.Time{}, fmt.Errorf("unparseable created_utc %s", raw)
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e3))*1e6).UTC(), nil
}

// count returns the first known of the counts, or -1.
func count(n, alt *int64) int64 {
	switch {
	case n != nil:
		return *n
	case alt != nil:
		return *alt
	}
	return -1
}

// unescape decodes the entities Reddit puts in texts fetched without
// raw_json=1 (&amp; &lt; &gt;). Such texts hold no raw '<' or '>'; a text
// that does was fetched raw and is kept as is.
func unescape(s string) string {
	if !strings.Contains(s, "&") || strings.ContainsAny(s, "<>") {
		return s
	}
	return html.UnescapeString(s)
}

// mentions returns the usernames referenced as u/name or /u/name.
func mentions(text string) []string {
	var out []string
	for i := 0; ; {
		j := strings.Index(text[i:], "u/")
		if j < 0 {
			return out
		}
		j += i
		i = j + 2
		if j > 0 && !strings.ContainsRune(" \t\n(/[*_>", rune(text[j-1])) {
			continue
		}
		if j > 0 && text[j-1] == '/' && j > 1 && !strings.ContainsRune(" \t\n([*_>", rune(text[j-2])) {
			continue
		}
		k := i
		for k < len(text) && k-i < 20 && isNameByte(text[k]) {
			k++
		}
		if name := text[i:k]; len(name) >= 3 && (k == len(text) || !isNameByte(text[k])) {
			out = appendNew(out, name)
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// appendNew appends s unless it is already present.
func appendNew(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

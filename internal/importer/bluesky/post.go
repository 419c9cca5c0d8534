package bluesky

import (
	"encoding/json"
	"strings"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// postRecord is an app.bsky.feed.post record.
type postRecord struct {
	Text      string   `json:"text"`
	CreatedAt string   `json:"createdAt"`
	Langs     []string `json:"langs"`
	Reply     *struct {
		Root   strongRef `json:"root"`
		Parent strongRef `json:"parent"`
	} `json:"reply"`
	Embed  *embed `json:"embed"`
	Facets []struct {
		Features []struct {
			Type string `json:"$type"`
			Did  string `json:"did"`
			Tag  string `json:"tag"`
			URI  string `json:"uri"`
		} `json:"features"`
	} `json:"facets"`
}

// embed is the union of the app.bsky.embed.* types Herald reads.
type embed struct {
	Type     string     `json:"$type"`
	Images   []struct{} `json:"images"`
	Video    *struct{}  `json:"video"`
	External *struct {
		URI string `json:"uri"`
	} `json:"external"`
	// Record is {uri, cid} in app.bsky.embed.record and
	// {record: {uri, cid}} in app.bsky.embed.recordWithMedia.
	Record *struct {
		URI    string     `json:"uri"`
		Record *strongRef `json:"record"`
	} `json:"record"`
	Media *embed `json:"media"`
}

// post fills a post activity from its record.
func post(a *herald.Activity, raw json.RawMessage, did, rkey string) (created string, err error) {
	var r postRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return "", jsonstream.Describe(err)
	}
	a.Kind, a.Text, a.Conversation = herald.KindPost, r.Text, a.ExternalID
	a.URL = "https://bsky.app/profile/" + did + "/post/" + rkey
	if len(r.Langs) > 0 {
		a.Lang = r.Langs[0]
	}
	for _, f := range r.Facets {
		for _, ft := range f.Features {
			switch ft.Type {
			case "app.bsky.richtext.facet#mention":
				a.Mentions = appendNew(a.Mentions, ft.Did)
			case "app.bsky.richtext.facet#tag":
				a.Hashtags = appendNew(a.Hashtags, strings.TrimPrefix(ft.Tag, "#"))
			case "app.bsky.richtext.facet#link":
				a.Links = appendNew(a.Links, ft.URI)
			}
		}
	}
	if e := r.Embed; e != nil {
		embedded(a, e)
	}
	if rp := r.Reply; rp != nil && rp.Parent.URI != "" {
		a.Kind, a.InReplyTo, a.InReplyToAuthor = herald.KindReply, rp.Parent.URI, uriDID(rp.Parent.URI)
		a.Conversation = rp.Root.URI
		if a.Conversation == "" {
			a.Conversation = rp.Parent.URI
		}
	}
	return r.CreatedAt, nil
}

// embedded fills media, links and the quoted post from a post's embed.
func embedded(a *herald.Activity, e *embed) {
	a.Media = media(e)
	if e.Media != nil {
		a.Media = media(e.Media)
		if x := e.Media.External; x != nil {
			a.Links = appendNew(a.Links, x.URI)
		}
	}
	if x := e.External; x != nil {
		a.Links = appendNew(a.Links, x.URI)
	}
	if r := e.Record; r != nil {
		uri := r.URI
		if r.Record != nil {
			uri = r.Record.URI
		}
		if uriCollection(uri) == collPost {
			a.Kind, a.Subject, a.SubjectAuthor = herald.KindQuote, uri, uriDID(uri)
		}
	}
}

// media counts an embed's images and videos.
func media(e *embed) int {
	n := len(e.Images)
	if e.Video != nil {
		n++
	}
	return n
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

package activitystreams

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/htmltext"
)

// identity maps an actor property (an IRI or an inline actor) to an
// identity observed at at. role names the property in errors.
func identity(r *ref, net herald.Network, at time.Time, role string) (herald.Identity, error) {
	r = r.first()
	if r != nil && r.list != nil {
		r = nil
	}
	switch {
	case r == nil:
		return herald.Identity{}, fmt.Errorf("missing %s", role)
	case r.obj != nil && r.obj.ID == "":
		return herald.Identity{}, fmt.Errorf("%s has no id", role)
	case r.obj == nil:
		return herald.Identity{Network: net, ExternalID: r.iri, Handle: handleFromIRI(r.iri),
			Followers: -1, Following: -1, ObservedAt: at}, nil
	}
	o := r.obj
	return herald.Identity{
		Network:     net,
		ExternalID:  o.ID,
		Handle:      handleOf(r),
		DisplayName: o.Name,
		Bio:         htmltext.Text(o.Summary),
		Followers:   o.Followers.total(),
		Following:   o.Following.total(),
		ProfileURL:  urlOf(o.URL),
		ObservedAt:  at,
	}, nil
}

// handleOf returns the handle (user@host) of an actor reference.
func handleOf(r *ref) string {
	r = r.first()
	switch {
	case r == nil:
		return ""
	case r.obj == nil:
		return handleFromIRI(r.iri)
	case r.obj.PreferredUsername != "":
		if host := hostOf(r.obj.ID); host != "" {
			return strings.TrimPrefix(r.obj.PreferredUsername, "@") + "@" + host
		}
		return strings.TrimPrefix(r.obj.PreferredUsername, "@")
	}
	return handleFromIRI(r.obj.ID)
}

// authorHandle returns the handle of the author of an inline object (its
// attributedTo, or the actor of an activity), or "".
func authorHandle(o *object) string {
	if o == nil {
		return ""
	}
	if o.AttributedTo != nil {
		return handleOf(o.AttributedTo)
	}
	return handleOf(o.Actor)
}

// handleFromIRI derives a handle from an actor IRI: its last path segment
// at its host ("https://m.example/users/alice" → "alice@m.example"), the
// host alone for an IRI without a path, or "" for a non-HTTP IRI.
// "acct:alice@m.example" gives "alice@m.example".
func handleFromIRI(iri string) string {
	if acct, ok := strings.CutPrefix(iri, "acct:"); ok {
		return acct
	}
	host, path := splitIRI(iri)
	if host == "" {
		return ""
	}
	path = strings.TrimRight(path, "/")
	seg := strings.TrimPrefix(path[strings.LastIndexByte(path, '/')+1:], "@")
	if seg == "" {
		return host
	}
	return seg + "@" + host
}

// hostOf returns the host name (without port) of an HTTP(S) IRI.
func hostOf(iri string) string {
	host, _ := splitIRI(iri)
	return host
}

// splitIRI splits scheme://host:port/path?query#fragment into the host name
// and the path.
func splitIRI(iri string) (host, path string) {
	i := strings.Index(iri, "://")
	if i < 0 {
		return "", ""
	}
	rest := iri[i+3:]
	if j := strings.IndexAny(rest, "?#"); j >= 0 {
		rest = rest[:j]
	}
	host, path = rest, ""
	if j := strings.IndexByte(rest, '/'); j >= 0 {
		host, path = rest[:j], rest[j:]
	}
	if j := strings.LastIndexByte(host, '@'); j >= 0 {
		host = host[j+1:] // userinfo
	}
	if j := strings.LastIndexByte(host, ':'); j >= 0 && !strings.HasSuffix(host, "]") {
		host = host[:j] // port
	}
	return strings.ToLower(host), path
}

// urlOf returns the link of a url property: an IRI, a Link's href, or of a
// list the first text/html link, else the first.
func urlOf(r *ref) string {
	var first, html string
	r.each(func(e *ref) {
		u := e.iri
		if e.obj != nil {
			u = e.obj.Href
		}
		if first == "" {
			first = u
		}
		if html == "" && e.obj != nil && strings.HasPrefix(e.obj.MediaType, "text/html") {
			html = u
		}
	})
	if html != "" {
		return html
	}
	return first
}

// text returns the plain text of a post, its language and its links:
// content (or contentMap) with HTML stripped, else the name. An Article's
// or Page's name is its title and heads the text.
func text(o *object) (txt, lang string, links []string) {
	content := o.Content
	switch {
	case len(o.ContentMap) == 1:
		lang = o.ContentMap[0].Lang
		if content == "" {
			content = o.ContentMap[0].Text
		}
	case len(o.ContentMap) > 1:
		for _, lt := range o.ContentMap {
			if content == "" || lt.Text == content {
				content, lang = lt.Text, lt.Lang
				break
			}
		}
	}
	txt, links = htmltext.TextLinks(content)
	name := htmltext.Text(o.Name)
	switch {
	case txt == "":
		txt = name
	case name != "" && (o.Type == "Article" || o.Type == "Page"):
		txt = name + "\n\n" + txt
	}
	return txt, lang, links
}

// media counts the attached images, videos and documents.
func media(r *ref) int {
	n := 0
	r.each(func(e *ref) {
		if e.obj != nil {
			switch e.obj.Type {
			case "Image", "Video", "Document", "Audio":
				n++
			}
		}
	})
	return n
}

// tags returns the handles of Mention tags and the names of Hashtag tags.
// Mentioned accounts are added to actors: as the mention is no snapshot of
// the account, their ObservedAt is zero.
func tags(r *ref, net herald.Network, actors []herald.Identity) (mentions, hashtags []string, _ []herald.Identity) {
	r.each(func(e *ref) {
		t := e.obj
		if t == nil {
			return
		}
		switch t.Type {
		case "Mention":
			h := mentionHandle(t.Name, t.Href)
			if h == "" {
				return
			}
			mentions = append(mentions, h)
			if t.Href != "" {
				actors = addActor(actors, herald.Identity{Network: net, ExternalID: t.Href,
					Handle: h, Followers: -1, Following: -1})
			}
		case "Hashtag":
			if h := strings.TrimPrefix(t.Name, "#"); h != "" {
				hashtags = append(hashtags, h)
			}
		}
	})
	return mentions, hashtags, actors
}

// mentionHandle returns a Mention's handle: its name without '@',
// qualified with the host of href when the name has none.
func mentionHandle(name, href string) string {
	h := strings.TrimPrefix(strings.TrimSpace(name), "@")
	switch {
	case h == "":
		return handleFromIRI(href)
	case !strings.Contains(h, "@"):
		if host := hostOf(href); host != "" {
			return h + "@" + host
		}
	}
	return h
}

// addActor appends id unless an identity with its external id is there.
func addActor(actors []herald.Identity, id herald.Identity) []herald.Identity {
	for _, a := range actors {
		if a.ExternalID == id.ExternalID {
			return actors
		}
	}
	return append(actors, id)
}

var errNotObject = errors.New("not a JSON object")

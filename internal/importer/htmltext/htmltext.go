// Package htmltext converts the small HTML fragments found in fediverse posts
// and profiles (Mastodon statuses, ActivityStreams content, account notes) to
// plain text. It is a forgiving, allocation-light stripper for trusted-shape
// but untrusted-content fragments, not a full HTML parser.
package htmltext

import (
	"html"
	"strings"
)

// Text returns the plain text of the HTML fragment s: tags are removed, <br>
// and the ends of block elements (<p>, <div>, <li>, headings, …) become line
// breaks, character references (&amp;, &#39;, …) are decoded, the contents of
// <script> and <style> are dropped and runs of white space collapse to one
// space. A fragment without markup keeps its line breaks and only has its
// references decoded. The result has no leading or trailing white space.
func Text(s string) string {
	t, _ := convert(s, false)
	return t
}

// TextLinks returns Text(s) and the targets of the fragment's http(s) links
// (<a href>), in order and without duplicates. Mention and hashtag links
// (class "mention" or "hashtag", or rel "tag", as Mastodon marks them) are
// left out: they are not links to content.
func TextLinks(s string) (string, []string) {
	return convert(s, true)
}

func convert(s string, wantLinks bool) (string, []string) {
	if strings.IndexByte(s, '<') < 0 {
		return strings.TrimSpace(html.UnescapeString(s)), nil
	}
	c := converter{wantLinks: wantLinks}
	c.b.Grow(len(s))
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			c.text(s)
			break
		}
		c.text(s[:i])
		s = c.markup(s[i:])
	}
	return c.b.String(), c.links
}

// converter accumulates the plain text. Breaks and spaces are kept pending
// until the next visible character, so none lead or trail the result.
type converter struct {
	b         strings.Builder
	breaks    int  // pending line breaks
	space     bool // pending space
	wantLinks bool
	links     []string
}

// text appends a run of character data, decoding character references.
func (c *converter) text(s string) {
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			c.plain(s)
			return
		}
		c.plain(s[:i])
		n := refLen(s[i:])
		c.plain(decodeRef(s[i : i+n]))
		s = s[i+n:]
	}
}

// refLen returns the length of the character reference at the start of s
// ('&' and a name or number, and ';' if there is one).
func refLen(s string) int {
	i := 1
	if i < len(s) && s[i] == '#' {
		i++
	}
	for i < len(s) && (isLetter(s[i]) || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	return i
}

// decodeRef decodes one character reference; the common ones without
// allocating.
func decodeRef(ref string) string {
	switch ref {
	case "&amp;":
		return "&"
	case "&lt;":
		return "<"
	case "&gt;":
		return ">"
	case "&quot;":
		return `"`
	case "&#39;", "&apos;":
		return "'"
	case "&nbsp;":
		return "\u00a0"
	}
	return html.UnescapeString(ref)
}

// plain appends text without references, collapsing white space.
func (c *converter) plain(s string) {
	for len(s) > 0 {
		i := 0
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i > 0 {
			c.space = true
			s = s[i:]
		}
		j := 0
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		if j > 0 {
			c.flush()
			c.b.WriteString(s[:j])
			s = s[j:]
		}
	}
}

func (c *converter) flush() {
	if c.b.Len() > 0 {
		switch {
		case c.breaks > 0:
			for range c.breaks {
				c.b.WriteByte('\n')
			}
		case c.space:
			c.b.WriteByte(' ')
		}
	}
	c.breaks, c.space = 0, false
}

// lineBreak asks for at least n line breaks before the next text.
func (c *converter) lineBreak(n int) {
	c.breaks = max(c.breaks, n)
}

// markup consumes the markup at the start of s (which begins with '<') and
// returns the rest. A '<' that starts no tag is text.
func (c *converter) markup(s string) string {
	if strings.HasPrefix(s, "<!--") {
		if end := strings.Index(s[4:], "-->"); end >= 0 {
			return s[4+end+3:]
		}
		return ""
	}
	if len(s) < 2 || !(isLetter(s[1]) || s[1] == '/' && len(s) > 2 && isLetter(s[2]) || s[1] == '!' || s[1] == '?') {
		c.text("<")
		return s[1:]
	}
	end := tagEnd(s)
	if end < 0 {
		return "" // an unterminated tag: browsers drop it
	}
	name, closing := tagName(s[1:end])
	c.tag(s[1:end], name, closing)
	rest := s[end+1:]
	if !closing && (name == "script" || name == "style") {
		return skipElement(rest, name)
	}
	return rest
}

// tag applies the effect of one tag: t is the text between '<' and '>',
// name its lower-cased element name.
func (c *converter) tag(t, name string, closing bool) {
	switch name {
	case "br":
		c.breaks = min(c.breaks+1, 2) // more than one blank line says nothing
	case "p", "blockquote", "pre", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6":
		c.lineBreak(2)
	case "div", "li", "tr", "dd", "dt", "dl", "hr", "section", "article", "header", "footer", "figure", "figcaption":
		c.lineBreak(1)
	case "a":
		if c.wantLinks && !closing {
			c.link(t)
		}
	}
}

// link records the href of an <a> tag unless it is a mention or hashtag.
func (c *converter) link(t string) {
	a := parseAttrs(t)
	href := a.href
	if !strings.HasPrefix(href, "https://") && !strings.HasPrefix(href, "http://") {
		return
	}
	if hasWord(a.class, "mention") || hasWord(a.class, "hashtag") || hasWord(strings.ToLower(a.rel), "tag") {
		return
	}
	for _, l := range c.links {
		if l == href {
			return
		}
	}
	c.links = append(c.links, href)
}

// hasWord reports whether the space-separated list s holds word w.
func hasWord(s, w string) bool {
	for s != "" {
		i := strings.Index(s, w)
		if i < 0 {
			return false
		}
		end := i + len(w)
		if (i == 0 || isSpace(s[i-1])) && (end == len(s) || isSpace(s[end])) {
			return true
		}
		s = s[end:]
	}
	return false
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// tagEnd returns the index of the '>' closing the tag that starts s, skipping
// quoted attribute values, or -1.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		switch ch := s[i]; {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '>':
			return i
		case ch == '"' || ch == '\'':
			quote = ch
		}
	}
	return -1
}

// tagName returns the lower-cased element name of tag text t and whether it
// is a closing tag.
func tagName(t string) (string, bool) {
	closing := strings.HasPrefix(t, "/")
	if closing {
		t = t[1:]
	}
	i := 0
	for i < len(t) && (isLetter(t[i]) || t[i] >= '0' && t[i] <= '9') {
		i++
	}
	return strings.ToLower(t[:i]), closing
}

// skipElement returns s after the closing tag of element name (</name>).
func skipElement(s, name string) string {
	for {
		i := strings.Index(s, "</")
		if i < 0 {
			return ""
		}
		s = s[i+2:]
		if len(s) >= len(name) && strings.EqualFold(s[:len(name)], name) {
			if end := strings.IndexByte(s, '>'); end >= 0 {
				return s[end+1:]
			}
			return ""
		}
	}
}

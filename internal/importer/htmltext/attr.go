package htmltext

import (
	"html"
	"strings"
)

// attrs are the attributes of an <a> tag that matter.
type attrs struct{ href, class, rel string }

// parseAttrs returns the decoded href, class and rel attributes of tag text
// t (the text between '<' and '>').
func parseAttrs(t string) attrs {
	var a attrs
	// Skip the element name.
	i := 0
	for i < len(t) && !isSpace(t[i]) && t[i] != '/' {
		i++
	}
	for i < len(t) {
		for i < len(t) && (isSpace(t[i]) || t[i] == '/') {
			i++
		}
		start := i
		for i < len(t) && !isSpace(t[i]) && t[i] != '=' && t[i] != '/' {
			i++
		}
		key := t[start:i]
		for i < len(t) && isSpace(t[i]) {
			i++
		}
		if i >= len(t) || t[i] != '=' {
			if key == "" {
				i++ // a stray character: step over it
			}
			continue // an attribute without a value
		}
		i++
		for i < len(t) && isSpace(t[i]) {
			i++
		}
		var val string
		val, i = attrValue(t, i)
		switch {
		case strings.EqualFold(key, "href"):
			a.href = unescape(val)
		case strings.EqualFold(key, "class"):
			a.class = unescape(val)
		case strings.EqualFold(key, "rel"):
			a.rel = unescape(val)
		}
	}
	return a
}

func unescape(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return html.UnescapeString(s)
}

// attrValue reads a quoted or unquoted attribute value starting at t[i] and
// returns it with the index after it.
func attrValue(t string, i int) (string, int) {
	if i < len(t) && (t[i] == '"' || t[i] == '\'') {
		q := t[i]
		end := strings.IndexByte(t[i+1:], q)
		if end < 0 {
			return t[i+1:], len(t)
		}
		return t[i+1 : i+1+end], i + end + 2
	}
	start := i
	for i < len(t) && !isSpace(t[i]) {
		i++
	}
	return t[start:i], i
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

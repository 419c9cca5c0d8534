package csvimport

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
)

// Name is the format's name for `herald import --format`.
const Name = "csv"

// MaxAttrBytes bounds an attribute value kept from a column.
const MaxAttrBytes = 4 << 10

// Mapping says which column feeds which activity field. Column fields hold a
// header column name, or a constant written with a leading '=' ("=twitter");
// empty means unmapped. The zero value is unusable: ID, Created and Author or
// AuthorID are required. Build one with ParseMapping or Preset.
type Mapping struct {
	ID, Text                              string
	Author, AuthorID, AuthorName          string
	AuthorBio, Followers, Following       string
	Created                               string
	Network, Kind                         string
	InReplyTo, ReplyToAuthor              string
	Subject, SubjectAuthor, Conversation  string
	URL, Lang                             string
	Likes, Shares, Replies, Quotes, Brand string
	Attrs                                 map[string]string // attribute name → column
	TimeFormat                            string            // Go layout, "unix", "unix_ms"; "" auto-detects
	TimeZone                              *time.Location    // for timestamps without a zone; nil means UTC
	Delimiter                             rune              // 0 means ','
	TextHTML                              bool              // decode &amp; &lt; &gt; &quot; &#39; in text
}

// columnFields lists the column fields by the key users write.
var columnFields = []struct {
	key string
	ptr func(*Mapping) *string
}{
	{"id", func(m *Mapping) *string { return &m.ID }},
	{"text", func(m *Mapping) *string { return &m.Text }},
	{"author", func(m *Mapping) *string { return &m.Author }},
	{"author_id", func(m *Mapping) *string { return &m.AuthorID }},
	{"author_name", func(m *Mapping) *string { return &m.AuthorName }},
	{"author_bio", func(m *Mapping) *string { return &m.AuthorBio }},
	{"followers", func(m *Mapping) *string { return &m.Followers }},
	{"following", func(m *Mapping) *string { return &m.Following }},
	{"created", func(m *Mapping) *string { return &m.Created }},
	{"network", func(m *Mapping) *string { return &m.Network }},
	{"kind", func(m *Mapping) *string { return &m.Kind }},
	{"in_reply_to", func(m *Mapping) *string { return &m.InReplyTo }},
	{"reply_to_author", func(m *Mapping) *string { return &m.ReplyToAuthor }},
	{"subject", func(m *Mapping) *string { return &m.Subject }},
	{"subject_author", func(m *Mapping) *string { return &m.SubjectAuthor }},
	{"conversation", func(m *Mapping) *string { return &m.Conversation }},
	{"url", func(m *Mapping) *string { return &m.URL }},
	{"lang", func(m *Mapping) *string { return &m.Lang }},
	{"likes", func(m *Mapping) *string { return &m.Likes }},
	{"shares", func(m *Mapping) *string { return &m.Shares }},
	{"replies", func(m *Mapping) *string { return &m.Replies }},
	{"quotes", func(m *Mapping) *string { return &m.Quotes }},
	{"brand", func(m *Mapping) *string { return &m.Brand }},
}

var optionFields = []string{"time_format", "time_zone", "delimiter", "text_html"}

// Fields lists every key a mapping accepts (attr.NAME aside), for help texts.
func Fields() []string {
	keys := make([]string, 0, len(columnFields)+len(optionFields)+1)
	for _, f := range columnFields {
		keys = append(keys, f.key)
	}
	return append(append(keys, optionFields...), "attr.NAME")
}

// ParseMapping builds a Mapping from field=column pairs (from repeated --map
// flags or a mapping file read by LoadMapping).
func ParseMapping(pairs map[string]string) (Mapping, error) {
	m := Mapping{}
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Strings(keys) // report errors deterministically
	for _, k := range keys {
		if err := m.set(strings.TrimSpace(k), pairs[k]); err != nil {
			return Mapping{}, herald.Errorf(herald.EInvalid, "csv mapping: %v", err)
		}
	}
	if err := m.check(); err != nil {
		return Mapping{}, herald.Errorf(herald.EInvalid, "csv mapping: %v", err)
	}
	return m, nil
}

// set assigns one field=value pair.
func (m *Mapping) set(key, val string) error {
	if name, ok := strings.CutPrefix(key, "attr."); ok {
		return m.setAttr(name, val)
	}
	for _, f := range columnFields {
		if f.key == key {
			if strings.TrimSpace(val) == "" {
				return fmt.Errorf("%s: empty column name", key)
			}
			*f.ptr(m) = val
			return nil
		}
	}
	return m.setOption(key, val)
}

func (m *Mapping) setAttr(name, col string) error {
	if name == "" || strings.TrimSpace(col) == "" {
		return fmt.Errorf("attr.%s: want attr.NAME = column", name)
	}
	if m.Attrs == nil {
		m.Attrs = map[string]string{}
	}
	m.Attrs[name] = col
	return nil
}

func (m *Mapping) setOption(key, val string) error {
	switch key {
	case "time_format":
		m.TimeFormat = val
	case "time_zone":
		loc, err := time.LoadLocation(val)
		if err != nil {
			return fmt.Errorf("time_zone: unknown zone %q", val)
		}
		m.TimeZone = loc
	case "delimiter":
		r, err := parseDelimiter(val)
		if err != nil {
			return err
		}
		m.Delimiter = r
	case "text_html":
		switch strings.ToLower(val) {
		case "true", "yes", "1":
			m.TextHTML = true
		case "false", "no", "0":
			m.TextHTML = false
		default:
			return fmt.Errorf("text_html: want true or false, not %q", val)
		}
	default:
		return fmt.Errorf("unknown field %q (known: %s)", key, strings.Join(Fields(), ", "))
	}
	return nil
}

func parseDelimiter(s string) (rune, error) {
	switch s {
	case `\t`, "tab", "TAB":
		return '\t', nil
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || n != len(s) || r == utf8.RuneError || r == '"' || r == '\r' || r == '\n' {
		return 0, fmt.Errorf("delimiter: want one character other than a quote or newline, not %q", s)
	}
	return r, nil
}

// check reports what makes m unusable.
func (m *Mapping) check() error {
	var missing []string
	if m.ID == "" {
		missing = append(missing, "id")
	}
	if m.Author == "" && m.AuthorID == "" {
		missing = append(missing, "author (or author_id)")
	}
	if m.Created == "" {
		missing = append(missing, "created")
	}
	if len(missing) > 0 {
		return fmt.Errorf("no column for %s", strings.Join(missing, ", "))
	}
	if c, ok := constant(m.Network); ok && !herald.ValidNetwork(c) {
		return fmt.Errorf("network: invalid network %q (want lower-case letters, digits, '-', '_')", c)
	}
	if c, ok := constant(m.Kind); ok {
		if _, err := parseKind(c); err != nil {
			return err
		}
	}
	if m.Delimiter != 0 {
		if _, err := parseDelimiter(string(m.Delimiter)); err != nil {
			return err
		}
	}
	return nil
}

// constant returns the constant a field value holds ("=twitter" → "twitter").
func constant(v string) (string, bool) {
	return strings.CutPrefix(v, "=")
}

// kindNames maps the values a kind column may hold to kinds.
var kindNames = map[string]herald.Kind{
	"post": herald.KindPost, "tweet": herald.KindPost, "status": herald.KindPost,
	"submission": herald.KindPost, "toot": herald.KindPost,
	"reply": herald.KindReply, "comment": herald.KindReply,
	"share": herald.KindShare, "retweet": herald.KindShare, "repost": herald.KindShare,
	"boost": herald.KindShare, "reblog": herald.KindShare,
	"quote": herald.KindQuote, "quote_tweet": herald.KindQuote,
	"like": herald.KindLike, "favorite": herald.KindLike, "favourite": herald.KindLike,
	"follow": herald.KindFollow,
}

func parseKind(s string) (herald.Kind, error) {
	k, ok := kindNames[strings.ToLower(strings.TrimSpace(s))]
	if !ok {
		return "", fmt.Errorf("kind: unknown value %q (want post, reply, share, quote, like or follow)", s)
	}
	return k, nil
}

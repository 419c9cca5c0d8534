package csvimport

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
)

var htmlEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'")

// activity builds the activity a row describes, or says why it cannot.
func (p *plan) activity(rec []string) (*herald.Activity, error) {
	if len(rec) != len(p.header) {
		return nil, fmt.Errorf("row has %d fields, header has %d", len(rec), len(p.header))
	}
	for _, i := range p.checked {
		if !utf8.ValidString(rec[i]) {
			return nil, fmt.Errorf("invalid UTF-8 in column %s", p.header[i])
		}
	}
	a := &herald.Activity{Metrics: herald.UnknownMetrics()}
	if err := p.core(a, rec); err != nil {
		return nil, err
	}
	if err := p.author(a, rec); err != nil {
		return nil, err
	}
	if err := p.counts(a, rec); err != nil {
		return nil, err
	}
	if err := p.refs(a, rec); err != nil {
		return nil, err
	}
	p.extras(a, rec)
	return a, nil
}

// core fills network, id, timestamp, text, language and URL.
func (p *plan) core(a *herald.Activity, rec []string) error {
	net := strings.ToLower(strings.TrimSpace(p.cols[fNetwork].get(rec)))
	switch {
	case net == "":
		return errors.New("missing network")
	case !herald.ValidNetwork(net):
		return fmt.Errorf("%s: invalid network %q", p.cols[fNetwork].label(), short(net))
	}
	a.Network = herald.Network(net)
	if a.ExternalID = idValue(p.cols[fID].get(rec)); a.ExternalID == "" {
		return errors.New("missing id")
	}
	created := p.cols[fCreated]
	v := created.get(rec)
	if strings.TrimSpace(v) == "" {
		return errors.New("missing timestamp")
	}
	t, err := p.times.parse(v)
	if err != nil {
		return fmt.Errorf("%s: %v", created.label(), err)
	}
	a.CreatedAt = t
	a.Text = p.cols[fText].get(rec)
	if p.textHTML && strings.IndexByte(a.Text, '&') >= 0 {
		a.Text = htmlEntities.Replace(a.Text)
	}
	a.Lang = strings.TrimSpace(p.cols[fLang].get(rec))
	a.URL = strings.TrimSpace(p.cols[fURL].get(rec))
	return nil
}

// author fills the author identity.
func (p *plan) author(a *herald.Activity, rec []string) error {
	au := &a.Author
	au.Network = a.Network
	au.Handle = strings.TrimPrefix(strings.TrimSpace(p.cols[fAuthor].get(rec)), "@")
	au.ExternalID = idValue(p.cols[fAuthorID].get(rec))
	if au.Handle == "" && au.ExternalID == "" {
		return errors.New("missing author")
	}
	au.DisplayName = strings.TrimSpace(p.cols[fAuthorName].get(rec))
	au.Bio = p.cols[fAuthorBio].get(rec)
	au.ObservedAt = a.CreatedAt
	var err error
	if au.Followers, err = count(p.cols[fFollowers], rec); err != nil {
		return err
	}
	au.Following, err = count(p.cols[fFollowing], rec)
	return err
}

// counts fills the engagement metrics.
func (p *plan) counts(a *herald.Activity, rec []string) error {
	for _, c := range []struct {
		f   int
		dst *int64
	}{{fLikes, &a.Metrics.Likes}, {fShares, &a.Metrics.Shares}, {fReplies, &a.Metrics.Replies}, {fQuotes, &a.Metrics.Quotes}} {
		n, err := count(p.cols[c.f], rec)
		if err != nil {
			return err
		}
		*c.dst = n
	}
	return nil
}

// count reads a non-negative count; -1 when the value is empty or unmapped.
func count(c column, rec []string) (int64, error) {
	v := strings.TrimSpace(c.get(rec))
	if v == "" {
		return -1, nil
	}
	n, err := strconv.ParseInt(trimFloatZero(v), 10, 64)
	switch {
	case err != nil:
		return 0, fmt.Errorf("%s: %q is not an integer", c.label(), short(v))
	case n < 0:
		return 0, fmt.Errorf("%s: %d is negative", c.label(), n)
	}
	return n, nil
}

// refs fills the kind and the replied, shared or liked activity.
func (p *plan) refs(a *herald.Activity, rec []string) error {
	a.InReplyTo = idValue(p.cols[fInReplyTo].get(rec))
	a.Subject = idValue(p.cols[fSubject].get(rec))
	a.SubjectAuthor = strings.TrimPrefix(strings.TrimSpace(p.cols[fSubjectAuthor].get(rec)), "@")
	a.Conversation = idValue(p.cols[fConversation].get(rec))
	if rta := p.cols[fReplyToAuthor]; rta.idx >= 0 || rta.val != "" {
		a.InReplyToAuthor = strings.TrimPrefix(strings.TrimSpace(rta.get(rec)), "@")
	} else if a.InReplyTo != "" {
		a.InReplyToAuthor = leadingMention(a.Text, a.Network == herald.Twitter)
	}
	a.Kind = herald.KindPost
	if a.InReplyTo != "" {
		a.Kind = herald.KindReply
	}
	if v := p.cols[fKind].get(rec); strings.TrimSpace(v) != "" {
		k, err := parseKind(v)
		if err != nil {
			return fmt.Errorf("%s: %v", p.cols[fKind].label(), strings.TrimPrefix(err.Error(), "kind: "))
		}
		a.Kind = k
	}
	return nil
}

// extras fills entities found in the text, attributes and the brand.
func (p *plan) extras(a *herald.Activity, rec []string) {
	e := extract(a.Text, a.Network == herald.Twitter)
	a.Mentions, a.Hashtags, a.Links = e.mentions, e.hashtags, e.links
	for _, at := range p.attrs {
		setAttr(a, at.name, at.col.get(rec))
	}
	setAttr(a, "brand", strings.TrimSpace(p.cols[fBrand].get(rec)))
}

func setAttr(a *herald.Activity, name, v string) {
	if v == "" {
		return
	}
	if a.Attributes == nil {
		a.Attributes = map[string]string{}
	}
	a.Attributes[name] = herald.Truncate(v, MaxAttrBytes)
}

// idValue trims an id and drops the ".0" pandas adds to integer ids it wrote
// as floats.
func idValue(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '.'); i > 0 && isDigits(v[:i]) {
		return trimFloatZero(v)
	}
	return v
}

// trimFloatZero turns "12.0" (or "12.00") into "12"; other values are kept.
func trimFloatZero(v string) string {
	i := strings.IndexByte(v, '.')
	if i <= 0 || strings.Trim(v[i+1:], "0") != "" || len(v) == i+1 {
		return v
	}
	return v[:i]
}

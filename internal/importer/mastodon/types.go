package mastodon

import "encoding/json"

// account is a Mastodon Account entity (the fields Herald reads).
type account struct {
	ID             string `json:"id"`
	Username       string `json:"username"`
	Acct           string `json:"acct"`
	DisplayName    string `json:"display_name"`
	Note           string `json:"note"`
	URL            string `json:"url"`
	URI            string `json:"uri"`
	FollowersCount *int64 `json:"followers_count"`
	FollowingCount *int64 `json:"following_count"`
}

// mention is a Status's mention of an account.
type mention struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	URL      string `json:"url"`
	Acct     string `json:"acct"`
}

// status is a Mastodon Status entity (the fields Herald reads).
type status struct {
	ID                 string                  `json:"id"`
	URI                string                  `json:"uri"`
	URL                string                  `json:"url"`
	CreatedAt          string                  `json:"created_at"`
	InReplyToID        string                  `json:"in_reply_to_id"`
	InReplyToAccountID string                  `json:"in_reply_to_account_id"`
	Content            string                  `json:"content"`
	SpoilerText        string                  `json:"spoiler_text"`
	Visibility         string                  `json:"visibility"`
	Language           string                  `json:"language"`
	RepliesCount       *int64                  `json:"replies_count"`
	ReblogsCount       *int64                  `json:"reblogs_count"`
	FavouritesCount    *int64                  `json:"favourites_count"`
	QuotesCount        *int64                  `json:"quotes_count"`
	Account            *account                `json:"account"`
	Reblog             *status                 `json:"reblog"`
	Quote              *quote                  `json:"quote"`
	Mentions           []mention               `json:"mentions"`
	Tags               []struct{ Name string } `json:"tags"`
	MediaAttachments   []json.RawMessage       `json:"media_attachments"`
	Card               *struct{ URL string }   `json:"card"`

	raw []byte // its JSON, a sub-slice of the record's
}

// UnmarshalJSON decodes a status and keeps its JSON. As the rest of the
// record, it decodes leniently: a member of an unexpected type (or a status
// that is not an object) is left empty.
func (s *status) UnmarshalJSON(b []byte) error {
	type plain status
	_ = unmarshal(b, (*plain)(s)) // b is valid: only type errors occur
	s.raw = b                     // json.Unmarshal passes sub-slices of the record, which outlives the decoding
	return nil
}

// quote is a Status's quote (Mastodon 4.5+): a Quote with the quoted
// status, or a ShallowQuote with its id only. Servers with an older quote
// extension (Fedibird) put the quoted Status itself there: its fields land
// in the embedded status.
type quote struct {
	quoteFields
	status
}

type quoteFields struct {
	State          string  `json:"state"`
	QuotedStatus   *status `json:"quoted_status"`
	QuotedStatusID string  `json:"quoted_status_id"`
}

// UnmarshalJSON decodes both views of a quote (else the embedded status's
// method would decode the status only).
func (q *quote) UnmarshalJSON(b []byte) error {
	_ = unmarshal(b, &q.quoteFields)
	return q.status.UnmarshalJSON(b)
}

// target returns the quoted status, if the quote holds it.
func (q *quote) target() *status {
	switch {
	case q.QuotedStatus != nil:
		return q.QuotedStatus
	case q.status.URI != "":
		return &q.status
	}
	return nil
}

// notification is a Mastodon Notification entity.
type notification struct {
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	CreatedAt string   `json:"created_at"`
	Account   *account `json:"account"`
	Status    *status  `json:"status"`
}

// conversation is a Mastodon Conversation entity (direct messages).
type conversation struct {
	ID         string    `json:"id"`
	Accounts   []account `json:"accounts"`
	LastStatus *status   `json:"last_status"`
}

// probe tells the entities apart by the members they have.
type probe struct {
	Type       string          `json:"type"`
	CreatedAt  json.RawMessage `json:"created_at"`
	Status     json.RawMessage `json:"status"`
	Content    json.RawMessage `json:"content"`
	Account    json.RawMessage `json:"account"`
	Acct       json.RawMessage `json:"acct"`
	LastStatus json.RawMessage `json:"last_status"`
	Accounts   json.RawMessage `json:"accounts"`
}

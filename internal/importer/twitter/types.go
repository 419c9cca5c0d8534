package twitter

import (
	"bytes"
	"encoding/json"
	"errors"
)

// record is one input record: an X API v2 response page, a bare v2 tweet or
// user, a v1.1 status, or a v1.1 streaming notice. The v1.1 status, v2 tweet
// and v2 user fields are decoded through the embedded object.
type record struct {
	object
	Data     json.RawMessage `json:"data"`
	Includes *includes       `json:"includes"`
	Meta     json.RawMessage `json:"meta"`
	Errors   json.RawMessage `json:"errors"`
	Twarc    *struct {
		RetrievedAt string `json:"retrieved_at"`
	} `json:"__twarc"`
	Delete *struct {
		Status struct {
			ID    flexID `json:"id"`
			IDStr string `json:"id_str"`
		} `json:"status"`
	} `json:"delete"`
	// v1.1 streaming notices that carry nothing Herald stores.
	Limit          json.RawMessage `json:"limit"`
	ScrubGeo       json.RawMessage `json:"scrub_geo"`
	StatusWithheld json.RawMessage `json:"status_withheld"`
	UserWithheld   json.RawMessage `json:"user_withheld"`
	Disconnect     json.RawMessage `json:"disconnect"`
	Warning        json.RawMessage `json:"warning"`
	Friends        json.RawMessage `json:"friends"`
	Event          json.RawMessage `json:"event"`

	bare bool // a bare v2 tweet, handled as a page of its own
}

// notice reports a v1.1 streaming message that is not a status.
func (r *record) notice() bool {
	return r.Limit != nil || r.ScrubGeo != nil || r.StatusWithheld != nil || r.UserWithheld != nil ||
		r.Disconnect != nil || r.Warning != nil || r.Friends != nil || r.Event != nil
}

// page reports a v2 response page.
func (r *record) page() bool {
	return r.Data != nil || r.Includes != nil || r.Meta != nil || r.Errors != nil
}

// includes is a v2 page's expansions.
type includes struct {
	Users  []json.RawMessage `json:"users"`
	Tweets []json.RawMessage `json:"tweets"`
}

// object is the union of a v2 tweet, a v2 user and a v1.1 status: the fields
// Herald reads from each. The shapes do not clash on any key Herald reads.
type object struct {
	ID        flexID   `json:"id"`
	IDStr     string   `json:"id_str"`
	Text      *string  `json:"text"`
	FullText  string   `json:"full_text"`
	CreatedAt string   `json:"created_at"`
	Lang      string   `json:"lang"`
	Entities  entities `json:"entities"`

	// v2 tweet
	AuthorID        string `json:"author_id"`
	ConversationID  string `json:"conversation_id"`
	InReplyToUserID flexID `json:"in_reply_to_user_id"` // a number in v1.1
	Referenced      []struct {
		Type string `json:"type"`
		ID   string `json:"id"`
	} `json:"referenced_tweets"`
	Attachments struct {
		MediaKeys []string `json:"media_keys"`
	} `json:"attachments"`
	NoteTweet *struct {
		Text     string    `json:"text"`
		Entities *entities `json:"entities"`
	} `json:"note_tweet"`
	PublicMetrics *metrics `json:"public_metrics"`

	// v2 user
	Username    string `json:"username"`
	Name        string `json:"name"`
	Description string `json:"description"`

	// v1.1 status
	User                 *v1User         `json:"user"`
	InReplyToStatusIDStr string          `json:"in_reply_to_status_id_str"`
	InReplyToScreenName  string          `json:"in_reply_to_screen_name"`
	InReplyToUserIDStr   string          `json:"in_reply_to_user_id_str"`
	QuotedStatusIDStr    string          `json:"quoted_status_id_str"`
	Retweeted            json.RawMessage `json:"retweeted_status"`
	Quoted               json.RawMessage `json:"quoted_status"`
	Extended             *struct {
		FullText         string    `json:"full_text"`
		Entities         *entities `json:"entities"`
		ExtendedEntities *entities `json:"extended_entities"`
	} `json:"extended_tweet"`
	ExtendedEntities *entities `json:"extended_entities"`
	FavoriteCount    *int64    `json:"favorite_count"`
	RetweetCount     *int64    `json:"retweet_count"`
	ReplyCount       *int64    `json:"reply_count"`
	QuoteCount       *int64    `json:"quote_count"`
}

// id returns the object's id as a string.
func (o *object) id() string {
	if o.IDStr != "" {
		return o.IDStr
	}
	return string(o.ID)
}

// metrics is the union of v2 tweet and user public_metrics.
type metrics struct {
	LikeCount      *int64 `json:"like_count"`
	RetweetCount   *int64 `json:"retweet_count"`
	ReplyCount     *int64 `json:"reply_count"`
	QuoteCount     *int64 `json:"quote_count"`
	FollowersCount *int64 `json:"followers_count"`
	FollowingCount *int64 `json:"following_count"`
}

// entities is the union of v2 and v1.1 tweet entities.
type entities struct {
	Hashtags []struct {
		Tag  string `json:"tag"`  // v2
		Text string `json:"text"` // v1.1
	} `json:"hashtags"`
	Mentions []struct { // v2
		Username string `json:"username"`
		ID       string `json:"id"`
	} `json:"mentions"`
	UserMentions []struct { // v1.1
		ScreenName string `json:"screen_name"`
		IDStr      string `json:"id_str"`
		Name       string `json:"name"`
	} `json:"user_mentions"`
	URLs []struct {
		ExpandedURL string `json:"expanded_url"`
		URL         string `json:"url"`
		MediaKey    string `json:"media_key"`
	} `json:"urls"`
	Media []struct{} `json:"media"` // v1.1
}

// v1User is a v1.1 user object.
type v1User struct {
	ID             flexID `json:"id"`
	IDStr          string `json:"id_str"`
	ScreenName     string `json:"screen_name"`
	Name           string `json:"name"`
	Description    string `json:"description"`
	FollowersCount *int64 `json:"followers_count"`
	FriendsCount   *int64 `json:"friends_count"`
}

// flexID is an id given as a JSON string (v2, *_str) or as a JSON number
// (v1.1 "id"). Its digits are kept as text, never converted to float.
type flexID string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexID) UnmarshalJSON(b []byte) error {
	switch {
	case bytes.Equal(b, []byte("null")):
		*f = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexID(s)
	case len(b) > 0 && (b[0] >= '0' && b[0] <= '9'):
		*f = flexID(b)
	default:
		return errors.New("id is neither a string nor a number")
	}
	return nil
}

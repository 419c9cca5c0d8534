package herald

import "time"

// Kind is what an activity is.
type Kind string

// Activity kinds.
const (
	KindPost   Kind = "post"   // an original post (tweet, toot, skeet, submission)
	KindReply  Kind = "reply"  // a reply or comment to another activity
	KindShare  Kind = "share"  // a repost / retweet / boost / Announce, without text of its own
	KindQuote  Kind = "quote"  // a share with text of its own
	KindLike   Kind = "like"   // a like / favourite
	KindFollow Kind = "follow" // the author followed Subject's author
)

// Kinds lists all kinds in a stable order.
var Kinds = []Kind{KindPost, KindReply, KindShare, KindQuote, KindLike, KindFollow}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if v == k {
			return true
		}
	}
	return false
}

// Limits on untrusted input, applied by importers and connectors.
const (
	MaxTextBytes   = 64 << 10 // longer texts are truncated on a rune boundary
	MaxBioBytes    = 8 << 10
	MaxNameBytes   = 512
	MaxIDBytes     = 512
	MaxRecordBytes = 16 << 20 // a single input record larger than this is rejected
)

// Activity is one thing a person did on a network: a post, a reply, a share,
// a like, a follow. It is keyed by workspace, network and external id: a
// re-import updates it (new counts, edited text), never duplicates it.
type Activity struct {
	ID          int64
	WorkspaceID int64
	Network     Network
	ExternalID  string
	Kind        Kind
	Author      Identity // the actor as observed in this record
	CreatedAt   time.Time
	Text        string // plain text (HTML stripped, entities decoded)
	Lang        string // BCP 47 tag if the source declares one
	URL         string // public link to the activity

	// InReplyTo is the external id of the activity replied to (replies).
	InReplyTo string
	// InReplyToAuthor is the handle (without '@') of the author replied to,
	// when the source tells it.
	InReplyToAuthor string
	// Subject is the external id of the activity shared, quoted or liked,
	// or of the account followed.
	Subject string
	// SubjectAuthor is the handle of the subject's author, when known.
	SubjectAuthor string
	// Conversation is the id of the thread root, when known.
	Conversation string

	Mentions []string // handles mentioned, without '@'
	Hashtags []string // without '#'
	Links    []string // URLs linked (expanded when the source expands them)
	Media    int      // number of attached photos / videos
	Metrics  Metrics

	// Deleted marks a tombstone: the author deleted the activity (or undid
	// the like/share); its content is gone and a later re-import of the
	// original does not bring it back.
	Deleted bool

	// Attributes carries extra source fields kept verbatim (for example a
	// CSV's human sentiment label), bounded by the importer.
	Attributes map[string]string

	// Brands are the brands the activity mentions, filled by the tagger at
	// ingest and by text analysis (brand queries, stance per brand).
	Brands []BrandMention

	// Analysis is what text analysis read in the activity; nil when it has
	// not been analysed (likes, follows, or analysis turned off).
	Analysis *Analysis
}

// Key returns the activity's network key.
func (a *Activity) Key() Key { return Key{Network: a.Network, ExternalID: a.ExternalID} }

// Metrics are the engagement counts a network reports for an activity, as of
// the time of the record. -1 means unknown (not reported by the source).
type Metrics struct {
	Likes   int64
	Shares  int64
	Replies int64
	Quotes  int64
}

// UnknownMetrics returns metrics with every count unknown.
func UnknownMetrics() Metrics { return Metrics{Likes: -1, Shares: -1, Replies: -1, Quotes: -1} }

// MatchSource tells how an activity was found to be about a brand.
type MatchSource string

// Match sources, strongest first.
const (
	MatchAuthor   MatchSource = "author"   // written by one of the brand's own accounts
	MatchReply    MatchSource = "reply"    // a reply to, or share/like of, the brand's account
	MatchMention  MatchSource = "mention"  // @mentions a brand handle
	MatchHashtag  MatchSource = "hashtag"  // carries a brand hashtag
	MatchKeyword  MatchSource = "keyword"  // names the brand in its text
	MatchQuery    MatchSource = "query"    // matched the brand's boolean query
	MatchImported MatchSource = "imported" // the source record names the brand (e.g. a CSV column)
)

// BrandMention links an activity to a brand it is about.
type BrandMention struct {
	BrandID int64
	Brand   string // brand slug
	Source  MatchSource
	// Direct is true when the activity addresses the brand (an @mention, a
	// reply to it) rather than talking about it.
	Direct bool
	// Stance is the sentiment toward this brand (empty label when the
	// activity was not analysed).
	Stance Stance
}

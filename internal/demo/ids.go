package demo

import (
	"strconv"

	"github.com/herald-advocacy/herald"
)

// twitterEpoch is the Twitter snowflake epoch in Unix milliseconds.
const twitterEpoch = 1288834974657

const (
	base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567" // DIDs
	tidAlphabet    = "234567abcdefghijklmnopqrstuvwxyz" // AT Protocol record keys
)

// base32 returns n random characters of a did:plc identifier.
func (s *sim) base32(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = base32Alphabet[s.r.IntN(32)]
	}
	return string(b)
}

// tid encodes an AT Protocol timestamp identifier: microseconds since the
// Unix epoch and a 10-bit clock id, in sortable base32.
func tid(us int64, clock uint64) string {
	v := uint64(us)<<10 | clock&0x3FF
	var b [13]byte
	for i := 12; i >= 0; i-- {
		b[i] = tidAlphabet[v&31]
		v >>= 5
	}
	return string(b[:])
}

// bskyCollection is the record collection that holds an activity kind.
func bskyCollection(k herald.Kind) string {
	switch k {
	case herald.KindShare:
		return "app.bsky.feed.repost"
	case herald.KindLike:
		return "app.bsky.feed.like"
	case herald.KindFollow:
		return "app.bsky.graph.follow"
	}
	return "app.bsky.feed.post"
}

// activityID returns a new external id and public URL for an activity of
// kind k by acc at ms. subject and subjectURL name what a like, share or
// follow points at; those activities link to their subject.
func (s *sim) activityID(acc *account, k herald.Kind, ms int64, subject, subjectURL string) (string, string) {
	s.idSeq++
	n := s.idSeq
	own := k == herald.KindPost || k == herald.KindReply || k == herald.KindQuote
	switch acc.net {
	case twitter:
		switch k {
		case herald.KindLike, herald.KindFollow:
			return string(k) + ":" + acc.id.ExternalID + ":" + subject, subjectURL
		}
		id := strconv.FormatInt((ms-twitterEpoch)<<22|int64(n&0x3FFFFF), 10)
		return id, "https://twitter.com/" + acc.id.Handle + "/status/" + id
	case mastodon:
		actor := acc.id.ExternalID
		switch k {
		case herald.KindLike:
			return actor + "#likes/" + strconv.FormatUint(n, 10), subjectURL
		case herald.KindFollow:
			return actor + "#follows/" + strconv.FormatUint(n, 10), subjectURL
		}
		sid := strconv.FormatInt(ms<<16|int64(n&0xFFFF), 10)
		if !own {
			return actor + "/statuses/" + sid + "/activity", subjectURL
		}
		return actor + "/statuses/" + sid, acc.id.ProfileURL + "/" + sid
	}
	rkey := tid(ms*1000+int64(n%1000), n/1000)
	id := "at://" + acc.id.ExternalID + "/" + bskyCollection(k) + "/" + rkey
	if !own {
		return id, subjectURL
	}
	return id, "https://bsky.app/profile/" + acc.id.Handle + "/post/" + rkey
}

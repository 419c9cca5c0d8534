package herald

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// FutureSkew is how far in the future an activity's timestamp may be (clock
// skew between networks) before the record is rejected.
const FutureSkew = 24 * time.Hour

// Validate checks an activity decoded from untrusted input, relative to now.
// Importers and connectors call it (through the ingest pipeline) so that every
// source obeys the same rules. It reports the first problem found.
func (a *Activity) Validate(now time.Time) error {
	switch {
	case !ValidNetwork(string(a.Network)):
		return fmt.Errorf("invalid network %q", a.Network)
	case a.ExternalID == "":
		return fmt.Errorf("missing id")
	case len(a.ExternalID) > MaxIDBytes:
		return fmt.Errorf("id longer than %d bytes", MaxIDBytes)
	case !a.Kind.Valid():
		return fmt.Errorf("unknown activity kind %q", a.Kind)
	case a.CreatedAt.IsZero():
		return fmt.Errorf("missing timestamp")
	case a.CreatedAt.After(now.Add(FutureSkew)):
		return fmt.Errorf("timestamp %s is in the future", a.CreatedAt.UTC().Format(time.RFC3339))
	case a.CreatedAt.Year() < 1990:
		return fmt.Errorf("timestamp %s is before 1990", a.CreatedAt.UTC().Format(time.RFC3339))
	}
	if err := a.Author.validate(); err != nil {
		return fmt.Errorf("author: %w", err)
	}
	if a.Author.Network != a.Network {
		return fmt.Errorf("author is on %s but the activity on %s", a.Author.Network, a.Network)
	}
	for name, v := range map[string]int64{"like": a.Metrics.Likes, "share": a.Metrics.Shares, "reply": a.Metrics.Replies, "quote": a.Metrics.Quotes} {
		if v < -1 {
			return fmt.Errorf("negative %s count %d", name, v)
		}
	}
	if !utf8.ValidString(a.Text) {
		return fmt.Errorf("text is not valid UTF-8")
	}
	return nil
}

func (i *Identity) validate() error {
	switch {
	case i.ExternalID == "":
		return fmt.Errorf("missing (no id and no handle)")
	case !ValidNetwork(string(i.Network)):
		return fmt.Errorf("invalid network %q", i.Network)
	case len(i.ExternalID) > MaxIDBytes:
		return fmt.Errorf("id longer than %d bytes", MaxIDBytes)
	case i.Followers < -1 || i.Following < -1:
		return fmt.Errorf("negative follower count")
	case !utf8.ValidString(i.Handle) || !utf8.ValidString(i.DisplayName) || !utf8.ValidString(i.Bio):
		return fmt.Errorf("handle, name or bio is not valid UTF-8")
	}
	return nil
}

// Validate checks an identity decoded from untrusted input.
func (i *Identity) Validate() error { return i.validate() }

// Normalize bounds the sizes of untrusted text fields and fills derived
// fields: an identity with no external id is keyed by its lower-cased handle.
func (i *Identity) Normalize() {
	i.Handle = Truncate(strings.TrimPrefix(strings.TrimSpace(i.Handle), "@"), MaxNameBytes)
	i.DisplayName = Truncate(i.DisplayName, MaxNameBytes)
	i.Bio = Truncate(i.Bio, MaxBioBytes)
	i.ProfileURL = Truncate(i.ProfileURL, MaxNameBytes*4)
	if i.ExternalID == "" && i.Handle != "" {
		i.ExternalID = "@" + strings.ToLower(i.Handle)
	}
}

// Normalize bounds the sizes of the activity's untrusted text fields and
// normalises its author.
func (a *Activity) Normalize() {
	a.Text = Truncate(a.Text, MaxTextBytes)
	a.URL = Truncate(a.URL, MaxNameBytes*4)
	if a.Author.Network == "" {
		a.Author.Network = a.Network
	}
	if a.Author.ObservedAt.IsZero() {
		a.Author.ObservedAt = a.CreatedAt
	}
	a.Author.Normalize()
	for i, m := range a.Mentions {
		a.Mentions[i] = NormalizeHandle(m)
	}
	for i, h := range a.Hashtags {
		a.Hashtags[i] = strings.TrimPrefix(h, "#")
	}
	if a.CreatedAt.Location() != time.UTC {
		a.CreatedAt = a.CreatedAt.UTC()
	}
}

// Truncate cuts s to at most n bytes without splitting a UTF-8 sequence, and
// replaces invalid UTF-8 with U+FFFD.
func Truncate(s string, n int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Package importer detects the format of an input file and dispatches to the
// format's package (one leaf package per format, each yielding herald.Records).
package importer

import (
	"bytes"
	"context"
	"io"
	"sort"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/activitystreams"
	"github.com/herald-advocacy/herald/internal/importer/bluesky"
	"github.com/herald-advocacy/herald/internal/importer/csvimport"
	"github.com/herald-advocacy/herald/internal/importer/mastodon"
	"github.com/herald-advocacy/herald/internal/importer/reddit"
	"github.com/herald-advocacy/herald/internal/importer/twitter"
)

// HeadSize is how much of an input Detect wants to see.
const HeadSize = 64 << 10

// ParseFunc streams the records of one input.
type ParseFunc func(ctx context.Context, r io.Reader, emit herald.Emit) error

type format struct {
	name  string
	sniff func([]byte) bool
	parse ParseFunc
}

// formats in detection order: the most specific shapes first, CSV last.
var formats = []format{
	{bluesky.Name, bluesky.Sniff, bluesky.Parse},
	{reddit.Name, reddit.Sniff, reddit.Parse},
	{twitter.Name, twitter.Sniff, twitter.Parse},
	{mastodon.Name, mastodon.Sniff, mastodon.Parse},
	{activitystreams.Name, activitystreams.Sniff, activitystreams.Parse},
	{csvimport.Name, csvimport.Sniff, nil}, // needs a mapping: see Parser
}

// Names lists the supported format names, sorted.
func Names() []string {
	var out []string
	for _, f := range formats {
		out = append(out, f.name)
	}
	sort.Strings(out)
	return out
}

// Detect names the format of an input from its first bytes.
func Detect(head []byte) (string, error) {
	trimmed := bytes.TrimSpace(head)
	switch {
	case len(trimmed) == 0:
		return "", herald.Errorf(herald.EInvalid, "input is empty")
	case looksBinary(completeRunes(head)):
		return "", herald.Errorf(herald.EInvalid, "input is binary, not text (a compressed or binary file?)")
	}
	for _, f := range formats {
		if f.sniff(head) {
			return f.name, nil
		}
	}
	return "", herald.Errorf(herald.EInvalid, "unrecognised format; name it with --format (one of %v)", Names())
}

// looksBinary reports whether head is binary rather than text with the odd
// bad byte: it holds NUL bytes, or more than 1 in 20 bytes are not UTF-8. A
// text file with a few invalid sequences is parsed, and its bad records
// rejected one by one.
func looksBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		i += size
	}
	return bad*20 > len(head)
}

// completeRunes cuts a head that may end mid-rune so utf8.Valid judges only
// complete runes.
func completeRunes(head []byte) []byte {
	for i := len(head) - 1; i >= 0 && i >= len(head)-utf8.UTFMax; i-- {
		if utf8.RuneStart(head[i]) {
			if !utf8.FullRune(head[i:]) {
				return head[:i]
			}
			break
		}
	}
	return head
}

// Options carries per-format settings.
type Options struct {
	// CSV is the column mapping for CSV input; nil means a preset matching
	// the header, or a mapping guessed from common column names.
	CSV *csvimport.Mapping
}

// Parser returns the parse function of a named format.
func Parser(name string, opt Options) (ParseFunc, error) {
	if name == csvimport.Name {
		m := opt.CSV
		return func(ctx context.Context, r io.Reader, emit herald.Emit) error {
			return csvimport.Parse(ctx, r, m, emit)
		}, nil
	}
	for _, f := range formats {
		if f.name == name {
			return f.parse, nil
		}
	}
	return nil, herald.Errorf(herald.EInvalid, "unknown format %q (one of %v)", name, Names())
}

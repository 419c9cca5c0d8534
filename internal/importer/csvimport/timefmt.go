package csvimport

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// autoLayouts are the layouts tried, in order, when no time_format is given.
// Layouts without a zone are read in the mapping's time zone.
var autoLayouts = []string{
	"2006-01-02T15:04:05Z07:00", // RFC 3339 (fractional seconds are accepted)
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05 -0700", // the airline CSV
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05 MST",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	time.RubyDate, // Twitter: Mon Jan 02 15:04:05 -0700 2006
	time.UnixDate,
	time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", // RFC 1123Z / RFC 2822
	"Mon, 2 Jan 2006 15:04:05 MST",   // RFC 1123
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700", // RFC 822Z
	"2 Jan 06 15:04 MST",   // RFC 822
	time.RFC850,
	"1/2/2006 15:04:05", // US month/day/year
	"1/2/2006 15:04",
	"1/2/2006",
	"2006-01-02",
}

const triedFormats = `RFC 3339/ISO 8601, "2006-01-02 15:04:05 -0700", Twitter, RFC 1123/822, "01/02/2006 15:04", "2006-01-02", unix s/ms`

// rfc822Zones gives the offsets of the zone abbreviations RFC 822 defines;
// Go only knows the abbreviations of the zone it parses in.
var rfc822Zones = map[string]int{
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}

// timeParser parses one column's timestamps, remembering the layout that
// worked last so that a file in one format costs one attempt a row.
type timeParser struct {
	format string         // "" auto-detects; else a layout, "unix" or "unix_ms"
	loc    *time.Location // for timestamps without a zone
	last   int            // index in autoLayouts that parsed the previous value
}

func newTimeParser(format string, loc *time.Location) *timeParser {
	if loc == nil {
		loc = time.UTC
	}
	return &timeParser{format: format, loc: loc}
}

// parse returns s as a UTC time.
func (p *timeParser) parse(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	var t time.Time
	var err error
	switch p.format {
	case "":
		t, err = p.auto(s)
	case "unix":
		t, err = parseUnix(s, time.Second)
	case "unix_ms":
		t, err = parseUnix(s, time.Millisecond)
	default:
		if t, err = p.layout(p.format, s); err != nil {
			err = fmt.Errorf("cannot parse %q with time_format %q", s, p.format)
		}
	}
	return t.UTC(), err
}

func (p *timeParser) auto(s string) (time.Time, error) {
	if isDigits(s) {
		switch len(s) {
		case 10:
			return parseUnix(s, time.Second)
		case 13:
			return parseUnix(s, time.Millisecond)
		}
	}
	if t, err := p.layout(autoLayouts[p.last], s); err == nil {
		return t, nil
	}
	for i, l := range autoLayouts {
		if t, err := p.layout(l, s); err == nil {
			p.last = i
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot parse %q as a timestamp (tried %s)", short(s), triedFormats)
}

// layout parses s with one layout in p's zone, checking zone abbreviations.
func (p *timeParser) layout(layout, s string) (time.Time, error) {
	t, err := time.ParseInLocation(layout, s, p.loc)
	if err != nil {
		return t, err
	}
	name, off := t.Zone()
	if off != 0 || !strings.Contains(layout, "MST") {
		return t, nil
	}
	switch name {
	case "UTC", "GMT", "UT", "Z":
		return t, nil
	}
	if h, ok := rfc822Zones[name]; ok {
		return t.Add(-time.Duration(h) * time.Hour).In(time.FixedZone(name, h*3600)), nil
	}
	return time.Time{}, fmt.Errorf("unknown time zone abbreviation %q", name)
}

func parseUnix(s string, unit time.Duration) (time.Time, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, errors.New("cannot parse " + strconv.Quote(short(s)) + " as a unix time")
	}
	if unit == time.Millisecond {
		return time.UnixMilli(n), nil
	}
	return time.Unix(n, 0), nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// short cuts a value quoted in an error message.
func short(s string) string {
	if len(s) <= 64 {
		return s
	}
	for n := 64; n > 0; n-- {
		if s[n]&0xC0 != 0x80 {
			return s[:n] + "…"
		}
	}
	return s[:64] + "…"
}

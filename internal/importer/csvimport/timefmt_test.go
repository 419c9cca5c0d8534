package csvimport

import (
	"strings"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Skip("no zoneinfo:", err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	tests := []struct {
		in, format string
		loc        *time.Location
		want       string // UTC, RFC 3339 with nanoseconds; "" = error
	}{
		// RFC 3339 / ISO 8601
		{"2015-02-24T11:35:52Z", "", nil, "2015-02-24T11:35:52Z"},
		{"2015-02-24T11:35:52Z", "", la, "2015-02-24T11:35:52Z"},
		{"2015-02-24T11:35:52-08:00", "", nil, "2015-02-24T19:35:52Z"},
		{"2015-02-24T11:35:52.123456+01:00", "", nil, "2015-02-24T10:35:52.123456Z"},
		{"2015-02-24 11:35:52+01:00", "", nil, "2015-02-24T10:35:52Z"},
		{"2015-02-24T11:35:52+0100", "", nil, "2015-02-24T10:35:52Z"},
		{"2015-02-24T11:35:52", "", nil, "2015-02-24T11:35:52Z"},
		{"2015-02-24T11:35:52", "", la, "2015-02-24T19:35:52Z"},
		{"2015-02-24T11:35:52.5", "", paris, "2015-02-24T10:35:52.5Z"},
		{"2015-02-24T11:35", "", la, "2015-02-24T19:35:00Z"},
		// the airline CSV, and its zone-less form
		{"2015-02-24 11:35:52 -0800", "", nil, "2015-02-24T19:35:52Z"},
		{"2015-02-24 11:35:52 -0800", "", paris, "2015-02-24T19:35:52Z"},
		{"2015-02-24 11:35:52 -08:00", "", nil, "2015-02-24T19:35:52Z"},
		{"2015-02-24 11:35:52", "", nil, "2015-02-24T11:35:52Z"},
		{"2015-02-24 11:35:52", "", la, "2015-02-24T19:35:52Z"},
		{"2015-07-24 11:35:52", "", la, "2015-07-24T18:35:52Z"}, // daylight saving
		{"2015-02-24 11:35:52 UTC", "", la, "2015-02-24T11:35:52Z"},
		{"2015-02-24 11:35", "", nil, "2015-02-24T11:35:00Z"},
		// Twitter
		{"Wed Oct 11 06:55:44 +0000 2017", "", nil, "2017-10-11T06:55:44Z"},
		{"Wed Oct 11 06:55:44 -0500 2017", "", la, "2017-10-11T11:55:44Z"},
		{"Wed Oct 11 06:55:44 2017", "", nil, "2017-10-11T06:55:44Z"},
		{"Wed Oct 11 06:55:44 2017", "", paris, "2017-10-11T04:55:44Z"},
		// RFC 1123 / 822 / 2822
		{"Tue, 24 Feb 2015 11:35:52 -0800", "", nil, "2015-02-24T19:35:52Z"},
		{"Tue, 3 Feb 2015 11:35:52 +0000", "", nil, "2015-02-03T11:35:52Z"},
		{"Tue, 24 Feb 2015 11:35:52 GMT", "", la, "2015-02-24T11:35:52Z"},
		{"Tue, 24 Feb 2015 11:35:52 PST", "", nil, "2015-02-24T19:35:52Z"},
		{"Tue, 24 Feb 2015 11:35:52 EDT", "", paris, "2015-02-24T15:35:52Z"},
		{"Tue, 24 Feb 2015 11:35:52 PST", "", la, "2015-02-24T19:35:52Z"},
		{"24 Feb 2015 11:35:52 +0100", "", nil, "2015-02-24T10:35:52Z"},
		{"24 Feb 15 11:35 -0800", "", nil, "2015-02-24T19:35:00Z"},
		{"24 Feb 15 11:35 GMT", "", nil, "2015-02-24T11:35:00Z"},
		{"Tuesday, 24-Feb-15 11:35:52 UTC", "", nil, "2015-02-24T11:35:52Z"},
		{"Tue, 24 Feb 2015 11:35:52 XYZ", "", nil, ""},
		// US dates
		{"02/24/2015 11:35", "", nil, "2015-02-24T11:35:00Z"},
		{"2/4/2015 11:35", "", la, "2015-02-04T19:35:00Z"},
		{"02/24/2015 11:35:52", "", nil, "2015-02-24T11:35:52Z"},
		{"02/24/2015", "", nil, "2015-02-24T00:00:00Z"},
		{"24/02/2015", "", nil, ""},
		// dates
		{"2015-02-24", "", nil, "2015-02-24T00:00:00Z"},
		{"2015-02-24", "", la, "2015-02-24T08:00:00Z"},
		// unix
		{"1424806552", "", nil, "2015-02-24T19:35:52Z"},
		{"1424806552", "", la, "2015-02-24T19:35:52Z"},
		{"1424806552123", "", nil, "2015-02-24T19:35:52.123Z"},
		{"142480655", "", nil, ""},
		{"42", "unix", nil, "1970-01-01T00:00:42Z"},
		{"1424806552123", "unix_ms", nil, "2015-02-24T19:35:52.123Z"},
		{"-5", "unix", nil, ""},
		{"x", "unix_ms", nil, ""},
		// explicit layouts
		{"24.02.2015 11:35", "02.01.2006 15:04", nil, "2015-02-24T11:35:00Z"},
		{"24.02.2015 11:35", "02.01.2006 15:04", paris, "2015-02-24T10:35:00Z"},
		{"2015-02-24", "02.01.2006", nil, ""},
		// rubbish
		{"yesterday", "", nil, ""},
		{"  2015-02-24T11:35:52Z ", "", nil, "2015-02-24T11:35:52Z"},
	}
	for _, tt := range tests {
		p := newTimeParser(tt.format, tt.loc)
		got, err := p.parse(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("parse(%q, %q) = %v, want an error", tt.in, tt.format, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("parse(%q, %q, %v): %v", tt.in, tt.format, tt.loc, err)
			continue
		}
		if s := got.Format(time.RFC3339Nano); s != tt.want || got.Location() != time.UTC {
			t.Errorf("parse(%q, %q, %v) = %s, want %s", tt.in, tt.format, tt.loc, s, tt.want)
		}
	}
}

func TestParseTimeError(t *testing.T) {
	_, err := newTimeParser("", nil).parse("next tuesday")
	if err == nil || !strings.Contains(err.Error(), `cannot parse "next tuesday" as a timestamp (tried RFC 3339`) {
		t.Errorf("err = %v", err)
	}
	_, err = newTimeParser("", nil).parse(strings.Repeat("9", 200))
	if err == nil || len(err.Error()) > 300 {
		t.Errorf("long value: err = %v", err)
	}
}

// A parser remembers the last layout; a change of format mid-file still works.
func TestParseTimeMixed(t *testing.T) {
	p := newTimeParser("", nil)
	for _, s := range []string{"2015-02-24 11:35:52 -0800", "Wed Oct 11 06:55:44 +0000 2017", "2015-02-24 11:35:52 -0800", "1424806552"} {
		if _, err := p.parse(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}

package importer

import (
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

func TestDetect(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{`{"did":"did:plc:x","time_us":1,"kind":"commit","commit":{}}`, "bluesky", ""},
		{`{"kind":"Listing","data":{"children":[]}}`, "reddit", ""},
		{`{"data":[{"id":"1","text":"hi","author_id":"2"}],"includes":{"users":[]}}`, "twitter", ""},
		{`{"id":"1","uri":"https://m.example/s/1","content":"<p>x</p>","account":{"acct":"a"}}`, "mastodon", ""},
		{"\n{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"type\": \"Note\"}", "activitystreams", ""},
		{"id,text,author,created\n1,hello,al,2026-01-01\n", "csv", ""},
		{"", "", "input is empty"},
		{"  \n\t ", "", "input is empty"},
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "binary"},
		{"just some words\nno structure", "", "unrecognised format"},
	}
	for _, tt := range tests {
		got, err := Detect([]byte(tt.in))
		if got != tt.want || (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("Detect(%.30q) = %q, %v; want %q, error containing %q", tt.in, got, err, tt.want, tt.err)
		}
		if err != nil && herald.ErrorCode(err) != herald.EInvalid {
			t.Errorf("Detect(%.30q) error code %q, want invalid", tt.in, herald.ErrorCode(err))
		}
	}
}

func TestDetectToleratesAFewBadBytes(t *testing.T) {
	line := `{"did":"did:plc:x","time_us":1,"kind":"commit","commit":{"record":{"text":"caf` + "\xe9" + `"}}}` + "\n"
	if got, err := Detect([]byte(strings.Repeat(line, 3))); got != "bluesky" || err != nil {
		t.Errorf("Detect of JSON Lines with one bad byte per line = %q, %v; want bluesky", got, err)
	}
	if got, _ := Detect([]byte(line[:len(line)-10] + "\xe2\x82")); got != "bluesky" {
		t.Errorf("a head cut mid-rune must still be detected, got %q", got)
	}
}

func TestParser(t *testing.T) {
	for _, n := range Names() {
		if _, err := Parser(n, Options{}); err != nil {
			t.Errorf("Parser(%q): %v", n, err)
		}
	}
	if _, err := Parser("xml", Options{}); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("Parser(xml) = %v, want unknown format", err)
	}
}

package csvimport

import (
	"reflect"
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		text                      string
		twitter                   bool
		mentions, hashtags, links []string
	}{
		{"@VirginAmerica What @dhepburn said.", true, []string{"VirginAmerica", "dhepburn"}, nil, nil},
		{"mail bob@example.com or @bob_1!", true, []string{"bob_1"}, nil, nil},
		{"@abcdefghijklmnop is too long, @abcdefghijklmno fits", true, []string{"abcdefghijklmno"}, nil, nil},
		{"@a @A @a.", true, []string{"a"}, nil, nil},
		{"(@united) @united's", true, []string{"united"}, nil, nil},
		{"@alice@mastodon.social hi", true, nil, nil, nil},
		{"@alice@mastodon.social hi @bob.bsky.social.", false, []string{"alice@mastodon.social", "bob.bsky.social"}, nil, nil},
		{"x@y @@z @", false, nil, nil, nil},
		{"#fail #Fail #100 #1a #été &#39; a#b #_ok", true, nil, []string{"fail", "1a", "été", "_ok"}, nil},
		{"see https://t.co/abc123. (http://x.com/a_(b)) http://", true, nil, nil, []string{"https://t.co/abc123", "http://x.com/a_(b)"}},
		{"HTTPS://EXAMPLE.COM/x, https://example.com/y…", true, nil, nil, []string{"HTTPS://EXAMPLE.COM/x", "https://example.com/y"}},
		{"xhttps://no.pe https://t.co/a https://t.co/a", true, nil, nil, []string{"https://t.co/a"}},
		{"@115712 I understand #help https://t.co/8u1Pf5rJoN", true, []string{"115712"}, []string{"help"}, []string{"https://t.co/8u1Pf5rJoN"}},
		{"", true, nil, nil, nil},
	}
	for _, tt := range tests {
		e := extract(tt.text, tt.twitter)
		if !reflect.DeepEqual(e.mentions, tt.mentions) || !reflect.DeepEqual(e.hashtags, tt.hashtags) || !reflect.DeepEqual(e.links, tt.links) {
			t.Errorf("extract(%q, %v) = %q %q %q; want %q %q %q", tt.text, tt.twitter,
				e.mentions, e.hashtags, e.links, tt.mentions, tt.hashtags, tt.links)
		}
	}
}

func TestExtractBounded(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		b.WriteString("@u")
		b.WriteString(strings.Repeat("x", i%15))
		b.WriteString(" #t")
		b.WriteString(strings.Repeat("y", i%50))
		b.WriteString(" ")
	}
	e := extract(b.String(), true)
	if len(e.mentions) > maxEntities || len(e.hashtags) > maxEntities {
		t.Errorf("%d mentions, %d hashtags", len(e.mentions), len(e.hashtags))
	}
}

func TestLeadingMention(t *testing.T) {
	for text, want := range map[string]string{
		"@115712 I understand": "115712", " @AppleSupport hi": "AppleSupport", ".@united hi": "united",
		"hi @united": "", "@": "", "": "", "@toolongforatwitterhandle x": "",
	} {
		if got := leadingMention(text, true); got != want {
			t.Errorf("leadingMention(%q) = %q, want %q", text, got, want)
		}
	}
}

package lang

import (
	"strings"
	"testing"
)

func TestIsAddress(t *testing.T) {
	for c, want := range map[string]bool{
		"www.united.com": true, "(WWW.delta.com)": true, "john@example.com": true, "a@b": true,
		"@united": false, "hello": false, "www": false, "me@": false, "@": false, "x.com": false,
	} {
		if got := isAddress(c); got != want {
			t.Errorf("isAddress(%q) = %v, want %v", c, got, want)
		}
	}
}

func TestSkips(t *testing.T) {
	for _, c := range []struct {
		s        string
		i, want  int
		function func(string, int) int
	}{
		{"#Hashtag_1 x", 1, 10, tagEnd},
		{"@bsky.social.", 1, 12, tagEnd},
		{"&amp;x", 0, 5, referenceEnd},
		{"&#x1F600;", 0, 9, referenceEnd},
		{"&;", 0, 0, referenceEnd},
		{"& amp;", 0, 0, referenceEnd},
		{"&averyveryverylongname;", 0, 0, referenceEnd},
	} {
		if got := c.function(c.s, c.i); got != c.want {
			t.Errorf("skip(%q, %d) = %d, want %d", c.s, c.i, got, c.want)
		}
	}
}

// TestScanIgnores checks that tags, links and references add no letters.
func TestScanIgnores(t *testing.T) {
	for _, s := range []string{
		"@united #JetBlue $AAPL", "http://t.co/abc https://example.com/a?b=c", "www.delta.com",
		"john.doe@example.com", "&amp; &lt; &#39;", "😂 👍🏽 12:30 1,000", "great!http://t.co/x",
	} {
		tl := tally{m: theModel()}
		tl.scan(s)
		letters := 0
		for _, n := range tl.letters {
			letters += n
		}
		if want := strings.Count(s, "great") * 5; letters != want {
			t.Errorf("scan(%q) counted %d letters, want %d", s, letters, want)
		}
	}
}

// TestDetectLong checks that long and adversarial inputs finish and only
// their first maxScan bytes count.
func TestDetectLong(t *testing.T) {
	english := strings.Repeat("the flight was late and they did not help ", 200)
	for _, c := range []struct{ text, want string }{
		{english, "en"},
		{english[:maxScan] + strings.Repeat("der Flug war spät und sie haben nicht geholfen ", 200), "en"},
		{strings.Repeat("a", 1<<20), Unknown},
		{strings.Repeat("é'", 1<<19), Unknown},
		{strings.Repeat("&#", 1<<19), Unknown},
		{strings.Repeat("@a.", 1<<18), Unknown},
		{strings.Repeat("\xff", 1<<20), Unknown},
	} {
		if got, _ := Detect(c.text); got != c.want {
			t.Errorf("Detect(%.20q…) = %s, want %s", c.text, got, c.want)
		}
	}
}

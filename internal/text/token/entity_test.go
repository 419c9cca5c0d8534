package token

import (
	"testing"
	"unsafe"
)

func TestDecodeEntities(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"no references", "no references"},
		{"a & b && c", "a & b && c"},
		{"&amp;&lt;&gt;&quot;&#39;&apos;", "&<>\"''"},
		{"&#x1F600; &#X1f600; &#128512;", "😀 😀 😀"},
		{"caf&eacute; &Eacute;t&eacute; &ntilde; &szlig;", "café Été ñ ß"},
		{"&hellip;&rsquo;&ldquo;&rdquo;&mdash;&euro;", "…’“”—€"},
		{"&amp;amp;", "&amp;"},
		{"&amp", "&amp"},
		{"&;", "&;"},
		{"&#;", "&#;"},
		{"&#x;", "&#x;"},
		{"&#0;", "&#0;"},
		{"&#xD800;", "&#xD800;"},
		{"&#1114112; &#x110000; &#x10FFFF;", "&#1114112; &#x110000; \U0010FFFF"},
		{"&#00000000065;", "&#00000000065;"},
		{"&#12a;", "&#12a;"},
		{"&unknown; &AMP;", "&unknown; &AMP;"},
		{"&averyveryverylongname;", "&averyveryverylongname;"},
		{"&&amp;&", "&&&"},
		{"&amp;&amp;", "&&"},
		{"tail &", "tail &"},
	} {
		if got := DecodeEntities(c.in); got != c.want {
			t.Errorf("DecodeEntities(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDecodeEntitiesReturnsInput(t *testing.T) {
	for _, s := range []string{"plain text", "AT&T & co; &bogus;"} {
		if got := DecodeEntities(s); unsafe.StringData(got) != unsafe.StringData(s) {
			t.Errorf("DecodeEntities(%q) copied its input", s)
		}
	}
}

// TestDecodeShifts checks the offset map used by Tokenize: every decoded
// offset at a reference boundary maps back to the original boundary.
func TestDecodeShifts(t *testing.T) {
	text := "a&amp;b&#x1F600;c&bogus;&lt;"
	dec, shifts := decodeEntities(text, nil)
	if dec != "a&b😀c&bogus;<" {
		t.Fatalf("decoded %q", dec)
	}
	m := offsetMap{shifts: shifts}
	for _, c := range []struct{ dec, orig int }{{0, 0}, {1, 1}, {2, 6}, {3, 7}, {7, 16}, {8, 17}, {14, 23}, {15, 24}, {16, 28}} {
		if got := m.orig(c.dec); got != c.orig {
			t.Errorf("orig(%d) = %d, want %d", c.dec, got, c.orig)
		}
	}
}

package query

import (
	"testing"
	"unicode/utf8"
)

// TestFoldAllRunes checks, for every word rune, that folding yields only word
// runes and is idempotent: the query and the text fold the same way, and a
// canonical query reparses to itself.
func TestFoldAllRunes(t *testing.T) {
	bad := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !isWordRune(r) {
			continue
		}
		once := string(appendFold(nil, r))
		var twice []byte
		for _, f := range once {
			if !isWordRune(f) {
				t.Errorf("fold(%U) = %q contains non-word rune %U", r, once, f)
				bad++
			}
			twice = appendFold(twice, f)
		}
		if string(twice) != once {
			t.Errorf("fold(fold(%U)) = %q, want %q", r, twice, once)
			bad++
		}
		if bad > 20 {
			t.FailNow()
		}
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Café", "café"}, {"CAFÉ", "café"}, {"ΟΔΟΣ", "οδοσ"}, {"οδος", "οδοσ"},
		{"Straße", "strasse"}, {"STRASSE", "strasse"}, {"İstanbul", "istanbul"},
		{"\u212Aelvin", "kelvin"}, {"ÇA", "ça"}, {"ǅ", "ǆ"},
	} {
		var got []byte
		for _, r := range tc.in {
			got = appendFold(got, r)
		}
		if string(got) != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

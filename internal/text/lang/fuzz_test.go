package lang

import (
	"strings"
	"testing"
)

// FuzzDetect checks that no input panics, that the result is a known code
// with a confidence in (0, 1] (0 for Unknown), and that white space and
// anything after the first maxScan bytes do not matter. The committed corpus is in testdata/fuzz.
func FuzzDetect(f *testing.F) {
	for _, c := range detectCases {
		f.Add(c.text)
	}
	for _, s := range unknownCases {
		f.Add(s)
	}
	f.Add("\xff\xfe&amp;&#x1F600; l'\u0301 x@y.z www.a http://")
	known := map[string]bool{Unknown: true}
	for _, p := range profiles {
		known[p.code] = true
	}
	for _, code := range singleLanguage {
		known[code] = true
	}
	known["ja"], known["zh"] = true, true
	f.Fuzz(func(t *testing.T, text string) {
		code, conf := Detect(text)
		if !known[code] {
			t.Fatalf("Detect(%q) = unknown code %q", text, code)
		}
		if code == Unknown && conf != 0 || code != Unknown && (conf <= 0 || conf > 1) {
			t.Fatalf("Detect(%q) = %s with confidence %v", text, code, conf)
		}
		if len(text) < maxScan {
			padded := text + strings.Repeat(" ", maxScan) + " Das ist nicht der Anfang des Textes."
			if c2, conf2 := Detect(padded); c2 != code || conf2 != conf {
				t.Fatalf("Detect(%q) = %s %v, but %s %v with text after %d bytes", text, code, conf, c2, conf2, maxScan)
			}
		}
	})
}

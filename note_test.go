package herald

import (
	"strings"
	"testing"
)

func TestNormalizeTag(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"VIP", "vip"},
		{"  Beta   testers ", "beta testers"},
		{"café-fans_2026", "café-fans_2026"},
		{"v1.2", "v1.2"},
		{"", ""},
		{"   ", ""},
		{"<script>", ""},
		{"a,b", ""},
		{strings.Repeat("x", 41), ""},
		{strings.Repeat("é", 40), strings.Repeat("é", 40)},
	} {
		got, err := NormalizeTag(c.in)
		if c.want == "" {
			if err == nil || ErrorCode(err) != EInvalid {
				t.Errorf("NormalizeTag(%q) = %q, %v; want an invalid error", c.in, got, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("NormalizeTag(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestCleanNote(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"  called her, loves the beta \n", "called her, loves the beta", true},
		{"<b>kept as text</b>", "<b>kept as text</b>", true},
		{"", "", false},
		{" \n\t", "", false},
		{strings.Repeat("x", MaxNoteBytes+1), "", false},
		{"bad \xff byte", "", false},
	} {
		got, err := CleanNote(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("CleanNote(%.20q) = %.20q, %v; want %.20q (ok %v)", c.in, got, err, c.want, c.ok)
		}
	}
}

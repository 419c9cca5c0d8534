package stance

import "testing"

func TestSarcasmZones(t *testing.T) {
	tests := []struct {
		text string
		want string // the first zone's text, "" for none
	}{
		{"great, another delay", "great, another delay"},
		{"@united oh great another delay", "great another delay"},
		{"Perfect! Flight delayed again", "Perfect! Flight delayed"},
		{"wonderful. stuck on the tarmac", "wonderful. stuck"},
		{"love waiting 3 hours at the gate", "love waiting"},
		{"I love how you lost my bag", "love how you lost"},
		{"thanks for nothing", "thanks for nothing"},
		{"thank you so much for losing my bag", "thank you so much for losing"},
		{"thanks for the 3 hour delay", "thanks for the 3 hour delay"},
		{"Great flight. #not", "Great flight. #not"},
		{"best airline ever /s", "best airline ever /s"},
		{"sure, you care 🙄 ok", "sure, you care 🙄 ok"},
		{"yeah right, on time", "yeah right, on time"},
		{"first sentence. best crew 🙃", "best crew 🙃"},
		// Not sarcasm.
		{"great flight, thanks", ""},
		{"Great crew, even though we were delayed", ""},
		{"Awesome! Thanks for rebooking my cancelled flight", ""},
		{"thanks for the update on the delay", ""},
		{"thanks for the help with my delayed flight", ""},
		{"I would love to get home, stuck in Denver", ""},
		{"don't love waiting", ""},
		{"great crew, flight delayed", ""},
		{"Great. Thanks. We were delayed", ""},
		{"yeah right away please", ""},
		{"see https://t.co/s and a/s", ""},
		{"", ""},
	}
	for _, tc := range tests {
		s := newScratch()
		s.prepare(tc.text, 0, nil)
		got := ""
		if len(s.zones) > 0 {
			got = tc.text[s.zones[0].Start:s.zones[0].End]
		}
		if got != tc.want {
			t.Errorf("%q: got zone %q, want %q", tc.text, got, tc.want)
		}
	}
}

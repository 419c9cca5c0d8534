package token

import (
	"slices"
	"testing"
)

func TestSplitHashtag(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"UnitedAirlines", []string{"united", "airlines"}},
		{"JetBlue", []string{"jet", "blue"}},
		{"iPhone15Pro", []string{"iphone", "15", "pro"}},
		{"eBay", []string{"ebay"}},
		{"JFKAirport", []string{"jfk", "airport"}},
		{"100DaysOfCode", []string{"100", "days", "of", "code"}},
		{"COVID19", []string{"covid", "19"}},
		{"unitedairlines", []string{"unitedairlines"}},
		{"UNITEDAIRLINES", []string{"unitedairlines"}},
		{"snake_case_tag", []string{"snake", "case", "tag"}},
		{"McDonalds", []string{"mc", "donalds"}},
		{"CaféOlé", []string{"café", "olé"}},
		{"Cafe\u0301Ole\u0301", []string{"cafe\u0301", "ole\u0301"}},
		{"ΚαλημέραΚόσμε", []string{"καλημέρα", "κόσμε"}},
		{"72時間ホンネテレビ", []string{"72", "時間ホンネテレビ"}},
		{"a", []string{"a"}},
		{"A", []string{"a"}},
		{"", nil},
		{"___", nil},
		{"_x_", []string{"x"}},
		{"\xffAb\xfeCd", []string{"ab", "cd"}},
	} {
		if got := SplitHashtag(c.in); !slices.Equal(got, c.want) {
			t.Errorf("SplitHashtag(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

package query

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// describeScan renders a scan's tokens as "kind:folded" with hashtag parts
// and mention joints in brackets, and original text after "=".
func describeScan(text string) []string {
	var sc scan
	sc.reset(text)
	var out []string
	for _, t := range sc.toks {
		s := string(sc.stream[t.sStart:t.sEnd])
		var inner []string
		for i := t.bLo; i < t.bHi; i++ {
			inner = append(inner, fmt.Sprint(sc.bounds[i]-t.sStart))
		}
		if len(inner) > 0 {
			s += "[" + strings.Join(inner, " ") + "]"
		}
		out = append(out, fmt.Sprintf("%d:%s=%s", t.kind, s, text[t.oStart:t.oEnd]))
	}
	return out
}

func TestScan(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"Hello, World!", []string{"0:hello=Hello", "0:world=World"}},
		{"Acme's", []string{"0:acme=Acme", "0:s=s"}},
		{"CAFÉ Straße", []string{"0:café=CAFÉ", "0:strasse=Straße"}},
		{"cafe\u0301", []string{"0:cafe\u0301=cafe\u0301"}},
		{"foo_bar", []string{"0:foo=foo", "0:bar=bar"}},
		{"#NorthwindCoffee", []string{"1:#northwindcoffee[1 10 10 16]=#NorthwindCoffee"}},
		{"#USAirways", []string{"1:#usairways[1 3 3 10]=#USAirways"}},
		{"#COVID19", []string{"1:#covid19[1 6 6 8]=#COVID19"}},
		{"#cold_brew", []string{"1:#cold_brew[1 5 6 10]=#cold_brew"}},
		{"#__tag", []string{"1:#__tag[3 6]=#__tag"}},
		{"#東京タワー", []string{"1:#東京タワー[1 16]=#東京タワー"}},
		{"#", nil},
		{"# tag", []string{"0:tag=tag"}},
		{"#_", nil},
		{"C#sharp", []string{"0:c=C", "0:sharp=sharp"}},
		{"_#tag", []string{"0:tag=tag"}},
		{"#a#b", []string{"1:#a[1 2]=#a", "0:b=b"}},
		{"@United", []string{"2:@united=@United"}},
		{"@United.", []string{"2:@united=@United"}},
		{"@bob@Mastodon.Social!", []string{"2:@bob@mastodon.social[4]=@bob@Mastodon.Social"}},
		{"@alice.bsky.social", []string{"2:@alice.bsky.social[6 11]=@alice.bsky.social"}},
		{"@united-rebooked", []string{"2:@united-rebooked[7]=@united-rebooked"}},
		{"@a..b", []string{"2:@a=@a", "0:b=b"}},
		{"bob@acme.com", []string{"0:bob=bob", "0:acme=acme", "0:com=com"}},
		{"@ alone", []string{"0:alone=alone"}},
		{"see https://t.co/x?a=b#c now", []string{"0:see=see", "3:\x01=https://t.co/x?a=b#c", "0:now=now"}},
		{"WWW.acme.com", []string{"3:\x01=WWW.acme.com"}},
		{"xhttp://a", []string{"0:xhttp=xhttp", "0:a=a"}},
		{"a\xffb", []string{"0:a=a", "0:b=b"}},
	} {
		if got := describeScan(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("scan(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

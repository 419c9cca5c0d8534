package token

import (
	"slices"
	"testing"
)

// FuzzTokenize checks that no input panics or breaks the invariants of
// checkTokens, that there are at most as many tokens as bytes, that a
// reused buffer gives the same tokens, and that DecodeEntities never
// lengthens its input. The committed corpus is in testdata/fuzz.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "@VirginAmerica it's really aggressive &amp; they have little recourse",
		"SOOO happy!!! http://t.co/abc… www.United.com/bags. John.Doe@Example.com :-) &lt;3",
		"👨‍👩‍👧 👍🏽 🇺🇸🇬🇧 1️⃣ ❤️ 🏴󠁧󠁢󠁥󠁮󠁧󠁿 #UnitedAirlines @user@mastodon.social $AAPL $30 U.S. AT&amp;T",
		"Amazonプライム凄く良い ¯\\_(ツ)_/¯ I DON'T CARE XD :P ^_^ Cafe\u0301 goooood",
		"\xff\xfebad\x80 ok &#x1F600; &#xD800; &amp", "a.a.a.a@b", "#1#a @a.b.social", "(http://x.com/(a))",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text, nil)
		checkTokens(t, text, toks)
		if len(toks) > len(text) {
			t.Fatalf("%d tokens for %d bytes", len(toks), len(text))
		}
		again := Tokenize(text, make([]Token, 3, 8))[3:]
		if !slices.Equal(toks, again) {
			t.Fatalf("tokens differ with a reused buffer:\n%v\n%v", toks, again)
		}
		if d := DecodeEntities(text); len(d) > len(text) {
			t.Fatalf("DecodeEntities lengthened %q to %q", text, d)
		}
		for _, tok := range toks {
			if tok.Kind == Hashtag {
				SplitHashtag(tok.Norm)
			}
		}
	})
}

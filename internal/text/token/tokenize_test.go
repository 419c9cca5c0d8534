package token

import (
	"strings"
	"testing"
)

// want is an expected token; norm "" means the Norm equals the Text.
type want struct {
	kind  Kind
	text  string
	norm  string
	flags Flags
}

type tokenCase struct {
	name string
	text string
	want []want
}

func runTokenCases(t *testing.T, cases []tokenCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Tokenize(tc.text, nil)
			checkTokens(t, tc.text, got)
			if len(got) != len(tc.want) {
				t.Fatalf("Tokenize(%q) = %s, want %d tokens", tc.text, describe(got), len(tc.want))
			}
			for k, w := range tc.want {
				norm := w.norm
				if norm == "" {
					norm = w.text
				}
				g := got[k]
				if g.Kind != w.kind || g.Text != w.text || g.Norm != norm || g.Flags != w.flags {
					t.Errorf("token %d = %v %q norm %q flags %v, want %v %q norm %q flags %v",
						k, g.Kind, g.Text, g.Norm, g.Flags, w.kind, w.text, norm, w.flags)
				}
			}
		})
	}
}

func describe(toks []Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Kind.String() + ":" + t.Text + " ")
	}
	return b.String()
}

func TestTokenizeWords(t *testing.T) {
	runTokenCases(t, []tokenCase{
		{"sentence", "Hello, world", []want{{Word, "Hello", "hello", 0}, {Punct, ",", "", 0}, {Word, "world", "", 0}}},
		{"apostrophes", "it's l'avion rock'n'roll", []want{{Word, "it's", "", 0}, {Word, "l'avion", "", 0}, {Word, "rock'n'roll", "", 0}}},
		{"curly apostrophe", "don’t", []want{{Word, "don’t", "don't", Negation}}},
		{"acute as apostrophe", "don´t", []want{{Word, "don´t", "don't", Negation}}},
		{"trailing apostrophe", "guests' bags", []want{{Word, "guests", "", 0}, {Punct, "'", "", 0}, {Word, "bags", "", 0}}},
		{"quoted", "'quoted'", []want{{Punct, "'", "", 0}, {Word, "quoted", "", 0}, {Punct, "'", "", 0}}},
		{"hyphens", "check-in covid-19 e‐mail", []want{{Word, "check-in", "", 0}, {Word, "covid-19", "", 0}, {Word, "e‐mail", "e-mail", 0}}},
		{"dangling hyphen", "pre- and post-", []want{{Word, "pre", "", 0}, {Punct, "-", "", 0}, {Word, "and", "", 0}, {Word, "post", "", 0}, {Punct, "-", "", 0}}},
		{"abbreviations", "the U.S. e.g. a.m. U.S", []want{{Word, "the", "", 0}, {Word, "U.S.", "u.s.", AllCaps}, {Word, "e.g.", "", 0}, {Word, "a.m.", "", 0}, {Word, "U", "u", 0}, {Punct, ".", "", 0}, {Word, "S", "s", 0}}},
		{"ampersand names", "AT&T H&M rock&roll", []want{{Word, "AT&T", "at&t", AllCaps}, {Word, "H&M", "h&m", AllCaps}, {Word, "rock", "", 0}, {Punct, "&", "", 0}, {Word, "roll", "", 0}}},
		{"digits inside", "b4 A320 covid19", []want{{Word, "b4", "", 0}, {Word, "A320", "a320", 0}, {Word, "covid19", "", 0}}},
		{"accents", "naïve Café", []want{{Word, "naïve", "", 0}, {Word, "Café", "café", 0}}},
		{"decomposed accent", "Cafe\u0301", []want{{Word, "Cafe\u0301", "café", 0}}},
		{"unicode case", "Straße ΣΟΦΊΑ İstanbul", []want{{Word, "Straße", "straße", 0}, {Word, "ΣΟΦΊΑ", "σοφία", AllCaps}, {Word, "İstanbul", "istanbul", 0}}},
		{"soft hyphen", "co\u00adoperate", []want{{Word, "co\u00adoperate", "cooperate", 0}}},
		{"zwnj persian", "می\u200cخواهم", []want{{Word, "می\u200cخواهم", "", 0}}},
		{"devanagari marks", "नमस्ते दुनिया", []want{{Word, "नमस्ते", "", 0}, {Word, "दुनिया", "", 0}}},
		{"cyrillic", "Привет мир", []want{{Word, "Привет", "привет", 0}, {Word, "мир", "", 0}}},
		{"script change", "Amazonプライム東京タワー", []want{{Word, "Amazon", "amazon", 0}, {Word, "プライム", "", 0}, {Word, "東京", "", 0}, {Word, "タワー", "", 0}}},
		{"prolonged sound mark", "すごーい", []want{{Word, "すごーい", "", 0}}},
		{"thai run", "ภาษาไทย ok", []want{{Word, "ภาษาไทย", "", 0}, {Word, "ok", "", 0}}},
		{"han then digits", "72時間", []want{{Number, "72", "", 0}, {Word, "時間", "", 0}}},
	})
}

func TestTokenizeEmphasis(t *testing.T) {
	runTokenCases(t, []tokenCase{
		{"elongation", "sooo goooood Yessss cool", []want{{Word, "sooo", "soo", Elongated}, {Word, "goooood", "good", Elongated}, {Word, "Yessss", "yess", Elongated}, {Word, "cool", "", 0}}},
		{"mixed-case run", "SOooo", []want{{Word, "SOooo", "soo", Elongated}}},
		{"caps emphasis", "this is SO BAD", []want{{Word, "this", "", 0}, {Word, "is", "", 0}, {Word, "SO", "so", AllCaps}, {Word, "BAD", "bad", AllCaps}}},
		{"all caps text", "THIS IS ALL CAPS", []want{{Word, "THIS", "this", 0}, {Word, "IS", "is", 0}, {Word, "ALL", "all", 0}, {Word, "CAPS", "caps", 0}}},
		{"one capital", "I am OK", []want{{Word, "I", "i", 0}, {Word, "am", "", 0}, {Word, "OK", "ok", AllCaps}}},
		{"caps and elongation", "NOOOO way", []want{{Word, "NOOOO", "noo", AllCaps | Elongated}, {Word, "way", "", 0}}},
		{"negations", "not no never nothing dont can't cannot won't note", []want{
			{Word, "not", "", Negation}, {Word, "no", "", Negation}, {Word, "never", "", Negation},
			{Word, "nothing", "", Negation}, {Word, "dont", "", Negation}, {Word, "can't", "", Negation},
			{Word, "cannot", "", Negation}, {Word, "won't", "", Negation}, {Word, "note", "", 0}}},
		{"punct runs", "what?!?! wow!!! ... --", []want{{Word, "what", "", 0}, {Punct, "?!?!", "", 0}, {Word, "wow", "", 0}, {Punct, "!!!", "", 0}, {Punct, "...", "", 0}, {Punct, "--", "", 0}}},
	})
}

func TestTokenizeNumbers(t *testing.T) {
	runTokenCases(t, []tokenCase{
		{"separators", "1,000.50 10:30 2/24 1-800-555-0199", []want{{Number, "1,000.50", "", 0}, {Number, "10:30", "", 0}, {Number, "2/24", "", 0}, {Number, "1-800-555-0199", "", 0}}},
		{"suffixes", "3pm 2nd 10k 3PM 50%", []want{{Number, "3pm", "", 0}, {Number, "2nd", "", 0}, {Number, "10k", "", 0}, {Number, "3PM", "3pm", 0}, {Number, "50%", "", 0}}},
		{"currency", "$30 €20 20€ 50$ US$5", []want{{Number, "$30", "", 0}, {Number, "€20", "", 0}, {Number, "20€", "", 0}, {Number, "50$", "", 0}, {Word, "US", "us", 0}, {Number, "$5", "", 0}}},
		{"trailing separator", "flight 1008.", []want{{Word, "flight", "", 0}, {Number, "1008", "", 0}, {Punct, ".", "", 0}}},
		{"other digits", "١٢٣ ½ １２", []want{{Number, "١٢٣", "", 0}, {Number, "½", "", 0}, {Number, "１２", "", 0}}},
	})
}

func TestTokenizeSocial(t *testing.T) {
	runTokenCases(t, []tokenCase{
		{"mention", "@United! thanks", []want{{Mention, "@United", "united", 0}, {Punct, "!", "", 0}, {Word, "thanks", "", 0}}},
		{"mastodon", "@user@mastodon.social hi", []want{{Mention, "@user@mastodon.social", "user@mastodon.social", 0}, {Word, "hi", "", 0}}},
		{"bluesky", "@jay.bsky.social.", []want{{Mention, "@jay.bsky.social", "jay.bsky.social", 0}, {Punct, ".", "", 0}}},
		{"no space after", "@united.Thanks", []want{{Mention, "@united", "united", 0}, {Punct, ".", "", 0}, {Word, "Thanks", "thanks", 0}}},
		{"not a mention", "a@b @ @_x", []want{{Word, "a", "", 0}, {Punct, "@", "", 0}, {Word, "b", "", 0}, {Punct, "@", "", 0}, {Mention, "@_x", "_x", 0}}},
		{"hashtag", "#UnitedAirlines #café #100DaysOfCode", []want{{Hashtag, "#UnitedAirlines", "unitedairlines", 0}, {Hashtag, "#café", "café", 0}, {Hashtag, "#100DaysOfCode", "100daysofcode", 0}}},
		{"numeric hashtag", "#1 C# ##tag", []want{{Punct, "#", "", 0}, {Number, "1", "", 0}, {Word, "C", "c", 0}, {Punct, "#", "", 0}, {Punct, "#", "", 0}, {Hashtag, "#tag", "tag", 0}}},
		{"unicode hashtags", "#72時間ホンネテレビ #ملتقى_رفد", []want{{Hashtag, "#72時間ホンネテレビ", "72時間ホンネテレビ", 0}, {Hashtag, "#ملتقى_رفد", "ملتقى_رفد", 0}}},
		{"cashtags", "$AAPL $BRK.A $TSLA's", []want{{Cashtag, "$AAPL", "aapl", 0}, {Cashtag, "$BRK.A", "brk.a", 0}, {Cashtag, "$TSLA", "tsla", 0}, {Punct, "'", "", 0}, {Word, "s", "", 0}}},
		{"not cashtags", "$abcdefg $", []want{{Punct, "$", "", 0}, {Word, "abcdefg", "", 0}, {Punct, "$", "", 0}}},
		{"email", "mail John.Doe@Example.com.", []want{{Word, "mail", "", 0}, {Email, "John.Doe@Example.com", "john.doe@example.com", 0}, {Punct, ".", "", 0}}},
		{"mastodon address without @", "user@instance.social", []want{{Email, "user@instance.social", "", 0}}},
	})
}

func TestTokenizeURLs(t *testing.T) {
	runTokenCases(t, []tokenCase{
		{"scheme", "see http://t.co/abc123", []want{{Word, "see", "", 0}, {URL, "http://t.co/abc123", "", 0}}},
		{"truncated", "http://t.co/abc…", []want{{URL, "http://t.co/abc", "", 0}, {Punct, "…", "", 0}}},
		{"parentheses", "(https://en.wikipedia.org/wiki/A_(b))", []want{{Punct, "(", "", 0}, {URL, "https://en.wikipedia.org/wiki/A_(b)", "", 0}, {Punct, ")", "", 0}}},
		{"sentence end", "Visit www.Delta.com.", []want{{Word, "Visit", "visit", 0}, {URL, "www.Delta.com", "", 0}, {Punct, ".", "", 0}}},
		{"glued", "text.http://x.co/y", []want{{Word, "text", "", 0}, {Punct, ".", "", 0}, {URL, "http://x.co/y", "", 0}}},
		{"bare domains", "united.com NYTimes.com bit.ly/x t.co/y", []want{{URL, "united.com", "", 0}, {URL, "NYTimes.com", "", 0}, {URL, "bit.ly/x", "", 0}, {URL, "t.co/y", "", 0}}},
		{"entity in query", "delta.com/a?x=1&amp;y=2", []want{{URL, "delta.com/a?x=1&amp;y=2", "delta.com/a?x=1&y=2", 0}}},
		{"word-like tlds", "do.it bags.no", []want{{Word, "do", "", 0}, {Punct, ".", "", 0}, {Word, "it", "", 0}, {Word, "bags", "", 0}, {Punct, ".", "", 0}, {Word, "no", "", Negation}}},
		{"file names", "readme.md main.py", []want{{Word, "readme", "", 0}, {Punct, ".", "", 0}, {Word, "md", "", 0}, {Word, "main", "", 0}, {Punct, ".", "", 0}, {Word, "py", "", 0}}},
		{"capitalised tld", "gate.Co", []want{{Word, "gate", "", 0}, {Punct, ".", "", 0}, {Word, "Co", "co", 0}}},
		{"bare scheme", "http://", []want{{Word, "http", "", 0}, {Punct, ":", "", 0}, {Punct, "//", "", 0}}},
		{"possessive", "Amazon.com's", []want{{URL, "Amazon.com", "", 0}, {Punct, "'", "", 0}, {Word, "s", "", 0}}},
	})
}

func TestTokenizeEmoji(t *testing.T) {
	runTokenCases(t, []tokenCase{
		{"zwj family", "👨‍👩‍👧", []want{{Emoji, "👨‍👩‍👧", "", 0}}},
		{"skin tone", "👍🏽", []want{{Emoji, "👍🏽", "👍", 0}}},
		{"zwj with skin tone", "👩🏽‍💻", []want{{Emoji, "👩🏽‍💻", "👩‍💻", 0}}},
		{"flags", "🇺🇸🇬🇧", []want{{Emoji, "🇺🇸", "", 0}, {Emoji, "🇬🇧", "", 0}}},
		{"lone regional indicator", "🇺 x", []want{{Emoji, "🇺", "", 0}, {Word, "x", "", 0}}},
		{"keycaps", "1️⃣ #️⃣ *⃣", []want{{Emoji, "1️⃣", "1⃣", 0}, {Emoji, "#️⃣", "#⃣", 0}, {Emoji, "*⃣", "", 0}}},
		{"variation selectors", "❤️ ☺︎ ✈", []want{{Emoji, "❤️", "❤", 0}, {Emoji, "☺︎", "☺", 0}, {Emoji, "✈", "", 0}}},
		{"text default", "© ©️ ™", []want{{Punct, "©", "", 0}, {Emoji, "©️", "©", 0}, {Punct, "™", "", 0}}},
		{"tag sequence", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", []want{{Emoji, "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "", 0}}},
		{"repeats", "😂😂😂", []want{{Emoji, "😂", "", 0}, {Emoji, "😂", "", 0}, {Emoji, "😂", "", 0}}},
		{"lone modifier", "🏽", []want{{Emoji, "🏽", "", 0}}},
		{"glued to words", "hello👋world", []want{{Word, "hello", "", 0}, {Emoji, "👋", "", 0}, {Word, "world", "", 0}}},
		{"dangling zwj", "👨\u200d x", []want{{Emoji, "👨", "", 0}, {Word, "x", "", 0}}},
	})
}

func TestTokenizeEmoticons(t *testing.T) {
	runTokenCases(t, []tokenCase{
		{"common", ":) :-) :( :'( :D ;) :P <3 </3 XD :/ ^_^ -_-", []want{
			{Emoticon, ":)", "", 0}, {Emoticon, ":-)", "", 0}, {Emoticon, ":(", "", 0}, {Emoticon, ":'(", "", 0},
			{Emoticon, ":D", "", 0}, {Emoticon, ";)", "", 0}, {Emoticon, ":P", "", 0}, {Emoticon, "<3", "", 0},
			{Emoticon, "</3", "", 0}, {Emoticon, "XD", "", 0}, {Emoticon, ":/", "", 0}, {Emoticon, "^_^", "", 0},
			{Emoticon, "-_-", "", 0}}},
		{"repeats", ":))) :DDD <333", []want{{Emoticon, ":)))", ":)", 0}, {Emoticon, ":DDD", ":D", 0}, {Emoticon, "<333", "<3", 0}}},
		{"glued to word", "thanks:)", []want{{Word, "thanks", "", 0}, {Emoticon, ":)", "", 0}}},
		{"not before letters", ":Partner", []want{{Punct, ":", "", 0}, {Word, "Partner", "partner", 0}}},
		{"not in words", "XDR taxD", []want{{Word, "XDR", "xdr", AllCaps}, {Word, "taxD", "taxd", 0}}},
		{"time is a number", "10:30", []want{{Number, "10:30", "", 0}}},
		{"aside", "(: ok (:30", []want{{Emoticon, "(:", "", 0}, {Word, "ok", "", 0}, {Punct, "(", "", 0}, {Punct, ":", "", 0}, {Number, "30", "", 0}}},
		{"shrug", `¯\_(ツ)_/¯`, []want{{Emoticon, `¯\_(ツ)_/¯`, "", 0}}},
		{"escaped heart", "&lt;3 &gt;:(", []want{{Emoticon, "&lt;3", "<3", 0}, {Emoticon, "&gt;:(", ">:(", 0}}},
	})
}

func TestTokenizeEntities(t *testing.T) {
	runTokenCases(t, []tokenCase{
		{"ampersand", "A &amp; B", []want{{Word, "A", "a", 0}, {Punct, "&amp;", "&", 0}, {Word, "B", "b", 0}}},
		{"inside a word", "AT&amp;T don&#39;t caf&eacute;", []want{{Word, "AT&amp;T", "at&t", AllCaps}, {Word, "don&#39;t", "don't", Negation}, {Word, "caf&eacute;", "café", 0}}},
		{"quotes", "&quot;hi&quot;", []want{{Punct, "&quot;", "\"", 0}, {Word, "hi", "", 0}, {Punct, "&quot;", "\"", 0}}},
		{"numeric emoji", "&#x1F600;&#128077;", []want{{Emoji, "&#x1F600;", "😀", 0}, {Emoji, "&#128077;", "👍", 0}}},
		{"not references", "&unknown; &amp x&", []want{{Punct, "&", "", 0}, {Word, "unknown", "", 0}, {Punct, ";", "", 0}, {Punct, "&", "", 0}, {Word, "amp", "", 0}, {Word, "x", "", 0}, {Punct, "&", "", 0}}},
		{"space reference", "a&nbsp;b", []want{{Word, "a", "", 0}, {Word, "b", "", 0}}},
		{"double escaped", "&amp;amp;", []want{{Punct, "&amp;", "&", 0}, {Word, "amp", "", 0}, {Punct, ";", "", 0}}},
	})
}

func TestTokenizeInvalid(t *testing.T) {
	runTokenCases(t, []tokenCase{
		{"empty", "", nil},
		{"only invalid", "\xff\xfe\x80", nil},
		{"inside words", "bad\x80word", []want{{Word, "bad", "", 0}, {Word, "word", "", 0}}},
		{"truncated rune", "ok\xe2\x82", []want{{Word, "ok", "", 0}}},
		{"controls and format", "a\x00b\u200ec\u200b", []want{{Word, "a", "", 0}, {Word, "b", "", 0}, {Word, "c", "", 0}}},
		{"replacement character", "a\uFFFDb", []want{{Word, "a", "", 0}, {Word, "b", "", 0}}},
		{"stray marks", "\u0301\uFE0F x", []want{{Word, "x", "", 0}}},
	})
}

func TestTokenizeAppends(t *testing.T) {
	dst := Tokenize("first", nil)
	dst = Tokenize("Second &amp; THIRD", dst)
	if got := describe(dst); got != "Word:first Word:Second Punct:&amp; Word:THIRD " {
		t.Fatalf("got %s", got)
	}
	if dst[3].Flags != AllCaps || dst[3].Norm != "third" || dst[1].Norm != "second" {
		t.Fatalf("got %+v", dst[1:])
	}
}

func TestTokenizeSharesMemory(t *testing.T) {
	text := "plain lower text with a @mention"
	toks := Tokenize(text, nil)
	for _, tok := range toks {
		if tok.Norm != tok.Text && tok.Kind != Mention {
			t.Fatalf("%q: Norm %q differs", tok.Text, tok.Norm)
		}
	}
	buf := make([]Token, 0, 64)
	cases := []struct {
		text   string
		allocs float64
	}{
		{text, 0},
		{"Capitalised Words and @Mentions #Tags 👍🏽", 1},
		{"an &amp; entity and A Capital", 2},
	}
	for _, c := range cases {
		if got := testing.AllocsPerRun(20, func() { buf = Tokenize(c.text, buf[:0]) }); got != c.allocs {
			t.Errorf("Tokenize(%q) allocates %v times, want %v", c.text, got, c.allocs)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Word: "Word", Email: "Email", Emoticon: "Emoticon", 0: "Kind(0)", 42: "Kind(42)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
	for f, want := range map[Flags]string{0: "0", AllCaps: "AllCaps", AllCaps | Negation: "AllCaps|Negation", Elongated | 0x40: "Elongated|0x40"} {
		if got := f.String(); got != want {
			t.Errorf("Flags(%d).String() = %q, want %q", f, got, want)
		}
	}
}

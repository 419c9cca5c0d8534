package htmltext

import (
	"html"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"  plain\nlines &amp; more  ", "plain\nlines & more"},
		{"<p>Toot!</p>", "Toot!"},
		{"<p>it&#39;s cool guy</p>", "it's cool guy"},
		{"<p>a</p><p>b</p>", "a\n\nb"},
		{"a<br>b<br/>c<br />d", "a\nb\nc\nd"},
		{"a<br><br>b", "a\n\nb"},
		{"<p>a<br></p><p>b</p>", "a\n\nb"},
		{"<p>  lots   of\n space </p>", "lots of space"},
		{`<p><span class="h-card" translate="no"><a href="http://localhost:3000/@mastodonpy_test_2" class="u-url mention">@<span>mastodonpy_test_2</span></a></span> same!</p>`, "@mastodonpy_test_2 same!"},
		{"<ul><li>one</li><li>two</li></ul>", "one\ntwo"},
		{"1 < 2 and 3 > 2", "1 < 2 and 3 > 2"},
		{"x <b>bold</b> y", "x bold y"},
		{"<script>alert('<p>')</script>after", "after"},
		{"<style>p{}</style><p>t</p>", "t"},
		{"a<!-- <p>hidden</p> -->b", "ab"},
		{"a<!-- unterminated", "a"},
		{"a <b unterminated", "a"},
		{"caf&eacute; &lt;3 &nbsp;x", "café <3 \u00a0x"},
		{`<a href="x" title="a>b">link</a>`, "link"},
		{"<P>Upper</P><BR>Case", "Upper\n\nCase"},
		{"é<br>ü", "é\nü"},
		{"<p>&#x41;&#66;&ampx &unknown; & alone &#</p>", "AB&x &unknown; & alone &#"},
		{"<p>a&#32;&#32;b</p>", "a b"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextLinks(t *testing.T) {
	in := `<p>see <a href="https://example.com/a?x=1&amp;y=2" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/a</span></a> ` +
		`<a href="https://m.example/tags/brand" class="mention hashtag" rel="tag">#<span>brand</span></a> ` +
		`<a href="https://m.example/@bob" class="u-url mention">@bob</a> ` +
		`<a href='https://example.com/a?x=1&amp;y=2'>again</a> <a href="mailto:x@y">mail</a> <a href=http://plain.example/>p</a></p>`
	text, links := TextLinks(in)
	wantText := "see https://example.com/a #brand @bob again mail p"
	if text != wantText {
		t.Errorf("text = %q, want %q", text, wantText)
	}
	want := []string{"https://example.com/a?x=1&y=2", "http://plain.example/"}
	if !slices.Equal(links, want) {
		t.Errorf("links = %q, want %q", links, want)
	}
}

func TestParseAttrs(t *testing.T) {
	tests := []struct {
		tag  string
		want attrs
	}{
		{`a href="x"`, attrs{href: "x"}},
		{`a HREF='x' class=y`, attrs{href: "x", class: "y"}},
		{`a disabled href = "x&amp;y" rel=tag`, attrs{href: "x&y", rel: "tag"}},
		{`a class="c"`, attrs{class: "c"}},
		{`a href="unterminated`, attrs{href: "unterminated"}},
		{`a/ href=x/`, attrs{href: "x/"}},
		{`a ="v" href=z`, attrs{href: "z"}},
	}
	for _, tt := range tests {
		if got := parseAttrs(tt.tag); got != tt.want {
			t.Errorf("parseAttrs(%q) = %+v, want %+v", tt.tag, got, tt.want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "<a href='x'>y</a>", "<!--", "<", "&amp;<br", "<script>x"} {
		f.Add(s)
	}
	f.Add("a &amp;lt; &#x41;&ampx  b")
	f.Fuzz(func(t *testing.T, s string) {
		text, _ := TextLinks(s)
		if utf8.ValidString(s) && !utf8.ValidString(text) {
			t.Errorf("valid input %q gave invalid UTF-8 %q", s, text)
		}
		if strings.ContainsAny(s, "<>") {
			return
		}
		// Character data decodes as html.UnescapeString, spaces collapsed.
		want := strings.Join(strings.FieldsFunc(html.UnescapeString(s), func(r rune) bool {
			return r < utf8.RuneSelf && isSpace(byte(r))
		}), " ")
		if got := Text("<b>" + s + "</b>"); got != want {
			t.Errorf("Text(<b>%q</b>) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkText(b *testing.B) {
	in := `<p><span class="h-card" translate="no"><a href="https://m.example/@alice" class="u-url mention">@<span>alice</span></a></span> I love the new <a href="https://m.example/tags/acme" class="mention hashtag" rel="tag">#<span>acme</span></a> phone, it&#39;s great!<br>More at <a href="https://acme.example/p">acme.example/p</a></p>`
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		TextLinks(in)
	}
}

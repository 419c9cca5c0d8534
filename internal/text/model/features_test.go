package model

import (
	"hash/fnv"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/herald-advocacy/herald/internal/text/token"
	"github.com/herald-advocacy/herald/internal/text/vader"
)

// termStrings renders the terms of text, negated ones suffixed "_NEG".
func termStrings(text string) string {
	fold, _ := foldCase(nil, text)
	var out []string
	for _, t := range appendTerms(nil, token.Tokenize(string(fold), nil)) {
		w := t.text
		if t.negated {
			w += "_NEG"
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func TestTerms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"@united thanks!!!! http://t.co/x", "@user thanks !! <url>"},
		{"@Delta_Assist www.delta.com help@jetblue.com", "@user <url> <url>"},
		{"see https://t.co/é\u00a0now", "see <url> now"},
		{"Sooooo GOOOOD", "soo good"},
		{"Tom &amp; Jerry &lt;3 &#39;ok&#39; &bogus; &#xZZ;", "tom & jerry <3 ' ok ' & bogus ; & xzz ;"},
		{"not good at all", "not good_NEG at_NEG all_NEG"},
		{"didn't like it, but fine", "didn't like_NEG it_NEG , but fine"},
		{"I dont think so but ok", "i dont think_NEG so_NEG but ok"},
		{"NOT gonna lie 🙂 great", "not gonna_NEG lie_NEG 🙂 great"},
		{"can’t wait", "can't wait_NEG"},
		{"flight 1234 at 10:30, gate 3.5 $30", "flight <num> at <num> , gate <num> <num>"},
		{"#fail #JetBlue 😡😡😡! 👍🏽👍", "fail jetblue 😡 ! 👍"},
		{"Great :D :-P XD ;)))", "great :D :-P xd ;)"},
		{"Ça VA très bien", "ça va très bien"},
		{"\xff\xfebad\xff", "bad"},
		{"a # @ !?!? ……", "a # @ !?!? ……"},
		{"o'clock 'quoted'", "o'clock ' quoted '"},
	}
	for _, tt := range tests {
		if got := termStrings(tt.in); got != tt.want {
			t.Errorf("terms of %q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldCase(t *testing.T) {
	tests := []struct {
		in   string
		want string
		c    textCounts
	}{
		{"", "", textCounts{}},
		{"WORST AIRLINE EVER!!! Why?", "worst airline ever!!! why?", textCounts{exclaim: 3, question: 1, allCaps: 3}},
		{"I am OK, NASA-level a B", "i am ok, nasa-level a b", textCounts{allCaps: 2}},
		{"McDONALD &amp; USA", "mcdonald &amp; usa", textCounts{allCaps: 1}},
		{":D :-P =D! :Do X:O ;D", ":D :-P =D! :do x:O ;D", textCounts{exclaim: 1}},
		{"Ça É", "Ça É", textCounts{}},
	}
	for _, tt := range tests {
		got, c := foldCase(nil, tt.in)
		if string(got) != tt.want || c != tt.c {
			t.Errorf("foldCase(%q) = %q, %+v; want %q, %+v", tt.in, got, c, tt.want, tt.c)
		}
	}
}

// referenceCharGrams hashes every n-gram of the padded word with hash/fnv,
// independently of the package's incremental hashing.
func referenceCharGrams(word string, minN, maxN int, shift uint) []uint32 {
	runes := []rune(" " + word + " ")
	var out []uint32
	for i := range runes {
		for n := minN; n <= maxN && i+n <= len(runes); n++ {
			h := fnv.New64a()
			h.Write([]byte(string(runes[i : i+n])))
			out = append(out, bucket(h.Sum64()+saltChar, shift))
		}
	}
	slices.Sort(out)
	return out
}

func TestCharGrams(t *testing.T) {
	f := &featurizer{shift: 64 - 18, charMin: 2, charMax: 5}
	tests := []struct {
		word  string
		count int
	}{
		{"ab", 3 + 2 + 1}, {"a", 2 + 1}, {"flight", 7 + 6 + 5 + 4}, {"très", 5 + 4 + 3 + 2}, {"😡x", 3 + 2 + 1},
	}
	s := newScratch()
	for _, tt := range tests {
		got := f.appendCharGrams(nil, s, tt.word)
		if len(got) != tt.count {
			t.Errorf("%q: %d n-grams, want %d", tt.word, len(got), tt.count)
		}
		slices.Sort(got)
		if want := referenceCharGrams(tt.word, 2, 5, f.shift); !slices.Equal(got, want) {
			t.Errorf("%q: buckets %v, want %v", tt.word, got, want)
		}
	}
}

func testFeaturizer(t *testing.T) *featurizer {
	t.Helper()
	va, err := vader.New()
	if err != nil {
		t.Fatal(err)
	}
	return &featurizer{vader: va, shift: 64 - 18, charMin: 2, charMax: 5}
}

func TestExtract(t *testing.T) {
	f := testFeaturizer(t)
	s := newScratch()
	f.extract("@united I LOVE this!! not bad", s)
	// Tokens: @user i love this !! not bad_NEG: a unigram each, a bigram
	// between each pair, and char n-grams of the five words.
	if got, want := len(s.word), 7+6; got != want {
		t.Errorf("%d word features, want %d", got, want)
	}
	chars := 0
	for _, w := range []string{"i", "love", "this", "not", "bad"} {
		chars += len(referenceCharGrams(w, 2, 5, f.shift))
	}
	if len(s.char) != chars {
		t.Errorf("%d char features, want %d", len(s.char), chars)
	}
	v := f.vader.PolarityScores("@united I LOVE this!! not bad")
	d := s.dense
	if d[0] != 1 || d[4] != float32(v.Compound) || d[7] != 0.5 || d[8] != 0 || d[9] != 0.25 {
		t.Errorf("dense features %v (compound %v)", d, v.Compound)
	}

	plain, negated := newScratch(), newScratch()
	f.extract("bad", plain)
	f.extract("not bad", negated)
	if slices.Contains(negated.word, plain.word[0]) {
		t.Error("negated \"bad\" shares the bucket of plain \"bad\"")
	}
}

// TestExtractBounded checks that huge, invalid or odd inputs neither panic
// nor yield unbounded features.
func TestExtractBounded(t *testing.T) {
	f := testFeaturizer(t)
	s := newScratch()
	for _, text := range []string{
		strings.Repeat("é", MaxTextBytes), strings.Repeat("word ", 100000), strings.Repeat("\xff", 5000),
		strings.Repeat("!", 100000), strings.Repeat("😡", 10000), "&#", "&", "@", "#", "http://",
	} {
		f.extract(text, s)
		if len(s.toks) > MaxTextBytes || len(s.word) > 2*MaxTextBytes || len(s.fold) > MaxTextBytes {
			t.Errorf("%.10q…: %d tokens, %d word features, %d folded bytes", text, len(s.toks), len(s.word), len(s.fold))
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, s := range []string{strings.Repeat("a", MaxTextBytes+1), strings.Repeat("é", MaxTextBytes), strings.Repeat("😡", MaxTextBytes)} {
		got := truncate(s)
		if len(got) > MaxTextBytes || len(got) < MaxTextBytes-3 || !utf8.ValidString(got) {
			t.Errorf("truncate(%.8q…) has %d bytes, valid %v", s, len(got), utf8.ValidString(got))
		}
	}
	if got := truncate("short"); got != "short" {
		t.Errorf("truncate(short) = %q", got)
	}
}

package lang

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/herald-advocacy/herald/internal/importer/htmltext"
)

// sharedData is ../shared/data seen from this package's directory. The data
// sets are not copied into the repository; tests skip without them.
const sharedData = "../../../../shared/data"

// readCSV returns the rows of a CSV file with a header, as maps, skipping
// the test when the file is absent.
func readCSV(tb testing.TB, elem ...string) []map[string]string {
	tb.Helper()
	path := filepath.Join(append([]string{sharedData}, elem...)...)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("shared data absent: %v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		row := map[string]string{}
		for k, h := range header {
			row[h] = rec[k]
		}
		rows = append(rows, row)
	}
}

// TestAirlineTweets checks the 14,640 airline tweets, which are English:
// at least 97% must come out "en" or "und", at least 90% "en", and almost
// none as another language.
func TestAirlineTweets(t *testing.T) {
	rows := readCSV(t, "airline-sentiment", "Tweets.csv")
	counts := map[string]int{}
	for _, row := range rows {
		code, _ := Detect(row["text"])
		counts[code]++
		if code != "en" && code != Unknown {
			t.Logf("%s: %q", code, row["text"])
		}
	}
	n := float64(len(rows))
	en, und := float64(counts["en"]), float64(counts[Unknown])
	t.Logf("%d tweets: %s", len(rows), formatCounts(counts))
	if (en+und)/n < 0.97 || en/n < 0.90 || n-en-und > 15 {
		t.Errorf("en %.1f%%, und %.1f%%, other %v", 100*en/n, 100*und/n, n-en-und)
	}
}

func formatCounts(counts map[string]int) string {
	var codes []string
	for c := range counts {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool { return counts[codes[i]] > counts[codes[j]] })
	var b strings.Builder
	for _, c := range codes {
		b.WriteString(c + "=" + strconv.Itoa(counts[c]) + " ")
	}
	return b.String()
}

// twcsLabels are tweets of the customer-support subset labelled by hand.
var twcsLabels = map[string]string{
	"2": "en", "3": "en", "8": "en", "11": "en", "15": "en",
	"270": "ja", "274": "ja", "4838": "ja", "7013": "ja", "5152": "ja",
	"306": "fr", "1612": "fr", "5650": "fr", "5651": "fr",
	"622": "de", "623": "de", "625": "de", "3737": "de", "5317": "de",
	"747": "es", "1457": "es", "1458": "es", "2252": "es", "3579": "es", "5777": "es",
	"3739": "pt", "3740": "pt", "5780": "pt",
	"6921": "zh", "5291": "hi",
}

// TestCustomerSupportTweets checks the hand-labelled tweets of the
// Customer Support on Twitter subset, and that every tweet with five kana
// or more is Japanese.
func TestCustomerSupportTweets(t *testing.T) {
	rows := readCSV(t, "twcs", "twcs_first5000.csv")
	counts, seen := map[string]int{}, 0
	for _, row := range rows {
		code, conf := Detect(row["text"])
		counts[code]++
		if want, ok := twcsLabels[row["tweet_id"]]; ok {
			seen++
			if code != want {
				t.Errorf("tweet %s: Detect = %s (%.2f), want %s: %q", row["tweet_id"], code, conf, want, row["text"])
			}
		}
		if countKana(row["text"]) >= 5 && code != "ja" {
			t.Errorf("tweet %s: Detect = %s, want ja: %q", row["tweet_id"], code, row["text"])
		}
	}
	if seen != len(twcsLabels) {
		t.Errorf("found %d of the %d labelled tweets", seen, len(twcsLabels))
	}
	t.Logf("%d tweets: %s", len(rows), formatCounts(counts))
}

func countKana(s string) int {
	n := 0
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			n++
		}
	}
	return n
}

// post is a text with the language its platform or author declared.
type post struct {
	lang, text string
}

// TestFixtureLanguages compares Detect with the language the platforms
// recorded: Mastodon's status "language", X/Twitter's "lang" (its own
// detector). Where the text has at least 20 letters they must agree; a
// shorter one may also be "und".
func TestFixtureLanguages(t *testing.T) {
	var posts []post
	posts = append(posts, fixturePosts(t, "mastodon", "language", "content")...)
	posts = append(posts, fixturePosts(t, "twitter", "lang", "text")...)
	if len(posts) == 0 {
		t.Skip("no fixture posts")
	}
	for _, p := range posts {
		code, conf := Detect(p.text)
		long := countLetters(p.text) >= 20
		if code != p.lang && (long || code != Unknown) {
			t.Errorf("Detect(%q) = %s (%.2f), the platform says %s", p.text, code, conf, p.lang)
		}
	}
	t.Logf("%d fixture posts checked", len(posts))
}

// TestBlueskyScripts checks the Bluesky capture, whose "langs" are set by
// the authors' clients and often wrong for Latin-script posts: only the
// posts declared in a language told by its script must agree.
func TestBlueskyScripts(t *testing.T) {
	posts := fixturePosts(t, "bluesky", "langs", "text")
	checked := 0
	for _, p := range posts {
		if p.lang != "ja" && p.lang != "ko" && p.lang != "ru" {
			continue
		}
		checked++
		if code, conf := Detect(p.text); code != p.lang {
			t.Errorf("Detect(%q) = %s (%.2f), the author says %s", p.text, code, conf, p.lang)
		}
	}
	if checked < 3 {
		t.Errorf("only %d posts in ja, ko or ru", checked)
	}
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// fixturePosts walks the JSON documents (whole files, or JSON Lines) of a
// fixture folder for objects holding both a language key and a text key.
// HTML text (Mastodon's content) is converted to plain text; a list of
// languages counts when it has one entry.
func fixturePosts(tb testing.TB, folder, langKey, textKey string) []post {
	tb.Helper()
	dir := filepath.Join(sharedData, "fixtures", folder)
	files, err := filepath.Glob(filepath.Join(dir, "*.json*"))
	if err != nil || len(files) == 0 {
		tb.Skipf("fixtures absent: %s", dir)
	}
	var posts []post
	for _, path := range files {
		for _, doc := range jsonDocuments(tb, path) {
			walkJSON(doc, func(obj map[string]any) {
				if p, ok := postOf(obj, langKey, textKey); ok {
					posts = append(posts, p)
				}
			})
		}
	}
	return posts
}

func postOf(obj map[string]any, langKey, textKey string) (post, bool) {
	text, ok := obj[textKey].(string)
	if !ok || text == "" {
		return post{}, false
	}
	var lang string
	switch v := obj[langKey].(type) {
	case string:
		lang = v
	case []any:
		if len(v) == 1 {
			lang, _ = v[0].(string)
		}
	}
	if lang == "" {
		return post{}, false
	}
	if strings.Contains(text, "<") {
		text = htmltext.Text(text)
	}
	return post{lang: lang, text: text}, true
}

// jsonDocuments decodes a file holding one JSON document or JSON Lines.
func jsonDocuments(tb testing.TB, path string) []any {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var docs []any
	dec := json.NewDecoder(bufio.NewReader(f))
	for {
		var doc any
		if err := dec.Decode(&doc); err == io.EOF {
			return docs
		} else if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, doc)
	}
}

func walkJSON(v any, f func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		f(v)
		for _, child := range v {
			walkJSON(child, f)
		}
	case []any:
		for _, child := range v {
			walkJSON(child, f)
		}
	}
}

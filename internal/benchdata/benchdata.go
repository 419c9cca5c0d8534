// Package benchdata writes synthetic but realistic input files for
// benchmarks: ActivityStreams JSON Lines (Create/Note with inline actors,
// mentions, hashtags, HTML content) and CSV in the airline dataset's layout.
// Output is deterministic for a seed, streamed, and of any size.
package benchdata

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"time"
)

var (
	words = []string{"coffee", "latte", "espresso", "beans", "order", "app", "barista", "store", "morning", "great",
		"slow", "again", "love", "never", "best", "cold", "brew", "thanks", "why", "today", "line", "staff", "new", "menu"}
	brands = []string{"acme", "rival", "thirdco"}
	base   = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
)

type actor struct {
	Type              string         `json:"type"`
	ID                string         `json:"id"`
	PreferredUsername string         `json:"preferredUsername"`
	Name              string         `json:"name"`
	Summary           string         `json:"summary"`
	URL               string         `json:"url"`
	Followers         map[string]any `json:"followers"`
}

type tag struct {
	Type string `json:"type"`
	Href string `json:"href,omitempty"`
	Name string `json:"name"`
}

type note struct {
	Type         string `json:"type"`
	ID           string `json:"id"`
	AttributedTo string `json:"attributedTo"`
	Content      string `json:"content"`
	Published    string `json:"published"`
	URL          string `json:"url"`
	InReplyTo    string `json:"inReplyTo,omitempty"`
	Tag          []tag  `json:"tag"`
}

type create struct {
	Context   string `json:"@context"`
	Type      string `json:"type"`
	ID        string `json:"id"`
	Actor     actor  `json:"actor"`
	Published string `json:"published"`
	Object    note   `json:"object"`
}

// WriteActivityStreams writes n Create/Note activities, one per line, by
// about n/10 (at most 100,000) distinct authors, about a third of them
// replies.
func WriteActivityStreams(w io.Writer, n int, seed uint64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	users := max(min(n/10, 100_000), 1)
	for i := 0; i < n; i++ {
		if err := enc.Encode(activity(rng, i, users)); err != nil {
			return fmt.Errorf("write benchmark data: %w", err)
		}
	}
	return bw.Flush()
}

func activity(rng *rand.Rand, i, users int) create {
	u := rng.IntN(users)
	host := "https://social" + strconv.Itoa(u%7) + ".example"
	actorID := host + "/users/u" + strconv.Itoa(u)
	brand := brands[rng.IntN(len(brands))]
	at := base.Add(time.Duration(i) * 7 * time.Second).Format(time.RFC3339)
	n := note{Type: "Note", ID: actorID + "/statuses/" + strconv.Itoa(i), AttributedTo: actorID, Published: at,
		URL: host + "/@u" + strconv.Itoa(u) + "/" + strconv.Itoa(i),
		Tag: []tag{{Type: "Mention", Href: "https://brand.example/users/" + brand, Name: "@" + brand + "@brand.example"},
			{Type: "Hashtag", Href: host + "/tags/" + brand, Name: "#" + brand}}}
	n.Content = "<p><span class=\"h-card\"><a href=\"https://brand.example/@" + brand + "\" class=\"u-url mention\">@<span>" +
		brand + "</span></a></span> " + sentence(rng) + " <a href=\"" + host + "/tags/" + brand + "\" class=\"mention hashtag\">#<span>" + brand + "</span></a></p>"
	if i > 0 && rng.IntN(3) == 0 {
		n.InReplyTo = "https://social" + strconv.Itoa(rng.IntN(7)) + ".example/users/u" + strconv.Itoa(rng.IntN(users)) + "/statuses/" + strconv.Itoa(rng.IntN(i))
	}
	return create{Context: "https://www.w3.org/ns/activitystreams", Type: "Create", ID: n.ID + "/activity",
		Actor: actor{Type: "Person", ID: actorID, PreferredUsername: "u" + strconv.Itoa(u), Name: "User " + strconv.Itoa(u),
			Summary: "<p>I drink coffee</p>", URL: host + "/@u" + strconv.Itoa(u),
			Followers: map[string]any{"type": "Collection", "totalItems": 10 + u%5000}},
		Published: at, Object: n}
}

func sentence(rng *rand.Rand) string {
	k := 8 + rng.IntN(12)
	b := make([]byte, 0, 128)
	for j := 0; j < k; j++ {
		if j > 0 {
			b = append(b, ' ')
		}
		b = append(b, words[rng.IntN(len(words))]...)
	}
	return string(b)
}

// WriteAirlineCSV writes n rows in the column layout of the Twitter US
// Airline Sentiment CSV (with quoted fields, some multi-line).
func WriteAirlineCSV(w io.Writer, n int, seed uint64) error {
	cw := csv.NewWriter(w)
	header := []string{"tweet_id", "airline_sentiment", "airline_sentiment_confidence", "negativereason", "negativereason_confidence",
		"airline", "airline_sentiment_gold", "name", "negativereason_gold", "retweet_count", "text", "tweet_coord",
		"tweet_created", "tweet_location", "user_timezone"}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write benchmark data: %w", err)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	airlines := []string{"United", "US Airways", "American", "Southwest", "Delta", "Virgin America"}
	labels := []string{"negative", "neutral", "positive"}
	users := max(n/2, 1)
	for i := 0; i < n; i++ {
		text := "@" + airlines[i%6] + " " + sentence(rng)
		if i%100 == 0 {
			text += "\nsecond line, \"quoted\""
		}
		at := base.Add(time.Duration(i) * 3 * time.Second).In(time.FixedZone("", -8*3600)).Format("2006-01-02 15:04:05 -0700")
		row := []string{strconv.Itoa(570306133677760513 + i), labels[rng.IntN(3)], "1.0", "", "", airlines[i%6], "",
			"user" + strconv.Itoa(rng.IntN(users)), "", strconv.Itoa(rng.IntN(5)), text, "", at, "", "Eastern Time (US & Canada)"}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write benchmark data: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}

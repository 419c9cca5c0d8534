package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportEveryFixture imports every real API payload in
// ../shared/data/fixtures through the CLI, format detected.
func TestImportEveryFixture(t *testing.T) {
	root := sharedData(t, "fixtures")
	// The W3C examples have no ids and no dates: rejected, with the reason.
	tests := []struct {
		file, format  string
		minActivities int64
	}{
		{"activitystreams/create_note.json", "activitystreams", 0},
		{"activitystreams/note_with_replies.json", "activitystreams", 0},
		{"activitystreams/like.json", "activitystreams", 0},
		{"activitystreams/delete.json", "activitystreams", 0},
		{"activitystreams/ordered_collection_page.json", "activitystreams", 0},
		{"twitter/v2_search_all_twarc2.jsonl", "twitter", 1},
		{"twitter/v2_tweet_lookup_with_mentions_twarc2.jsonl", "twitter", 1},
		{"twitter/v2_retweeted_by_tweepy.json", "twitter", 0},
		{"mastodon/status_reply.json", "mastodon", 1},
		{"mastodon/status_reblog.json", "mastodon", 2},
		{"mastodon/notifications_mention.json", "mastodon", 1},
		{"mastodon/streaming_user_update.sse.txt", "mastodon", 1},
		{"mastodon/favourited_by_accounts.json", "mastodon", 0},
		{"bluesky/jetstream_v1_events.jsonl", "bluesky", 100},
		{"reddit/comments_thread_context.json", "reddit", 3},
		{"reddit/submission_comments.json", "reddit", 2},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			dir, cfg := setupConfig(t)
			s, r := importJSON(t, dir, append(cfg, filepath.Join(root, tt.file))...)
			if r.code != 0 && r.code != ExitRejected {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			f := s.Files[0]
			if f.Format != tt.format {
				t.Errorf("detected %q, want %q", f.Format, tt.format)
			}
			if f.Created < tt.minActivities || f.Read == 0 {
				t.Errorf("%+v: want at least %d activities", f, tt.minActivities)
			}
			if f.Rej > 0 && !strings.Contains(r.stderr, "rejected "+filepath.Join(root, tt.file)+":") {
				t.Errorf("rejects not reported with file and position:\n%s", r.stderr)
			}
			s2, _ := importJSON(t, dir, append(cfg, filepath.Join(root, tt.file))...)
			if s2.Total.Created != 0 || s2.Total.Updated != 0 {
				t.Errorf("second import of the same file: %+v, want nothing new or updated", s2.Total)
			}
		})
	}
}

// TestImportAirlineCSV imports the real Twitter US Airline Sentiment CSV
// with the repository's example configuration.
func TestImportAirlineCSV(t *testing.T) {
	csv := sharedData(t, "airline-sentiment/Tweets.csv")
	dir := t.TempDir()
	cfg := []string{"--config", filepath.Join("..", "..", "examples", "airlines.toml")}
	s, r := importJSON(t, dir, append(cfg, csv)...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	// 14,640 rows, 14,485 distinct ids: 36 duplicates are identical rows,
	// the others differ in labels and update the stored attributes.
	f := s.Files[0]
	if f.Format != "csv" || f.Read != 14640 || f.Created != 14485 || f.Rej != 0 || f.Created+f.Updated+f.Unch != 14640 {
		t.Fatalf("summary %+v", f)
	}
	st := runCLI(t, dir, "", append([]string{"status", "--json"}, cfg...)...)
	var statuses []struct {
		Activities int64 `json:"activities"`
		People     int64 `json:"people"`
		ByBrand    []struct {
			Key   string `json:"key"`
			Count int64  `json:"count"`
		} `json:"by_brand"`
		First string `json:"first"`
		Last  string `json:"last"`
	}
	if err := json.Unmarshal([]byte(st.stdout), &statuses); err != nil {
		t.Fatal(err)
	}
	got := statuses[0]
	if got.Activities != 14485 || got.First != "2015-02-17T07:36:05Z" || got.Last != "2015-02-24T19:53:37Z" {
		t.Errorf("status %+v", got)
	}
	byBrand := map[string]int64{}
	for _, c := range got.ByBrand {
		byBrand[c.Key] = c.Count
	}
	// Every tweet is about its labelled airline, at least.
	for brand, min := range map[string]int64{"united": 3800, "us-airways": 2900, "american": 2700, "southwest": 2400, "delta": 2200, "virgin-america": 500} {
		if byBrand[brand] < min {
			t.Errorf("brand %s: %d activities, want at least %d (%v)", brand, byBrand[brand], min, byBrand)
		}
	}
	s2, _ := importJSON(t, dir, append(cfg, csv)...)
	if s2.Total.Created != 0 {
		t.Errorf("re-import created %d", s2.Total.Created)
	}
	if p := runCLI(t, dir, "", append([]string{"person", "twitter:@jnardino"}, cfg...)...); p.code != 0 || !strings.Contains(p.stdout, "jnardino") {
		t.Errorf("person: %+v", p)
	}
}

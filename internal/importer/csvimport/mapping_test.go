package csvimport

import (
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
)

func TestFieldOrder(t *testing.T) {
	want := []string{fID: "id", fText: "text", fAuthor: "author", fAuthorID: "author_id",
		fAuthorName: "author_name", fAuthorBio: "author_bio", fFollowers: "followers",
		fFollowing: "following", fCreated: "created", fNetwork: "network", fKind: "kind",
		fInReplyTo: "in_reply_to", fReplyToAuthor: "reply_to_author", fSubject: "subject",
		fSubjectAuthor: "subject_author", fConversation: "conversation", fURL: "url",
		fLang: "lang", fLikes: "likes", fShares: "shares", fReplies: "replies",
		fQuotes: "quotes", fBrand: "brand"}
	if len(columnFields) != nFields || len(want) != nFields {
		t.Fatalf("%d column fields, %d constants", len(columnFields), nFields)
	}
	for i, f := range columnFields {
		if f.key != want[i] {
			t.Errorf("field %d is %q, constant says %q", i, f.key, want[i])
		}
	}
}

func TestParseMapping(t *testing.T) {
	base := map[string]string{"id": "ID", "author": "user", "created": "when"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] == "-" {
				delete(m, kv[i])
			} else {
				m[kv[i]] = kv[i+1]
			}
		}
		return m
	}
	la, _ := time.LoadLocation("America/Los_Angeles")
	tests := []struct {
		name  string
		pairs map[string]string
		check func(Mapping) bool
		err   string
	}{
		{"minimal", base, func(m Mapping) bool { return m.ID == "ID" && m.Author == "user" && m.Created == "when" }, ""},
		{"author_id only", with("author", "-", "author_id", "uid"), func(m Mapping) bool { return m.AuthorID == "uid" }, ""},
		{"network constant", with("network", "=mastodon"), func(m Mapping) bool { return m.Network == "=mastodon" }, ""},
		{"network column", with("network", "platform"), func(m Mapping) bool { return m.Network == "platform" }, ""},
		{"kind constant", with("kind", "=retweet"), func(m Mapping) bool { return m.Kind == "=retweet" }, ""},
		{"attrs", with("attr.sentiment", "label", "attr.x y", "col"), func(m Mapping) bool {
			return m.Attrs["sentiment"] == "label" && m.Attrs["x y"] == "col"
		}, ""},
		{"tab", with("delimiter", `\t`), func(m Mapping) bool { return m.Delimiter == '\t' }, ""},
		{"tab char", with("delimiter", "\t"), func(m Mapping) bool { return m.Delimiter == '\t' }, ""},
		{"semicolon", with("delimiter", ";"), func(m Mapping) bool { return m.Delimiter == ';' }, ""},
		{"zone", with("time_zone", "America/Los_Angeles"), func(m Mapping) bool { return m.TimeZone.String() == la.String() }, ""},
		{"format", with("time_format", "unix_ms"), func(m Mapping) bool { return m.TimeFormat == "unix_ms" }, ""},
		{"text_html", with("text_html", "true"), func(m Mapping) bool { return m.TextHTML }, ""},
		{"missing id", with("id", "-"), nil, "no column for id"},
		{"missing all", map[string]string{"text": "t"}, nil, "no column for id, author (or author_id), created"},
		{"unknown field", with("colour", "c"), nil, `unknown field "colour"`},
		{"empty column", with("text", " "), nil, "text: empty column name"},
		{"bad network", with("network", "=Twit ter"), nil, `invalid network "Twit ter"`},
		{"bad kind", with("kind", "=poke"), nil, `kind: unknown value "poke"`},
		{"bad zone", with("time_zone", "Mars/Olympus"), nil, `unknown zone "Mars/Olympus"`},
		{"bad delimiter", with("delimiter", ";;"), nil, "delimiter: want one character"},
		{"quote delimiter", with("delimiter", `"`), nil, "delimiter"},
		{"bad bool", with("text_html", "maybe"), nil, "text_html: want true or false"},
		{"empty attr", with("attr.", "x"), nil, "want attr.NAME = column"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMapping(tt.pairs)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				if herald.ErrorCode(err) != herald.EInvalid {
					t.Errorf("code %q", herald.ErrorCode(err))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(m) {
				t.Errorf("mapping %+v", m)
			}
		})
	}
}

func TestLoadMapping(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]string
		err      string
	}{
		{"toml", "# comment\n\nid = \"tweet_id\"\nnetwork = \"=twitter\" # constant\nattr.sentiment = 'airline_sentiment'\ndelimiter = \"\\t\"\ntext_html = true\n",
			map[string]string{"id": "tweet_id", "network": "=twitter", "attr.sentiment": "airline_sentiment", "delimiter": "\t", "text_html": "true"}, ""},
		{"bare values", "\uFEFFid=tweet id  # spaces kept inside\n  author = name\r\n",
			map[string]string{"id": "tweet id", "author": "name"}, ""},
		{"quoted hash", `text = "col # 1"`, map[string]string{"text": "col # 1"}, ""},
		{"quoted attr", `attr."user location" = "Location"`, map[string]string{"attr.user location": "Location"}, ""},
		{"equals in value", `network = "=twitter"`, map[string]string{"network": "=twitter"}, ""},
		{"no equals", "id = a\nauthor name\n", nil, "mapping line 2: want field = column"},
		{"table", "[mapping]\n", nil, "mapping line 1: tables"},
		{"unterminated", "id = \"abc\n", nil, "mapping line 1: unterminated quoted string"},
		{"junk after", "id = \"a\" b\n", nil, `mapping line 1: unexpected "b"`},
		{"duplicate", "id = a\n\nid = b\n", nil, "mapping line 3: id given twice (first on line 1)"},
		{"empty value", "id =\n", nil, "mapping line 1: missing column"},
		{"bad key", "i d = x\n", nil, `mapping line 1: bad field name "i d"`},
		{"empty key", "= x\n", nil, "mapping line 1: missing field name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadMapping(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestLoadMappingRoundTrip(t *testing.T) {
	file := "id = \"tweet_id\"\nauthor = \"name\"\ncreated = \"tweet_created\"\nnetwork = \"=twitter\"\nattr.mood = \"airline_sentiment\"\ndelimiter = \";\"\n"
	pairs, err := LoadMapping(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMapping(pairs)
	if err != nil {
		t.Fatal(err)
	}
	if m.Network != "=twitter" || m.Attrs["mood"] != "airline_sentiment" || m.Delimiter != ';' {
		t.Errorf("mapping %+v", m)
	}
}

func TestPresetAndGuess(t *testing.T) {
	tests := []struct {
		header []string
		preset string
		err    string
		check  func(Mapping) bool
	}{
		{strings.Split("tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,negativereason_confidence,airline,airline_sentiment_gold,name,negativereason_gold,retweet_count,text,tweet_coord,tweet_created,tweet_location,user_timezone", ","), "airline", "", nil},
		{strings.Split("tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id", ","), "twcs", "", nil},
		{strings.Split(",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id", ","), "twcs", "", nil},
		{[]string{"ID", "Body", "User Name", "Date"}, "", "", func(m Mapping) bool {
			return m.ID == "ID" && m.Text == "Body" && m.Author == "User Name" && m.Created == "Date"
		}},
		{[]string{"id", "content", "username", "name", "timestamp", "retweets", "platform"}, "", "", func(m Mapping) bool {
			return m.Author == "username" && m.AuthorName == "name" && m.Shares == "retweets" && m.Network == "platform"
		}},
		{[]string{"post_id", "message", "user_id", "published_at"}, "", "", func(m Mapping) bool {
			return m.AuthorID == "user_id" && m.Author == ""
		}},
		{[]string{"a", "text", "b"}, "", `cannot tell which column holds the id, author, timestamp (created); header columns: "a", "text", "b"`, nil},
	}
	for _, tt := range tests {
		m, name, ok := Preset(tt.header)
		if name != tt.preset || ok != (tt.preset != "") {
			t.Errorf("Preset(%q) = %q, %v", tt.header, name, ok)
		}
		if ok {
			if _, err := bind(m, tt.header); err != nil {
				t.Errorf("preset %s does not bind: %v", name, err)
			}
			continue
		}
		m, err := Guess(tt.header)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Guess(%q) err = %v, want %q", tt.header, err, tt.err)
			}
			continue
		}
		if err != nil || !tt.check(m) {
			t.Errorf("Guess(%q) = %+v, %v", tt.header, m, err)
		}
	}
}

package csvimport

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald"
)

// summary renders records as "line: id" or "line: error" lines.
func summary(recs []herald.Record) []string {
	var out []string
	for _, r := range recs {
		switch {
		case r.Preamble:
		case r.Err != nil:
			out = append(out, fmt.Sprintf("%d: %v", r.Pos, r.Err))
		default:
			out = append(out, fmt.Sprintf("%d: %s", r.Pos, r.Activity.ExternalID))
		}
	}
	return out
}

const hdr = "id,author,text,created_at,retweet_count\n"

func TestParseRows(t *testing.T) {
	tests := []struct {
		name, in string
		pairs    map[string]string // nil: preset or guess
		want     []string
		fatal    string
	}{
		{"empty", "", nil, nil, ""},
		{"bom only", "\uFEFF", nil, nil, ""},
		{"header only", hdr, nil, nil, ""},
		{"bom", "\uFEFF" + hdr + "1,al,hi,2015-02-24,0\n", nil, []string{"2: 1"}, ""},
		{"crlf and multiline", strings.ReplaceAll(hdr, "\n", "\r\n") + "1,al,\"a\r\nb\",2015-02-24,0\r\n2,bo,c,2015-02-24,0\r\n", nil,
			[]string{"2: 1", "4: 2"}, ""},
		{"blank lines", hdr + "\n1,al,hi,2015-02-24,0\n\n\n2,bo,hi,2015-02-24,\n", nil, []string{"3: 1", "6: 2"}, ""},
		{"field count", hdr + "1,al,hi,2015-02-24\n2,bo,hi,2015-02-24,0,x\n3,cy,hi,2015-02-24,0\n", nil,
			[]string{"2: row has 4 fields, header has 5", "3: row has 6 fields, header has 5", "4: 3"}, ""},
		{"bare quote then good rows", hdr + "1,al,say \"hi\",2015-02-24,0\n2,bo,\"ok\"x,2015-02-24,0\n3,cy,fine,2015-02-24,0\n", nil,
			[]string{"2: malformed CSV: bare \" in non-quoted-field", "3: malformed CSV: extraneous or missing \" in quoted-field", "4: 3"}, ""},
		{"unterminated quote", hdr + "1,al,fine,2015-02-24,0\n2,bo,\"open,2015-02-24,0\n3,cy,x,2015-02-24,0\n", nil,
			[]string{"2: 1", "3: malformed CSV: extraneous or missing \" in quoted-field"}, ""},
		{"invalid utf8", hdr + "1,al,caf\xe9,2015-02-24,0\n2,b\xffo,x,2015-02-24,0\n", nil,
			[]string{"2: invalid UTF-8 in column text", "3: invalid UTF-8 in column author"}, ""},
		{"invalid utf8 in unmapped column", "id,author,text,created_at,junk\n1,al,x,2015-02-24,\xff\n", nil, []string{"2: 1"}, ""},
		{"missing values", hdr + ",al,x,2015-02-24,0\n2,,x,2015-02-24,0\n3,cy,x,,0\n4,@,x,2015-02-24,0\n", nil,
			[]string{"2: missing id", "3: missing author", "4: missing timestamp", "5: missing author"}, ""},
		{"bad timestamp", hdr + "1,al,x,someday,0\n", nil,
			[]string{`2: created_at: cannot parse "someday" as a timestamp (tried ` + triedFormats + ")"}, ""},
		{"bad counts", hdr + "1,al,x,2015-02-24,-3\n2,al,x,2015-02-24,many\n3,al,x,2015-02-24,3.0\n4,al,x,2015-02-24,3.5\n", nil,
			[]string{"2: retweet_count: -3 is negative", `3: retweet_count: "many" is not an integer`, "4: 3", `5: retweet_count: "3.5" is not an integer`}, ""},
		{"duplicate header", "id,text,author,text,created\n", nil, nil, `csv: header: duplicate column "text" (columns 2 and 4)`},
		{"duplicate empty header names", ",,id,author,text,created\n,,1,al,x,2015-02-24\n", nil, []string{"2: 1"}, ""},
		{"header parse error", "id,\"au\"thor\n", nil, nil, "csv: header: line 1"},
		{"header invalid utf8", "id,\xff\n", nil, nil, "csv: header: invalid UTF-8 in column 2"},
		{"guess fails", "a,b\n1,2\n", nil, nil, `cannot tell which column holds the id, text, author, timestamp (created); header columns: "a", "b"`},
		{"mapping names a missing column", hdr, map[string]string{"id": "id", "author": "author", "created": "date"}, nil,
			`created: no column "date" in the header (columns: "id", "author", "text", "created_at", "retweet_count")`},
		{"mapping case-insensitive", hdr + "1,al,x,2015-02-24,0\n", map[string]string{"id": "ID", "author": "Author", "created": "CREATED_AT"}, []string{"2: 1"}, ""},
		{"bad kind and network", "id,author,ts,kind,net\n1,al,2015-02-24,poke,twitter\n2,al,2015-02-24,like,Bad Net\n3,al,2015-02-24,,\n",
			map[string]string{"id": "id", "author": "author", "created": "ts", "kind": "kind", "network": "net"},
			[]string{`2: kind: unknown value "poke" (want post, reply, share, quote, like or follow)`, `3: net: invalid network "bad net"`, "4: missing network"}, ""},
		{"semicolons", "id;author;created\n1;al;2015-02-24\n2;al\n", map[string]string{"id": "id", "author": "author", "created": "created", "delimiter": ";"},
			[]string{"2: 1", "3: row has 2 fields, header has 3"}, ""},
		{"tabs", "id\tauthor\tcreated\n1\tal\t1424806552\n", map[string]string{"id": "id", "author": "author", "created": "created", "delimiter": `\t`},
			[]string{"2: 1"}, ""},
		{"pandas float ids", ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n0,1.0,al,True,Tue Oct 31 22:10:47 +0000 2017,x,,3.0\n", nil,
			[]string{"2: 1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m *Mapping
			if tt.pairs != nil {
				mm, err := ParseMapping(tt.pairs)
				if err != nil {
					t.Fatal(err)
				}
				m = &mm
			}
			recs, err := parseAll(t, tt.in, m)
			if tt.fatal != "" {
				if err == nil || !strings.Contains(err.Error(), tt.fatal) {
					t.Fatalf("err = %v, want %q", err, tt.fatal)
				}
				if herald.ErrorCode(err) != herald.EInvalid {
					t.Errorf("error code %q, want invalid", herald.ErrorCode(err))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(recs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			checkRecords(t, recs)
		})
	}
}

// The header and the rejected rows, written out, make a file that parses to
// the same rejects: nothing is lost.
func TestRejectsReimport(t *testing.T) {
	in := "\uFEFFid,author,text,created_at,retweet_count\r\n" +
		"1,al,\"multi\nline, \"\"quoted\"\"\",2015-02-24,-3\r\n" +
		"2,bo,ok,2015-02-24,1\r\n" +
		"3,cy, lead space,nope,0\r\n" +
		"4,dee,\"x\",2015-02-24\r\n" +
		"5,ed,bad\"quote,2015-02-24,0\r\n"
	recs, err := parseAll(t, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	var file strings.Builder
	var want []string
	for _, r := range recs {
		if r.Preamble || r.Err != nil {
			file.Write(r.Raw)
		}
		if r.Err != nil {
			want = append(want, r.Err.Error())
		}
	}
	if len(want) != 4 {
		t.Fatalf("rejects %q", want)
	}
	again, err := parseAll(t, file.String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range again {
		if r.Err != nil {
			got = append(got, r.Err.Error())
		} else if !r.Preamble {
			t.Errorf("re-import yields a good row: %+v", r.Activity)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("re-import rejects %q, want %q\nfile:\n%s", got, want, file.String())
	}
	if string(recs[0].Raw) != "id,author,text,created_at,retweet_count\n" {
		t.Errorf("preamble %q", recs[0].Raw)
	}
	if raw := string(recs[len(recs)-1].Raw); raw != "5,ed,bad\"quote,2015-02-24,0\r\n" {
		t.Errorf("malformed row Raw %q, want its exact bytes", raw)
	}
}

func TestParseActivity(t *testing.T) {
	in := "ID,Handle,UID,Name,Bio,Fans,When,Net,Kind,Parent,To,Link,Lang,Likes,RTs,Replies,Brand,Label,Big,Body\n" +
		"7,@Alice,u1,Alice A,bio,10,2015-02-24 11:35:52,=ignored,,99.0,,https://x/7,en,5,,2, Acme ,pos," + strings.Repeat("é", 3000) + ",\"@bob ok &amp; #Tag https://t.co/z\"\n"
	m, err := ParseMapping(map[string]string{
		"id": "ID", "author": "Handle", "author_id": "UID", "author_name": "Name", "author_bio": "Bio",
		"followers": "Fans", "created": "When", "time_zone": "America/Los_Angeles", "network": "=mastodon",
		"in_reply_to": "Parent", "url": "Link", "lang": "Lang", "likes": "Likes", "shares": "RTs",
		"replies": "Replies", "brand": "Brand", "attr.label": "Label", "attr.big": "Big", "text": "Body",
		"text_html": "true", "kind": "Kind", "reply_to_author": "To",
	})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := parseAll(t, in, &m)
	if err != nil || len(recs) != 2 || recs[1].Err != nil {
		t.Fatalf("%v %+v", err, recs)
	}
	a := recs[1].Activity
	checks := []struct {
		name      string
		got, want any
	}{
		{"network", a.Network, herald.Network("mastodon")},
		{"kind", a.Kind, herald.KindReply},
		{"in_reply_to", a.InReplyTo, "99"},
		{"reply_to_author", a.InReplyToAuthor, ""},
		{"author", a.Author, herald.Identity{Network: "mastodon", ExternalID: "u1", Handle: "Alice", DisplayName: "Alice A",
			Bio: "bio", Followers: 10, Following: -1, ObservedAt: a.CreatedAt}},
		{"created", a.CreatedAt.Format("2006-01-02T15:04:05Z07:00"), "2015-02-24T19:35:52Z"},
		{"text", a.Text, "@bob ok & #Tag https://t.co/z"},
		{"entities", [][]string{a.Mentions, a.Hashtags, a.Links}, [][]string{{"bob"}, {"Tag"}, {"https://t.co/z"}}},
		{"metrics", a.Metrics, herald.Metrics{Likes: 5, Shares: -1, Replies: 2, Quotes: -1}},
		{"url, lang", a.URL + " " + a.Lang, "https://x/7 en"},
		{"attrs", []any{a.Attributes["brand"], a.Attributes["label"], len(a.Attributes["big"]), len(a.Attributes)}, []any{"Acme", "pos", MaxAttrBytes, 3}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

func TestParseConstantKind(t *testing.T) {
	m, _ := ParseMapping(map[string]string{"id": "id", "author": "who", "created": "at", "kind": "=favourite", "subject": "liked", "subject_author": "of"})
	recs, err := parseAll(t, "id,who,at,liked,of\n1,al,1424806552,55,@bob\n", &m)
	if err != nil {
		t.Fatal(err)
	}
	a := recs[1].Activity
	if a.Kind != herald.KindLike || a.Subject != "55" || a.SubjectAuthor != "bob" || a.Network != herald.Twitter {
		t.Errorf("%+v", a)
	}
}

func TestParseStops(t *testing.T) {
	in := hdr + strings.Repeat("1,al,x,2015-02-24,0\n", 1000)
	stop := errors.New("stop")
	n := 0
	err := Parse(context.Background(), strings.NewReader(in), nil, func(herald.Record) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("emit error: err %v after %d records", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Parse(ctx, strings.NewReader(in), nil, func(herald.Record) error {
		if n++; n == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n > 10+ctxEvery {
		t.Errorf("cancel: err %v after %d records", err, n)
	}
}

type failingReader struct{ n int }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n > 0 {
		return 0, errors.New("disk on fire")
	}
	f.n++
	return copy(p, hdr+"1,al,x,2015-02-24,0\n2,b"), nil
}

func TestParseIOError(t *testing.T) {
	var recs []herald.Record
	err := Parse(context.Background(), &failingReader{}, nil, func(r herald.Record) error { recs = append(recs, r); return nil })
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v", err)
	}
	if len(recs) != 2 {
		t.Errorf("%d records before the error", len(recs))
	}
}

func TestParseTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 16 MiB")
	}
	in := hdr + "1,al,x,2015-02-24,0\n2,al,\"" + strings.Repeat("x", herald.MaxRecordBytes+8192)
	recs, err := parseAll(t, in, nil)
	if err == nil || !strings.Contains(err.Error(), "row on line 3") || !strings.Contains(err.Error(), "larger than 16 MiB") {
		t.Errorf("err = %v", err)
	}
	if len(recs) != 2 {
		t.Errorf("%d records", len(recs))
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{hdr, true},
		{"\uFEFFtweet_id,text\r\n1,x", true},
		{",tweet_id,author_id\n0,1,x", true},
		{"id,text", true},
		{"id;text\n", false},
		{"id\n1\n", false},
		{",\n", false},
		{`{"id":1,"text":"x"}` + "\n", false},
		{`[{"id":1},{"id":2}]`, false},
		{"<?xml version=\"1.0\", x?>\n", false},
		{"id,te\xffxt\n", false},
		{"id,\"te\"xt\n", false},
		{"id,t\x01ext\n", false},
		{"id," + strings.Repeat("x", 300) + "\n", false},
		{strings.Repeat("a,", 10000), false},
		{"", false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%.40q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

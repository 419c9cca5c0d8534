package csvimport

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// recordStarts returns the line on which each CSV record after the header
// starts, by a quote-aware scan independent of encoding/csv.
func recordStarts(data []byte) []int64 {
	var starts []int64
	line, quoted, atStart := int64(1), false, true
	for _, c := range data {
		if atStart && c != '\n' {
			starts = append(starts, line)
			atStart = false
		}
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n':
			line++
			atStart = !quoted
		}
	}
	return starts[1:]
}

func TestAirlineCSV(t *testing.T) {
	path := filepath.Join(importertest.SharedData(t, "airline-sentiment"), "Tweets.csv")
	recs := parseFile(t, path, nil)
	acts, rejects := split(t, recs)
	if len(rejects) != 0 {
		t.Fatalf("%d rejects, first: line %d: %v", len(rejects), rejects[0].Pos, rejects[0].Err)
	}
	if len(acts) != 14640 {
		t.Fatalf("got %d activities, want 14640", len(acts))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if starts := recordStarts(data); !reflect.DeepEqual(positions(recs[1:]), starts) {
		t.Errorf("Pos differs from the line each record starts on")
	}
	checkAirlineTexts(t, acts)
	checkAirlineTimes(t, acts)
	checkAirlineCounts(t, acts)
}

func positions(recs []herald.Record) []int64 {
	var pos []int64
	for _, r := range recs {
		pos = append(pos, r.Pos)
	}
	return pos
}

func checkAirlineTexts(t *testing.T, acts []*herald.Activity) {
	multi, newlines, ids := 0, 0, map[string]bool{}
	for _, a := range acts {
		ids[a.ExternalID] = true
		newlines += strings.Count(a.Text, "\n")
		if strings.Contains(a.Text, "\n") {
			multi++
		}
		if strings.Contains(a.Text, "&amp;") || strings.Contains(a.Text, "&gt;") {
			t.Errorf("%s: undecoded entity in %q", a.ExternalID, a.Text)
		}
		if a.Author.Handle == "" || a.Author.ExternalID != "" {
			t.Errorf("%s: author %+v", a.ExternalID, a.Author)
		}
		if err := importertest.Validate(a, time.Now()); err != nil {
			t.Errorf("%s: %v", a.ExternalID, err)
		}
	}
	if len(ids) != 14485 || multi != 138 || newlines != 205 {
		t.Errorf("unique ids %d (want 14485), texts with newlines %d (want 138), newlines %d (want 205)", len(ids), multi, newlines)
	}
}

func checkAirlineTimes(t *testing.T, acts []*herald.Activity) {
	lo, _ := time.Parse(time.RFC3339, "2015-02-16T23:36:05-08:00")
	hi, _ := time.Parse(time.RFC3339, "2015-02-24T11:53:37-08:00")
	first, last := acts[0].CreatedAt, acts[0].CreatedAt
	for _, a := range acts {
		if a.CreatedAt.Location() != time.UTC {
			t.Fatalf("%s: CreatedAt not UTC", a.ExternalID)
		}
		if a.CreatedAt.Before(first) {
			first = a.CreatedAt
		}
		if a.CreatedAt.After(last) {
			last = a.CreatedAt
		}
	}
	if !first.Equal(lo) || !last.Equal(hi) {
		t.Errorf("timestamps run %v .. %v, want %v .. %v", first, last, lo, hi)
	}
}

func checkAirlineCounts(t *testing.T, acts []*herald.Activity) {
	brands, sentiments := map[string]int{}, map[string]int{}
	for _, a := range acts {
		brands[a.Attributes["brand"]]++
		sentiments[a.Attributes["sentiment"]]++
		if a.Metrics.Shares < 0 || a.Metrics.Shares > 44 {
			t.Errorf("%s: shares %d", a.ExternalID, a.Metrics.Shares)
		}
	}
	wantBrands := map[string]int{"United": 3822, "US Airways": 2913, "American": 2759, "Southwest": 2420, "Delta": 2222, "Virgin America": 504}
	wantSentiments := map[string]int{"negative": 9178, "neutral": 3099, "positive": 2363}
	if !reflect.DeepEqual(brands, wantBrands) {
		t.Errorf("brands %v, want %v", brands, wantBrands)
	}
	if !reflect.DeepEqual(sentiments, wantSentiments) {
		t.Errorf("sentiments %v, want %v", sentiments, wantSentiments)
	}
}

func TestTWCS(t *testing.T) {
	dir := importertest.SharedData(t, "twcs")
	tests := []struct {
		file          string
		rows, inbound int
	}{
		{"sample.csv", 93, 49},
		{"twcs_first5000.csv", 5000, 2778},
		{"twcs_first5000_pandas_export.csv", 5000, 2778},
	}
	got := map[string][]*herald.Activity{}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			acts, rejects := split(t, parseFile(t, filepath.Join(dir, tt.file), nil))
			for _, r := range rejects {
				t.Errorf("line %d rejected: %v", r.Pos, r.Err)
			}
			inbound := 0
			for _, a := range acts {
				if a.Attributes["inbound"] == "True" {
					inbound++
				}
				checkTWCSActivity(t, a)
			}
			if len(acts) != tt.rows || inbound != tt.inbound {
				t.Errorf("%d activities, %d inbound; want %d, %d", len(acts), inbound, tt.rows, tt.inbound)
			}
			got[tt.file] = acts
		})
	}
	comparePandas(t, got["twcs_first5000.csv"], got["twcs_first5000_pandas_export.csv"])
}

func checkTWCSActivity(t *testing.T, a *herald.Activity) {
	t.Helper()
	if err := importertest.Validate(a, time.Now()); err != nil {
		t.Errorf("%s: %v", a.ExternalID, err)
	}
	if strings.Contains(a.InReplyTo, ".") {
		t.Errorf("%s: in_reply_to %q", a.ExternalID, a.InReplyTo)
	}
	if (a.Kind == herald.KindReply) != (a.InReplyTo != "") {
		t.Errorf("%s: kind %s with in_reply_to %q", a.ExternalID, a.Kind, a.InReplyTo)
	}
	if a.InReplyTo != "" && strings.HasPrefix(a.Text, "@") && (len(a.Mentions) == 0 || a.InReplyToAuthor != a.Mentions[0]) {
		t.Errorf("%s: in_reply_to_author %q, mentions %v", a.ExternalID, a.InReplyToAuthor, a.Mentions)
	}
}

// comparePandas checks the pandas export decodes like the file derived from
// it, line breaks aside (encoding/csv turns a quoted CRLF into LF).
func comparePandas(t *testing.T, derived, pandas []*herald.Activity) {
	if len(derived) != len(pandas) || len(derived) == 0 {
		return
	}
	norm := strings.NewReplacer("\r\n", "\n", "\r", "\n")
	for i := range derived {
		d, p := *derived[i], *pandas[i]
		d.Text, p.Text = norm.Replace(d.Text), norm.Replace(p.Text)
		if !reflect.DeepEqual(d, p) {
			t.Errorf("row %d differs:\n derived %+v\n pandas  %+v", i+1, d, p)
			return
		}
	}
}

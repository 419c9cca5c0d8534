package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/store"
)

// exportPage is how many activities an export reads at a time: memory
// stays flat however many there are.
const exportPage = 5000

func runExport(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("export", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	format := fs.String("format", "jsonl", "csv or jsonl")
	brand := fs.String("brand", "", "only activities about this brand (slug)")
	since := fs.String("since", "", "only activities from this date (2006-01-02, UTC)")
	until := fs.String("until", "", "only activities before this date (2006-01-02, UTC)")
	out := fs.String("out", "-", "file to write (- for standard output)")
	pos, err := a.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "activities" {
		return usagef("export: want `herald export activities [flags]` (advocates: herald advocates --csv|--json)")
	}
	if *format != "csv" && *format != "jsonl" {
		return usagef("export: --format must be csv or jsonl")
	}
	f := store.ActivityFilter{Limit: exportPage}
	for _, d := range []struct {
		v   string
		dst *time.Time
	}{{*since, &f.Since}, {*until, &f.Until}} {
		if d.v == "" {
			continue
		}
		if *d.dst, err = time.Parse(time.DateOnly, d.v); err != nil {
			return usagef("export: bad date %q (want 2006-01-02)", d.v)
		}
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	if *brand != "" {
		b, err := pickBrand(ws, *brand)
		if err != nil {
			return err
		}
		f.BrandID = b.ID
	}
	w, done, err := openOutput(a, *out)
	if err != nil {
		return err
	}
	n, err := exportActivities(ctx, db, ws.ID, f, *format, w)
	if cerr := done(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export activities (after %d): %w", n, err)
	}
	fmt.Fprintf(a.env.Stderr, "exported %d activities\n", n)
	return nil
}

// openOutput opens the export's destination, buffered; done flushes and
// closes it.
func openOutput(a *app, path string) (io.Writer, func() error, error) {
	if path == "-" {
		bw := bufio.NewWriter(a.env.Stdout)
		return bw, bw.Flush, nil
	}
	file, err := os.Create(path)
	if err != nil {
		return nil, nil, fmt.Errorf("export: %w", err)
	}
	bw := bufio.NewWriter(file)
	return bw, func() error {
		if err := bw.Flush(); err != nil {
			file.Close()
			return err
		}
		return file.Close()
	}, nil
}

// exportActivities streams the filtered activities, a page at a time.
func exportActivities(ctx context.Context, db *store.DB, ws int64, f store.ActivityFilter, format string, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	cw := csv.NewWriter(w)
	if format == "csv" {
		cw.Write(activityCSVHeader)
	}
	n := 0
	for {
		acts, err := db.Activities(ctx, ws, f)
		if err != nil {
			return n, err
		}
		for _, j := range export.NewActivities(acts) {
			if format == "csv" {
				err = cw.Write(activityCSVRow(j))
			} else {
				err = enc.Encode(j)
			}
			if err != nil {
				return n, err
			}
			n++
		}
		if len(acts) < f.Limit {
			cw.Flush()
			return n, cw.Error()
		}
		f.AfterID = acts[len(acts)-1].ID
	}
}

var activityCSVHeader = []string{"id", "network", "external_id", "kind", "created_at", "author", "person_id", "text", "url",
	"brands", "stances", "lang", "sentiment", "sentiment_score", "intents", "likes", "shares", "replies"}

func activityCSVRow(j export.Activity) []string {
	var stances []string
	for _, b := range j.Brands {
		if st, ok := j.Stances[b]; ok {
			stances = append(stances, b+":"+string(st.Label))
		}
	}
	label, score := "", ""
	if j.Sentiment != nil {
		label, score = string(j.Sentiment.Label), strconv.FormatFloat(j.Sentiment.Score, 'f', 4, 64)
	}
	return []string{strconv.FormatInt(j.ID, 10), j.Network, j.ExternalID, j.Kind, j.CreatedAt.Format(time.RFC3339),
		j.Author.Handle, strconv.FormatInt(j.PersonID, 10), j.Text, j.URL, strings.Join(j.Brands, ";"),
		strings.Join(stances, ";"), j.Lang, label, score, strings.Join(j.Intents, ";"),
		optCount(j.Likes), optCount(j.Shares), optCount(j.Replies)}
}

func optCount(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}

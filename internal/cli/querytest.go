package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/text/query"
)

// queryHit is one matching text in `herald query test --json` output.
type queryHit struct {
	Source string       `json:"source"`
	Text   string       `json:"text"`
	Spans  []query.Span `json:"spans"`
}

func runQuery(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("query", a.cmd.usage)
	format := fs.String("format", "", "input format (default: detect; plain text when no record format matches)")
	plain := fs.Bool("text", false, "read the input as plain text, one post per line")
	asJSON := fs.Bool("json", false, "print matches as JSON lines")
	limit := fs.Int("limit", 0, "print at most this many matches (0: all; preview: 20); all are counted")
	slug := fs.String("workspace", "", "preview: the workspace whose posts to try (optional when there is only one)")
	scan := fs.Int("scan", 2000, "preview: how many of the latest stored posts with text to try")
	pos, err := a.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 2 && pos[0] == "preview" {
		return a.previewQuery(ctx, *slug, pos[1], *scan, *limit, *asJSON)
	}
	if len(pos) < 2 || pos[0] != "test" || len(pos) > 3 {
		return usagef(`query: want 'herald query test "QUERY" [FILE|-]' or 'herald query preview "QUERY"'`)
	}
	q, err := query.Parse(pos[1])
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			fmt.Fprintln(a.env.Stderr, caret(pos[1], qe.Line, qe.Col))
		}
		return usagef("query: %v", err)
	}
	w := bufio.NewWriter(a.env.Stdout)
	defer w.Flush()
	if len(pos) == 2 {
		fmt.Fprintf(w, "query: %s\n", q)
		return nil
	}
	in, closeIn, err := openInput(a, pos[2])
	if err != nil {
		return err
	}
	defer closeIn()
	t := &queryTest{q: q, w: w, json: *asJSON, limit: *limit}
	if err := t.each(ctx, a, pos[2], *format, *plain, in); err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stderr, "%d of %d texts match %s\n", t.matched, t.seen, q)
	return nil
}

// caret points at a column of a query's line, for error messages.
func caret(src string, line, col int) string {
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) || col < 1 {
		return ""
	}
	return "  " + lines[line-1] + "\n  " + strings.Repeat(" ", col-1) + "^"
}

type queryTest struct {
	q             *query.Query
	w             io.Writer
	json          bool
	limit         int
	seen, matched int
}

// each runs the query over every text of the input.
func (t *queryTest) each(ctx context.Context, a *app, file, format string, plain bool, in io.Reader) error {
	br := bufio.NewReaderSize(in, importer.HeadSize)
	if format == "" && !plain {
		format = detectRecords(br)
	}
	if plain || format == "" {
		sc := bufio.NewScanner(br)
		sc.Buffer(make([]byte, 64*1024), herald.MaxTextBytes+1)
		for line := 1; sc.Scan(); line++ {
			if err := t.test(fmt.Sprintf("%s:%d", file, line), sc.Text()); err != nil {
				return err
			}
		}
		return sc.Err()
	}
	parse, err := importer.Parser(format, importer.Options{})
	if err != nil {
		return err
	}
	return parse(ctx, br, func(rec herald.Record) error {
		if rec.Err != nil {
			fmt.Fprintf(a.env.Stderr, "%s:%d: %v\n", file, rec.Pos, rec.Err)
			return nil
		}
		if rec.Activity == nil || rec.Activity.Text == "" {
			return nil
		}
		return t.test(fmt.Sprintf("%s:%d", file, rec.Pos), rec.Activity.Text)
	})
}

func (t *queryTest) test(source, text string) error {
	t.seen++
	ok, spans := t.q.Match(text)
	if !ok {
		return nil
	}
	t.matched++
	if t.limit > 0 && t.matched > t.limit {
		return nil
	}
	if t.json {
		b, _ := json.Marshal(queryHit{Source: source, Text: text, Spans: spans}) // plain struct
		_, err := fmt.Fprintf(t.w, "%s\n", b)
		return err
	}
	_, err := fmt.Fprintf(t.w, "%s: %s\n", source, highlight(text, spans))
	return err
}

// highlight brackets the matched spans of a text, on one line.
func highlight(text string, spans []query.Span) string {
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(text) {
			continue
		}
		b.WriteString(text[at:s.Start])
		b.WriteString("[" + text[s.Start:s.End] + "]")
		at = s.End
	}
	b.WriteString(text[at:])
	return strings.Join(strings.Fields(b.String()), " ")
}

// previewQuery runs a query over the latest stored posts of a workspace.
func (a *app) previewQuery(ctx context.Context, slug, src string, scan, limit int, asJSON bool) error {
	if scan < 1 {
		return usagef("query preview: --scan must be at least 1")
	}
	if limit <= 0 {
		limit = 20
	}
	db, ws, err := a.openWorkspace(ctx, slug)
	if err != nil {
		return err
	}
	defer db.Close()
	p, err := insight.PreviewQuery(ctx, db, ws.ID, src, scan, limit)
	var qe *query.Error
	if errors.As(err, &qe) {
		fmt.Fprintln(a.env.Stderr, caret(src, qe.Line, qe.Col))
		return usagef("query: %v", err)
	}
	if err != nil {
		return err
	}
	w := bufio.NewWriter(a.env.Stdout)
	defer w.Flush()
	for _, h := range p.Hits {
		source := fmt.Sprintf("%s:%s", h.Activity.Network, h.Activity.ExternalID)
		if asJSON {
			b, _ := json.Marshal(queryHit{Source: source, Text: h.Activity.Text, Spans: h.Spans}) // plain struct
			fmt.Fprintf(w, "%s\n", b)
			continue
		}
		fmt.Fprintf(w, "%s %s: %s\n", h.Activity.CreatedAt.Format(time.DateOnly), source, highlight(h.Activity.Text, h.Spans))
	}
	fmt.Fprintf(a.env.Stderr, "%d of the latest %d posts of %s match %s\n", p.Matched, p.Scanned, ws.Slug, p.Query)
	return nil
}

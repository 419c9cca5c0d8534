package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/importer"
	"github.com/herald-advocacy/herald/internal/importer/csvimport"
	"github.com/herald-advocacy/herald/internal/text/query"
)

// analyzed is one line of `herald analyze` output.
type analyzed struct {
	Source   string           `json:"source"` // file:line or file:record
	ID       string           `json:"id,omitempty"`
	Network  herald.Network   `json:"network,omitempty"`
	Author   string           `json:"author,omitempty"`
	Text     string           `json:"text"`
	Analysis *herald.Analysis `json:"analysis"`
	LangConf float64          `json:"lang_confidence"`
	Intents  []string         `json:"intents"`
	Brands   []analyzedBrand  `json:"brands"`
}

type analyzedBrand struct {
	Brand    string             `json:"brand"`
	Source   herald.MatchSource `json:"source"`
	Direct   bool               `json:"direct"`
	Stance   herald.Stance      `json:"stance"`
	Spans    []query.Span       `json:"spans,omitempty"`
	Evidence string             `json:"evidence,omitempty"`
	Sarcasm  bool               `json:"sarcasm,omitempty"`
}

func runAnalyze(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("analyze", a.cmd.usage)
	brandConfig := fs.String("brand-config", "", "configuration file whose brands to match (default: --config)")
	slug := fs.String("workspace", "", "workspace of the config whose brands (and, with --db, trained model) to use")
	format := fs.String("format", "", "input format (default: detect; plain text when no record format matches)")
	plain := fs.Bool("text", false, "read the input as plain text, one post per line")
	pos, err := a.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("analyze: want at most one FILE (- or nothing for stdin)")
	}
	file := "-"
	if len(pos) == 1 {
		file = pos[0]
	}
	if *brandConfig != "" {
		a.config = *brandConfig
	}
	an, err := a.standaloneAnalyzer(ctx, *slug)
	if err != nil {
		return err
	}
	in, closeIn, err := openInput(a, file)
	if err != nil {
		return err
	}
	defer closeIn()
	out := bufio.NewWriter(a.env.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	br := bufio.NewReaderSize(in, importer.HeadSize)
	name := *format
	if name == "" && !*plain {
		name = detectRecords(br)
	}
	if *plain || name == "" {
		return analyzeLines(ctx, an, file, br, enc)
	}
	return a.analyzeRecords(ctx, an, file, name, br, enc)
}

// standaloneAnalyzer builds an analyzer from the config's brands, without
// touching a database unless one is named (--db or HERALD_DB): then the
// workspace's trained model is used too.
func (a *app) standaloneAnalyzer(ctx context.Context, slug string) (*analysis.Analyzer, error) {
	cfg, err := a.loadConfig()
	if err != nil {
		return nil, err
	}
	wss, err := cfg.Domain()
	if err != nil {
		return nil, err
	}
	ws := &herald.Workspace{Slug: "default"}
	for i := range wss {
		if wss[i].Slug == slug || (slug == "" && len(wss) == 1) {
			ws = &wss[i]
		}
	}
	if slug != "" && ws.Slug != slug {
		return nil, herald.Errorf(herald.ENotFound, "workspace %q is not in the configuration", slug)
	}
	if slug == "" && len(wss) > 1 {
		return nil, usagef("several workspaces in the configuration: choose one with --workspace")
	}
	for i := range ws.Brands {
		ws.Brands[i].ID = int64(i + 1) // brands are told apart by id
	}
	if a.db == "" && a.env.Getenv("HERALD_DB") == "" {
		return a.analyzer(ctx, nil, ws)
	}
	db, _, err := a.openDB(ctx, defaultDB)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if stored, err := db.Workspace(ctx, ws.Slug); err == nil {
		return a.analyzer(ctx, db, stored)
	}
	return a.analyzer(ctx, nil, ws)
}

// detectRecords names the record format of an input, or returns "" for
// plain text (one post per line): what is not a known record format, and
// comma-separated lines without a header Herald can map.
func detectRecords(br *bufio.Reader) string {
	head, _ := br.Peek(importer.HeadSize)
	name, err := importer.Detect(head)
	if err != nil {
		return ""
	}
	if name == csvimport.Name {
		header, err := csv.NewReader(bytes.NewReader(head)).Read()
		if err != nil {
			return ""
		}
		if _, _, ok := csvimport.Preset(header); !ok {
			if _, err := csvimport.Guess(header); err != nil {
				return ""
			}
		}
	}
	return name
}

// openInput opens a file, or standard input for "-".
func openInput(a *app, file string) (io.Reader, func(), error) {
	if file == "-" {
		return a.env.Stdin, func() {}, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// analyzeLines analyses each non-empty line as one post.
func analyzeLines(ctx context.Context, an *analysis.Analyzer, file string, r io.Reader, enc *json.Encoder) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), herald.MaxTextBytes+1)
	for line := 1; sc.Scan(); line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		text := herald.Truncate(sc.Text(), herald.MaxTextBytes)
		if text == "" {
			continue
		}
		act := &herald.Activity{Kind: herald.KindPost, Text: text}
		if err := enc.Encode(explain(an, act, fmt.Sprintf("%s:%d", file, line))); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// analyzeRecords parses records of a known format and analyses each;
// records that cannot be read are reported like import reports them.
func (a *app) analyzeRecords(ctx context.Context, an *analysis.Analyzer, file, format string, r io.Reader, enc *json.Encoder) error {
	parse, err := importer.Parser(format, importer.Options{})
	if err != nil {
		return err
	}
	rejected := 0
	err = parse(ctx, r, func(rec herald.Record) error {
		if rec.Err != nil {
			rejected++
			fmt.Fprintf(a.env.Stderr, "%s:%d: %v\n", file, rec.Pos, rec.Err)
			return nil
		}
		if rec.Activity == nil || rec.Preamble {
			return nil
		}
		rec.Activity.Normalize()
		return enc.Encode(explain(an, rec.Activity, fmt.Sprintf("%s:%d", file, rec.Pos)))
	})
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if rejected > 0 {
		fmt.Fprintf(a.env.Stderr, "herald: %d records could not be read\n", rejected)
		return errRejected
	}
	return nil
}

func explain(an *analysis.Analyzer, act *herald.Activity, source string) analyzed {
	r := an.Explain(act)
	out := analyzed{Source: source, ID: act.ExternalID, Network: act.Network, Author: act.Author.Handle, Text: act.Text,
		Analysis: act.Analysis, LangConf: r.LangConfidence, Intents: []string{}, Brands: []analyzedBrand{}}
	if act.Analysis != nil {
		out.Intents = append(out.Intents, act.Analysis.Intents.Names()...)
	}
	for i, m := range act.Brands {
		b := analyzedBrand{Brand: m.Brand, Source: m.Source, Direct: m.Direct, Stance: m.Stance, Spans: r.Spans[m.Brand]}
		if i < len(r.Stances) {
			ev := r.Stances[i].Evidence
			if ev.End > ev.Start && ev.End <= len(act.Text) {
				b.Evidence = act.Text[ev.Start:ev.End]
			}
			b.Sarcasm = r.Stances[i].Sarcasm
		}
		out.Brands = append(out.Brands, b)
	}
	return out
}

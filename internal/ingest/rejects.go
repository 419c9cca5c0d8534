package ingest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// RejectSink stores rejected records so that they can be fixed and
// re-imported. preamble is what must precede them (a CSV header), or nil.
type RejectSink interface {
	Write(r Reject, preamble []byte) error
}

// RejectFiles writes each source's rejected records, raw, to a file of its
// own next to it — Tweets.csv → Tweets.rejects.csv, page.jsonl →
// page.rejects.jsonl — or in Dir when set. Files are created on the first
// reject only, so a clean import leaves nothing behind.
type RejectFiles struct {
	Dir   string
	files map[string]*rejectFile
}

type rejectFile struct {
	f *os.File
	w *bufio.Writer
}

// PathFor returns the rejects file path for a source of the given format.
func (s *RejectFiles) PathFor(source, format string) string {
	base, dir := filepath.Base(source), filepath.Dir(source)
	if source == "-" {
		base, dir = "stdin", "."
	}
	if s.Dir != "" {
		dir = s.Dir
	}
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	switch {
	case format == "csv" && ext != ".tsv" && ext != ".txt":
		ext = ".csv"
	case format != "csv" && (ext == "" || ext == ".json"):
		ext = ".jsonl" // rejected elements of a document are written one per line
	}
	return filepath.Join(dir, stem+".rejects"+ext)
}

// Write appends a rejected record's raw bytes (one per line).
func (s *RejectFiles) Write(r Reject, preamble []byte) error {
	if s.files == nil {
		s.files = map[string]*rejectFile{}
	}
	rf, ok := s.files[r.Source]
	if !ok {
		path := s.PathFor(r.Source, r.Format)
		f, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("create rejects file: %w", err)
		}
		rf = &rejectFile{f: f, w: bufio.NewWriter(f)}
		s.files[r.Source] = rf
		if len(preamble) > 0 {
			writeLine(rf.w, preamble)
		}
	}
	writeLine(rf.w, r.Raw)
	return nil
}

func writeLine(w *bufio.Writer, b []byte) {
	w.Write(b)
	if len(b) == 0 || b[len(b)-1] != '\n' {
		w.WriteByte('\n')
	}
}

// Paths lists the rejects files written, by source.
func (s *RejectFiles) Paths() map[string]string {
	out := map[string]string{}
	for src, rf := range s.files {
		out[src] = rf.f.Name()
	}
	return out
}

// Close flushes and closes every rejects file.
func (s *RejectFiles) Close() error {
	var first error
	for _, rf := range s.files {
		if err := rf.w.Flush(); err != nil && first == nil {
			first = fmt.Errorf("write %s: %w", rf.f.Name(), err)
		}
		if err := rf.f.Close(); err != nil && first == nil {
			first = fmt.Errorf("close %s: %w", rf.f.Name(), err)
		}
	}
	return first
}

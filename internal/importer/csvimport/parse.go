package csvimport

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/herald-advocacy/herald"
)

var bom = []byte("\uFEFF")

// ctxEvery is how many rows Parse reads between checks of its context.
const ctxEvery = 256

// Parse reads CSV with a header row from r and emits one record per row,
// preceded by a Preamble record holding the header. If m is nil it uses
// Preset(header) or, failing that, Guess(header). Rows that cannot be
// imported are emitted with Err and Raw; Parse returns an error only for a
// bad header or mapping, an I/O error, a row over herald.MaxRecordBytes, ctx
// cancellation, or an error from emit (returned as is). An empty input emits
// nothing and returns nil.
func Parse(ctx context.Context, r io.Reader, m *Mapping, emit herald.Emit) error {
	comma := ','
	if m != nil && m.Delimiter != 0 {
		comma = m.Delimiter
	}
	cr, in := newReader(r, comma)
	header, err := readHeader(cr, in)
	if err != nil || header == nil {
		return err
	}
	p, err := planFor(m, header)
	if err != nil {
		return err
	}
	if err := emit(herald.Record{Preamble: true, Raw: encode(header, p.comma)}); err != nil {
		return err
	}
	return p.rows(ctx, cr, in, emit)
}

// newReader returns a CSV reader of r, without its byte order mark, reading
// through a tee that keeps the current row's bytes.
func newReader(r io.Reader, comma rune) (*csv.Reader, *tee) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
		br.Discard(len(bom))
	}
	in := &tee{r: br, limit: herald.MaxRecordBytes}
	cr := csv.NewReader(in)
	cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord = comma, -1, true
	return cr, in
}

// readHeader reads the header row; nil, nil for an empty input.
func readHeader(cr *csv.Reader, in *tee) ([]string, error) {
	rec, err := cr.Read()
	switch {
	case err == io.EOF:
		return nil, nil
	case errors.Is(err, errTooLarge):
		return nil, fmt.Errorf("csv: header: %w", err)
	case err != nil:
		return nil, fmt.Errorf("csv: header: %w", asInvalid(err))
	}
	in.release(cr.InputOffset())
	header := slices.Clone(rec)
	if err := checkHeader(header); err != nil {
		return nil, fmt.Errorf("csv: header: %w", err)
	}
	return header, nil
}

func asInvalid(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return herald.Errorf(herald.EInvalid, "line %d: %v", pe.Line, pe.Err)
	}
	return err
}

// rows reads and emits the data rows.
func (p *plan) rows(ctx context.Context, cr *csv.Reader, in *tee, emit herald.Emit) error {
	start := cr.InputOffset()
	for n := 0; ; n++ {
		if n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, err := cr.Read()
		end := cr.InputOffset()
		var out herald.Record
		var pe *csv.ParseError
		switch {
		case err == io.EOF:
			return nil
		case errors.As(err, &pe) && !errors.Is(err, errTooLarge):
			raw := bytes.Clone(in.bytes(start, end))
			out = herald.Record{Pos: int64(pe.StartLine), Raw: raw, Err: fmt.Errorf("malformed CSV: %v", pe.Err)}
		case err != nil:
			line, _ := cr.FieldPos(0)
			return fmt.Errorf("csv: row on line %d: %w", line, err)
		default:
			out = p.record(cr, rec, in.bytes(start, end))
		}
		in.release(end)
		start = end
		if err := emit(out); err != nil {
			return err
		}
	}
}

// record turns one parsed row, read from raw, into an activity or a reject.
func (p *plan) record(cr *csv.Reader, rec []string, raw []byte) herald.Record {
	line, _ := cr.FieldPos(0)
	a, err := p.activity(rec)
	if err != nil {
		return herald.Record{Pos: int64(line), Raw: encode(rec, p.comma), Err: err}
	}
	return herald.Record{Pos: int64(line), Raw: bytes.Clone(raw), Activity: a}
}

// encode writes fields as one CSV record ending in a newline.
func encode(fields []string, comma rune) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = comma
	w.Write(fields) // writes to a bytes.Buffer cannot fail
	w.Flush()
	return b.Bytes()
}

var errTooLarge = fmt.Errorf("row larger than %d MiB (an unterminated quote?)", herald.MaxRecordBytes>>20)

// tee keeps the input the CSV reader consumed since the last release, so that
// a row encoding/csv cannot parse is rejected with its exact bytes. It fails
// when a single row outgrows limit, bounding memory.
type tee struct {
	r     io.Reader
	buf   []byte // input from offset base on
	base  int64
	start int64 // offset where the row being read starts
	limit int
}

func (t *tee) Read(p []byte) (int, error) {
	if t.base+int64(len(t.buf))-t.start > int64(t.limit) {
		return 0, errTooLarge
	}
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// bytes returns the input between two offsets, valid until the next Read.
func (t *tee) bytes(from, to int64) []byte {
	return t.buf[from-t.base : to-t.base]
}

// release says the input before offset off is no longer needed. The buffer is
// compacted only once the released part is large, to copy little.
func (t *tee) release(off int64) {
	t.start = off
	k := int(off - t.base)
	if k < 32<<10 && 2*k < len(t.buf) {
		return
	}
	t.buf = t.buf[:copy(t.buf, t.buf[k:])]
	t.base = off
}

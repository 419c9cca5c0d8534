package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
)

// Page sizes of the streaming writers: how many records one query reads.
// Memory stays flat however many records there are. Variables so tests can
// force many small pages.
var (
	activityPage = 5000
	advocatePage = 1000
	peoplePage   = 1000
)

// stream writes records in one format: CSV rows under a header, JSON
// objects one per line, or one JSON array written incrementally.
type stream struct {
	format Format
	w      io.Writer
	cw     *csv.Writer
	buf    bytes.Buffer
	enc    *json.Encoder
	n      int // records written
}

// newStream validates the format and writes the CSV header or the opening
// of the JSON array.
func newStream(format Format, w io.Writer, header []string) (*stream, error) {
	if err := format.valid(); err != nil {
		return nil, err
	}
	s := &stream{format: format, w: w}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	switch format {
	case CSV:
		s.cw = csv.NewWriter(w)
		if err := s.cw.Write(header); err != nil {
			return nil, err
		}
	case JSON:
		if _, err := io.WriteString(w, "["); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// write writes one record: v as JSON, or row() as CSV.
func (s *stream) write(v any, row func() []string) error {
	if s.format == CSV {
		if err := s.cw.Write(row()); err != nil {
			return err
		}
		s.n++
		return nil
	}
	s.buf.Reset()
	if err := s.enc.Encode(v); err != nil {
		return err
	}
	b := s.buf.Bytes() // ends with a newline
	if s.format == JSON {
		sep := ",\n"
		if s.n == 0 {
			sep = "\n"
		}
		if _, err := io.WriteString(s.w, sep); err != nil {
			return err
		}
		b = b[:len(b)-1]
	}
	if _, err := s.w.Write(b); err != nil {
		return err
	}
	s.n++
	return nil
}

// flush pushes buffered CSV rows to the writer (after each page).
func (s *stream) flush() error {
	if s.cw == nil {
		return nil
	}
	s.cw.Flush()
	return s.cw.Error()
}

// close ends the output: the CSV rows flushed, the JSON array closed.
func (s *stream) close() error {
	if s.format == JSON {
		end := "\n]\n"
		if s.n == 0 {
			end = "]\n"
		}
		_, err := io.WriteString(s.w, end)
		return err
	}
	return s.flush()
}

// num formats a float for CSV with prec decimals; NaN and infinities (which
// no metric should hold) are written empty.
func num(x float64, prec int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if strings.HasPrefix(s, "-") && strings.Trim(s[1:], "0.") == "" { // -0.0000 reads oddly
		s = s[1:]
	}
	return s
}

// finite replaces NaN and infinities by 0 so JSON can encode them.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

func optCount(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}

// paged streams a listing a page at a time: fetch reads up to limit rows
// after the cursor that next moved to the last row of the previous page,
// emit writes a page's rows to s. total is the number of rows wanted (0:
// all). It returns how many rows s wrote, having closed it at the end.
func paged[T any](ctx context.Context, s *stream, total, page int, fetch func(limit int) ([]T, error),
	emit func(rows []T) error, next func(last T)) (int, error) {
	for {
		if err := ctx.Err(); err != nil {
			return s.n, err
		}
		limit := page
		if total > 0 {
			limit = min(limit, total-s.n)
		}
		rows, err := fetch(limit)
		if err != nil {
			return s.n, err
		}
		if err := emit(rows); err != nil {
			return s.n, err
		}
		if err := s.flush(); err != nil {
			return s.n, err
		}
		if len(rows) < limit || (total > 0 && s.n >= total) {
			return s.n, s.close()
		}
		next(rows[len(rows)-1])
	}
}

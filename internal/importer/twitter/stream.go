package twitter

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
)

// maxRecord bounds one input record (a line or a document value). Tests lower it.
var maxRecord = herald.MaxRecordBytes

// errTooLarge rejects a record longer than maxRecord bytes; errTooLargeRest
// one whose end was never read, so the rest of the document is lost.
var (
	errTooLarge     = errors.New("record too large")
	errTooLargeRest = errors.New("record too large; rest not read")
)

// lineReader reads lines of at most maxRecord bytes; longer lines are cut
// and flagged, and the reader moves on to the next line.
type lineReader struct {
	br  *bufio.Reader
	n   int64 // number of the last line returned
	buf []byte
}

// next returns the next line without its terminator. The line aliases an
// internal buffer valid until the next call. long reports a line longer than
// maxRecord, cut to its first maxRecord bytes.
func (l *lineReader) next() (line []byte, long bool, err error) {
	l.buf = l.buf[:0]
	for {
		frag, err := l.br.ReadSlice('\n')
		if !long {
			l.buf = append(l.buf, frag...)
			if len(l.buf) > maxRecord+2 {
				l.buf, long = l.buf[:maxRecord], true
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(l.buf) == 0:
			return nil, false, io.EOF
		case err != nil && err != io.EOF:
			return nil, false, err
		}
		l.n++
		line = l.buf
		if !long {
			line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
			if len(line) > maxRecord {
				line, long = line[:maxRecord], true
			}
		}
		return line, long, nil
	}
}

// tee records the bytes a json.Decoder reads, from the start of the value
// being decoded, so a value that fails to decode can be returned as Raw.
type tee struct {
	r    io.Reader
	base int64 // input offset of buf[0]
	buf  []byte
}

// Read fails once the value being decoded exceeds maxRecord: the decoder
// only reads while its current value is incomplete, and buf starts there.
func (t *tee) Read(p []byte) (int, error) {
	if len(t.buf) > maxRecord {
		return 0, errTooLargeRest
	}
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// drop forgets the bytes before input offset off. It reslices rather than
// copies: the next growth of buf copies only what is left.
func (t *tee) drop(off int64) {
	if k := off - t.base; k > 0 && k <= int64(len(t.buf)) {
		t.buf = t.buf[k:]
		t.base = off
	}
}

// rest returns a copy of the input from offset off: what was read so far and
// what is left, up to maxRecord bytes, without leading blanks or commas.
func (t *tee) rest(off int64) []byte {
	var b []byte
	if k := off - t.base; k >= 0 && k <= int64(len(t.buf)) {
		b = append(b, t.buf[k:]...)
	}
	if len(b) < maxRecord {
		more, _ := io.ReadAll(io.LimitReader(t.r, int64(maxRecord-len(b))))
		b = append(b, more...)
	}
	if len(b) > maxRecord {
		b = b[:maxRecord]
	}
	return bytes.TrimLeft(b, " \t\r\n,")
}

// scanDoc reads a JSON document (or several concatenated ones) and calls fn
// with each top-level value in order; a top-level array that opens the input
// is streamed element by element. A value that cannot be decoded ends the
// scan: fn gets the rest of the input as raw with the error. Errors returned
// by fn stop the scan and are returned as is.
func scanDoc(r io.Reader, fn func(raw []byte, err error) error) error {
	br := bufio.NewReader(r)
	first, err := firstByte(br)
	if err != nil {
		return asIOError(err)
	}
	t := &tee{r: br}
	s := &docScanner{t: t, dec: json.NewDecoder(t), fn: fn}
	if first == '[' {
		if _, err := s.dec.Token(); err != nil {
			return s.fail(0, err)
		}
		for s.dec.More() {
			if ok, err := s.decode(); !ok || err != nil {
				return err
			}
		}
		off := s.dec.InputOffset()
		if _, err := s.dec.Token(); err != nil {
			return s.fail(off, err)
		}
	}
	for {
		if ok, err := s.decode(); !ok || err != nil {
			return err
		}
	}
}

// docScanner decodes the values of a document, keeping their bytes.
type docScanner struct {
	t   *tee
	dec *json.Decoder
	fn  func(raw []byte, err error) error
}

// decode hands the next value to fn; ok is false at the end of the input or
// after a value that could not be decoded.
func (s *docScanner) decode() (ok bool, err error) {
	off := s.dec.InputOffset()
	s.t.drop(off)
	var raw json.RawMessage
	if err := s.dec.Decode(&raw); err == io.EOF {
		return false, nil
	} else if err != nil {
		return false, s.fail(off, err)
	}
	if len(raw) > maxRecord {
		return true, s.fn(raw[:maxRecord], errTooLarge)
	}
	return true, s.fn(raw, nil)
}

// fail hands fn the rest of the input from offset off with err, unless err
// is an input error (returned) or nothing is left (only a document's closing
// bytes are missing: no record is lost).
func (s *docScanner) fail(off int64, err error) error {
	if ioErr := asIOError(err); ioErr != nil {
		return ioErr
	}
	rest := s.t.rest(off)
	if len(rest) == 0 {
		return nil
	}
	return s.fn(rest, err)
}

// firstByte returns the first non-blank byte of br without consuming it.
func firstByte(br *bufio.Reader) (byte, error) {
	for i := 1; ; i++ {
		b, err := br.Peek(i)
		if len(b) < i {
			return 0, err
		}
		switch c := b[i-1]; c {
		case ' ', '\t', '\r', '\n':
			if i == br.Size() {
				br.Discard(i)
				i = 0
			}
		default:
			return c, nil
		}
	}
}

// ioError marks a read error of the underlying input, which ends Parse.
type ioError struct{ err error }

func (e ioError) Error() string { return e.err.Error() }
func (e ioError) Unwrap() error { return e.err }

// ioReader wraps r so its errors (other than EOF) can be told from JSON errors.
type ioReader struct{ r io.Reader }

func (r ioReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		err = ioError{err}
	}
	return n, err
}

// asIOError returns err if it is an error of the input itself, else nil.
func asIOError(err error) error {
	var e ioError
	if errors.As(err, &e) {
		return e.err
	}
	return nil
}

// describe turns a decoding error into a short reject reason.
func describe(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &syn) && syn.Error() == "unexpected end of JSON input":
		return errors.New("truncated JSON: unexpected end of input")
	case errors.Is(err, errTooLarge):
		return fmt.Errorf("record longer than %d bytes", maxRecord)
	case errors.Is(err, errTooLargeRest):
		return fmt.Errorf("record longer than %d bytes; the rest of the document was not read", maxRecord)
	case errors.As(err, &syn):
		return fmt.Errorf("invalid JSON: %s at byte %d", syn.Error(), syn.Offset)
	case errors.As(err, &typ):
		return fmt.Errorf("field %s: JSON %s where %s expected", typ.Field, typ.Value, typ.Type)
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

// checkUTF8 reports the first invalid UTF-8 byte of b.
func checkUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return fmt.Errorf("invalid UTF-8 at byte %d", i)
		}
		i += n
	}
	return nil
}

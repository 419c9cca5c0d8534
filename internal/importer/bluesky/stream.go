package bluesky

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

// maxRecord bounds one input line. Tests lower it.
var maxRecord = herald.MaxRecordBytes

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

package jsonstream

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/herald-advocacy/herald"
)

// LineReader reads lines of bounded length. A longer line is cut to the
// limit and reported, and reading goes on with the next line.
type LineReader struct {
	// N is the 1-based number of the last line returned.
	N int64

	br   *bufio.Reader
	max  int
	buf  []byte  // a line longer than br's buffer
	eol  [2]byte // the last line's terminator
	eoln int     // its size
	err  error   // the error that ended Lines
}

// Lines iterates over the lines Next returns, up to the end of the input or
// an error reading it (see Err).
func (l *LineReader) Lines() iter.Seq2[[]byte, bool] {
	return func(yield func(line []byte, long bool) bool) {
		for {
			line, long, err := l.Next()
			if err != nil {
				if err != io.EOF {
					l.err = err
				}
				return
			}
			if !yield(line, long) {
				return
			}
		}
	}
}

// Err returns the *ReadError that ended Lines, or nil at the end of the
// input.
func (l *LineReader) Err() error { return l.err }

// NewLineReader returns a reader of the lines of br (see NewReader) of at
// most max bytes each, terminator excluded; max <= 0 means
// herald.MaxRecordBytes.
func NewLineReader(br *bufio.Reader, max int) *LineReader {
	if max <= 0 {
		max = herald.MaxRecordBytes
	}
	return &LineReader{br: br, max: max}
}

// Next returns the next line without its terminator ("\n" or "\r\n"; a
// final line may have none). A line longer than the limit is cut to its
// first bytes and long is true. At the end of the input Next returns
// io.EOF; an error reading the input is a *ReadError. The line may be in
// br's buffer: it is valid until the next call or read of br (Peek
// included).
func (l *LineReader) Next() (line []byte, long bool, err error) {
	size := 0        // bytes of the line so far, terminator included
	var tail [2]byte // its last two bytes
	l.buf = l.buf[:0]
	for {
		chunk, err := l.br.ReadSlice('\n')
		full := errors.Is(err, bufio.ErrBufferFull)
		switch {
		case err == io.EOF && size == 0 && len(chunk) == 0:
			return nil, false, io.EOF
		case err != nil && err != io.EOF && !full:
			return nil, false, &ReadError{err}
		}
		if size == 0 && !full {
			// The whole line was in the buffer: no copy.
			l.N++
			line := trimEOL(chunk)
			l.eoln = copy(l.eol[:], chunk[len(line):])
			return l.cut(line)
		}
		size += len(chunk)
		switch n := len(chunk); {
		case n >= 2:
			tail = [2]byte{chunk[n-2], chunk[n-1]}
		case n == 1:
			tail = [2]byte{tail[1], chunk[0]}
		}
		if room := l.max + 2 - len(l.buf); room > 0 { // + 2: room for "\r\n"
			l.buf = append(l.buf, chunk[:min(room, len(chunk))]...)
		}
		if !full {
			l.N++
			l.eoln = copy(l.eol[:], tail[2-eolSize(size, tail):])
			n := size - l.eoln
			return l.cut(l.buf[:min(n, len(l.buf))])
		}
	}
}

// cut cuts a line longer than the limit.
func (l *LineReader) cut(line []byte) ([]byte, bool, error) {
	if len(line) > l.max {
		return line[:l.max], true, nil
	}
	return line, false, nil
}

// EOL returns the terminator of the last line returned: "\n", "\r\n", "\r"
// (at the end of the input) or "".
func (l *LineReader) EOL() string {
	return string(l.eol[:l.eoln])
}

// LongErr is the rejection reason of a line longer than the limit.
func (l *LineReader) LongErr() error {
	return fmt.Errorf("line longer than %d bytes", l.max)
}

// trimEOL removes a final "\n", "\r\n" or "\r".
func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}

// eolSize returns the size of the terminator trimEOL would remove from a
// line of size bytes ending in tail.
func eolSize(size int, tail [2]byte) int {
	n := 0
	if size > 0 && tail[1] == '\n' {
		n, tail[1] = 1, tail[0]
	}
	if size > n && tail[1] == '\r' {
		n++
	}
	return n
}

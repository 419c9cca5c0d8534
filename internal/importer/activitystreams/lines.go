package activitystreams

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/herald-advocacy/herald"
)

// lines handles JSON Lines: one record per line, Pos its line number.
func (p *parser) lines(br *bufio.Reader) error {
	lr := lineReader{br: br}
	for {
		line, long, err := lr.next()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("activitystreams: read input: %w", err)
		}
		p.pos = lr.n
		if long {
			err = p.reject(line, fmt.Errorf("line longer than %d bytes", herald.MaxRecordBytes))
		} else if line = bytes.TrimSpace(line); len(line) > 0 {
			err = p.value(line)
		}
		if err != nil {
			return err
		}
	}
}

// lineReader reads lines of at most herald.MaxRecordBytes bytes.
type lineReader struct {
	br   *bufio.Reader
	long []byte // the start of a line longer than the buffer
	n    int64  // the line number of the last line returned
}

// next returns the next line without its terminator. The line is valid
// until the next call. A line longer than the limit is cut to the limit and
// reported as long. At the end of input next returns io.EOF.
func (lr *lineReader) next() (line []byte, long bool, err error) {
	lr.long = lr.long[:0]
	size := 0 // bytes of the line so far, terminator excluded
	for {
		chunk, err := lr.br.ReadSlice('\n')
		full := errors.Is(err, bufio.ErrBufferFull)
		switch {
		case err == io.EOF && size == 0 && len(chunk) == 0:
			return nil, false, io.EOF
		case err != nil && err != io.EOF && !full:
			return nil, false, err
		}
		if !full {
			chunk = bytes.TrimSuffix(chunk, []byte("\n"))
		}
		size += len(chunk)
		if !full && size == len(chunk) {
			lr.n++
			return chunk, false, nil // the whole line was in the buffer
		}
		if room := herald.MaxRecordBytes - len(lr.long); room > 0 {
			lr.long = append(lr.long, chunk[:min(room, len(chunk))]...)
		}
		if !full {
			lr.n++
			return lr.long, size > herald.MaxRecordBytes, nil
		}
	}
}

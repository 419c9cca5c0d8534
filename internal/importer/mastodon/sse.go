package mastodon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/herald-advocacy/herald"
)

// event is one Server-Sent Event being read.
type event struct {
	pos  int64  // line number of its first field
	name string // the event field
	data []byte // the data fields, joined by newlines
	raw  []byte // its field lines, for rejects
	long bool   // larger than herald.MaxRecordBytes

	hasData bool
}

// sse handles the streaming API's text: events separated by blank lines.
// Status-carrying events (update, status.update, notification,
// conversation, and unnamed data) are records, at the line of their first
// field; comments (":)" heartbeats) and other events are skipped.
func (p *parser) sse(br *bufio.Reader) error {
	var ev event
	var lineNo int64
	for {
		line, err := readLine(br)
		if err == io.EOF {
			return p.dispatch(&ev)
		} else if err != nil {
			return fmt.Errorf("mastodon: read input: %w", err)
		}
		lineNo++
		line = bytes.TrimSuffix(line, []byte("\r"))
		switch {
		case len(line) == 0:
			if err := p.dispatch(&ev); err != nil {
				return err
			}
			ev = event{}
		case line[0] != ':':
			if ev.pos == 0 {
				ev.pos = lineNo
			}
			ev.add(line)
		}
	}
}

// add reads one field line into the event.
func (ev *event) add(line []byte) {
	if len(ev.raw)+len(line)+1 > herald.MaxRecordBytes {
		ev.long = true
		return
	}
	ev.raw = append(append(ev.raw, line...), '\n')
	field, value, _ := bytes.Cut(line, []byte(":"))
	value = bytes.TrimPrefix(value, []byte(" "))
	switch string(field) {
	case "event":
		ev.name = string(value)
	case "data":
		if ev.hasData {
			ev.data = append(ev.data, '\n')
		}
		ev.data = append(ev.data, value...)
		ev.hasData = true
	}
}

// dispatch handles a complete event.
func (p *parser) dispatch(ev *event) error {
	if ev.pos == 0 {
		return nil
	}
	p.pos = ev.pos
	switch {
	case ev.long:
		return p.reject(ev.raw, fmt.Errorf("event longer than %d bytes", herald.MaxRecordBytes))
	case !ev.hasData:
		return nil
	}
	switch ev.name {
	case "update", "status.update", "notification", "conversation", "":
		return p.record(ev.data, ev.raw)
	}
	return nil
}

// readLine returns the next line without its "\n", which may be longer
// than the reader's buffer (then it is copied), or io.EOF.
func readLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		long := append([]byte{}, line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = br.ReadSlice('\n')
			if len(long) <= herald.MaxRecordBytes {
				long = append(long, line...)
			}
		}
		line = long
	}
	if err == io.EOF && len(line) > 0 {
		err = nil
	}
	return bytes.TrimSuffix(line, []byte("\n")), err
}

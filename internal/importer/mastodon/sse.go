package mastodon

import (
	"bufio"
	"bytes"
	"fmt"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
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
	lr := jsonstream.NewLineReader(br, 0)
	for line, long := range lr.Lines() {
		switch {
		case len(line) == 0:
			if err := p.dispatch(&ev); err != nil {
				return err
			}
			ev = event{}
		case line[0] != ':':
			if ev.pos == 0 {
				ev.pos = lr.N
			}
			ev.long = ev.long || long
			ev.add(line)
		}
	}
	if err := lr.Err(); err != nil {
		return err
	}
	return p.dispatch(&ev)
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
	// An event ends with a blank line: keep it in Raw, so that rejected
	// events written one after another still re-import as separate events.
	ev.raw = append(ev.raw, '\n')
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

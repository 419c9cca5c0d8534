package activitystreams

import (
	"bufio"
	"bytes"

	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// lines handles JSON Lines: one record per line, Pos its line number.
func (p *parser) lines(br *bufio.Reader) error {
	lr := jsonstream.NewLineReader(br, 0)
	for line, long := range lr.Lines() {
		p.pos = lr.N
		var err error
		if long {
			err = p.reject(line, lr.LongErr())
		} else if line = bytes.TrimSpace(line); len(line) > 0 {
			err = p.value(line)
		}
		if err != nil {
			return err
		}
	}
	return lr.Err()
}

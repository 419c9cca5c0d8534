package mastodon

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/herald-advocacy/herald"
)

// errStop ends a document that cannot be read further; its rejection has
// been emitted.
var errStop = errors.New("stop")

// document handles JSON: each top-level value is a record, except that the
// elements of a top-level array are streamed one by one. Pos is the
// record's number in the input.
func (p *parser) document(r io.Reader) error {
	rec := &recorder{r: r}
	dec := json.NewDecoder(rec)
	for {
		start := dec.InputOffset()
		rec.forget(start)
		tok, err := dec.Token()
		switch {
		case err == io.EOF && rec.err == nil:
			return nil
		case err != nil:
			err = p.broken(rec, start, err)
		case tok == json.Delim('['):
			err = p.array(dec, rec)
		case tok == json.Delim('{'):
			err = p.object(dec, rec, start)
		default:
			p.pos++
			err = p.reject(bytes.TrimSpace(rec.bytes(start, dec.InputOffset())), errNotObject)
		}
		if errors.Is(err, errStop) {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// array streams the elements of an array whose '[' has been read.
func (p *parser) array(dec *json.Decoder, rec *recorder) error {
	for dec.More() {
		start := dec.InputOffset()
		rec.forget(start)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return p.broken(rec, start, err)
		}
		p.pos++
		if err := p.value(raw); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return p.broken(rec, dec.InputOffset(), err)
	}
	return nil
}

// object reads the rest of a top-level object whose '{' (at offset start)
// has been read, and handles it as one record.
func (p *parser) object(dec *json.Decoder, rec *recorder, start int64) error {
	for dec.More() {
		var member json.RawMessage
		if _, err := dec.Token(); err != nil {
			return p.broken(rec, start, err)
		}
		if err := dec.Decode(&member); err != nil {
			return p.broken(rec, start, err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return p.broken(rec, start, err)
	}
	p.pos++
	return p.value(rec.bytes(start, dec.InputOffset()))
}

// broken handles an error of the JSON decoder: an input error is returned;
// a syntax error rejects the rest of the input from start as one record
// and stops (errStop), as a document cannot be read past it.
func (p *parser) broken(rec *recorder, start int64, err error) error {
	if rec.err != nil {
		return fmt.Errorf("mastodon: read input: %w", rec.err)
	}
	p.pos++
	raw := bytes.TrimLeft(rec.rest(start), " \t\r\n,")
	if err := p.reject(raw, describe(err)); err != nil {
		return err
	}
	return errStop
}

// recorder keeps the bytes read through it from a mark on, so that the
// exact input bytes of a value can be cut out by json.Decoder offsets.
type recorder struct {
	r    io.Reader
	buf  []byte
	base int64 // input offset of buf[0]
	err  error // the first read error other than io.EOF
}

func (t *recorder) Read(b []byte) (int, error) {
	n, err := t.r.Read(b)
	t.buf = append(t.buf, b[:n]...)
	if err != nil && err != io.EOF && t.err == nil {
		t.err = err
	}
	return n, err
}

// bytes returns the input bytes [from, to); they are valid until forget.
func (t *recorder) bytes(from, to int64) []byte {
	return t.buf[from-t.base : to-t.base]
}

// forget drops the bytes before offset off.
func (t *recorder) forget(off int64) {
	k := int(off - t.base)
	if k <= 0 {
		return
	}
	t.buf = t.buf[:copy(t.buf, t.buf[k:])]
	t.base = off
}

// rest returns the input from offset from (or the oldest byte kept) to its
// end, reading on up to the record size limit.
func (t *recorder) rest(from int64) []byte {
	from = max(from, t.base)
	limit := herald.MaxRecordBytes - (int64(len(t.buf)) - (from - t.base))
	if limit > 0 {
		more, err := io.ReadAll(io.LimitReader(t.r, limit))
		t.buf = append(t.buf, more...)
		if err != nil && t.err == nil {
			t.err = err
		}
	}
	return t.buf[from-t.base:]
}

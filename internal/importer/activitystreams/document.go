package activitystreams

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/herald-advocacy/herald"
)

// document handles JSON documents: each top-level value is a record, except
// that the elements of a top-level array, and the items of a top-level
// collection (and of its inline first page), are streamed one by one. Pos is
// the record's number in the input.
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
			err = p.array(dec, rec, true)
		case tok == json.Delim('{'):
			err = p.topObject(dec, rec, start)
		default:
			p.pos++
			err = p.reject(trimSpace(rec.bytes(start, dec.InputOffset())), errNotObject)
		}
		if errors.Is(err, errStop) {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// array streams the elements of an array whose '[' has been read; top is
// false for a collection's items, where IRIs are skipped.
func (p *parser) array(dec *json.Decoder, rec *recorder, top bool) error {
	for dec.More() {
		start := dec.InputOffset()
		rec.forget(start)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return p.broken(rec, start, err)
		}
		p.pos++
		var err error
		if raw[0] == '{' || top {
			err = p.value(raw)
		}
		if err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return p.broken(rec, dec.InputOffset(), err)
	}
	return nil
}

// topObject reads a top-level object whose '{' has been read. If it has
// items (or orderedItems, or a first page with items) they are streamed and
// the object itself is no record; else the whole object is one record.
func (p *parser) topObject(dec *json.Decoder, rec *recorder, start int64) error {
	streamed, err := p.walk(dec, rec, start)
	if err != nil || streamed {
		return err
	}
	p.pos++
	return p.value(trimSpace(rec.bytes(start, dec.InputOffset())))
}

// walk reads the members of an object whose '{' (at offset start) has
// been read, streaming the elements of items/orderedItems arrays and walking
// a first page. It reports whether it streamed anything. A syntax error
// rejects the input from start on, or from the end of what was streamed.
func (p *parser) walk(dec *json.Decoder, rec *recorder, start int64) (streamed bool, err error) {
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return streamed, p.broken(rec, start, err)
		}
		switch key {
		case "items", "orderedItems", "first":
			s, err := p.member(dec, rec, start, key == "first")
			if err != nil {
				return streamed, err
			}
			if s {
				streamed = true
				rec.forget(dec.InputOffset())
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return streamed, p.broken(rec, start, err)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return streamed, p.broken(rec, start, err)
	}
	return streamed, nil
}

// member reads the value of an items member (page false) or a first member
// (page true), streaming an items array or walking a page object.
func (p *parser) member(dec *json.Decoder, rec *recorder, start int64, page bool) (bool, error) {
	tok, err := dec.Token()
	if err != nil {
		return false, p.broken(rec, start, err)
	}
	switch {
	case tok == json.Delim('[') && !page:
		return true, p.array(dec, rec, false)
	case tok == json.Delim('{') && page:
		return p.walk(dec, rec, start)
	case tok == json.Delim('[') || tok == json.Delim('{'):
		return false, p.skipRest(dec, rec, start)
	}
	return false, nil // a scalar, e.g. the IRI of the first page
}

// skipRest skips the rest of an array or object whose opening token has
// been read.
func (p *parser) skipRest(dec *json.Decoder, rec *recorder, start int64) error {
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return p.broken(rec, start, err)
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	return nil
}

// broken handles an error of the JSON decoder: an input error is returned;
// a syntax error rejects the rest of the input from start as one record
// and stops (errStop), as a document cannot be read past it.
func (p *parser) broken(rec *recorder, start int64, err error) error {
	if rec.err != nil {
		return fmt.Errorf("activitystreams: read input: %w", rec.err)
	}
	p.pos++
	raw := bytes.TrimLeft(rec.rest(start), " \t\r\n,")
	if err := p.reject(raw, describe(err)); err != nil {
		return err
	}
	return errStop
}

// describe turns an encoding/json error into a rejection reason.
func describe(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errTruncated
	case errors.As(err, &se) && se.Error() == "unexpected end of JSON input":
		return errTruncated
	case errors.As(err, &se):
		return fmt.Errorf("invalid JSON: %s", se.Error())
	}
	return fmt.Errorf("invalid JSON: %v", err)
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

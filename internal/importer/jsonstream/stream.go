package jsonstream

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"

	"github.com/herald-advocacy/herald"
)

// Options tune Stream.
type Options struct {
	// Limit bounds a record: a longer value is rejected with a
	// *TooLargeError (cut to Limit bytes), and a value whose end is not
	// within Limit bytes of its start ends the document. 0 means no limit
	// (a value is rejected by its consumer).
	Limit int
	// Items names the members of a top-level object (a collection) whose
	// array value is streamed: its elements are values of their own, with
	// Value.Item set, and the object is no value itself. Pages names the
	// members whose object value (a collection's first page) is searched
	// for such members in turn.
	Items, Pages []string
}

// Value is one record read by Stream.
type Value struct {
	// Raw is the value's exact input bytes, valid until the function
	// Stream calls returns. For a rejected value it is the rest of the input
	// from where the value starts, without leading blanks or commas, up to
	// the limit (or herald.MaxRecordBytes).
	Raw []byte
	// Item is set for an element of a collection's items (Options.Items).
	Item bool
	// Err is why the value cannot be read: an error of encoding/json or a
	// *TooLargeError (see Describe). Only a too large value that was read
	// to its end lets the stream go on.
	Err error
}

// Stream reads JSON values from r (see NewReader) and calls fn with each
// record: a top-level value, an element of a top-level array, or an item of
// a top-level collection (Options.Items). Once the input cannot be read as
// JSON, fn gets the rest of the input as one value with Err and Stream
// stops; when nothing is left (only closing brackets are missing, so no
// record is lost) it stops at once. Stream returns nil at the end of the
// input, an error returned by fn as it is, or a *ReadError.
func Stream(r io.Reader, opt Options, fn func(Value) error) error {
	s := &streamer{rec: recorder{r: r, limit: opt.Limit}, opt: opt, fn: fn}
	s.dec = json.NewDecoder(&s.rec)
	for {
		start := s.dec.InputOffset()
		s.rec.forget(start)
		c, err := s.peek(start)
		switch {
		case err == io.EOF:
			return nil
		case err != nil:
		case c == '[':
			err = s.array(start, false)
		case c == '{' && (len(opt.Items) > 0 || len(opt.Pages) > 0):
			err = s.collection(start)
		default:
			err = s.value(start, false)
		}
		if errors.Is(err, errStop) {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// errStop ends a document that cannot be read further: its rest has been
// handed to fn.
var errStop = errors.New("stop")

type streamer struct {
	dec *json.Decoder
	rec recorder
	opt Options
	fn  func(Value) error
}

// peek returns the first byte of the next value, or io.EOF at the end of
// the input.
func (s *streamer) peek(start int64) (byte, error) {
	s.dec.More() // reads on to the next non-blank byte
	if b := bytes.TrimLeft(s.rec.from(s.dec.InputOffset()), " \t\r\n"); len(b) > 0 {
		return b[0], nil
	}
	switch {
	case s.rec.err != nil:
		return 0, &ReadError{s.rec.err}
	case s.rec.over:
		return 0, s.broken(start, errOver)
	}
	return 0, io.EOF
}

// value reads one value starting at offset start and hands it to fn.
func (s *streamer) value(start int64, item bool) error {
	if err := s.dec.Decode(&discard{}); err != nil {
		return s.broken(start, err)
	}
	raw := bytes.TrimLeft(s.rec.bytes(start, s.dec.InputOffset()), " \t\r\n,")
	return s.emit(raw, item)
}

// emit hands a value read whole to fn.
func (s *streamer) emit(raw []byte, item bool) error {
	if l := s.opt.Limit; l > 0 && len(raw) > l {
		return s.fn(Value{Raw: raw[:l], Item: item, Err: &TooLargeError{Limit: l}})
	}
	return s.fn(Value{Raw: raw, Item: item})
}

// array streams the elements of the array at offset start.
func (s *streamer) array(start int64, item bool) error {
	if _, err := s.dec.Token(); err != nil {
		return s.broken(start, err)
	}
	return s.elements(item)
}

// elements streams the elements of an array whose '[' has been read.
func (s *streamer) elements(item bool) error {
	for s.dec.More() {
		start := s.dec.InputOffset()
		s.rec.forget(start)
		if err := s.value(start, item); err != nil {
			return err
		}
	}
	end := s.dec.InputOffset()
	if _, err := s.dec.Token(); err != nil {
		return s.broken(end, err)
	}
	return nil
}

// collection reads the top-level object at offset start. If it has items
// (Options.Items, also in a page) they are streamed and the object itself
// is no value; else the whole object is one value.
func (s *streamer) collection(start int64) error {
	if _, err := s.dec.Token(); err != nil {
		return s.broken(start, err)
	}
	streamed, err := s.members(start)
	if err != nil || streamed {
		return err
	}
	return s.emit(bytes.TrimLeft(s.rec.bytes(start, s.dec.InputOffset()), " \t\r\n"), false)
}

// members reads the members of an object whose '{' has been read,
// streaming items and searching pages. It reports whether it streamed
// anything. A syntax error rejects the input from start (the top-level
// object's offset) on, or from the end of what was streamed.
func (s *streamer) members(start int64) (streamed bool, err error) {
	for s.dec.More() {
		key, err := s.dec.Token()
		if err != nil {
			return streamed, s.broken(start, err)
		}
		name, _ := key.(string)
		items, page := slices.Contains(s.opt.Items, name), slices.Contains(s.opt.Pages, name)
		if !items && !page {
			if err := s.dec.Decode(&discard{}); err != nil {
				return streamed, s.broken(start, err)
			}
			continue
		}
		tok, err := s.dec.Token()
		if err != nil {
			return streamed, s.broken(start, err)
		}
		var more bool
		switch {
		case tok == json.Delim('[') && items:
			more, err = true, s.elements(true)
		case tok == json.Delim('{') && page:
			more, err = s.members(start)
		case tok == json.Delim('[') || tok == json.Delim('{'):
			err = s.skipRest(start)
		}
		if err != nil {
			return streamed, err
		}
		if more {
			streamed = true
			s.rec.forget(s.dec.InputOffset())
		}
	}
	if _, err := s.dec.Token(); err != nil {
		return streamed, s.broken(start, err)
	}
	return streamed, nil
}

// skipRest skips the rest of an array or object whose opening token has
// been read.
func (s *streamer) skipRest(start int64) error {
	for depth := 1; depth > 0; {
		tok, err := s.dec.Token()
		if err != nil {
			return s.broken(start, err)
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

// broken handles an error of the decoder: an input error is returned; a
// syntax error hands the rest of the input from start to fn as one value
// and stops (errStop), as a document cannot be read past it.
func (s *streamer) broken(start int64, err error) error {
	if s.rec.err != nil {
		return &ReadError{s.rec.err}
	}
	limit := s.opt.Limit
	if errors.Is(err, errOver) {
		err = &TooLargeError{Limit: limit, Rest: true}
	}
	if limit <= 0 {
		limit = herald.MaxRecordBytes
	}
	rest := s.rec.rest(start, limit)
	if skip := len(rest) - len(bytes.TrimLeft(rest, " \t\r\n,")); skip > 0 {
		rest = s.rec.rest(start+int64(skip), limit) // from the value's first byte
	}
	rest = bytes.TrimLeft(rest[:min(len(rest), limit)], " \t\r\n,")
	if len(rest) == 0 {
		return errStop
	}
	if err := s.fn(Value{Raw: rest, Err: err}); err != nil {
		return err
	}
	return errStop
}

// discard is a value for the decoder to check and skip: its bytes are cut
// out of the recorder.
type discard struct{}

func (discard) UnmarshalJSON([]byte) error { return nil }

// errOver fails a read once the value being read outgrows the limit.
var errOver = errors.New("value too large")

// recorder keeps the bytes the decoder reads through it from a mark on (the
// start of the value being read), so that the exact input bytes of a value
// can be cut out by json.Decoder offsets.
type recorder struct {
	r     io.Reader
	buf   []byte
	base  int64 // input offset of buf[0]
	mark  int64 // input offset of the value being read
	limit int   // bytes from mark beyond which reads fail; 0: none
	err   error // the first read error other than io.EOF
	over  bool  // a read failed with errOver
}

func (t *recorder) Read(b []byte) (int, error) {
	if t.limit > 0 && t.base+int64(len(t.buf))-t.mark > int64(t.limit) {
		t.over = true
		return 0, errOver
	}
	n, err := t.r.Read(b)
	t.buf = append(t.buf, b[:n]...)
	if err != nil && err != io.EOF && t.err == nil {
		t.err = err
	}
	return n, err
}

// bytes returns the input bytes [from, to), valid until the next read.
func (t *recorder) bytes(from, to int64) []byte {
	return t.buf[from-t.base : to-t.base]
}

// from returns the input read from offset off on.
func (t *recorder) from(off int64) []byte {
	return t.buf[min(max(off-t.base, 0), int64(len(t.buf))):]
}

// forget marks the start of the next value: the bytes before offset off are
// no longer needed. They are dropped once they are at least half of what is
// kept, so that each byte is moved a bounded number of times.
func (t *recorder) forget(off int64) {
	t.mark = off
	k := int(off - t.base)
	if k <= 0 || 2*k < len(t.buf) {
		return
	}
	t.buf = t.buf[:copy(t.buf, t.buf[k:])]
	t.base = off
}

// rest returns the input from offset from (or the oldest byte kept) to its
// end, reading on up to limit bytes.
func (t *recorder) rest(from int64, limit int) []byte {
	from = max(from, t.base)
	if more := int64(limit) - (t.base + int64(len(t.buf)) - from); more > 0 {
		b, err := io.ReadAll(io.LimitReader(t.r, more))
		t.buf = append(t.buf, b...)
		if err != nil && t.err == nil {
			t.err = err
		}
	}
	return t.buf[from-t.base:]
}

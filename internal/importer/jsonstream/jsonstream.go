// Package jsonstream holds what the JSON importers share to read their input
// as a stream of records, each with its exact input bytes:
//
//   - NewReader buffers an input and skips its byte order mark; TrimHead
//     does the same to the head a Sniff function is given.
//   - LineReader reads JSON Lines: lines of bounded length (a longer line is
//     cut, reported and skipped, not fatal), numbered from 1.
//   - Stream reads JSON documents with encoding/json's Decoder: each
//     top-level value is a record, except that the elements of a top-level
//     array, and optionally the items of a top-level collection, are
//     streamed one by one. A syntax error ends the document: the rest of the
//     input becomes one rejected record.
//   - CheckUTF8 finds invalid UTF-8 (which encoding/json silently replaces),
//     and Describe turns encoding/json errors into short rejection reasons.
//
// It imports only the standard library and the herald root package.
package jsonstream

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// HeadSize is the size of the reader NewReader returns: how much input a
// parser can peek at to tell JSON Lines from a document.
const HeadSize = 64 << 10

// BOM is the UTF-8 byte order mark.
var BOM = []byte("\xef\xbb\xbf")

// NewReader returns a reader of r, buffered with HeadSize bytes, that skips
// a leading byte order mark. A read error is left for the next read.
func NewReader(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, HeadSize)
	if b, _ := br.Peek(len(BOM)); bytes.Equal(b, BOM) {
		_, _ = br.Discard(len(BOM)) // peeked: cannot fail
	}
	return br
}

// Head returns the first HeadSize bytes of br's input without consuming
// them: all of it when whole. An error reading them is a *ReadError.
func Head(br *bufio.Reader) (head []byte, whole bool, err error) {
	head, err = br.Peek(HeadSize)
	switch {
	case err == io.EOF:
		return head, true, nil
	case err != nil && !errors.Is(err, bufio.ErrBufferFull):
		return nil, false, &ReadError{err}
	}
	return head, false, nil
}

// TrimHead returns head without a byte order mark and leading white space:
// what a Sniff function looks at.
func TrimHead(head []byte) []byte {
	return bytes.TrimLeft(bytes.TrimPrefix(head, BOM), " \t\r\n")
}

// A ReadError is an error reading the input, as opposed to a problem with
// its content (which rejects a record and lets parsing go on).
type ReadError struct{ Err error }

func (e *ReadError) Error() string { return "read input: " + e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }

// CheckUTF8 returns an error naming the offset of the first invalid UTF-8
// byte of b, or nil when b is valid UTF-8.
func CheckUTF8(b []byte) error {
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

// ErrTruncated rejects JSON that ends inside a value.
var ErrTruncated = errors.New("truncated JSON: unexpected end of input")

// A TooLargeError rejects a record longer than Limit bytes. Rest reports
// that the record's end was never read, so the rest of the document is lost.
type TooLargeError struct {
	Limit int
	Rest  bool
}

func (e *TooLargeError) Error() string {
	if e.Rest {
		return fmt.Sprintf("record longer than %d bytes; the rest of the document was not read", e.Limit)
	}
	return fmt.Sprintf("record longer than %d bytes", e.Limit)
}

// Truncated reports whether err, an error of encoding/json, says the input
// ends inside a value.
func Truncated(err error) bool {
	var se *json.SyntaxError
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.As(err, &se) && se.Error() == "unexpected end of JSON input"
}

// Describe turns an error of encoding/json (or of Stream) into a short
// rejection reason: ErrTruncated, a *TooLargeError as it is,
// "invalid JSON: <message> at byte <offset>" or
// "field <name>: JSON <type> where <Go type> expected".
func Describe(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var big *TooLargeError
	switch {
	case Truncated(err):
		return ErrTruncated
	case errors.As(err, &big):
		return big
	case errors.As(err, &syn):
		return fmt.Errorf("invalid JSON: %s at byte %d", syn.Error(), syn.Offset)
	case errors.As(err, &typ):
		return fmt.Errorf("field %s: JSON %s where %s expected", typ.Field, typ.Value, typ.Type)
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

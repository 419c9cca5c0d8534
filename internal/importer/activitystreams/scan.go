package activitystreams

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/herald-advocacy/herald/internal/importer/jsonstream"
)

// maxNesting is the deepest nesting the scanner accepts, as encoding/json.
const maxNesting = 10000

var (
	errTruncated = jsonstream.ErrTruncated
	errNesting   = errors.New("invalid JSON: nested too deeply")
)

// scanner reads and validates JSON held in memory, in one pass, without
// reflection: the hot path of the importer. It accepts exactly what
// encoding/json accepts (see FuzzScanner) and decodes strings the same way.
// After the first error every method is a no-op; the error is in err.
type scanner struct {
	data  []byte
	i     int
	depth int
	err   error
	arena *arena // where decoded objects go; nil for the heap
	// scratch holds decoded escaped strings; list the refs of arrays
	// being read.
	scratch []byte
	list    []ref
}

func (s *scanner) ws() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

// fail records a syntax error at the current position and stops scanning.
func (s *scanner) fail() {
	if s.err == nil {
		if s.i >= len(s.data) {
			s.err = errTruncated
		} else {
			r, _ := utf8.DecodeRune(s.data[s.i:])
			s.err = fmt.Errorf("invalid JSON: unexpected %q at byte %d", r, s.i)
		}
	}
	s.i = len(s.data)
}

// end checks that only white space follows the value just read.
func (s *scanner) end() {
	if s.peek() != 0 || s.i < len(s.data) {
		s.fail()
	}
}

// enter consumes the '{' or '[' at the current position.
func (s *scanner) enter() bool {
	if s.depth++; s.depth > maxNesting {
		if s.err == nil {
			s.err = errNesting
		}
		s.i = len(s.data)
		return false
	}
	s.i++
	return true
}

// more reports whether the object or array being read, closed by closer,
// has another member, and consumes the separator before it.
func (s *scanner) more(closer byte, first bool) bool {
	c := s.peek()
	switch {
	case s.err != nil:
		return false
	case c == closer:
		s.i++
		s.depth--
		return false
	case first:
		return true
	case c != ',':
		s.fail()
		return false
	}
	s.i++
	return true
}

// key reads an object member's name and the colon after it.
func (s *scanner) key() []byte {
	if s.peek() != '"' {
		s.fail()
		return nil
	}
	k := s.readString()
	if s.peek() != ':' {
		s.fail()
		return nil
	}
	s.i++
	return k
}

// str reads a string value. Any other value (null, a number, an object) is
// skipped and reads as "", as encoding/json leaves a mistyped field empty.
func (s *scanner) str() string {
	if s.peek() == '"' {
		return string(s.readString())
	}
	s.skip()
	return ""
}

// name reads a string value that is usually a well-known name (a type),
// without allocating for those.
func (s *scanner) name() string {
	if s.peek() != '"' {
		s.skip()
		return ""
	}
	b := s.readString()
	if n, ok := names[string(b)]; ok {
		return n
	}
	return string(b)
}

// integer reads an integral number value; ok is false for anything else.
func (s *scanner) integer() (n int64, ok bool) {
	if c := s.peek(); c != '-' && (c < '0' || c > '9') {
		s.skip()
		return 0, false
	}
	start := s.i
	s.number()
	n, err := strconv.ParseInt(string(s.data[start:s.i]), 10, 64)
	return n, err == nil && s.err == nil
}

// skip reads and validates any value.
func (s *scanner) skip() {
	switch c := s.peek(); {
	case c == '{':
		if s.enter() {
			for first := true; s.more('}', first); first = false {
				s.key()
				s.skip()
			}
		}
	case c == '[':
		if s.enter() {
			for first := true; s.more(']', first); first = false {
				s.skip()
			}
		}
	case c == '"':
		s.readString()
	case c == '-' || c >= '0' && c <= '9':
		s.number()
	case c == 't':
		s.literal("true")
	case c == 'f':
		s.literal("false")
	case c == 'n':
		s.literal("null")
	default:
		s.fail()
	}
}

func (s *scanner) literal(lit string) {
	for j := 0; j < len(lit); j++ {
		if s.i >= len(s.data) || s.data[s.i] != lit[j] {
			s.fail()
			return
		}
		s.i++
	}
}

// number reads a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() {
	if s.i < len(s.data) && s.data[s.i] == '-' {
		s.i++
	}
	switch {
	case s.i < len(s.data) && s.data[s.i] == '0':
		s.i++
	case !s.digits():
		return
	}
	if s.i < len(s.data) && s.data[s.i] == '.' {
		s.i++
		if !s.digits() {
			return
		}
	}
	if s.i < len(s.data) && (s.data[s.i] == 'e' || s.data[s.i] == 'E') {
		s.i++
		if s.i < len(s.data) && (s.data[s.i] == '+' || s.data[s.i] == '-') {
			s.i++
		}
		s.digits()
	}
}

// digits reads one or more decimal digits.
func (s *scanner) digits() bool {
	start := s.i
	for s.i < len(s.data) && s.data[s.i] >= '0' && s.data[s.i] <= '9' {
		s.i++
	}
	if s.i == start {
		s.fail()
		return false
	}
	return true
}

// readString reads the string starting at the current '"' and returns its
// contents: a sub-slice of the input when it has no escapes, else a decoded
// copy valid until the next string is read.
func (s *scanner) readString() []byte {
	s.i++
	start := s.i
	q := bytes.IndexByte(s.data[start:], '"')
	if q < 0 {
		q = len(s.data) - start
	}
	str := s.data[start : start+q]
	if esc := bytes.IndexByte(str, '\\'); esc >= 0 {
		str = str[:esc]
	}
	if j := controlByte(str); j >= 0 {
		s.i = start + j
		s.fail()
		return nil
	}
	s.i = start + len(str)
	switch {
	case s.i >= len(s.data):
		s.fail()
		return nil
	case s.data[s.i] == '\\':
		return s.readEscaped(start)
	}
	s.i++
	return str
}

// readEscaped finishes reading a string with escapes, from its first
// escape, decoding it into the scanner's scratch buffer: the result is
// valid until the next string is read.
func (s *scanner) readEscaped(start int) []byte {
	buf := append(s.scratch[:0], s.data[start:s.i]...)
	defer func() { s.scratch = buf[:0] }()
	for s.i < len(s.data) {
		// Copy the run up to the next quote or escape at once.
		rest := s.data[s.i:]
		n := bytes.IndexByte(rest, '"')
		if n < 0 {
			n = len(rest)
		}
		if e := bytes.IndexByte(rest[:n], '\\'); e >= 0 {
			n = e
		}
		if j := controlByte(rest[:n]); j >= 0 {
			s.i += j
			s.fail()
			return nil
		}
		buf = append(buf, rest[:n]...)
		s.i += n
		switch {
		case s.i >= len(s.data):
		case s.data[s.i] == '"':
			s.i++
			return buf
		default:
			if buf = s.escape(buf); s.err != nil {
				return nil
			}
		}
	}
	s.fail()
	return nil
}

// escape decodes the escape sequence at the current '\\' onto buf.
func (s *scanner) escape(buf []byte) []byte {
	s.i++
	if s.i >= len(s.data) {
		s.fail()
		return buf
	}
	e := s.data[s.i]
	s.i++
	switch e {
	case '"', '\\', '/':
		return append(buf, e)
	case 'b':
		return append(buf, '\b')
	case 'f':
		return append(buf, '\f')
	case 'n':
		return append(buf, '\n')
	case 'r':
		return append(buf, '\r')
	case 't':
		return append(buf, '\t')
	case 'u':
		r := s.hex4(s.i)
		if r < 0 {
			s.fail()
			return buf
		}
		s.i += 4
		if utf16.IsSurrogate(r) {
			// As encoding/json: a valid pair is one rune, else U+FFFD.
			r2 := rune(-1)
			if s.i+1 < len(s.data) && s.data[s.i] == '\\' && s.data[s.i+1] == 'u' {
				r2 = s.hex4(s.i + 2)
			}
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				s.i += 6
				r = d
			} else {
				r = utf8.RuneError
			}
		}
		return utf8.AppendRune(buf, r)
	}
	s.i--
	s.fail()
	return buf
}

// hex4 decodes four hex digits at data[i:], or returns -1.
func (s *scanner) hex4(i int) rune {
	if i+4 > len(s.data) {
		return -1
	}
	var r rune
	for _, c := range s.data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// controlByte returns the index of the first byte below 0x20 in b (not
// allowed in JSON strings), or -1. It tests eight bytes at a time.
func controlByte(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if (x-0x20*ones)&^x&highs != 0 {
			break // some byte is below 0x20
		}
	}
	for ; i < len(b); i++ {
		if b[i] < 0x20 {
			return i
		}
	}
	return -1
}

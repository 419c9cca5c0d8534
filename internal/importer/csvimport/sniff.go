package csvimport

import (
	"bytes"
	"encoding/csv"
	"unicode"
	"unicode/utf8"
)

// maxSniffHeader bounds the header line Sniff accepts.
const maxSniffHeader = 8 << 10

// Sniff reports whether head looks like CSV with a header: a first line of at
// least two comma-separated, non-empty column names (at most 256 bytes each,
// without control characters), valid UTF-8, not starting like JSON or XML.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, bom)
	line, _, found := bytes.Cut(head, []byte("\n"))
	if !found && len(head) > maxSniffHeader || len(line) > maxSniffHeader {
		return false
	}
	line = bytes.TrimSuffix(line, []byte("\r"))
	if t := bytes.TrimLeft(line, " \t"); len(t) == 0 || bytes.IndexByte([]byte("{[<"), t[0]) >= 0 {
		return false
	}
	if !utf8.Valid(line) {
		return false
	}
	fields, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil || len(fields) < 2 {
		return false
	}
	named := 0
	for _, f := range fields {
		if len(f) > 256 || bytes.ContainsFunc([]byte(f), unicode.IsControl) {
			return false
		}
		if f != "" {
			named++
		}
	}
	return named >= 2
}

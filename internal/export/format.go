package export

import (
	"strings"

	"github.com/herald-advocacy/herald"
)

// Format is an export format.
type Format string

const (
	CSV   Format = "csv"   // a header, then one row per record (lists joined with ";")
	JSONL Format = "jsonl" // one JSON object per line
	JSON  Format = "json"  // one JSON array
)

// Formats lists the export formats.
var Formats = []Format{CSV, JSONL, JSON}

// ParseFormat reads a format name (case-insensitive). An empty name is an
// error too: callers choose their own default.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case CSV, JSONL, JSON:
		return f, nil
	}
	if s == "" {
		return "", herald.Errorf(herald.EInvalid, "no export format given (want csv, jsonl or json)")
	}
	return "", herald.Errorf(herald.EInvalid, "unknown export format %q (want csv, jsonl or json)", s)
}

// ContentType is the format's media type.
func (f Format) ContentType() string {
	switch f {
	case CSV:
		return "text/csv; charset=utf-8"
	case JSONL:
		return "application/x-ndjson"
	case JSON:
		return "application/json"
	}
	return "application/octet-stream"
}

// Ext is the format's file name extension, with its dot.
func (f Format) Ext() string {
	switch f {
	case CSV, JSONL, JSON:
		return "." + string(f)
	}
	return ""
}

func (f Format) valid() error {
	_, err := ParseFormat(string(f))
	return err
}

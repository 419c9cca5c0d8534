package model

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ReadCSV reads labelled examples from CSV with a header row, taking the
// text and label from the columns named textCol and labelCol (matched
// exactly, then ignoring case and surrounding spaces). Fields are RFC 4180:
// quoted fields may hold commas, quotes and newlines. Every row must have
// as many fields as the header, a non-empty text, a label that is non-empty
// after trimming spaces (the trimmed label is kept), at most MaxLabelBytes
// long, and valid UTF-8 in both; otherwise ReadCSV fails with an error
// naming the line, rather than silently training on less data. Texts are not
// limited here (Train analyses the first MaxTextBytes of each); bound the
// reader to bound memory.
func ReadCSV(r io.Reader, textCol, labelCol string) ([]Example, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read labelled csv: empty input, want a header row")
	}
	if err != nil {
		return nil, fmt.Errorf("read labelled csv header: %w", err)
	}
	header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	ti, err := column(header, textCol)
	if err != nil {
		return nil, fmt.Errorf("read labelled csv: %w", err)
	}
	li, err := column(header, labelCol)
	if err != nil {
		return nil, fmt.Errorf("read labelled csv: %w", err)
	}
	var out []Example
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read labelled csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		ex, err := rowExample(rec[ti], rec[li])
		if err != nil {
			return nil, fmt.Errorf("read labelled csv: line %d: %w", line, err)
		}
		out = append(out, ex)
	}
}

// column finds the index of the named column.
func column(header []string, name string) (int, error) {
	for i, h := range header {
		if h == name {
			return i, nil
		}
	}
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(name)) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("no column %q in header %q", name, header)
}

// rowExample checks one row's text and label.
func rowExample(text, label string) (Example, error) {
	label = strings.TrimSpace(label)
	switch {
	case !utf8.ValidString(text):
		return Example{}, fmt.Errorf("text is not valid UTF-8")
	case strings.TrimSpace(text) == "":
		return Example{}, fmt.Errorf("empty text")
	}
	if err := checkLabel(label); err != nil {
		return Example{}, err
	}
	return Example{Text: strings.Clone(text), Label: strings.Clone(label)}, nil
}

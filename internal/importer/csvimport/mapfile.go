package csvimport

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/herald-advocacy/herald"
)

// LoadMapping reads a mapping file: one `field = column` pair a line, the
// column bare or "quoted" (a TOML basic string, with \t and \" escapes) or
// 'literal'; `#` starts a comment; blank lines are skipped. This is a subset
// of TOML: a file written with quoted values is valid TOML. Errors name the
// line. Pass the result to ParseMapping.
func LoadMapping(r io.Reader) (map[string]string, error) {
	pairs := map[string]string{}
	first := map[string]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if line == "" || line[0] == '#' {
			continue
		}
		key, val, err := mapLine(line)
		if err != nil {
			return nil, herald.Errorf(herald.EInvalid, "mapping line %d: %v", n, err)
		}
		if m, dup := first[key]; dup {
			return nil, herald.Errorf(herald.EInvalid, "mapping line %d: %s given twice (first on line %d)", n, key, m)
		}
		first[key], pairs[key] = n, val
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	return pairs, nil
}

// mapLine splits one non-blank, non-comment line into key and value.
func mapLine(line string) (key, val string, err error) {
	if line[0] == '[' {
		return "", "", errors.New("tables ([...]) are not supported")
	}
	k, v, ok := strings.Cut(line, "=")
	if !ok {
		return "", "", errors.New("want field = column")
	}
	if key, err = mapKey(strings.TrimSpace(k)); err != nil {
		return "", "", err
	}
	val, err = mapValue(strings.TrimSpace(v))
	return key, val, err
}

// mapKey checks a bare key, allowing attr."quoted name".
func mapKey(k string) (string, error) {
	if rest, ok := strings.CutPrefix(k, "attr."); ok && strings.HasPrefix(rest, `"`) {
		name, err := strconv.Unquote(rest)
		if err != nil || name == "" {
			return "", fmt.Errorf("bad quoted attribute name %s", rest)
		}
		return "attr." + name, nil
	}
	if k == "" {
		return "", errors.New("missing field name before '='")
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			return "", fmt.Errorf("bad field name %q", k)
		}
	}
	return k, nil
}

// mapValue decodes a quoted, literal or bare value and drops a trailing comment.
func mapValue(v string) (string, error) {
	var val, rest string
	switch {
	case v == "":
		return "", errors.New("missing column after '='")
	case v[0] == '"':
		end := closingQuote(v)
		if end < 0 {
			return "", errors.New("unterminated quoted string")
		}
		s, err := strconv.Unquote(v[:end+1])
		if err != nil {
			return "", fmt.Errorf("bad quoted string %s", v[:end+1])
		}
		val, rest = s, v[end+1:]
	case v[0] == '\'':
		end := strings.IndexByte(v[1:], '\'')
		if end < 0 {
			return "", errors.New("unterminated literal string")
		}
		val, rest = v[1:end+1], v[end+2:]
	default:
		val, _, _ = strings.Cut(v, "#")
		val = strings.TrimSpace(val)
	}
	if rest = strings.TrimSpace(rest); rest != "" && rest[0] != '#' {
		return "", fmt.Errorf("unexpected %q after the value", rest)
	}
	return val, nil
}

// closingQuote returns the index of the quote closing the string v starts,
// or -1.
func closingQuote(v string) int {
	for i := 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

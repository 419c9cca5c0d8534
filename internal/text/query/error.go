package query

import "fmt"

// Error is a mistake in a query's text, with the place it was found.
type Error struct {
	Line int    // 1-based line
	Col  int    // 1-based column, counted in runes
	Msg  string // what is wrong, e.g. `expected ")" to close "(" opened at line 1, column 3`
}

// Error formats the mistake as "line L, column C: message".
func (e *Error) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// pos is a place in a query's text.
type pos struct{ line, col int }

func (p pos) String() string { return fmt.Sprintf("line %d, column %d", p.line, p.col) }

// errorf builds an *Error at p.
func errorf(p pos, format string, args ...any) *Error {
	return &Error{Line: p.line, Col: p.col, Msg: fmt.Sprintf(format, args...)}
}

// advance returns the position after the text s starting at p.
func advance(p pos, s string) pos {
	for _, r := range s {
		if r == '\n' {
			p.line, p.col = p.line+1, 1
		} else {
			p.col++
		}
	}
	return p
}

package jsonstream

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// line is a line as LineReader returns it.
type line struct {
	N    int64
	Text string
	Long bool
	EOL  string
}

func readLines(t *testing.T, r io.Reader, bufSize, max int) []line {
	t.Helper()
	lr := NewLineReader(bufio.NewReaderSize(r, bufSize), max)
	var out []line
	for {
		l, long, err := lr.Next()
		if err == io.EOF {
			return out
		} else if err != nil {
			t.Fatal(err)
		}
		out = append(out, line{lr.N, string(l), long, lr.EOL()})
	}
}

func TestLineReader(t *testing.T) {
	tests := []struct {
		name, in string
		max      int
		want     []line
	}{
		{"empty", "", 8, nil},
		{"lines", "a\nbc\r\n\nd", 8, []line{{1, "a", false, "\n"}, {2, "bc", false, "\r\n"}, {3, "", false, "\n"}, {4, "d", false, ""}}},
		{"final CR", "a\r", 8, []line{{1, "a", false, "\r"}}},
		{"lone CR inside", "a\rb\n", 8, []line{{1, "a\rb", false, "\n"}}},
		{"at the limit", "12345678\r\n123456789\n", 8, []line{{1, "12345678", false, "\r\n"}, {2, "12345678", true, "\n"}}},
		{"long then short", strings.Repeat("x", 100) + "\nok\n", 8, []line{{1, "xxxxxxxx", true, "\n"}, {2, "ok", false, "\n"}}},
		{"long at the end", "ok\n" + strings.Repeat("y", 50), 8, []line{{1, "ok", false, "\n"}, {2, "yyyyyyyy", true, ""}}},
	}
	for _, tt := range tests {
		for _, bufSize := range []int{16, 4096} {
			for _, oneByte := range []bool{false, true} {
				var r io.Reader = strings.NewReader(tt.in)
				if oneByte {
					r = iotest.OneByteReader(r)
				}
				got := readLines(t, r, bufSize, tt.max)
				if len(got) != len(tt.want) {
					t.Errorf("%s (buffer %d, one byte %v): got %+v, want %+v", tt.name, bufSize, oneByte, got, tt.want)
					continue
				}
				for i := range got {
					if got[i] != tt.want[i] {
						t.Errorf("%s (buffer %d, one byte %v): line %d = %+v, want %+v", tt.name, bufSize, oneByte, i, got[i], tt.want[i])
					}
				}
			}
		}
	}
}

// TestLineReaderLongerThanBuffer checks lines longer than the reader's
// buffer but within the limit, with CRLF split across reads.
func TestLineReaderLongerThanBuffer(t *testing.T) {
	a, b := strings.Repeat("a", 40), strings.Repeat("b", 17)
	got := readLines(t, iotest.HalfReader(strings.NewReader(a+"\r\n"+b+"\r\n")), 16, 100)
	want := []line{{1, a, false, "\r\n"}, {2, b, false, "\r\n"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestLineReaderError(t *testing.T) {
	boom := errors.New("boom")
	lr := NewLineReader(bufio.NewReader(io.MultiReader(strings.NewReader("a\nb"), iotest.ErrReader(boom))), 0)
	if l, _, err := lr.Next(); string(l) != "a" || err != nil {
		t.Fatalf("Next = %q, %v", l, err)
	}
	var re *ReadError
	if _, _, err := lr.Next(); !errors.As(err, &re) || !errors.Is(err, boom) {
		t.Fatalf("Next error = %v, want a ReadError of %v", err, boom)
	}
}

func TestNewReader(t *testing.T) {
	for in, want := range map[string]string{"\xef\xbb\xbf{}": "{}", "\xef\xbb{}": "\xef\xbb{}", "": "", "{\xef\xbb\xbf}": "{\xef\xbb\xbf}"} {
		got, err := io.ReadAll(NewReader(strings.NewReader(in)))
		if err != nil || string(got) != want {
			t.Errorf("NewReader(%q) reads %q, %v; want %q", in, got, err, want)
		}
	}
	if got := TrimHead([]byte("\xef\xbb\xbf \r\n\t{")); !bytes.Equal(got, []byte("{")) {
		t.Errorf("TrimHead = %q", got)
	}
}

func TestCheckUTF8(t *testing.T) {
	for in, want := range map[string]string{"": "", "héllo": "", "h\xffi": "invalid UTF-8 at byte 1", "é\xc3(": "invalid UTF-8 at byte 2"} {
		err := CheckUTF8([]byte(in))
		if got := ""; err != nil && err.Error() != want || err == nil && want != got {
			t.Errorf("CheckUTF8(%q) = %v, want %q", in, err, want)
		}
	}
}

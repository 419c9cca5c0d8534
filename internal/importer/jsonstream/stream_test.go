package jsonstream

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// value is a Value as compared in tests: Err is a substring of its error.
type value struct {
	Raw  string
	Item bool
	Err  string
}

func stream(t testing.TB, r io.Reader, opt Options) []value {
	t.Helper()
	var out []value
	err := Stream(r, opt, func(v Value) error {
		got := value{Raw: string(v.Raw), Item: v.Item}
		if v.Err != nil {
			got.Err = Describe(v.Err).Error()
		}
		out = append(out, got)
		return nil
	})
	if err != nil {
		t.Fatalf("Stream: %v", err)
	}
	return out
}

var collection = Options{Items: []string{"items"}, Pages: []string{"first"}}

func TestStream(t *testing.T) {
	tests := []struct {
		name, in string
		opt      Options
		want     []value
	}{
		{"empty", " \n", Options{}, nil},
		{"values", ` {"a":1} "x" 2 null`, Options{}, []value{{Raw: `{"a":1}`}, {Raw: `"x"`}, {Raw: `2`}, {Raw: `null`}}},
		{"arrays", "[1, {\"a\":\n[2]} ,\"x\"]\n[3] 4", Options{}, []value{{Raw: "1"}, {Raw: "{\"a\":\n[2]}"}, {Raw: `"x"`}, {Raw: "3"}, {Raw: "4"}}},
		{"nested array", `[[1,2]]`, Options{}, []value{{Raw: "[1,2]"}}},
		{"truncated value", `{"a":1} {"b":`, Options{}, []value{{Raw: `{"a":1}`}, {Raw: `{"b":`, Err: "truncated JSON"}}},
		{"broken element", "[1,\n{\"b\" 2}, 3]", Options{}, []value{{Raw: "1"}, {Raw: "{\"b\" 2}, 3]", Err: "invalid JSON: invalid character '2' after object key at byte 8"}}},
		{"garbage after", `[1] ]`, Options{}, []value{{Raw: "1"}, {Raw: "]", Err: "invalid JSON"}}},
		{"unclosed array", `[1, 2`, Options{}, []value{{Raw: "1"}, {Raw: "2"}}},
		{"unclosed array with comma", "[1,\n", Options{}, []value{{Raw: "1"}}},
		{"too large", `"abcdefghij" [1, "0123456789"] 2`, Options{Limit: 6}, []value{
			{Raw: `"abcde`, Err: "record longer than 6 bytes"}, {Raw: "1"}, {Raw: `"01234`, Err: "record longer than 6 bytes"}, {Raw: "2"}}},
		{"collection", `{"type":"C","items":["a",{"id":1}],"n":2} {"type":"N"}`, collection, []value{
			{Raw: `"a"`, Item: true}, {Raw: `{"id":1}`, Item: true}, {Raw: `{"type":"N"}`}}},
		{"first page", `{"first":{"items":[1],"first":{"items":[2]}},"items":{"x":[3]}}`, collection, []value{
			{Raw: "1", Item: true}, {Raw: "2", Item: true}}},
		{"empty items", `{"items":[]}`, collection, nil},
		{"no items", "{\"items\":\"x\",\"first\":[{\"items\":[1]}],\"a\":{\"items\":[2]}}\n", collection, []value{
			{Raw: `{"items":"x","first":[{"items":[1]}],"a":{"items":[2]}}`}}},
		{"top-level array of collections", `[{"items":[1]}]`, collection, []value{{Raw: `{"items":[1]}`}}},
		{"broken collection", `{"type":"C","items":[1, {"a" 2}]}`, collection, []value{
			{Raw: "1", Item: true}, {Raw: `{"a" 2}]}`, Err: "invalid JSON"}}},
		{"broken object", `{"type":"C" "items":[]}`, collection, []value{{Raw: `{"type":"C" "items":[]}`, Err: "invalid JSON"}}},
	}
	for _, tt := range tests {
		modes := []bool{false, true} // read at once, or one byte at a time
		if tt.opt.Limit > 0 {
			modes = modes[:1] // what fits the limit depends on the reads
		}
		for _, oneByte := range modes {
			t.Run(fmt.Sprintf("%s/%v", tt.name, oneByte), func(t *testing.T) {
				var r io.Reader = strings.NewReader(tt.in)
				if oneByte {
					r = iotest.OneByteReader(r)
				}
				got := stream(t, r, tt.opt)
				if len(got) != len(tt.want) {
					t.Fatalf("got %+v, want %+v", got, tt.want)
				}
				for i, w := range tt.want {
					if g := got[i]; g.Raw != w.Raw || g.Item != w.Item || !strings.Contains(g.Err, w.Err) || (g.Err == "") != (w.Err == "") {
						t.Errorf("value %d = %+v, want %+v", i, g, w)
					}
				}
			})
		}
	}
}

// TestStreamTooLargeRest checks that a value whose end is not within the
// limit ends the document.
func TestStreamTooLargeRest(t *testing.T) {
	in := `[1, "` + strings.Repeat("x", 100) + `", 2]`
	got := stream(t, iotest.OneByteReader(strings.NewReader(in)), Options{Limit: 10})
	if len(got) != 2 || got[0].Raw != "1" || got[1].Raw != in[4:14] || got[1].Err != "record longer than 10 bytes; the rest of the document was not read" {
		t.Errorf("got %+v", got)
	}
}

func TestStreamErrors(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Stream(strings.NewReader("[1,2,3]"), Options{}, func(Value) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Stream = %v after %d values, want %v after 1", err, n, stop)
	}
	boom := errors.New("boom")
	for _, in := range []string{"[1, 2", "{\"a\":", "", `{"items":[1,`} {
		var re *ReadError
		err := Stream(io.MultiReader(strings.NewReader(in), iotest.ErrReader(boom)), collection, func(Value) error { return nil })
		if !errors.As(err, &re) || !errors.Is(err, boom) {
			t.Errorf("%q: Stream = %v, want a ReadError of %v", in, err, boom)
		}
	}
}

// TestStreamMemory checks that the bytes of values already streamed are
// dropped: a long array of small elements keeps a small buffer.
func TestStreamMemory(t *testing.T) {
	in := io.MultiReader(strings.NewReader("["), strings.NewReader(strings.Repeat(`{"a":"`+strings.Repeat("x", 100)+`"},`, 100_000)), strings.NewReader("1]"))
	s := &streamer{rec: recorder{r: in}}
	peak, n := 0, 0
	s.fn = func(Value) error {
		n++
		peak = max(peak, cap(s.rec.buf))
		return nil
	}
	s.dec = json.NewDecoder(&s.rec)
	if err := s.array(0, false); err != nil || n != 100_001 {
		t.Fatalf("array = %v after %d values", err, n)
	}
	if peak > 256<<10 {
		t.Errorf("buffer grew to %d bytes", peak)
	}
}

// FuzzStream checks that Stream hands over valid input exactly: the
// elements of an array, or the value itself, with their exact bytes.
func FuzzStream(f *testing.F) {
	for _, s := range []string{`[1, {"a": [2, "x"]}, "y"]`, `{"a":1}`, ` [ ] `, `[{"items":[1]}]`, `"x"`, "[1,\n2]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got [][]byte
		err := Stream(bytes.NewReader(data), Options{}, func(v Value) error {
			if v.Err == nil && !json.Valid(v.Raw) {
				t.Fatalf("invalid value %q", v.Raw)
			}
			got = append(got, bytes.Clone(v.Raw))
			return nil
		})
		if err != nil {
			t.Fatalf("Stream: %v", err)
		}
		if !json.Valid(data) {
			return
		}
		want := [][]byte{bytes.TrimSpace(data)}
		if want[0][0] == '[' {
			var elems []json.RawMessage
			if err := json.Unmarshal(data, &elems); err != nil {
				t.Fatal(err)
			}
			want = want[:0]
			for _, e := range elems {
				want = append(want, e)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%q: got %q, want %q", data, got, want)
		}
		for i := range want {
			if !bytes.Equal(got[i], want[i]) {
				t.Fatalf("%q: value %d = %q, want %q", data, i, got[i], want[i])
			}
		}
	})
}

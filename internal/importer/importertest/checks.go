package importertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
)

// Want is an expected record: a reject whose Err contains Err, or a good
// record when Err is "". Raw, when not "", is its expected Raw. Test tables
// declare a type of their own with the same fields, as go vet wants the
// literals of imported struct types keyed.
type Want struct {
	Pos      int64
	Err, Raw string
}

// CheckWant compares recs with want, record by record.
func CheckWant[W ~struct {
	Pos      int64
	Err, Raw string
}](t *testing.T, recs []herald.Record, want []W) {
	t.Helper()
	if len(recs) != len(want) {
		t.Fatalf("got %d records, want %d: %+v", len(recs), len(want), recs)
	}
	for i, w := range want {
		w, r := Want(w), recs[i]
		if r.Pos != w.Pos {
			t.Errorf("record %d: Pos = %d, want %d", i, r.Pos, w.Pos)
		}
		switch {
		case w.Err == "" && r.Err != nil:
			t.Errorf("record %d: Err = %v, want a good record", i, r.Err)
		case w.Err != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), w.Err)):
			t.Errorf("record %d: Err = %v, want %q", i, r.Err, w.Err)
		}
		if w.Raw != "" && string(r.Raw) != w.Raw {
			t.Errorf("record %d: Raw = %q, want %q", i, r.Raw, w.Raw)
		}
	}
}

// BadInputs checks what every JSON format does with generic bad inputs
// built around good, a valid record on one line with at least one string
// member: nothing is emitted for an empty or blank input; binary garbage,
// invalid UTF-8, a truncated record and a line over herald.MaxRecordBytes
// are rejected at position 1 (with the bytes they start with, and a reason
// saying what is wrong), and Parse does not fail.
func BadInputs(t *testing.T, parse ParseFunc, good string) {
	i := strings.Index(good, `":"`)
	if i < 0 {
		t.Fatalf("good record %q has no string member", good)
	}
	badUTF8 := good[:i+3] + "\xff" + good[i+3:]
	tests := []struct {
		name, input string
		err         string // "": no records
		raw         string // prefix of the first record's Raw
	}{
		{"empty", "", "", ""},
		{"blank lines", "\n \n\t\r\n", "", ""},
		{"binary garbage", "\x00\x01\xff\xfe\x80garbage\n" + good, "invalid", "\x00\x01\xff\xfe\x80garbage"},
		{"invalid UTF-8", badUTF8, fmt.Sprintf("invalid UTF-8 at byte %d", i+3), badUTF8},
		{"truncated", good[:len(good)/2], "truncated JSON", good[:len(good)/2]},
		{"over-long line", `{"x":"` + strings.Repeat("a", herald.MaxRecordBytes) + "\"}\n" + good, "longer than", `{"x":"aaa`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "over-long line" && testing.Short() {
				t.Skip("allocates 16 MiB")
			}
			recs := Parse(t, parse, []byte(tt.input))
			switch {
			case tt.err == "" && len(recs) > 0:
				t.Fatalf("got %d records, want none: %+v", len(recs), recs)
			case tt.err == "":
				return
			case len(recs) == 0:
				t.Fatalf("no records, want a reject")
			}
			r := recs[0]
			if r.Pos != 1 || r.Err == nil || !strings.Contains(r.Err.Error(), tt.err) || !bytes.HasPrefix(r.Raw, []byte(tt.raw)) {
				t.Errorf("got {Pos %d, Err %v, Raw %.40q}, want {1, %q, %.40q…}", r.Pos, r.Err, r.Raw, tt.err, tt.raw)
			}
		})
	}
}

// EmitError checks that an error returned by emit stops Parse, which
// returns it as it is: input must yield at least two records.
func EmitError(t *testing.T, parse ParseFunc, input []byte) {
	t.Helper()
	stop := errors.New("stop here")
	n := 0
	err := parse(context.Background(), bytes.NewReader(input), func(herald.Record) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("%.20q: Parse = %v after %d records, want %v after 1", input, err, n, stop)
	}
}

// Cancel checks that Parse stops with a cancelled context: input must be
// large enough for Parse to check its context.
func Cancel(t *testing.T, parse ParseFunc, input []byte) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := parse(ctx, bytes.NewReader(input), func(herald.Record) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Parse = %v, want context.Canceled", err)
	}
}

// FailReader returns Data, then Err.
type FailReader struct {
	Data []byte
	Err  error
}

func (r *FailReader) Read(p []byte) (int, error) {
	if len(r.Data) == 0 {
		return 0, r.Err
	}
	n := copy(p, r.Data)
	r.Data = r.Data[n:]
	return n, nil
}

// ReadError checks that an error reading the input, after prefix, is
// returned by Parse rather than rejected.
func ReadError(t *testing.T, parse ParseFunc, prefix string) {
	t.Helper()
	boom := errors.New("disk on fire")
	err := parse(context.Background(), &FailReader{[]byte(prefix), boom}, func(herald.Record) error { return nil })
	if !errors.Is(err, boom) {
		t.Errorf("Parse(%.20q) = %v, want %v", prefix, err, boom)
	}
}

// Fuzz fuzzes parse: it must neither panic nor fail, and every record it
// emits must be well formed (see Problem).
func Fuzz(f *testing.F, parse ParseFunc) {
	f.Fuzz(func(t *testing.T, input []byte) {
		err := parse(context.Background(), bytes.NewReader(input), func(r herald.Record) error {
			if p := Problem(r); p != "" {
				t.Fatalf("%s: %+v", p, r)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
	})
}

// Reimport checks that the Raw of every record with an activity is an input
// of its own: parsed (after the preamble, if any), it yields the same
// activity. same compares two activities; nil means reflect.DeepEqual.
func Reimport(t *testing.T, parse ParseFunc, recs []herald.Record, same func(got, want *herald.Activity) bool) {
	t.Helper()
	if same == nil {
		same = func(got, want *herald.Activity) bool { return reflect.DeepEqual(got, want) }
	}
	var preamble []byte
	for _, r := range recs {
		if r.Preamble {
			preamble = r.Raw
		}
		if r.Activity == nil {
			continue
		}
		again := Parse(t, parse, append(bytes.Clone(preamble), r.Raw...))
		found := false
		for _, a := range again {
			if a.Activity != nil && a.Activity.ExternalID == r.Activity.ExternalID {
				found = true
				if !same(a.Activity, r.Activity) {
					t.Errorf("record %d: its Raw re-imports as\n%+v\nwant\n%+v\nRaw: %s", r.Pos, a.Activity, r.Activity, r.Raw)
				}
			}
		}
		if !found {
			t.Errorf("record %d (%s): its Raw does not re-import it: %+v\nRaw: %s", r.Pos, r.Activity.ExternalID, again, r.Raw)
		}
	}
}

// Bench measures parse over input: MB/s, records/s of wall time, records
// per CPU second (which holds on a loaded machine), bytes/record, allocs.
func Bench(b *testing.B, parse ParseFunc, input []byte) {
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	records, perLoop := 0, 0
	cpu := cpuTime()
	for b.Loop() {
		perLoop = 0
		err := parse(context.Background(), bytes.NewReader(input), func(r herald.Record) error {
			if !r.Preamble {
				perLoop++
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		records += perLoop
	}
	cpu = cpuTime() - cpu
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
	if cpu > 0 {
		b.ReportMetric(float64(records)/cpu.Seconds(), "records/cpu-s")
	}
	if perLoop > 0 {
		b.ReportMetric(float64(len(input))/float64(perLoop), "bytes/record")
	}
}

// cpuTime returns the CPU time used by the process so far (all threads:
// the parser and the garbage collector).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

package csvimport

import (
	"context"
	"io"
	"testing"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// parser returns Parse with mapping m bound.
func parser(m *Mapping) importertest.ParseFunc {
	return func(ctx context.Context, r io.Reader, emit herald.Emit) error {
		return Parse(ctx, r, m, emit)
	}
}

// parseAll parses input with m and returns every record emitted.
func parseAll(t testing.TB, input string, m *Mapping) ([]herald.Record, error) {
	t.Helper()
	return importertest.Collect(t, parser(m), []byte(input))
}

// parseFile parses a file with m and returns every record emitted.
func parseFile(t testing.TB, path string, m *Mapping) []herald.Record {
	t.Helper()
	return importertest.Parse(t, parser(m), importertest.Read(t, path))
}

// split separates activities from rejects, checking the preamble comes first.
func split(t testing.TB, recs []herald.Record) (acts []*herald.Activity, rejects []herald.Record) {
	t.Helper()
	checkRecords(t, recs)
	for _, r := range recs {
		switch {
		case r.Err != nil:
			rejects = append(rejects, r)
		case r.Activity != nil:
			acts = append(acts, r.Activity)
		}
	}
	return acts, rejects
}

// checkRecords checks what CSV adds to the records' invariants (checked by
// importertest as they are emitted): the preamble comes first, rows carry
// activities.
func checkRecords(t testing.TB, recs []herald.Record) {
	t.Helper()
	for i, r := range recs {
		switch {
		case r.Preamble != (i == 0):
			t.Errorf("record %d: preamble %v", i, r.Preamble)
		case !r.Preamble && r.Err == nil && r.Activity == nil:
			t.Errorf("record %d: no activity", i)
		}
	}
}

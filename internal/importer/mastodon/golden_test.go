package mastodon

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// TestFixtures decodes the real Mastodon 4.6 payloads.
func TestFixtures(t *testing.T) {
	files := importertest.Inputs(importertest.FixturePath(Name, "*.*"))
	if len(files) == 0 {
		t.Skip("shared fixtures not found")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			if !Sniff(importertest.Read(t, f)) {
				t.Errorf("Sniff = false")
			}
			importertest.CheckFile(t, Parse, f, "real_"+strings.TrimSuffix(name, filepath.Ext(name)), nil)
		})
	}
}

// TestTestdata decodes the crafted inputs in testdata.
func TestTestdata(t *testing.T) {
	for _, f := range importertest.Inputs("testdata/*") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			importertest.CheckFile(t, Parse, f, filepath.Base(f), nil)
		})
	}
}

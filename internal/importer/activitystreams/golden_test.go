package activitystreams

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// TestFixtures decodes the W3C specification examples.
func TestFixtures(t *testing.T) {
	files := importertest.Inputs(importertest.FixturePath(Name, "*.json"))
	if len(files) == 0 {
		t.Skip("shared fixtures not found")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			if !Sniff(importertest.Read(t, f)) {
				t.Errorf("Sniff = false")
			}
			importertest.CheckFile(t, Parse, f, "w3c_"+name, nil)
		})
	}
}

// TestTestdata decodes the crafted inputs in testdata.
func TestTestdata(t *testing.T) {
	for _, f := range importertest.Inputs("testdata/*.json*") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			importertest.CheckFile(t, Parse, f, filepath.Base(f), nil)
		})
	}
}

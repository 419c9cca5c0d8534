package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestProfiles checks the embedded profile files: they load, every listed
// profile has a file and every file a profile, each word is written in its
// profile's script, and targets have enough words to be told apart.
func TestProfiles(t *testing.T) {
	m, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	files, err := profileFiles.ReadDir("profiles")
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, p := range profiles {
		codes[p.code] = true
	}
	for _, f := range files {
		if code, ok := strings.CutSuffix(f.Name(), ".txt"); ok && !codes[code] {
			t.Errorf("profiles/%s has no entry in profiles", f.Name())
		}
	}
	words := make([]int, len(profiles))
	for w, hits := range m.words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "'"))
		for _, h := range hits {
			words[h.profile]++
			if p := profiles[h.profile]; scriptOf(r) != p.script {
				t.Errorf("%s: word %q is not in the profile's script", p.code, w)
			}
		}
	}
	for id, p := range profiles {
		min := 20
		if p.target {
			min = 60
		}
		if words[id] < min {
			t.Errorf("%s: %d words, want at least %d", p.code, words[id], min)
		}
	}
}

func TestAddProfileErrors(t *testing.T) {
	for _, data := range []string{
		"x the", "0 the", "10 the", "3", "3 The", "3 the the", "3 -ab", "3 -abcd", "3 *", "3 *ab",
		"3 " + strings.Repeat("a", maxWord+1),
	} {
		m := &model{words: map[string][]hit{}, endings: map[string][]hit{}, chars: map[rune][]hit{}}
		if err := m.addProfile(0, data); err == nil {
			t.Errorf("addProfile(%q) accepted it", data)
		}
	}
}

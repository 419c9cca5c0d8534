package lang

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// profile is a language scored from its words: a target is reported,
// a distractor exists so that its texts are not taken for a target and
// turns into "und".
type profile struct {
	code   string
	script script
	target bool
}

// profiles lists the languages with a file in profiles/; a profile's index
// is its id.
var profiles = []profile{
	{"en", scriptLatin, true}, {"es", scriptLatin, true}, {"fr", scriptLatin, true},
	{"de", scriptLatin, true}, {"pt", scriptLatin, true}, {"it", scriptLatin, true},
	{"nl", scriptLatin, true},
	{"ca", scriptLatin, false}, {"ro", scriptLatin, false}, {"sv", scriptLatin, false},
	{"da", scriptLatin, false}, {"nb", scriptLatin, false}, {"pl", scriptLatin, false},
	{"cs", scriptLatin, false}, {"hr", scriptLatin, false}, {"tr", scriptLatin, false},
	{"id", scriptLatin, false}, {"tl", scriptLatin, false}, {"fi", scriptLatin, false},
	{"hu", scriptLatin, false}, {"vi", scriptLatin, false}, {"af", scriptLatin, false},
	{"sw", scriptLatin, false},
	{"ru", scriptCyrillic, true}, {"uk", scriptCyrillic, true},
	{"bg", scriptCyrillic, false}, {"sr", scriptCyrillic, false}, {"mk", scriptCyrillic, false},
	{"be", scriptCyrillic, false}, {"kk", scriptCyrillic, false},
	{"ar", scriptArabic, true}, {"fa", scriptArabic, true}, {"ur", scriptArabic, true},
	{"hi", scriptDevanagari, true}, {"mr", scriptDevanagari, false}, {"ne", scriptDevanagari, false},
}

// maxProfiles bounds len(profiles) so that scores fit a fixed array.
const maxProfiles = 40

//go:embed profiles/*.txt
var profileFiles embed.FS

// hit is a weight a feature gives to a profile.
type hit struct {
	profile uint8
	weight  uint8
}

// model is the scoring data of all profiles, immutable once loaded.
type model struct {
	words   map[string][]hit // whole words, and "l'"/"'s" apostrophe parts
	endings map[string][]hit // the last three characters of longer words
	chars   map[rune][]hit   // single characters
	// wordTable and endingTable hold words and endings for fast look-up.
	wordTable, endingTable *table
	// scriptProfiles lists the ids of the profiles of each script, in order.
	scriptProfiles [numScripts][]int
	// hasChar has a bit set for each rune below charLimit in chars, so
	// that most letters need no map look-up.
	hasChar [charLimit / 64]uint64
}

const charLimit = 0x2000

// theModel loads the embedded profiles once. The files are part of the
// binary and checked by the tests, so an error is a programming error.
var theModel = sync.OnceValue(func() *model {
	m, err := loadModel()
	if err != nil {
		panic(err)
	}
	return m
})

// loadModel parses the embedded profile files.
func loadModel() (*model, error) {
	if len(profiles) > maxProfiles {
		return nil, fmt.Errorf("lang: %d profiles, at most %d", len(profiles), maxProfiles)
	}
	m := &model{words: map[string][]hit{}, endings: map[string][]hit{}, chars: map[rune][]hit{}}
	for id, p := range profiles {
		data, err := profileFiles.ReadFile("profiles/" + p.code + ".txt")
		if err != nil {
			return nil, fmt.Errorf("lang: reading profile %s: %w", p.code, err)
		}
		if err := m.addProfile(uint8(id), string(data)); err != nil {
			return nil, fmt.Errorf("lang: profile %s: %w", p.code, err)
		}
		m.scriptProfiles[p.script] = append(m.scriptProfiles[p.script], id)
	}
	var err error
	if m.wordTable, err = newTable(m.words); err != nil {
		return nil, err
	}
	if m.endingTable, err = newTable(m.endings); err != nil {
		return nil, err
	}
	return m, nil
}

// addProfile adds the features of one profile file.
func (m *model) addProfile(id uint8, data string) error {
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		w, err := strconv.ParseUint(fields[0], 10, 8)
		if err != nil || w < 1 || w > 9 || len(fields) < 2 {
			return fmt.Errorf("line %d: want a weight 1-9 and items", line)
		}
		for _, item := range fields[1:] {
			if seen[item] {
				return fmt.Errorf("line %d: %q listed twice", line, item)
			}
			seen[item] = true
			if err := m.addItem(item, hit{id, uint8(w)}); err != nil {
				return fmt.Errorf("line %d: %w", line, err)
			}
		}
	}
	return sc.Err()
}

// addItem adds one word, "-end"ing or "*c"haracter.
func (m *model) addItem(item string, h hit) error {
	switch {
	case strings.HasPrefix(item, "-") && len(item) > 1:
		end := item[1:]
		if utf8.RuneCountInString(end) != 3 || fold(end) != end {
			return fmt.Errorf("ending %q: want three lower-case characters", item)
		}
		m.endings[end] = append(m.endings[end], h)
	case strings.HasPrefix(item, "*") && len(item) > 1:
		r, n := utf8.DecodeRuneInString(item[1:])
		if n != len(item)-1 || r == utf8.RuneError {
			return fmt.Errorf("character %q: want one character", item)
		}
		m.chars[r] = append(m.chars[r], h)
		if r < charLimit {
			m.hasChar[r/64] |= 1 << (r % 64)
		}
	default:
		if !isWord(item) || fold(item) != item || len(item) > maxWord {
			return fmt.Errorf("word %q: want lower-case letters and at most %d bytes", item, maxWord)
		}
		m.words[item] = append(m.words[item], h)
	}
	return nil
}

// isWord reports whether s is made of letters, combining marks and
// apostrophes, as the words the scanner looks up are.
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '\'' {
			return false
		}
	}
	return s != ""
}

// charHits returns the hits of the character r.
func (m *model) charHits(r rune) []hit {
	if r < charLimit && m.hasChar[r/64]&(1<<(r%64)) == 0 {
		return nil
	}
	return m.chars[r]
}

package herald

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Note is something the team wrote down about a person (a conversation,
// a preference, a promise), shown on their page with its author.
type Note struct {
	ID          int64     `json:"id"`
	WorkspaceID int64     `json:"-"`
	PersonID    int64     `json:"person_id"`
	Author      string    `json:"author"` // the user's e-mail, or "token:" and the API token's name
	Body        string    `json:"body"`
	CreatedAt   time.Time `json:"created_at"`
}

// MaxNoteBytes bounds a note's body.
const MaxNoteBytes = 10_000

// CleanNote checks a note's body and returns it trimmed.
func CleanNote(body string) (string, error) {
	body = strings.TrimSpace(body)
	switch {
	case body == "":
		return "", Errorf(EInvalid, "a note cannot be empty")
	case len(body) > MaxNoteBytes:
		return "", Errorf(EInvalid, "a note is limited to %d bytes (this one has %d)", MaxNoteBytes, len(body))
	case !utf8.ValidString(body):
		return "", Errorf(EInvalid, "a note must be valid UTF-8 text")
	}
	return body, nil
}

// MaxTagRunes bounds a tag's length.
const MaxTagRunes = 40

// NormalizeTag returns a tag in its stored form — trimmed, lower case,
// inner runs of spaces as one — or an error naming what is wrong: a tag
// is 1 to 40 letters, digits, spaces, '-', '_' or '.'.
func NormalizeTag(tag string) (string, error) {
	tag = strings.Join(strings.Fields(strings.ToLower(tag)), " ")
	if tag == "" {
		return "", Errorf(EInvalid, "a tag cannot be empty")
	}
	if n := utf8.RuneCountInString(tag); n > MaxTagRunes {
		return "", Errorf(EInvalid, "tag %q is longer than %d characters", tag, MaxTagRunes)
	}
	for _, r := range tag {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && r != '-' && r != '_' && r != '.' {
			return "", Errorf(EInvalid, "tag %q has %q: use letters, digits, spaces, '-', '_' or '.'", tag, r)
		}
	}
	return tag, nil
}

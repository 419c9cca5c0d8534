// Package lang detects the language of short social-media texts without a
// downloaded model: the script of the letters decides most languages, and
// small embedded lists of frequent words, word endings and letters (in
// profiles/) tell apart the languages that share a script. It prefers
// "und" (unknown) to a wrong guess: short, mixed and unlisted texts are
// unknown rather than scored as English.
package lang

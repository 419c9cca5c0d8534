package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Character classes for splitting hashtags.
const (
	hUpper = iota + 1 // upper- or title-case letter
	hLower            // lower-case or uncased letter
	hDigit            // digit
	hMark             // combining mark: stays with the character before
	hSep              // anything else, '_' included: separates and is dropped
)

func hashtagClass(r rune) int {
	switch {
	case r < utf8.RuneSelf && ascii[r]&cUpper != 0, r >= utf8.RuneSelf && (unicode.IsUpper(r) || unicode.IsTitle(r)):
		return hUpper
	case isLetter(r):
		return hLower
	case isNumber(r):
		return hDigit
	case isMark(r):
		return hMark
	}
	return hSep
}

// SplitHashtag splits a hashtag body (without '#') into lower-cased words
// for matching: at '_', between a lower-case letter and an upper-case one
// ("UnitedAirlines" → united, airlines; "JetBlue" → jet, blue), before the
// last capital of a run followed by a lower-case letter ("JFKAirport" →
// jfk, airport) and between letters and digits ("iPhone15Pro" → iphone, 15,
// pro; "100DaysOfCode" → 100, days, of, code). A single lower-case letter
// before a capital stays with it (iPhone, eBay). A body in one case is one
// word: there is no dictionary segmentation ("unitedairlines"). It returns
// nil when body has no letter or digit.
func SplitHashtag(body string) []string {
	var parts []string
	start := -1 // start of the current part, -1 between parts
	prev := hSep
	for i, r := range body {
		c := hashtagClass(r)
		if c == hMark {
			continue
		}
		if c == hSep {
			parts = appendPart(parts, body, start, i)
			start, prev = -1, hSep
			continue
		}
		if start >= 0 && hashtagBoundary(body, start, i, prev, c) {
			parts = appendPart(parts, body, start, i)
			start = -1
		}
		if start < 0 {
			start = i
		}
		prev = c
	}
	return appendPart(parts, body, start, len(body))
}

// hashtagBoundary reports whether a part that started at body[start] ends
// before the character of class c at body[i], after one of class prev.
func hashtagBoundary(body string, start, i, prev, c int) bool {
	switch {
	case (prev == hDigit) != (c == hDigit):
		return true
	case prev == hLower && c == hUpper:
		// "iPhone", "eBay": one lower-case letter then a capital.
		_, n := utf8.DecodeRuneInString(body[start:])
		return start+n != i
	case prev == hUpper && c == hUpper:
		next, _ := decode(body, i+utf8.RuneLen(firstRune(body[i:])))
		return hashtagClass(next) == hLower
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func appendPart(parts []string, body string, start, end int) []string {
	if start < 0 || start >= end {
		return parts
	}
	return append(parts, strings.ToLower(body[start:end]))
}

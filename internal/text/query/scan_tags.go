package query

// hashtag scans "#body" at text[i] (the caller checked there is a body) and
// records the body's CamelCase parts.
func (sc *scan) hashtag(text string, i int) int {
	sc.begin(kindHashtag, i)
	sc.stream = append(sc.stream, '#')
	i++
	sc.body = sc.body[:0]
	for i < len(text) {
		r, w := decodeRune(text[i:])
		if !isBodyRune(r) {
			break
		}
		sc.body = append(sc.body, r)
		i += w
	}
	sc.parts()
	sc.end(i)
	return i
}

// parts folds sc.body into the stream and records its parts: runs split at
// underscores, between a lower-case and an upper-case letter, before the
// last capital of an acronym followed by a lower-case letter ("USAirways" →
// "US", "Airways") and between letters and digits.
func (sc *scan) parts() {
	inPart := false
	prev := classOther
	for j, r := range sc.body {
		if r == '_' {
			if inPart {
				sc.bounds = append(sc.bounds, int32(len(sc.stream)))
				inPart = false
			}
			sc.stream = append(sc.stream, '_')
			continue
		}
		c := classify(r)
		if inPart && c != classMark && splitBefore(prev, c, sc.body[j+1:]) {
			sc.bounds = append(sc.bounds, int32(len(sc.stream)))
			inPart = false
		}
		if !inPart {
			sc.bounds = append(sc.bounds, int32(len(sc.stream)))
			inPart = true
		}
		if c != classMark {
			prev = c
		}
		sc.stream = appendFold(sc.stream, r)
	}
	if inPart {
		sc.bounds = append(sc.bounds, int32(len(sc.stream)))
	}
}

// splitBefore reports whether a part boundary falls between a rune of class
// prev and one of class c, followed by the runes in rest.
func splitBefore(prev, c caseClass, rest []rune) bool {
	switch {
	case (prev == classDigit) != (c == classDigit):
		return true
	case prev == classLower && c == classUpper:
		return true
	case prev == classUpper && c == classUpper:
		for _, r := range rest {
			if n := classify(r); n != classMark {
				return n == classLower
			}
		}
	}
	return false
}

// mention scans "@user" or "@user@host" at text[i] (the caller checked there
// is a user). The user and the host are runs of body runes joined by single
// dots or hyphens. Each joint of the user, and the "@" before the host, is a
// place where a shorter handle may end.
func (sc *scan) mention(text string, i int) int {
	sc.begin(kindMention, i)
	sc.stream = append(sc.stream, '@')
	i = sc.handle(text, i+1, true)
	if i+1 < len(text) && text[i] == '@' && hasBody(text[i+1:]) {
		sc.bounds = append(sc.bounds, int32(len(sc.stream)))
		sc.stream = append(sc.stream, '@')
		i = sc.handle(text, i+1, false)
	}
	sc.end(i)
	return i
}

// handle folds the dot- or hyphen-joined run of body runes at text[i] into
// the stream, recording its joints when mark is set.
func (sc *scan) handle(text string, i int, mark bool) int {
	for i < len(text) {
		r, w := decodeRune(text[i:])
		if r == '.' || r == '-' {
			if !hasBody(text[i+w:]) {
				break
			}
			if mark {
				sc.bounds = append(sc.bounds, int32(len(sc.stream)))
			}
		} else if !isBodyRune(r) {
			break
		}
		sc.stream = appendFold(sc.stream, r)
		i += w
	}
	return i
}

package token

import "strconv"

// Kind is the category of a token.
type Kind uint8

// The token kinds. The zero Kind is not a valid kind.
const (
	Word     Kind = iota + 1 // letters, with inner apostrophes, hyphens and marks
	Number                   // digits with separators and a unit suffix: 1,000.50 3pm $30 50%
	URL                      // http(s)/ftp URL, www. address or bare domain such as example.com/path
	Mention                  // @name, @user@instance.social or @handle.bsky.social
	Hashtag                  // #tag
	Cashtag                  // $TICKER
	Emoji                    // one emoji sequence: ZWJ sequence, modified, flag, keycap or tag sequence
	Emoticon                 // ASCII emoticon such as :-) <3 XD ^_^
	Punct                    // punctuation or symbol; a run of the same character is one token
	Email                    // local@domain.tld
)

var kindNames = [...]string{
	Word: "Word", Number: "Number", URL: "URL", Mention: "Mention", Hashtag: "Hashtag",
	Cashtag: "Cashtag", Emoji: "Emoji", Emoticon: "Emoticon", Punct: "Punct", Email: "Email",
}

// String returns the kind's name, such as "Hashtag".
func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Flags are properties of a token.
type Flags uint8

// The token flags. They are only set on Word tokens.
const (
	// AllCaps marks a word of at least two upper-case letters and no
	// lower-case one, in a text that has lower-case words too: emphasis.
	// Acronyms (LAX, TSA) carry it as well.
	AllCaps Flags = 1 << iota
	// Elongated marks a word with a run of three or more of the same letter
	// ("sooo"), reduced to two in Norm.
	Elongated
	// Negation marks an English negation: not, no, never, nothing, nobody,
	// none, neither, nor, nowhere, cannot, without, and the n't contractions
	// with or without the apostrophe (don't, dont, isn’t).
	Negation

	// pendingNorm marks, during Tokenize only, a token whose Norm is still
	// in the scanner's buffer.
	pendingNorm Flags = 1 << 7
)

var flagNames = [...]string{"AllCaps", "Elongated", "Negation"}

// String returns the set flags joined by "|", or "0" when none is set.
func (f Flags) String() string {
	if f == 0 {
		return "0"
	}
	s := ""
	for i, name := range flagNames {
		if f&(1<<i) != 0 {
			if s != "" {
				s += "|"
			}
			s += name
		}
	}
	if rest := f &^ (1<<len(flagNames) - 1); rest != 0 {
		if s != "" {
			s += "|"
		}
		s += "0x" + strconv.FormatUint(uint64(rest), 16)
	}
	return s
}

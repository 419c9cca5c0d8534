// Package token splits social-media text into tokens for Herald's text
// analysis: words, numbers, URLs, e-mail addresses, @mentions, #hashtags,
// $cashtags, emoji sequences, emoticons and punctuation, each with its byte
// offsets in the original text, a normalised form (Norm) and flags for
// emphasis (all caps, elongation) and English negation.
//
// # Normalised forms
//
//   - Word: lower-cased with Go's simple case mapping; a letter followed by
//     a common combining accent is composed ("e\u0301" → "é"); ’ and ´ are
//     written ' and the Unicode hyphens -; soft hyphens are dropped; every
//     run of three or more of the same letter is cut to two ("sooo" → "soo",
//     "goooood" → "good", "loooove" → "loove"), so callers matching a
//     lexicon may also try the run cut to one.
//   - Number: lower-cased ("3PM" → "3pm"); digits and separators unchanged.
//   - Mention, Hashtag, Cashtag: the body without '@', '#' or '$',
//     lower-cased ("@JetBlue" → "jetblue"). SplitHashtag splits a hashtag
//     body into words.
//   - Email: lower-cased. URL: unchanged.
//   - Emoji: without variation selectors and skin-tone modifiers, so that
//     👍🏽 and 👍, ❤️ and ❤ share a Norm.
//   - Emoticon: without the repeats of its last character (":)))" → ":)").
//   - Punct: unchanged.
//
// In every kind, character references are decoded in the Norm ("&amp;" →
// "&"); see DecodeEntities. A Norm equal to the text shares its memory.
//
// # Words in scripts without spaces
//
// Chinese, Japanese and Thai are not segmented into words: a run of Han
// ideographs, of Hiragana, of Katakana or of Thai letters is one Word, and
// a word ends where the script changes ("Amazonプライム" is two words).
package token

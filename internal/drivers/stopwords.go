package drivers

// isStopword reports whether the normalised word w is one of the English
// function words dropped from word terms with Options.Stopwords. Negations
// (not, no, never, n't forms) are deliberately absent: they drive meaning.
func isStopword(w string) bool {
	switch w {
	case "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
		"be", "been", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from",
		"get", "got", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "i'm",
		"i've", "i'll", "i'd", "if", "in", "into", "is", "it", "it's", "its", "just", "me", "my",
		"of", "on", "or", "our", "out", "she", "so", "than", "that", "that's", "the", "their",
		"them", "then", "there", "these", "they", "this", "those", "to", "too", "up", "us",
		"was", "we", "we're", "were", "what", "when", "where", "which", "who", "why", "will",
		"with", "would", "you", "you're", "your", "yours":
		return true
	}
	return false
}

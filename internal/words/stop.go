package words

// stop is a list of English function words and news boilerplate verbs that
// carry no content for matching ("said", "told").
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
		"be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
		"do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
		"having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
		"is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
		"off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
		"should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
		"there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
		"we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
		"you", "your", "yours", "yourself", "said", "says", "say", "told", "according", "mr", "mrs", "ms", "per",
		"cent", "pct", "one", "two", "new", "may", "might", "must", "shall", "us", "it's", "don't", "didn't",
		"won't", "can't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", "he's", "she's",
		"they're", "we're", "i'm", "that's", "there's", "who's", "what's", "s", "t", "yet", "still", "even",
		"much", "many", "however", "although", "though", "since", "within", "without", "upon", "among", "across",
		"around", "via", "whether", "another", "every", "either", "neither", "several", "least", "less", "last",
	} {
		m[w] = true
	}
	return m
}()

// Stop reports whether a lower-case word is a stop word.
func Stop(w string) bool { return stop[w] }

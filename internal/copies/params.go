package copies

// Params are the detection parameters. Defaults are chosen by measured
// precision and recall on the generated set (see BENCHMARKS.md, "Copies").
type Params struct {
	// ShingleWords is the shingle length in words.
	ShingleWords int
	// Window is the winnowing window, in shingles: the fingerprints indexed
	// for finding partial-copy candidates.
	Window int
	// MinWords: texts with fewer words are never copies (too little to tell).
	MinWords int
	// NearJaccard is the least estimated Jaccard similarity of shingle sets
	// for a near copy.
	NearJaccard float64
	// PartialContainment is the least share of the smaller text's shingles
	// found in the other for a partial copy; PartialMinShared is the least
	// number of shared shingles.
	PartialContainment float64
	PartialMinShared   int
	// SentenceDice is the least IDF-weighted Dice overlap of stemmed content
	// words (and figures) for two sentences to align; ParaphraseAligned the least share of the shorter
	// text's sentences that must align, and ParaphraseMinSentences the least
	// number of aligned sentences.
	SentenceDice           float64
	ParaphraseAligned      float64
	ParaphraseMinSentences int
	// MaxPosting caps how many earlier documents one key is followed to:
	// keys shared by more (boilerplate, stock phrases) say little.
	MaxPosting int
}

// DefaultParams are the parameters sitrep ships with.
func DefaultParams() Params {
	return Params{
		ShingleWords:           5,
		Window:                 8,
		MinWords:               12,
		NearJaccard:            0.70,
		PartialContainment:     0.5,
		PartialMinShared:       8,
		SentenceDice:           0.6,
		ParaphraseAligned:      0.6,
		ParaphraseMinSentences: 3,
		MaxPosting:             200,
	}
}

// MinHash layout: numHashes values in bands of bandRows.
const (
	hashBits  = 6
	numHashes = 1 << hashBits
	bandRows  = 8
	numBands  = numHashes / bandRows
)

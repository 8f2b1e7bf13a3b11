package cluster

import "time"

// Params are the clustering settings. One configuration serves every
// corpus; DefaultParams documents how each value was chosen.
type Params struct {
	TitleBoost float32 // title words count this many times
	LeadWords  int     // the first LeadWords words count once more
	NameBoost  float32 // a name counts this many times a plain word

	QueryTerms int     // the article's heaviest terms used to find candidate stories
	MaxPosting int     // stories looked at per term, most recent first
	IndexTerms int     // a member's heaviest terms that index its story
	Threshold  float64 // join the best story when its score is at least this

	Window  time.Duration // stories last seen longer ago are not candidates
	HalfGap time.Duration // a time gap of HalfGap halves the score

	RepairRounds   int     // reassignment rounds after the online pass (batch only)
	MergeThreshold float64 // merge two stories whose centroids are this similar
}

// DefaultParams returns the configuration measured in BENCHMARKS.md.
func DefaultParams() Params {
	return Params{
		TitleBoost:     2,
		LeadWords:      40,
		NameBoost:      1,
		QueryTerms:     20,
		MaxPosting:     64,
		IndexTerms:     30,
		Threshold:      0.25,
		Window:         30 * 24 * time.Hour,
		HalfGap:        7 * 24 * time.Hour,
		RepairRounds:   2,
		MergeThreshold: 0.5,
	}
}

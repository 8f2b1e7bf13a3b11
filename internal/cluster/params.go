package cluster

import "time"

// Params are the clustering settings. One configuration serves every
// corpus; BENCHMARKS.md records the measurements behind the defaults.
type Params struct {
	TitleBoost float32 // title words count this many times
	LeadWords  int     // the first LeadWords words count once more
	NameBoost  float32 // a name counts this many times a plain word

	VectorTerms int           // an article is represented by its heaviest VectorTerms terms (0: all)
	Background  *Background   // document frequencies added to those of the articles seen (nil: none)
	IDFPower    float64       // idf is raised to this power: above 1 favours rare terms
	DFHalfLife  time.Duration // an article this far away in time counts half in document frequencies (0: no decay)
	IndexTerms  int           // an article is indexed under its heaviest IndexTerms terms
	QueryTerms  int           // and looked up by its heaviest QueryTerms terms
	MaxPosting  int           // articles looked at per query term, most recent first
	Candidates  int           // candidates scored exactly, best by the index's partial score

	Neighbours int     // each article keeps its Neighbours nearest earlier or later articles
	Links      int     // an article links to a story through one of its Links nearest
	SharedMin  int     // when the two also share SharedMin nearest neighbours (one more if the other lacks it among its Neighbours)
	Threshold  float64 // and their similarity is at least Threshold

	YearsApart float64       // similarity factor for two articles that name years, none in common
	Window     time.Duration // articles further apart in time are never neighbours
	HalfGap    time.Duration // a time gap of HalfGap halves the similarity
}

// DefaultParams returns the configuration measured in BENCHMARKS.md.
func DefaultParams() Params {
	return Params{
		TitleBoost:  2,
		LeadWords:   40,
		NameBoost:   1,
		VectorTerms: 0,
		Background:  DefaultBackground(),
		IDFPower:    1,
		DFHalfLife:  14 * 24 * time.Hour,
		IndexTerms:  30,
		QueryTerms:  20,
		MaxPosting:  200,
		Candidates:  20,
		Neighbours:  6,
		Links:       3,
		SharedMin:   2,
		Threshold:   0.2,
		YearsApart:  0.6,
		Window:      30 * 24 * time.Hour,
		HalfGap:     7 * 24 * time.Hour,
	}
}

package copies

import (
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/parallel"
)

// Doc is the part of an article copy detection reads.
type Doc struct {
	ID        string
	Published time.Time
	Text      string
}

// Result is the copy status of one document.
type Result struct {
	CopyOf     string  `json:"copy_of"`   // the original's id, "" if none
	Via        string  `json:"via"`       // the document matched (the original, or a copy of it)
	Type       string  `json:"copy_type"` // Exact, Near, Partial, Paraphrase or ""
	Similarity float64 `json:"similarity,omitempty"`
}

// Detect finds the copies among docs: signatures on up to workers
// goroutines, then matching in publication order (model.Chronological).
// Results are in input order and do not depend on workers.
func Detect(docs []Doc, p Params, workers int) []Result {
	sigs := make([]*Signature, len(docs))
	parallel.For(len(docs), workers, func(i int) { sigs[i] = Sign(docs[i].Text, p) })
	times := make([]time.Time, len(docs))
	for i, d := range docs {
		times[i] = d.Published
	}
	ix := NewIndex(p)
	samples, sentences := 0, 0
	for _, s := range sigs {
		samples += len(s.Sample)
		sentences += len(s.Keys)
	}
	ix.Reserve(len(sigs), samples, sentences)
	var byNum []int // index number → position in docs
	out := make([]Result, len(docs))
	for _, i := range model.Chronological(times) {
		m := ix.Match(sigs[i])
		if m.Of >= 0 && docs[byNum[m.Of]].ID != docs[i].ID {
			out[i] = Result{CopyOf: docs[byNum[m.Of]].ID, Via: docs[byNum[m.Via]].ID, Type: m.Type, Similarity: round3(m.Similarity)}
		} else {
			m = Match{Of: -1, Via: -1}
		}
		ix.Add(sigs[i], m)
		byNum = append(byNum, i)
	}
	return out
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

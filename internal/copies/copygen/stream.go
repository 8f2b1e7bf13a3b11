package copygen

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/words"
)

// renameBlock is how many words of neighbouring corpus frequency rotate
// among themselves: a stream can have renameBlock-1 rounds past the first
// before a round repeats one.
const renameBlock = 64

// Renamer turns a corpus into a longer benchmark stream of new texts. Round
// 0 is the corpus itself; round r replaces every content word (not a stop
// word, not a figure) with the word r places further along its block of 64
// words of about the same corpus frequency. Each round is therefore a new
// set of texts with the corpus's lengths, vocabulary and word frequencies,
// sharing no passage with another round except by chance, while the
// corpus's own repeats and rewrites stay copies of each other within their
// round.
type Renamer struct {
	rank  map[string]int32 // lower-cased content word → frequency rank
	words []string         // by rank
}

// NewRenamer counts the content words of texts.
func NewRenamer(texts []string) *Renamer {
	freq := map[string]int{}
	for _, t := range texts {
		words.Each(t, func(w []byte, _ words.Span) {
			if content(w) {
				freq[string(w)]++
			}
		})
	}
	r := &Renamer{rank: make(map[string]int32, len(freq))}
	for w := range freq {
		r.words = append(r.words, w)
	}
	slices.SortFunc(r.words, func(a, b string) int {
		if c := cmp.Compare(freq[b], freq[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	for i, w := range r.words {
		r.rank[w] = int32(i)
	}
	return r
}

func content(w []byte) bool {
	return len(w) > 1 && !words.Stop(string(w)) && strings.IndexFunc(string(w), unicode.IsLetter) >= 0
}

// Text returns text as round r of the stream has it.
func (r *Renamer) Text(text string, round int) string {
	shift := round % renameBlock
	if shift == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	last := 0
	words.Each(text, func(w []byte, at words.Span) {
		rank, ok := r.rank[string(w)]
		if !ok {
			return
		}
		block := rank / renameBlock * renameBlock
		size := min(int32(renameBlock), int32(len(r.words))-block)
		to := r.words[block+(rank-block+int32(shift))%size]
		b.WriteString(text[last:at.Start])
		writeCased(&b, to, text[at.Start:at.End])
		last = at.End
	})
	b.WriteString(text[last:])
	return b.String()
}

// writeCased writes w in the case pattern of like: all capitals, a capital
// first letter, or lower case.
func writeCased(b *strings.Builder, w, like string) {
	first, _ := utf8.DecodeRuneInString(like)
	switch {
	case len(like) > 1 && strings.ToUpper(like) == like && strings.ToLower(like) != like:
		b.WriteString(strings.ToUpper(w))
	case unicode.IsUpper(first):
		r, n := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[n:])
	default:
		b.WriteString(w)
	}
}

package cluster

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"slices"
	"sync"
)

// background.df holds document frequencies of the features Extract finds
// in a general news collection (Reuters-21578 newswire, 1987, and BBC News,
// 2004-2005; both free for research use), so that a handful of articles
// is weighed against ordinary news rather than against itself: the two
// reports of one event share their telling words, and without a background
// those words would look common. Only frequencies of hashed features are
// kept, no text. Regenerate with
//
//	go test ./internal/cluster -run TestWriteBackground -write-background
//
//go:embed background.df
var backgroundFile []byte

// Background is a table of document frequencies over a reference
// collection of Docs documents.
type Background struct {
	Docs float32
	DF   map[uint64]float32
}

const backgroundMagic = "SDF1"

var (
	backgroundOnce sync.Once
	background     *Background
)

// DefaultBackground returns the embedded table.
func DefaultBackground() *Background {
	backgroundOnce.Do(func() {
		b, err := decodeBackground(backgroundFile)
		if err != nil {
			panic("cluster: embedded background.df: " + err.Error())
		}
		background = b
	})
	return background
}

// encodeBackground writes the table: magic, document count, entry count,
// then (key uint64, df uint16) pairs, little-endian, sorted by key.
func encodeBackground(docs int, df map[uint64]int, minDF int) []byte {
	keys := make([]uint64, 0, len(df))
	for k, n := range df {
		if n >= minDF {
			keys = append(keys, k)
		}
	}
	sortKeys(keys)
	out := append([]byte(backgroundMagic), make([]byte, 8)...)
	binary.LittleEndian.PutUint32(out[4:], uint32(docs))
	binary.LittleEndian.PutUint32(out[8:], uint32(len(keys)))
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint64(out, k)
		out = binary.LittleEndian.AppendUint16(out, uint16(min(df[k], 65535)))
	}
	return out
}

func decodeBackground(b []byte) (*Background, error) {
	if len(b) < 12 || string(b[:4]) != backgroundMagic {
		return nil, errors.New("not a background table")
	}
	docs := binary.LittleEndian.Uint32(b[4:])
	n := int(binary.LittleEndian.Uint32(b[8:]))
	if len(b) != 12+10*n {
		return nil, errors.New("truncated background table")
	}
	bg := &Background{Docs: float32(docs), DF: make(map[uint64]float32, n)}
	for i := range n {
		e := b[12+10*i:]
		bg.DF[binary.LittleEndian.Uint64(e)] = float32(binary.LittleEndian.Uint16(e[8:]))
	}
	return bg, nil
}

func sortKeys(keys []uint64) { slices.Sort(keys) }

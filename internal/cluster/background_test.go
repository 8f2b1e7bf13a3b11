package cluster

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/sitrep/sitrep/internal/corpustest"
)

var writeBackground = flag.Bool("write-background", false, "regenerate background.df from ../shared/corpus")

// TestWriteBackground regenerates the embedded table from the shared
// corpora when asked with -write-background.
func TestWriteBackground(t *testing.T) {
	if !*writeBackground {
		t.Skip("regenerates background.df only with -write-background")
	}
	df := map[uint64]int{}
	docs := 0
	p := DefaultParams()
	for _, name := range []string{"corpus/reuters21578.jsonl.gz", "corpus/bbc.jsonl.gz"} {
		path := corpustest.Shared(t, name)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var r struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			docs++
			for _, term := range Extract(r.Title, r.Text, p).Terms {
				df[term.Key]++
			}
		}
		f.Close()
	}
	b := encodeBackground(docs, df, 3)
	if err := os.WriteFile("background.df", b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents, %d features kept of %d, %d bytes", docs, (len(b)-12)/10, len(df), len(b))
}

func TestBackgroundRoundTrip(t *testing.T) {
	b := encodeBackground(7, map[uint64]int{3: 5, 1: 2, 9: 70000, 4: 1}, 2)
	bg, err := decodeBackground(b)
	if err != nil {
		t.Fatal(err)
	}
	if bg.Docs != 7 || len(bg.DF) != 3 || bg.DF[3] != 5 || bg.DF[9] != 65535 || bg.DF[4] != 0 {
		t.Fatalf("decoded %+v", bg)
	}
	if _, err := decodeBackground(b[:len(b)-1]); err == nil {
		t.Fatal("truncated table decoded without error")
	}
	if d := DefaultBackground(); d.Docs < 10000 || len(d.DF) < 10000 {
		t.Fatalf("embedded table too small: %v documents, %d features", d.Docs, len(d.DF))
	}
}

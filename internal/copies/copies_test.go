package copies

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpustest"
)

const story = `The city council voted on Tuesday to close the old harbour bridge for repairs lasting six months.
Engineers found cracks in two of the bridge's steel supports during an inspection in March, the council said.
Traffic will be diverted through the northern ring road, adding about ten minutes to journeys into the centre.
The mayor said the decision was painful but that safety had to come first for the thousands who cross daily.
Local shop owners warned that the closure would hurt trade during the busy summer season.`

func docAt(id, text string, minute int) Doc {
	return Doc{ID: id, Text: text, Published: time.Date(2024, 1, 1, 0, minute, 0, 0, time.UTC)}
}

func TestCopyOfCopyResolvesToOriginal(t *testing.T) {
	edited := strings.Replace(story, "six months", "half a year", 1)
	docs := []Doc{
		docAt("copy2", "Reprinted with permission.\n"+edited+"\nSubscribe for more.", 20),
		docAt("orig", story, 0),
		docAt("copy1", edited, 10),
		docAt("other", "Stock markets fell sharply in early trading as investors worried about rising interest rates and slowing growth in China and Europe.", 5),
	}
	res := Detect(docs, DefaultParams(), 1)
	if res[2].CopyOf != "orig" || res[0].CopyOf != "orig" {
		t.Fatalf("copy chain: copy1 → %q, copy2 → %q; want both → orig", res[2].CopyOf, res[0].CopyOf)
	}
	if res[1].CopyOf != "" || res[3].CopyOf != "" {
		t.Fatalf("original or unrelated marked as copy: %+v %+v", res[1], res[3])
	}
}

func TestTypes(t *testing.T) {
	paras := strings.Split(story, "\n")
	host := "A new museum opened downtown on Saturday with an exhibition of maritime paintings.\nVisitors queued for hours to see the collection, which had been in storage for decades.\n"
	for _, tc := range []struct {
		text, want string
	}{
		{strings.ToUpper(story), Exact},
		{story + "\nFollow us on social media.", Near},
		{strings.Join(paras[:3], "\n"), Partial},
		{host + strings.Join(paras[:4], "\n") + "\nThe museum is open daily.", Partial},
	} {
		res := Detect([]Doc{docAt("orig", story, 0), docAt("c", tc.text, 1)}, DefaultParams(), 1)
		if res[1].CopyOf != "orig" || res[1].Type != tc.want {
			t.Errorf("%.40q: got %+v, want %s copy of orig", tc.text, res[1], tc.want)
		}
	}
}

func TestNeverOwnCopy(t *testing.T) {
	docs := []Doc{docAt("a", story, 0), docAt("a", story, 0), docAt("b", story, 0)}
	res := Detect(docs, DefaultParams(), 2)
	for i, r := range res {
		if r.CopyOf == docs[i].ID {
			t.Errorf("doc %d is its own copy", i)
		}
	}
	if res[2].CopyOf != "a" || res[2].Type != Exact {
		t.Errorf("b: %+v, want exact copy of a", res[2])
	}
}

func TestWorkersDoNotChangeResults(t *testing.T) {
	var docs []Doc
	for i := range 300 {
		text := fmt.Sprintf("Report %d: %s", i%37, story)
		if i%3 == 0 {
			text = fmt.Sprintf("Unrelated note number %d about weather in region %d with rain expected over the hills and valleys later today and tomorrow.", i, i*7)
		}
		docs = append(docs, Doc{ID: fmt.Sprint(i), Text: text, Published: time.Unix(int64(i%50), 0)})
	}
	want := fmt.Sprint(Detect(docs, DefaultParams(), 1))
	for _, w := range []int{2, 5, 16} {
		if got := fmt.Sprint(Detect(docs, DefaultParams(), w)); got != want {
			t.Fatalf("workers=%d differs from workers=1", w)
		}
	}
}

func TestSeedsAreNotCopies(t *testing.T) {
	names, texts := corpustest.Seeds(t)
	var docs []Doc
	for i := range names {
		docs = append(docs, Doc{ID: names[i], Text: texts[i]})
	}
	for _, r := range Detect(docs, DefaultParams(), 1) {
		if r.CopyOf != "" {
			t.Fatalf("seed marked as %s copy of %s (%.2f)", r.Type, r.CopyOf, r.Similarity)
		}
	}
}

func FuzzDetect(f *testing.F) {
	f.Add(story, strings.ToLower(story))
	f.Add("short", "short")
	f.Add("a. B. c! D? \n\n e", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		docs := []Doc{{ID: "a", Text: a}, {ID: "b", Text: b}, {ID: "c", Text: a + "\n" + b}}
		res := Detect(docs, DefaultParams(), 2)
		for i, r := range res {
			if r.CopyOf == docs[i].ID || (r.CopyOf == "") != (r.Type == "") {
				t.Fatalf("doc %d: %+v", i, r)
			}
			if r.Similarity < 0 || r.Similarity > 1 {
				t.Fatalf("similarity %v", r.Similarity)
			}
		}
	})
}

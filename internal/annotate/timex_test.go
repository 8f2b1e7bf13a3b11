package annotate

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpustest"
)

// TestTimexesReadTheSentence checks the expressions resolved against what
// the sentence has already named: a year, a month, a future.
func TestTimexesReadTheSentence(t *testing.T) {
	pub := time.Date(2010, 3, 3, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]map[string]string{
		"Costs fell to $118 billion last year, $19.8 billion less than the year previous.":         {"last year": "2009", "the year previous": "2008"},
		"It lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.": {"the entire year": "2005"},
		"Sales rose 43% in February compared to the same period last year.":                        {"February": "2010-02", "the same period last year": "2009-02"},
		"Sales fell in January, compared to the same month a year ago.":                            {"the same month a year ago": "2009-01"},
		"Dealers whose franchises end after October of next year will get a letter.":               {"October": "2011-10", "next year": "2011"},
		"The sale should be completed in October.":                                                 {"October": "2010-10"},
		"The sale was completed in October.":                                                       {"October": "2009-10"},
	} {
		got := map[string]string{}
		for _, tx := range FindTimexes(text, pub) {
			got[tx.Text] = tx.Value
		}
		for expr, v := range want {
			if got[expr] != v {
				t.Errorf("%q in %q = %q, want %q (all %v)", expr, text, got[expr], v, got)
			}
		}
	}
}

func TestTimexesResolveAgainstPublication(t *testing.T) {
	pub := time.Date(2020, 12, 2, 0, 0, 0, 0, time.UTC) // a Wednesday
	text := "The drawdown will continue until after the Jan. 3 anniversary. Tensions spiked on Friday. " +
		"Milley said on Tuesday that troops would fall to 2,500 by Jan. 15, following a directive last month. " +
		"It was expected to last only until mid-January. In September, the administration threatened to close it. " +
		"The embassy ordered employees to leave in March. As tensions soared last year, talks began on December 2, 2019. " +
		"Three days ago officials met; the plan runs for two years; the decision came at 3 p.m. " +
		"He may resign. The 2,500 troops and 3,000 dealers stay."
	want := map[string]string{
		"Jan. 3": "2021-01-03", "Friday": "2020-11-27", "Tuesday": "2020-12-01", "Jan. 15": "2021-01-15",
		"last month": "2020-11", "mid-January": "2021-01", "September": "2020-09", "March": "2020-03",
		"last year": "2019", "December 2, 2019": "2019-12-02", "Three days ago": "2020-11-29", "two years": "P2Y",
		"3 p.m.": "2020-12-02T15:00",
	}
	got := map[string]Timex{}
	for _, tx := range FindTimexes(text, pub) {
		got[tx.Text] = tx
		if tx.Text != text[tx.Start:tx.End] {
			t.Errorf("%q: span %d-%d holds %q", tx.Text, tx.Start, tx.End, text[tx.Start:tx.End])
		}
	}
	for expr, v := range want {
		if got[expr].Value != v {
			t.Errorf("%q = %q, want %q", expr, got[expr].Value, v)
		}
	}
	if !got["Jan. 3"].Upcoming || got["Friday"].Upcoming {
		t.Errorf("upcoming: Jan. 3 %v, Friday %v", got["Jan. 3"].Upcoming, got["Friday"].Upcoming)
	}
	for expr := range got {
		if strings.Contains(expr, "may") || strings.Contains(expr, "2,500") || strings.Contains(expr, "3,000") {
			t.Errorf("%q is not a time", expr)
		}
	}
	// Without a publication time relative expressions get no value.
	for _, tx := range FindTimexes("He left on Friday, last month.", time.Time{}) {
		t.Errorf("unanchored %q got %q", tx.Text, tx.Value)
	}
}

func TestGuessAnchor(t *testing.T) {
	if a := GuessAnchor("Ship fire at Port Calder\nMay 14, 2009\nCrews fought it on Tuesday."); a.Format("2006-01-02") != "2009-05-14" {
		t.Errorf("GuessAnchor = %v", a)
	}
	if a := GuessAnchor("No date here."); !a.IsZero() {
		t.Errorf("GuessAnchor = %v, want zero", a)
	}
}

// TestMEANTIMETimexes guards the DATE value accuracy on MEANTIME
// (BENCHMARKS.md): the target, 0.90, is met.
func TestMEANTIMETimexes(t *testing.T) {
	docs, err := LoadCAT(corpustest.Shared(t, "corpus/meantime/intra-doc_annotation"))
	if err != nil {
		t.Fatal(err)
	}
	sc := ScoreTimexes(docs)
	t.Logf("DATE value accuracy %.3f (%d of %d), span recall %.3f, span precision %.3f", sc.Accuracy, sc.Correct, sc.GoldDates, sc.SpanRecall, sc.SpanPrecise)
	if sc.Docs != 120 || sc.Accuracy < 0.90 {
		t.Errorf("accuracy %.3f over %d docs: below the 0.90 target", sc.Accuracy, sc.Docs)
	}
}

func FuzzTimexes(f *testing.F) {
	f.Add("until after the Jan. 3 anniversary, on Friday, last month, 7/8/07, the '80s", int64(1606867200))
	f.Add("May 2019 may 31st 2 December 2020", int64(0))
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var anchor time.Time
		if unix > 0 && unix < 1<<34 {
			anchor = time.Unix(unix, 0).UTC()
		}
		prev := 0
		for _, tx := range FindTimexes(text, anchor) {
			if tx.Start < prev || tx.End <= tx.Start || tx.End > len(text) || tx.Value == "" {
				t.Fatalf("bad timex %+v after %d in %q", tx, prev, text)
			}
			prev = tx.End
		}
	})
}

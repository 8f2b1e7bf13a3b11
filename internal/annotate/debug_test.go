package annotate

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugQuotes(t *testing.T) {
	text := os.Getenv("QTEXT")
	ss := Sentences(text)
	for _, s := range ss {
		fmt.Printf("SENT %q\n", s.Text)
	}
	for _, q := range FindQuotes(text, ss) {
		p := func(s *Span) string {
			if s == nil {
				return "-"
			}
			return s.Text
		}
		fmt.Printf("src=%q cue=%q content=%q more=%d speaker=%q type=%s\n", p(q.Source), p(q.Cue), p(q.Content), len(q.More), q.Speaker, q.SourceType)
	}
}

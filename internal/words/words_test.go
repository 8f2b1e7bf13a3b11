package words

import (
	"strings"
	"testing"
)

func TestEach(t *testing.T) {
	var list []string
	Each("Iraq’s al-Kadhimi didn't say: “U.S. troops (3,000)”—ÉCOLE.", func(w []byte, _ Span) { list = append(list, string(w)) })
	got := strings.Join(list, "|")
	want := "iraq's|al-kadhimi|didn't|say|u|s|troops|3|000|école"
	if got != want {
		t.Errorf("Each = %q, want %q", got, want)
	}
}

func TestSentences(t *testing.T) {
	text := `Army Gen. Mark Milley spoke on Jan. 3 at 3 p.m. in the U.S. Capitol. He said: "We are ready." Then he left! Did J. Smith go? Yes. It led Sens. Jon Tester and Mary Lee to act. (Mr. Lee has also asked for a vote.) It passed (narrowly). State Del. Ana Ruiz agreed. Done.
New line here`
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{
		"Army Gen. Mark Milley spoke on Jan. 3 at 3 p.m. in the U.S. Capitol.",
		`He said: "We are ready."`,
		"Then he left!",
		"Did J. Smith go?",
		"Yes.",
		"It led Sens. Jon Tester and Mary Lee to act.",
		"(Mr. Lee has also asked for a vote.)",
		"It passed (narrowly).",
		"State Del. Ana Ruiz agreed.",
		"Done.",
		"New line here",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{"running": "run", "withdrawals": "withdraw", "embassies": "embassi", "said": "said"} {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Gen. X said. “Quote.” Next one? Yes!\nLine")
	f.Add("a.b. C. ’’. ”")
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, sp := range Sentences(s) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %+v after %d in %q", sp, last, s)
			}
			last = sp.End
		}
		last = 0
		Each(s, func(w []byte, at Span) {
			if len(w) == 0 || at.Start < last || at.End <= at.Start || at.End > len(s) {
				t.Fatalf("bad word span %+v after %d in %q", at, last, s)
			}
			last = at.End
			if want := strings.ToLower(strings.ReplaceAll(s[at.Start:at.End], "’", "'")); string(w) != want {
				t.Fatalf("word %q at %+v, want %q", w, at, want)
			}
		})
	})
}

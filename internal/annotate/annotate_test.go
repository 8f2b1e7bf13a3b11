package annotate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/corpustest"
	"github.com/sitrep/sitrep/internal/source"
)

func TestSentences(t *testing.T) {
	text := `Army Gen. Mark Milley spoke on Jan. 3 at 3 p.m. in the U.S. Capitol. He left. “We tried. We failed,” she said. Next one.`
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, s.Text)
	}
	want := []string{
		"Army Gen. Mark Milley spoke on Jan. 3 at 3 p.m. in the U.S. Capitol.",
		"He left.",
		"“We tried. We failed,” she said.",
		"Next one.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
	// A straight quotation mark left open at the end of a paragraph does
	// not join the sentences of the next one.
	text = "\"He said so.\" \"Then left.\n\nShe stayed home. She read."
	if n := len(Sentences(text)); n != 4 {
		t.Errorf("%q: %d sentences, want 4", text, n)
	}
}

func TestQuoteShapes(t *testing.T) {
	cases := []struct{ text, source, cue, content, speaker, typ string }{
		{`“We will rebuild the port,” Mayor Dana Whitcombe said on Friday.`, "Mayor Dana Whitcombe", "said", "“We will rebuild the port,”", "Dana Whitcombe", NamedPerson},
		{`“The fire is out,” said Piet Halvorsen, the coastguard commander.`, "Piet Halvorsen, the coastguard commander", "said", "“The fire is out,”", "Piet Halvorsen", NamedPerson},
		{`A senior official said that the decision was final.`, "A senior official", "said", "the decision was final", "A senior official", AnonymousOfficial},
		{`The troops will leave by June, according to three sources familiar with the plan.`, "three sources familiar with the plan", "according to", "The troops will leave by June", "three sources familiar with the plan", AnonymousSource},
		{`Future decisions, he added, will be made by the next administration.`, "he", "added", "Future decisions", "", Unresolved},
		{`The ministry said in a statement that talks would resume.`, "The ministry", "said", "in a statement that talks would resume", "", ""},
		{"Getty.\n\n“Mostly he promotes ignorance, and we pay for it.” ― Esther Tapia\n“Next.”", "Esther Tapia", "―", "“Mostly he promotes ignorance, and we pay for it.”", "", ""},
		{"Getty.\n\n“The ferry is late again.”\u00a0― Karen Bobadilla.\n\nGetty.", "Karen Bobadilla", "―", "“The ferry is late again.”", "", ""},
		{`PENCE: Well, look, we will win this.`, "PENCE", ":", "Well, look, we will win this", "", ""},
		{"Trump responded.\n\nThe senator said:\n\n“We have a situation where we have our inner cities.”", "The senator", "said", "“We have a situation where we have our inner cities.”", "", ""},
		{`Protesters were frustrated that the police released only part of the video.`, "Protesters", "were frustrated", "the police released only part of the video", "", ""},
		{`Politifact checked Donald Trump's claim that there were thousands of shootings.`, "Donald Trump's", "claim", "there were thousands of shootings", "Donald Trump", NamedPerson},
		{`There is little in his plan that matches his rhetoric, the senator said.`, "the senator", "said", "There is little in his plan that matches his rhetoric", "", ""},
		{`Michael Mulgrew, president of the union, which represents city teachers, said he hopes the day sends a message.`, "Michael Mulgrew, president of the union, which represents city teachers", "said", "he hopes the day sends a message", "", ""},
		{`“The rules will stand,” Lena Okafor, a lawyer for the state, said on Twitter.`, "Lena Okafor, a lawyer for the state", "said", "“The rules will stand,”", "", ""},
		{`Richard Voss, director of the institute, said the states were exaggerating.`, "Richard Voss, director of the institute", "said", "the states were exaggerating", "", ""},
		{`In his speech, Graham stood at the podium for an hour, and criticized the party's record.`, "Graham", "criticized", "the party's record", "", ""},
		{`The mayor spoke emotionally of the flood that took her house.`, "The mayor", "spoke", "the flood that took her house", "", ""},
		{`Protesters continued to call for the release of the video.`, "Protesters", "continued to call for", "the release of the video", "", ""},
	}
	for _, c := range cases {
		qs := FindQuotes(c.text, Sentences(c.text))
		if len(qs) == 0 {
			t.Errorf("%q: no quote found", c.text)
			continue
		}
		q := qs[0]
		txt := func(s *Span) string {
			if s == nil {
				return ""
			}
			return s.Text
		}
		if txt(q.Source) != c.source || txt(q.Cue) != c.cue || c.content != "" && !strings.HasSuffix(txt(q.Content), strings.TrimPrefix(c.content, "in a statement that ")) {
			t.Errorf("%q:\n got source %q cue %q content %q\nwant source %q cue %q content %q", c.text, txt(q.Source), txt(q.Cue), txt(q.Content), c.source, c.cue, c.content)
		}
		if c.typ != "" && (q.SourceType != c.typ || q.Speaker != c.speaker) {
			t.Errorf("%q: speaker %q (%s), want %q (%s)", c.text, q.Speaker, q.SourceType, c.speaker, c.typ)
		}
	}
}

func TestCredits(t *testing.T) {
	text := "The Washington Post was first to report the move. Officials told Reuters on Monday. (AP) contributed to this report. The figures were first reported by Bloomberg."
	got := map[string]string{}
	for _, c := range FindCredits(text, "CNN") {
		got[c.Outlet] = c.Kind
	}
	want := map[string]string{"The Washington Post": CreditFirst, "Reuters": CreditTold, "Associated Press": CreditContributed, "Bloomberg": CreditFirst}
	for o, k := range want {
		if got[o] != k {
			t.Errorf("credit of %s: %q, want %q (all: %v)", o, got[o], k, got)
		}
	}
	if cs := FindCredits("CNN's Barbara Starr contributed to this report.", "CNN"); len(cs) != 0 {
		t.Errorf("an outlet credited itself: %+v", cs)
	}
	if cs := FindCreditsKnown("Brandt told the Ledger on Friday.", "Coastline Daily News", []string{"The Portside Ledger"}); len(cs) != 1 || cs[0].Outlet != "The Portside Ledger" {
		t.Errorf("story outlet by its last word: %+v", cs)
	}
}

func TestQuantities(t *testing.T) {
	text := "The rockets have killed three Americans and a Briton. Troops fall from about 3,000 to 2,500 by Jan. 15. It cost $4.6 billion."
	qs := FindQuantities(text, FindTimexes(text, time.Date(2020, 12, 2, 0, 0, 0, 0, time.UTC)))
	got := map[string]Quantity{}
	for _, q := range qs {
		got[q.Text] = q
	}
	if q, ok := got["three Americans"]; !ok || q.Value != 3 || q.Unit != "americans" {
		t.Errorf("three Americans: %+v (all %+v)", q, qs)
	}
	if q, ok := got["about 3,000 to 2,500"]; !ok || q.Value != 3000 || q.To != 2500 || !q.Approx {
		t.Errorf("range: %+v (all %+v)", q, qs)
	}
	if q, ok := got["$4.6 billion"]; !ok || q.Value != 4.6e9 || q.Unit != "dollars" {
		t.Errorf("money: %+v (all %+v)", q, qs)
	}
	for text, bound := range map[string]string{"at least nine ships": "min", "Up to nine ships": "max", "nearly 40 people": "max",
		"more than 40 people": "min", "some 40 people": "about", "40 people": ""} {
		qs := FindQuantities(text, nil)
		if len(qs) != 1 || qs[0].Bound != bound || qs[0].Value != map[bool]float64{true: 9, false: 40}[strings.Contains(text, "nine")] {
			t.Errorf("%q: %+v, want bound %q", text, qs, bound)
		}
	}
}

func TestEntities(t *testing.T) {
	text := "Secretary of State Mike Pompeo met Iraqi Prime Minister Mustafa al-Kadhimi in Baghdad. Pompeo said the Pentagon agreed. The Washington Post reported it first; the Post cited officials."
	es := FindEntities(text, Sentences(text))
	got := map[string]Entity{}
	for _, e := range es {
		got[e.Text] = e
	}
	check := func(text, typ, name, role string) {
		t.Helper()
		e, ok := got[text]
		if !ok || e.Type != typ || e.Name != name || e.Role != role {
			t.Errorf("%q: %+v, want %s %q role %q (all %+v)", text, e, typ, name, role, es)
		}
	}
	check("Mike Pompeo", Person, "Mike Pompeo", "Secretary of State")
	check("Pompeo", Person, "Mike Pompeo", "")
	check("Mustafa al-Kadhimi", Person, "Mustafa al-Kadhimi", "Prime Minister")
	check("Baghdad", Loc, "Baghdad", "")
	check("Post", Org, "The Washington Post", "")
	if p := got["Baghdad"].Place; p == nil || p.Country != "IQ" {
		t.Errorf("Baghdad place %+v", p)
	}
}

// TestSeeds checks what ../shared/seeds/EXPECTED.md lists of sources,
// quotes, credits and dates, with the publication date 2020-12-02.
func TestSeeds(t *testing.T) {
	dir := corpustest.Shared(t, "seeds")
	read := func(name string) (string, string) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		a, err := source.Parse(source.Item{Origin: source.Origin{Path: name}, Data: b, Format: source.FormatText})
		if err != nil {
			t.Fatal(err)
		}
		return a.Text, a.Outlet
	}
	pub := time.Date(2020, 12, 2, 0, 0, 0, 0, time.UTC)
	postText, post := read("000_f1395bb943e01d03.txt")
	cnnText, cnn := read("004_99b600e89c0929d3.txt")
	pa, ca := Annotate(postText, pub, post), Annotate(cnnText, pub, cnn)

	sources := func(a Annotations) map[string]string {
		m := map[string]string{}
		for _, q := range a.Quotes {
			if q.Source != nil {
				m[strings.ToLower(q.Source.Text)] = q.SourceType
			}
		}
		return m
	}
	ps, cs := sources(pa), sources(ca)
	for src, typ := range map[string]string{"a person familiar with the withdrawal": AnonymousSource, "a department official": AnonymousOfficial,
		"a senior official": AnonymousOfficial, "officials": AnonymousOfficial} {
		if ps[src] != typ {
			t.Errorf("the Post: source %q is %q, want %q", src, ps[src], typ)
		}
	}
	for src, typ := range map[string]string{"three sources familiar with the decision": AnonymousSource, "one us official": AnonymousOfficial,
		"a source familiar": AnonymousSource, "a diplomatic source": AnonymousSource, "one defense official": AnonymousOfficial} {
		if cs[src] != typ {
			t.Errorf("CNN: source %q is %q, want %q", src, cs[src], typ)
		}
	}
	named := false
	for _, q := range pa.Quotes {
		if q.Speaker == "Mark Milley" && q.SourceType == NamedPerson {
			named = true
		}
	}
	if !named {
		t.Error("the Post: Army Gen. Mark Milley is not a named speaker")
	}
	// The shared statement: the Post's department official, CNN's
	// spokesperson (its quote continues the spokesperson's).
	const shared = "continually adjusts its diplomatic presence"
	for _, c := range []struct {
		a       Annotations
		speaker string
	}{{pa, "department official"}, {ca, "spokesperson"}} {
		found := false
		for _, q := range c.a.Quotes {
			if q.Content != nil && strings.Contains(q.Content.Text, shared) && strings.Contains(q.Speaker, c.speaker) {
				found = true
			}
		}
		if !found {
			t.Errorf("the shared statement is not attributed to the %s", c.speaker)
		}
	}
	// “highest priority”: the Post's State Department, CNN's "they" (the
	// spokesperson).
	for _, c := range []struct {
		a            Annotations
		src, speaker string
	}{{pa, "The State Department", "State Department"}, {ca, "they", "spokesperson"}} {
		found := false
		for _, q := range c.a.Quotes {
			if q.Content != nil && strings.Contains(q.Content.Text, "highest priority") && q.Source != nil && q.Source.Text == c.src && strings.Contains(q.Speaker, c.speaker) {
				found = true
			}
		}
		if !found {
			t.Errorf("“highest priority” not attributed to %q (%s)", c.src, c.speaker)
		}
	}
	if len(ca.Credits) != 1 || ca.Credits[0].Outlet != "The Washington Post" || ca.Credits[0].Kind != CreditFirst {
		t.Errorf("CNN credits %+v, want The Washington Post first_report", ca.Credits)
	}
	values := func(a Annotations) map[string]bool {
		m := map[string]bool{}
		for _, x := range a.Timexes {
			m[x.Value] = true
			if x.Upcoming {
				m[x.Value+" upcoming"] = true
			}
		}
		return m
	}
	pv, cv := values(pa), values(ca)
	for _, v := range []string{"2019-05", "2019-12", "2020-11", "2020-11-27", "2020-12-01", "2021-01-03 upcoming", "2021-01-15 upcoming"} {
		if !pv[v] {
			t.Errorf("the Post: no date %s (have %v)", v, pv)
		}
	}
	for _, v := range []string{"2020-03", "2020-09", "2020-12-01", "2021-01-03 upcoming", "2021-01 upcoming"} {
		if !cv[v] {
			t.Errorf("CNN: no date %s (have %v)", v, cv)
		}
	}
	persons := map[string]bool{}
	for _, e := range pa.Entities {
		if e.Type == Person {
			persons[e.Name] = true
		}
	}
	for _, n := range []string{"Matthew Tueller", "Mike Pompeo", "Mustafa al-Kadhimi", "Donald Trump", "Joe Biden", "Mark Milley"} {
		if !persons[n] {
			t.Errorf("the Post: person %q not found (have %v)", n, persons)
		}
	}
}

// TestJSONOffsets checks that the contract's offsets count code points.
func TestJSONOffsets(t *testing.T) {
	text := "Ça va. “We are here,” said Zoë Ågren."
	j := Annotate(text, time.Time{}, "").ToJSON(text)
	runes := []rune(text)
	for _, q := range j.Quotes {
		for _, s := range []*SpanJSON{q.Source, q.Cue, q.Content} {
			if s != nil && string(runes[s.Start:s.End]) != s.Text {
				t.Errorf("span %+v does not match the text at its code point offsets", s)
			}
		}
	}
	if len(j.Quotes) == 0 {
		t.Error("no quote found")
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{"“A,” he said. “B.”", "X said: y", "according to", "‘’“”\"\"''", "Gen. U.S. Jan. 3, 3 p.m.", "about 3,000 to 2,500 troops", "Apple Computer CEO Steve Jobs, the US$ Airbus A380 in St. Louis", "Chrysler LLC Jim Press, the Standard & Poor's 500 index", "”A.” ― B C “D.” — E", "Asked about, B said.", "Citing x, y z said", "A went on to say", "B calls C ‘d’", "Said E:", "A said b, but c was shown by d.", "a, b said, c it", "F was first reported by G.", "In a poll, b c.", "x in a Post/ABC poll", "In polls"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := Annotate(text, time.Date(2020, 12, 2, 0, 0, 0, 0, time.UTC), "")
		in := func(s, e int) bool { return 0 <= s && s <= e && e <= len(text) }
		for _, s := range a.Sentences {
			if !in(s.Start, s.End) {
				t.Fatalf("sentence %+v out of range", s)
			}
		}
		for _, q := range a.Quotes {
			for _, s := range []*Span{q.Source, q.Cue, q.Content} {
				if s != nil && (!in(s.Start, s.End) || text[s.Start:s.End] != s.Text) {
					t.Fatalf("quote span %+v out of range", s)
				}
			}
		}
		for _, e := range a.Entities {
			if !in(e.Start, e.End) {
				t.Fatalf("entity %+v out of range", e)
			}
		}
		if utf8.ValidString(text) {
			_ = a.ToJSON(text)
		}
	})
}

// TestWhileChanting: a cue in -ing after "while" is an attribution of its
// own, by the sentence's subject, and ends the content before it.
func TestWhileChanting(t *testing.T) {
	text := `Marchers called for an inquiry into the shooting while chanting, "Hands up, don't shoot."`
	qs := FindQuotes(text, Sentences(text))
	if len(qs) != 2 {
		t.Fatalf("%d quotes, want 2: %+v", len(qs), qs)
	}
	if qs[0].Content.Text != "an inquiry into the shooting" {
		t.Errorf("first content %q", qs[0].Content.Text)
	}
	if qs[1].Cue.Text != "chanting" || qs[1].Source == nil || qs[1].Source.Text != "Marchers" || qs[1].Content.Text != `"Hands up, don't shoot."` {
		t.Errorf("second quote: %+v", qs[1])
	}
}

// TestEverySpeaker checks sentences that hold more than one attribution,
// or one in a shape the first-quote cases do not cover: each listed
// source, cue and content must be found.
// TestNoSpeaker lists sentences in which no one is quoted although a word
// of the cue lexicon occurs: set phrases and editorial labels.
func TestNoSpeaker(t *testing.T) {
	for _, text := range []string{
		`It is worth noting that the port was closed for a week.`,
		`It goes without saying that the harbour needs dredging.`,
		`Let's say the ferry runs twice a day instead of four times.`,
		`The think tank is based in the old harbour office.`,
		`Correction: An earlier version of this article misstated the date of the vote.`,
		`The Latest: Harbour closes after storm damages the main pier.`,
		`The pier was damaged, by one estimate.`,
		`The fund paid for ads, mailers and phone calls.`,
		`The mayor spoke to a gathering of fishermen.`,
		`The two women spoke for about five minutes.`,
		`By noon the mayor began taking calls about the "Harbour Hour" timetable.`,
		`Fares rose 5 percent, compared with 3 percent last year.`,
		`The guide is a good resource for anyone wanting to learn about ferries.`,
		`The panel held the harbour master in contempt of the council.`,
		`Despite his longstanding disdain for ferries, the mayor rode one.`,
		`The pier reopened, thanks in large part to the harbour crews.`,
		`Public support for the ferry plan was more solid in the north.`,
		`The dispute centers on the removal of thousands of ferry passes.`,
		`The video includes her pleading with the harbour police to stop.`,
		`The port hopes to offset the expected losses with new ferries.`,
		`The mayor needs to sell the plan and tell more jokes.`,
		`I read the harbour report last week.`,
		`Support for the levy has declined slightly from 58 percent in the last poll to 55 percent now.`,
		`The ferries ran late all week, Okafor won the vote by 5 points.`,
		`The mayor has never been charged with any wrongdoing.`,
		`The first problem must be addressed with more ferries.`,
		`The guilt must be proved beyond a reasonable doubt.`,
	} {
		for _, q := range FindQuotes(text, Sentences(text)) {
			t.Errorf("%q: found %+v", text, q)
		}
	}
}

func TestEverySpeaker(t *testing.T) {
	cases := []speakerCase{
		{`The footage shows the driver with raised hands, but the officer said he refused to stop.`,
			[]speakerWant{{"The footage", "shows", "the driver with raised hands"}, {"the officer", "said", "he refused to stop"}}},
		{`Farmers said tariffs hurt them, and exporters warned that prices would fall.`,
			[]speakerWant{{"Farmers", "said", "tariffs hurt them"}, {"exporters", "warned", "prices would fall"}}},
		{`“The harbour stays closed,” she said, referencing the storm warnings issued overnight.`,
			[]speakerWant{{"she", "said", "“The harbour stays closed,”"}, {"she", "referencing", "the storm warnings issued overnight"}}},
		{`“We will not be silenced,” Ana Ruiz, 31, said as she and hundreds of other marchers crossed the bridge.`,
			[]speakerWant{{"Ana Ruiz, 31", "said", "“We will not be silenced,”"}}},
		{`Meanwhile, it attacked the council, saying the budget was a fraud.`,
			[]speakerWant{{"it", "attacked", "the council"}, {"it", "saying", "the budget was a fraud"}}},
		{`Many people close to the talks assumed that the mayor had the votes.`,
			[]speakerWant{{"Many people close to the talks", "assumed", "the mayor had the votes"}}},
		{`The mayor was accused by two council members of hiding the report.`,
			[]speakerWant{{"two council members", "was accused", "of hiding the report"}}},
		{`The plan has faced criticism from farmers over its cost.`,
			[]speakerWant{{"farmers", "criticism", "over its cost"}}},
		// an agent's "of" as the text's last word
		{`The mayor was accused by two members of`, nil},
		{`The harbour master was widely criticized for the delay.`,
			[]speakerWant{{"", "was widely criticized", "for the delay"}}},
		{`In a statement announcing the merger, the union called the deal a betrayal of its members.`,
			[]speakerWant{{"a statement", "announcing", "the merger"}, {"the union", "called", "the deal a betrayal of its members"}}},
		{`With a week to go, Dana Whitcombe, a senior adviser to the mayor, told reporters that the port would reopen.`,
			[]speakerWant{{"Dana Whitcombe, a senior adviser to the mayor", "told", "the port would reopen"}}},
		{`Said Okafor: “The port stays shut until the inquiry reports.”`,
			[]speakerWant{{"Okafor", "Said", "“The port stays shut until the inquiry reports.”"}}},
		{`“We have to do everything we can to keep the port open,” she continued.`,
			[]speakerWant{{"she", "continued", "“We have to do everything we can to keep the port open,”"}}},
		{`Bonuses were paid every three months, The Harbour Gazette reports.`,
			[]speakerWant{{"The Harbour Gazette", "reports", "Bonuses were paid every three months"}}},
		{`The mayor responded by closing the port to ferries.`,
			[]speakerWant{{"The mayor", "responded", "by closing the port to ferries"}}},
		{`Fishermen's union endorses Okafor.`,
			[]speakerWant{{"Fishermen's union", "endorses", "Okafor"}}},
		{`Harbour chief calls ferry plan ‘a waste of money’ at hearing.`,
			[]speakerWant{{"Harbour chief", "calls", "ferry plan ‘a waste of money’ at hearing"}}},
		{`On Tuesday morning, Okafor said the port must pay.`,
			[]speakerWant{{"Okafor", "said", "the port must pay"}}},
		{`At a hearing last week, the mayor called half of the council “cowards.”`,
			[]speakerWant{{"the mayor", "called", "half of the council “cowards.”"}}},
		{`The ferries stopped, the mayor said on Tuesday.`,
			[]speakerWant{{"the mayor", "said", "The ferries stopped"}}},
		{`Its first ferry could sail this week, said Ana Ruiz, an adviser to the port who oversees the timetable.`,
			[]speakerWant{{"Ana Ruiz, an adviser to the port who oversees the timetable", "said", "Its first ferry could sail this week"}}},
		{`The port “has made dramatic changes,” Okafor said in June 2012, citing the new cranes.`,
			[]speakerWant{{"Okafor", "said", "The port “has made dramatic changes,”"}, {"Okafor", "citing", "the new cranes"}}},
		{`“We are in a critical situation,” Okafor told reporters after the meeting that was held on a ferry.`,
			[]speakerWant{{"Okafor", "told", "“We are in a critical situation,”"}}},
		{`“You knew I was a snake,” Okafor told the crowd, reciting the old fable.`,
			[]speakerWant{{"Okafor", "told", "“You knew I was a snake,”"}, {"Okafor", "reciting", "the old fable"}}},
		{`“The port is insane,” Okafor said, going on to say that the ferries “must run.”`,
			[]speakerWant{{"Okafor", "said", "“The port is insane,”"}, {"Okafor", "going on to say", "the ferries “must run.”"}}},
		{`“The port stays shut,” she said, cutting off a reporter.`,
			[]speakerWant{{"she", "said", "“The port stays shut,”"}}},
		{`The mayor spoke to reporters about the fire.`,
			[]speakerWant{{"The mayor", "spoke", "the fire"}}},
		{`Okafor marched to city hall, calling for the mayor’s dismissal.`,
			[]speakerWant{{"Okafor", "calling for", "the mayor’s dismissal"}}},
		{`A reporter for the Harbour Gazette spotted Okafor and reported her presence on the pier.`,
			[]speakerWant{{"A reporter for the Harbour Gazette", "reported", "her presence on the pier"}}},
		{`In August, several fishing groups granted the port an extension, saying its funds had run out.`,
			[]speakerWant{{"several fishing groups", "saying", "its funds had run out"}}},
		{`A group of ferry captains in 2015 sent a letter to the mayor, calling for his dismissal.`,
			[]speakerWant{{"A group of ferry captains", "calling for", "his dismissal"}}},
		{`The mayor visited the port, yet refuses to release the harbour accounts.`,
			[]speakerWant{{"", "refuses", "to release the harbour accounts"}}}, // never "yet", nor the clause before as content
		{`“The port will reopen,” Ana Ruiz, the harbour master, told the Harbour Gazette.`,
			[]speakerWant{{"Ana Ruiz, the harbour master", "told", "“The port will reopen,”"}}}, // never "told SOURCE"
		{`Through a spokesman, Okafor declined to comment.`,
			[]speakerWant{{"Okafor", "declined", "to comment"}}},
		{`“We will rebuild,” the mayor said to cheers.`,
			[]speakerWant{{"the mayor", "said", "“We will rebuild,”"}}},
		{`The closure is an insult to the fleet, fishermen said Friday afternoon, as they bristled at the delays.`,
			[]speakerWant{{"fishermen", "said", "The closure is an insult to the fleet"}, {"they", "bristled at", "the delays"}}},
		{`The closure angered the ferry crews, many of whom say the port was never unsafe.`,
			[]speakerWant{{"many of whom", "say", "the port was never unsafe"}}},
		{`The mayor will tell the committee that the port is safe.`,
			[]speakerWant{{"The mayor", "will tell", "the port is safe"}}},
		{`The dredging contract was first reported by the Harbour Gazette.`,
			[]speakerWant{{"the Harbour Gazette", "was first reported", "The dredging contract"}}},
		{`In a speech on Friday, Okafor laid out her plans for the port.`,
			[]speakerWant{{"Okafor", "laid out", "her plans for the port"}}},
		{`The report said the piers were worst hit, but no footage was shown by the channel.`,
			[]speakerWant{{"The report", "said", "the piers were worst hit"}, {"the channel", "was shown", "no footage"}}},
		{`“The port has never looked better,” the article read.`,
			[]speakerWant{{"the article", "read", "“The port has never looked better,”"}}},
		{`As Ana Ruiz recently put it, “Who pays for the dredging?”`,
			[]speakerWant{{"Ana Ruiz", "recently put it", "“Who pays for the dredging?”"}}},
		{`The levy is “a tax on fishermen,” as a union memo put it.`,
			[]speakerWant{{"a union memo", "put it", "The levy is “a tax on fishermen,”"}}},
		{`The port never checked the cranes, as inspectors have said.`,
			[]speakerWant{{"inspectors", "have said", "The port never checked the cranes"}}},
		{`Other officials weighed in on Friday about whether the ferry should run.`,
			[]speakerWant{{"Other officials", "weighed in", "on Friday about whether the ferry should run"}}},
		{`And Okafor railed against the harbour levy.`,
			[]speakerWant{{"Okafor", "railed against", "the harbour levy"}}},
		{`The mayor took aim at the ferry operators.`,
			[]speakerWant{{"The mayor", "took aim at", "the ferry operators"}}},
		{`Okafor has been critical of the levy since the spring.`,
			[]speakerWant{{"Okafor", "has been critical of", "the levy since the spring"}}},
		{`The mayor is doubling down on his attacks on the union.`,
			[]speakerWant{{"The mayor", "is doubling down", "on his attacks on the union"}}},
		{`The mayor has yet to explain why the ferries stopped.`,
			[]speakerWant{{"The mayor", "has yet to explain", "why the ferries stopped"}}},
		{`In an interview, Okafor made it clear she had misgivings about the levy.`,
			[]speakerWant{{"Okafor", "made it clear", "she had misgivings about the levy"}}},
		{`In the previous Harbour Gazette/Channel 4 poll, conducted in early May, Okafor led the mayor by 5 points.`,
			[]speakerWant{{"the previous Harbour Gazette/Channel 4 poll", "In", "Okafor led the mayor by 5 points"}}},
		{`Okafor did not receive a bump in one of the first post-debate polls to emerge.`,
			[]speakerWant{{"one of the first post-debate polls", "in", "Okafor did not receive a bump"}}},
		{`Through a spokesman, the mayor declined the assignment.`,
			[]speakerWant{{"the mayor", "declined", "the assignment"}}},
		{`The levy is likely to be decided by the harbour court.`,
			[]speakerWant{{"the harbour court", "decided", "The levy"}}}, // the agent is the source, never "be"
		{`The feud began when Okafor, at Monday’s hearing, cited figures the union had published.`,
			[]speakerWant{{"Okafor", "cited", "figures the union had published"}}}, // never "…, cited SOURCE"; the name before the adjunct
		{`Citing a leaked memo, the mayor accused the council of hiding the report.`,
			[]speakerWant{{"the mayor", "Citing", "a leaked memo"}, {"the mayor", "accused", "the council of hiding the report"}}},
		{`Asked about the closure, Okafor said the port would reopen.`,
			[]speakerWant{{"", "Asked about", "the closure"}, {"Okafor", "said", "the port would reopen"}}},
		{`Whitcombe went on to explain how the cuts hurt the harbour.`,
			[]speakerWant{{"Whitcombe", "went on to explain", "how the cuts hurt the harbour"}}},
		{`“We raised all we needed,” he said, cutting off a reporter who asked about the fund.`,
			[]speakerWant{{"he", "said", "“We raised all we needed,”"}}},
		{`The mayor answered the fishermen on Friday by saying the harbour would stay open.`,
			[]speakerWant{{"The mayor", "answered", "the fishermen on Friday"}, {"The mayor", "saying", "the harbour would stay open"}}},
		{`His former partner at the yard, Dana Whitcombe, called him a master at impossible deals.`,
			[]speakerWant{{"His former partner at the yard, Dana Whitcombe", "called", "him a master at impossible deals"}}},
		{`Fishermen called the closure and the new harbour fees a betrayal.`,
			[]speakerWant{{"Fishermen", "called", "the closure and the new harbour fees a betrayal"}}},
		{`Hillary Clinton Speaks ‘Directly To White People’ After Shooting.`,
			[]speakerWant{{"Hillary Clinton", "Speaks", "‘Directly To White People’ After Shooting"}}},
		{`Critics see the program as an easy way to buy a visa.`,
			[]speakerWant{{"Critics", "see", "the program as an easy way to buy a visa"}}},
	}
	checkSpeakers(t, cases)
}

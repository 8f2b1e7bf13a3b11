package annotate

import (
	"fmt"
	"testing"
)

// speakerWant is one attribution a case must find, by the text of its
// source, cue and content ("" for none).
type speakerWant struct{ source, cue, content string }

// speakerCase is a text and every attribution in it: no more, no fewer.
type speakerCase struct {
	text string
	want []speakerWant
}

// checkSpeakers fails for each case whose attributions are not exactly
// those it lists.
func checkSpeakers(t *testing.T, cases []speakerCase) {
	t.Helper()
	txt := func(s *Span) string {
		if s == nil {
			return ""
		}
		return s.Text
	}
	for _, c := range cases {
		qs := FindQuotes(c.text, Sentences(c.text))
		for _, w := range c.want {
			found := false
			for _, q := range qs {
				if txt(q.Source) == w.source && txt(q.Cue) == w.cue && txt(q.Content) == w.content {
					found = true
				}
			}
			if !found || len(qs) != len(c.want) {
				var got []string
				for _, q := range qs {
					got = append(got, fmt.Sprintf("[%s|%s|%s]", txt(q.Source), txt(q.Cue), txt(q.Content)))
				}
				t.Errorf("%q: want %d attributions with %+v, got %v", c.text, len(c.want), w, got)
			}
		}
	}
}

// TestStanceAndShape covers stance verbs, attitudes and nouns, passives
// about their subject, headline colons and judgments with no source.
func TestStanceAndShape(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{`The harbour master complained about the dredging, even suggesting it may have been sabotaged.`,
			[]speakerWant{{"The harbour master", "complained", "about the dredging"}, {"The harbour master", "suggesting", "it may have been sabotaged"}}},
		{`Mr. Okafor compares his struggles to those of the old port authority.`,
			[]speakerWant{{"Mr. Okafor", "compares", "his struggles to those of the old port authority"}}},
		{`The senator grilled the port's chief executive for his role in the scandal.`,
			[]speakerWant{{"The senator", "grilled", "the port's chief executive for his role in the scandal"}}},
		{`The mayor has pooh-poohed the council's estimate.`,
			[]speakerWant{{"The mayor", "has pooh-poohed", "the council's estimate"}}},
		{`Gov. Dana Whitcombe praised the plan and blamed the delay on the council.`,
			[]speakerWant{{"Gov. Dana Whitcombe", "praised", "the plan"}, {"Gov. Dana Whitcombe", "blamed", "the delay on the council"}}},
		{`Fighting goes on in the north as two neighbours support the rebels.`,
			[]speakerWant{{"two neighbours", "support", "the rebels"}}},
		// a noun cue after an article and an adjective: no one named before it
		{`The closure sends a clear message that the council does not care.`,
			[]speakerWant{{"", "message", "the council does not care"}}},
		// a passive or undergone cue with no complement is about its subject
		{`The clip has faced ridicule online since it was released on Tuesday.`,
			[]speakerWant{{"", "ridicule", "The clip"}}},
		{`The mayor's plan was widely praised.`,
			[]speakerWant{{"", "was widely praised", "The mayor's plan"}}},
		{`Harbour pilots weren't too concerned about the new timetable.`,
			[]speakerWant{{"Harbour pilots", "weren't too concerned", "about the new timetable"}}},
		// a relative clause with a cue of its own before the main cue
		{`Mr. Okafor, who understood that a vote would fail, told his advisers to find another way.`,
			[]speakerWant{{"who", "understood", "a vote would fail"}, {"Mr. Okafor, who understood that a vote would fail", "told", "find another way"}}},
		{`Harbour Master Hammers Council Over Fees: ‘This Will Sink Us.’`,
			[]speakerWant{{"Harbour Master Hammers Council Over Fees", ":", "‘This Will Sink Us.’"}}},
		{`In recent weeks, the mayor has gone after the council as a "band of wreckers".`,
			[]speakerWant{{"the mayor", "has gone after", `the council as a "band of wreckers"`}}},
		{`Meanwhile the mayor continues his adulation of the old harbour master.`,
			[]speakerWant{{"his", "adulation", "of the old harbour master"}}},
		{`The mayor has vowed to reopen the pier, and the council is promising to help the ferry crews.`,
			[]speakerWant{{"The mayor", "has vowed", "to reopen the pier"}, {"the council", "is promising", "to help the ferry crews"}}},
		{`Activist Dana Cole talks to the mayor about the closing of the pier.`,
			[]speakerWant{{"Activist Dana Cole", "talks", "the closing of the pier"}}},
		{`The merits of the levy are again being debated in the council.`,
			[]speakerWant{{"", "are again being debated", "The merits of the levy"}}},
		// an adverb before a cue that cannot precede its source: no "…, really wants X"
		{`The mayor continues to insist that she really, really wants to publish the accounts.`,
			[]speakerWant{{"The mayor", "continues to insist", "she really, really wants to publish the accounts"}}},
		// a sentence that names the speaker of the quotation before it, and
		// a participle after
		{`“Who would have thought it?” Okafor said, looking out at the harbour.`,
			[]speakerWant{{"Okafor", "said", "“Who would have thought it?”"}, {"Okafor", "looking", "out at the harbour"}}},
		{`But the Harbour and Ferry Workers Union, which represents 2,000 crews, said it would strike.`,
			[]speakerWant{{"the Harbour and Ferry Workers Union, which represents 2,000 crews", "said", "it would strike"}}},
		{`Dana Cole, the director of debate at the harbour college, compared the mayor to a referee.`,
			[]speakerWant{{"Dana Cole, the director of debate at the harbour college", "compared", "the mayor to a referee"}}},
		{`The mayor's niece, state Del. Ana Ruiz, shouted at the council.`,
			[]speakerWant{{"The mayor's niece, state Del. Ana Ruiz", "shouted", "at the council"}}},
		{`After the vote, the mayor's aides were also pleased, perhaps recognizing that the pier would reopen.`,
			[]speakerWant{{"the mayor's aides", "recognizing", "the pier would reopen"}}},
		// an agent's "of" phrase is the agent's, unless a gerund follows it
		{`The ferry plan is supported by a coalition of harbour pilots.`,
			[]speakerWant{{"a coalition of harbour pilots", "is supported", "The ferry plan"}}},
		// what a share of those polled chooses
		{`In the poll, 46 percent would choose Ruiz and 44 percent would back Okafor.`,
			[]speakerWant{{"46 percent", "would choose", "Ruiz"}, {"44 percent", "would back", "Okafor"}}},
		{`While 5 percent prefer Dana Cole and 1 percent support the Harbour Party's candidate.`,
			[]speakerWant{{"5 percent", "prefer", "Dana Cole"}, {"1 percent", "support", "the Harbour Party's candidate"}}},
		{`The council cited their widely repudiated figures.`,
			[]speakerWant{{"The council", "cited", "their widely repudiated figures"}}},
		{`Dana Cole reported from Port Calder, and Ana Ruiz from the capital.`, nil},
		{`The harbour master took heat for his handling of the storm.`,
			[]speakerWant{{"The harbour master", "took heat for", "his handling of the storm"}}},
		{`The ministers made little secret of their disagreements over the levy.`,
			[]speakerWant{{"The ministers", "made little secret of", "their disagreements over the levy"}}},
		// a passive that closes a clause names its source only after "by"
		{`The seat went to a candidate who has never won, is considered less than dynamic and has raised little.`,
			[]speakerWant{{"", "is considered", "less than dynamic and has raised little"}}},
		// a clause after a closing attribution may hold one of its own
		{`“Are we winning?” she said, but Kevin was dozing, and as the mayor went on, Ana said yes, over and over again.`,
			[]speakerWant{{"she", "said", "“Are we winning?”"}, {"Ana", "said", "yes, over and over again"}}},
		// the purpose of a meeting, and a dateline before the subject
		{`PORT CALDER - The harbour board called an emergency meeting to discuss the storm damage.`,
			[]speakerWant{{"The harbour board", "to discuss", "the storm damage"}}},
		// a judgment with no one named for it
		{`By now it should be obvious that the ferry needs a new engine.`,
			[]speakerWant{{"", "it should be obvious", "the ferry needs a new engine"}}},
		{`It is not clear what the council will do.`, nil},
	})
}

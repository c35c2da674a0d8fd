package diffing

import (
	"strings"
	"testing"
)

// The source passages below are written in the style of the statements
// and transcripts quoth reads; each case is one way an outlet renders them.
const (
	statement = "We will not, under any circumstances, close the Harrow Lane clinic. " +
		"The ministry has listened to patients for six months. " +
		"We met the unions on Monday and they agreed to the timetable. " +
		"Waiting lists will fall by a third before the winter."
	envoyPost = "Departing Islamabad after productive two-day visit. Important conversations " +
		"with [Caretaker Foreign Minister] Jalil Jilani, Chief of Army Staff General Syed Asim Munir, " +
		"and MOI Secretary Durrani about grave security challenges posed by TTP as well as " +
		"imperative to protect Afghan refugees,"
)

func TestCompareRelations(t *testing.T) {
	tests := []struct {
		name, src, quote string
		want             Relation
		closest          string
	}{
		{"verbatim with curly marks", "Waiting lists will fall by a third before the winter.",
			"“Waiting lists will fall by a third before the winter.”", Verbatim, ""},
		{"verbatim with folded dash", "It was a long – very long – night.", "It was a long — very long — night.", Verbatim, ""},
		{"punctuation: full stop to comma", "Waiting lists will fall by a third before the winter.",
			"Waiting lists will fall by a third before the winter,", Punctuation, ""},
		{"punctuation: case", "The ministry has listened.", "the ministry has listened.", Punctuation, ""},
		{"excerpt: a sentence of a statement", statement, "The ministry has listened to patients for six months.", Excerpt,
			"The ministry has listened to patients for six months"},
		{"excerpt: a fragment", statement, "listened to patients", Excerpt, "listened to patients"},
		{"elided: real gap", statement, "The ministry has listened … for six months", Elided, ""},
		{"elided: three dots", statement, "We met the unions ... and they agreed to the timetable", Elided, ""},
		{"ellipsis hides a not", statement, "We will ... close the Harrow Lane clinic.", Altered, ""},
		{"bracket inserts a name", "She said the plan was wrong.", "[Varga] said the plan was wrong.", Bracketed, ""},
		{"bracket replaces a pronoun", "They agreed to the timetable.", "[The unions] agreed to the timetable.", Bracketed, ""},
		{"bracketed capital", "and the plan was wrong", "[T]he plan was wrong", Bracketed, ""},
		{"bracket changes meaning", "We will consider the opposition's plan.", "We will consider [the government's] plan.", Altered, ""},
		{"bracket adds a negation", "We will consider it.", "We will [not] consider it.", Altered, ""},
		{"altered: number changed", "Hundreds of families have lost their homes.", "Thousands of families have lost their homes.", Altered, ""},
		{"altered: word dropped", "We are deeply sorry for the delay.", "We are sorry for the delay.", Altered, ""},
		{"altered: tense", "The ministry has listened to patients for six months.", "The ministry listened to patients for six months.", Altered, ""},
		{"spliced: a sentence cut out", statement, "The ministry has listened to patients for six months. Waiting lists will fall by a third before the winter.", Spliced, ""},
		{"spliced: out of order", statement, "Waiting lists will fall by a third before the winter. The ministry has listened to patients for six months.", Spliced, ""},
		{"altered: paraphrase in quotation marks", "We have no plans to shut the plant this year.", "we are not going to close the factory", Altered, ""},
		{"unsourced: a different claim", "We have no plans to raise interest rates before the end of the year.", "Your mortgage is safe till Christmas.", Unsourced, ""},
		{"bracket replaces the opening words", "The opposition's plan would put interest rates up.", "[The government's] plan would put interest rates up.", Altered, ""},
		{"bracket replaces a subject and its verb", "We are sorry for the delay.", "[The company is] sorry for the delay.", Bracketed, ""},
		{"bracket names a vague noun", "That day was the best of my life.", "[The Col de Brume stage] was the best of my life.", Bracketed, ""},
		{"bracket refines a role", "The minister is entitled to his view.", "[The finance minister] is entitled to his view.", Bracketed, ""},
		{"bracket replaces an opening pronoun", "Nobody asked us. They agreed to the timetable.", "[The unions] agreed to the timetable.", Bracketed, ""},
		{"unrelated: shared phrase", "This is not who we are as a country, and we will fight it.",
			"this is not who we are, and the governor should resign", Unrelated, ""},
		{"unsourced: nothing shared", statement, "Heads will roll at the health board", Unsourced, ""},
	}
	var c Comparer
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Compare(NewText(tt.src), NewRendering("", tt.quote, ""))
			if got.Relation != tt.want {
				t.Errorf("relation %s, want %s (similarity %.2f, diff %s)", got.Relation, tt.want, got.Similarity, Markers(got.Edits))
			}
			if tt.closest != "" && got.Closest != tt.closest {
				t.Errorf("closest %q, want %q", got.Closest, tt.closest)
			}
			if got.Start > got.End || got.End > len(tt.src) || tt.src[got.Start:got.End] != got.Closest {
				t.Errorf("span [%d,%d) does not give Closest %q", got.Start, got.End, got.Closest)
			}
		})
	}
}

// TestGraveThreat is quoth's signature case: the reporter's fragment
// "grave threat" is not what the envoy wrote; the words around it lead
// to what he did write.
func TestGraveThreat(t *testing.T) {
	var c Comparer
	r := NewRendering("the US pointman for Afghanistan on Saturday in a statement acknowledged the",
		"grave threat", "posed by the TTP to Pakistan.")
	got := c.Compare(NewText(envoyPost), r)
	if got.Relation != Altered {
		t.Errorf("relation %s, want altered", got.Relation)
	}
	if want := "grave security challenges posed by TTP"; got.Closest != want {
		t.Errorf("closest %q, want %q", got.Closest, want)
	}
	if want := "grave [-security challenges-] {+threat+} posed by {+the+} TTP"; Markers(got.Edits) != want {
		t.Errorf("diff %q, want %q", Markers(got.Edits), want)
	}
	if !got.Relation.Finding() {
		t.Error("grave threat is not a finding")
	}
}

func TestCompareDawnExcerpts(t *testing.T) {
	tests := []struct{ src, fragment string }{
		{"We seek a strong partnership with Pakistan on counterterrorism and expect sustained action against all militant and terrorist groups without distinction.", "strong partnership"},
		{"We look forward to cooperative efforts to eliminate all regional and global terrorist threats and are continuing to discuss ways that we can be most effective in this regard,", "continuing to discuss ways that we can be most effective"},
	}
	for _, tt := range tests {
		got := Compare(tt.src, tt.fragment)
		if got.Relation != Excerpt || got.Closest != tt.fragment || got.Similarity != 1 {
			t.Errorf("%q: %s %.2f %q, want an excerpt", tt.fragment, got.Relation, got.Similarity, got.Closest)
		}
	}
}

func TestWordDiffNeverSplitsWords(t *testing.T) {
	a := NewText("The committee reconvened on Tuesday")
	b := NewText("The committees reconvene on Tuesday")
	got := Markers(WordDiff(a.Tokens, b.Tokens, a.Orig, b.Orig))
	want := "The [-committee reconvened-] {+committees reconvene+} on Tuesday"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if ansi := ANSI(WordDiff(a.Tokens, b.Tokens, a.Orig, b.Orig)); !strings.Contains(ansi, "\x1b[31;9mcommittee reconvened\x1b[0m") {
		t.Errorf("ANSI diff %q lacks the struck-through deletion", ansi)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Don’t say “U.S.” — it’s 1,400 co-ops!", []string{"don't", "say", "u.s", "it's", "1,400", "co-ops"}},
		{"[T]he plan … was [not] wrong", []string{"the", "plan", "…", "was", "[not]", "wrong"}},
		{"ＦＵＬＬ width ﬁnal", []string{"full", "width", "final"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range NewText(tt.in).Tokens {
			switch {
			case tok.Ellipsis:
				got = append(got, "…")
			case tok.Editorial:
				got = append(got, "["+tok.Norm+"]")
			default:
				got = append(got, tok.Norm)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	toks := NewText("Mr. West met Gen. Munir in the U.S. capital. Then he left. “Fine,” he said.").Tokens
	var sent []int
	for _, tok := range toks {
		sent = append(sent, int(tok.Sentence))
	}
	want := []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2}
	if len(sent) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(sent), len(want))
	}
	for i := range want {
		if sent[i] != want[i] {
			t.Errorf("token %q in sentence %d, want %d", toks[i].Norm, sent[i], want[i])
		}
	}
}

// TestCompareInALongTranscript finds a quote in a source too long to
// align whole: a day of hearings, tens of thousands of words.
func TestCompareInALongTranscript(t *testing.T) {
	var b strings.Builder
	filler := "The committee heard evidence from the regional water board about the summer shortages and the state of the reservoirs. "
	for range 3000 {
		b.WriteString(filler)
	}
	b.WriteString("MS VARGA: We will not, under any circumstances, close the clinic in Harrow Lane while I hold this office. " +
		"The people who depend on it have been told too many stories by too many ministers, and I do not intend to add one more. " +
		"The clinic stays open, the staff keep their jobs, and the budget for next year is already signed. ")
	for range 3000 {
		b.WriteString(filler)
	}
	src := NewText(b.String())
	quote := "We will ... close the clinic in Harrow Lane while I hold this office. The people who depend on it have been told too many stories by too many ministers, and I do not intend to add one more. The clinic stays open, the staff keep their jobs"
	r := NewRendering("", quote, "")
	if cells := (len(renderItems(nil, r)) + 1) * (len(src.Tokens) + 1); cells <= maxAlignCells {
		t.Fatalf("the transcript is short enough to align whole (%d cells): the test tests nothing", cells)
	}
	var c Comparer
	got := c.Compare(src, r)
	if got.Relation != Altered || !strings.HasPrefix(got.Closest, "We will not, under any circumstances, close the clinic") {
		t.Errorf("relation %s, closest %q; want altered from the minister's words", got.Relation, got.Closest)
	}
}

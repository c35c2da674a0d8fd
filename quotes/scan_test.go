package quotes

import (
	"reflect"
	"strings"
	"testing"
)

// docOf makes a Document of paragraphs separated by blank lines; the
// first paragraph is a headline when headline is set.
func docOf(text string, headline bool) Document {
	doc := Document{Text: text}
	at := 0
	for _, p := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(p) != "" {
			doc.Blocks = append(doc.Blocks, Block{Start: at, End: at + len(p), Headline: headline && len(doc.Blocks) == 0})
		}
		at += len(p) + 2
	}
	return doc
}

func quoteTexts(qs []Quote) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Text)
	}
	return out
}

func TestScanFindsQuoteSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"curly_double", `“We will rebuild,” the mayor said.`, []string{"We will rebuild,"}},
		{"straight_double", `"We will rebuild," the mayor said.`, []string{"We will rebuild,"}},
		{"curly_single_in_headline", `Mayor vows to ‘rebuild the bridge’ by May`, []string{"rebuild the bridge"}},
		{"straight_single_in_headline", `'We will rebuild,' vows mayor`, []string{"We will rebuild,"}},
		{"guillemets", `«Nous resterons», a déclaré le maire.`, []string{"Nous resterons"}},
		{"guillemets_with_inner_single", `«He told me ‹never again›», she said.`, []string{"He told me ‹never again›"}},
		{"low_high_german", `„Wir bleiben“, sagte sie.`, []string{"Wir bleiben"}},
		{"corner_brackets", `「We will not retreat」, the minister said.`, []string{"We will not retreat"}},
		{"apostrophes_are_not_marks", `“Don’t tell me the council’s plan is O’Brien’s idea,” she said.`, []string{"Don’t tell me the council’s plan is O’Brien’s idea,"}},
		{"decade_and_rock_n_roll", `In the ’90s they played rock ’n’ roll and called it ‘honest music’.`, []string{"honest music"}},
		{"straight_decade", `Back in the '90s, he said, it was 'a different town'.`, []string{"a different town"}},
		{"plural_possessive_inside_single_quotes", `Unions want the workers’ ‘fair share’ of the profits.`, []string{"fair share"}},
		{"plural_possessive_before_comma", `‘The choice has to be the residents’, not the developers’.’ she said.`, []string{"The choice has to be the residents’, not the developers’."}},
		{"plural_possessive_before_close", `She called it ‘the Joneses’ problem’ and left.`, []string{"the Joneses’ problem"}},
		{"nested_single_inside_double", `“He said ‘never again’ and meant it,” Ade said.`, []string{"He said ‘never again’ and meant it,"}},
		{"nested_double_inside_single", `‘He said “never again” and meant it,’ Ade said.`, []string{"He said “never again” and meant it,"}},
		{"two_quotes_one_paragraph", `“Yes,” said Ana. “No,” said Ben.`, []string{"Yes,", "No,"}},
		{"multi_paragraph_quote", "“First part of the speech.\n\n“Second part,” she said.", []string{"First part of the speech.\n\nSecond part,"}},
		{"unclosed_quote_stops_at_paragraph_end", "“This never closes, she said.\n\nThe next paragraph has “its own” quote.", []string{"This never closes, she said.", "its own"}},
		{"inches_and_feet_are_not_quotes", `The striker, 6' 2" tall, said “fine”.`, []string{"fine"}},
		{"empty_quotes_are_dropped", `He said “” and left.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quoteTexts(Extract(docOf(tt.text, false)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotes of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanSpansPointIntoText(t *testing.T) {
	text := "Headline with ‘a quote’\n\n“One,” said Ana.\n\n“Two and\n\n“three,” said Ben."
	doc := docOf(text, true)
	for _, q := range Extract(doc) {
		if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
			t.Fatalf("span %d-%d outside text", q.Start, q.End)
		}
		if !strings.HasPrefix(q.Text, text[q.Start:min(q.End, q.Start+3)]) {
			t.Errorf("quote %q does not start at its span %q", q.Text, text[q.Start:q.End])
		}
	}
}

func TestUnclosedQuoteIsFlagged(t *testing.T) {
	qs := Extract(docOf("“This never closes, she said.\n\nNext paragraph.", false))
	if len(qs) != 1 || !qs[0].Unclosed {
		t.Fatalf("got %+v, want one unclosed quote", qs)
	}
}

func TestKind(t *testing.T) {
	tests := []struct {
		text string
		want Kind
	}{
		{`“We will rebuild,” the mayor said.`, Direct},
		{`The mayor said: “We will rebuild.”`, Direct},
		{`The mayor called the plan “reckless”.`, Partial},
		{`The mayor called the plan “Reckless Madness”, twice.`, Partial},
		{`He met “courageous refugees” on Monday.`, Partial},
	}
	for _, tt := range tests {
		qs := Extract(docOf(tt.text, false))
		if len(qs) != 1 || qs[0].Kind != tt.want {
			t.Errorf("%s: got %+v, want kind %s", tt.text, qs, tt.want)
		}
	}
}

// TestMayHoldMark checks the 8-byte test of the scanner against
// isMarkStart: it must report every 8 bytes with a mark start in them.
func TestMayHoldMark(t *testing.T) {
	const plain = "abcdefgh"
	for c := range 256 {
		for at := range 8 {
			s := plain[:at] + string([]byte{byte(c)}) + plain[at+1:]
			if got, want := mayHoldMark(load8(s, 0)), isMarkStart(byte(c)) || c >= 0x80; got != want {
				t.Fatalf("byte %#x at %d: mayHoldMark = %v, want %v", c, at, got, want)
			}
		}
	}
}

// TestASCIIRunKey checks the lexicon key asciiRun reads 8 bytes at once
// against wordKey of the run in lower case, near the end of the text too.
func TestASCIIRunKey(t *testing.T) {
	for _, text := range []string{"Said", "tOLD x", "$5% more", "ABCDEFGH", "AbCdEfGhIj k", "Q", "x9 y", "Word-end"} {
		for _, pad := range []string{"", " ", "          "} {
			s := text + pad
			j, key := asciiRun(s, 0, len(s))
			if want := strings.ToLower(s[:j]); j <= 8 && key != wordKey(want) {
				t.Errorf("asciiRun(%q) key = %#x, want wordKey(%q) = %#x", s, key, want, wordKey(want))
			}
		}
	}
}

package quotes

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that no input makes Extract panic, that every span
// lies inside the text on rune boundaries, that a one-paragraph quote's
// text is exactly its span, and that quotes come in order without
// overlapping. (Loaders replace invalid UTF-8, so rune boundaries are
// checked on valid text only.)
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will rebuild,” Mayor Ines Duarte said. “The bridge comes first.”",
		"'We will rebuild,' vows mayor\n\nMayor Ines Duarte toured the town.",
		"«He told me ‹never again›», she said.\n\n„Wir bleiben“, sagte sie.",
		"“First part.\n\n“Second part,” she said.\n\n“Unclosed, he said.",
		"In the ’90s they played rock ’n’ roll and the workers’ ‘fair share’ mattered.",
		"「Tariffs are a tax」, the envoy said. \"Why now?\" asked Zhang Wei.",
		"The film \"The Long Night\" — “Q” — Commissioner Anna-Lena van der Berg",
		"“Hello,” Tom West,, said.",
	} {
		f.Add(s)
	}
	docs, _ := benchDocs(f)
	for _, d := range docs[:min(len(docs), 8)] {
		f.Add(d.Text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := docOf(text, true)
		prevEnd := -1
		for _, q := range Extract(doc) {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Fatalf("span %d-%d outside text of %d bytes", q.Start, q.End, len(text))
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(byteAt(text, q.Start)) || !utf8.RuneStart(byteAt(text, q.End))) {
				t.Fatalf("span %d-%d splits a character", q.Start, q.End)
			}
			if q.Start < prevEnd {
				t.Fatalf("quote at %d overlaps the one ending at %d", q.Start, prevEnd)
			}
			prevEnd = q.End
			if !strings.Contains(q.Text, "\n\n") && q.Text != text[q.Start:q.End] {
				t.Fatalf("text %q is not its span %q", q.Text, text[q.Start:q.End])
			}
			if q.Speaker.Confidence < 0 || q.Speaker.Confidence > 1 {
				t.Fatalf("confidence %v", q.Speaker.Confidence)
			}
		}
	})
}

// TestExtractOnRandomText runs Extract on many random texts made of
// quotation marks, apostrophes, punctuation and attribution words: the
// cases the fuzzer explores, kept deterministic for every test run.
func TestExtractOnRandomText(t *testing.T) {
	alpha := []string{"\"", "'", "‘", "’", "“", "”", "«", "»", "‹", "›", "„", "‚", "「", "」", " ", "\n\n", "a", "Tom", "West", "said", ",", ".", ":", "—", "he", "the", "spokesperson", "of", "for", "and", "(", ")", "s", "90", "n", "X", "US", "Mr", "according", "to", "by", "-", "?", "!", "A", "B", "Asked", "In", "’s", "'s", "68", "who", "manager", "Robson", "Kelly-Ann", "Lindenhof’s", "head", "teacher", "told", "wrote", "The", "said:", "—", "statement", "on", "Monday", "CORK", "NATO"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(40) {
			b.WriteString(alpha[r.IntN(len(alpha))])
			if r.IntN(3) == 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		for _, q := range Extract(docOf(text, true)) {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Fatalf("%q: span %d-%d outside the text", text, q.Start, q.End)
			}
		}
	}
}

// byteAt returns s[i], or a rune-start byte at the end of s.
func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}

// TestExtractWithLongerLowerCase keeps a name whose lower case is longer
// than itself (Ⱥ lower-cases to two more bytes) from crashing Extract.
func TestExtractWithLongerLowerCase(t *testing.T) {
	text := "“We will,” said Ⱥ. “Yes,” he said."
	qs := Extract(Document{Text: text, Blocks: []Block{{Start: 0, End: len(text)}}})
	if len(qs) != 2 {
		t.Errorf("%d quotes, want 2", len(qs))
	}
}

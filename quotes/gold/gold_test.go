package gold_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/quotes/gold"
)

func TestReadGoodFile(t *testing.T) {
	in := "\ufeff" + `{"id": "a1", "outlet": "Dawn", "title": "T", "url": "https://x.test/1", "published": "2023-12-20", "text": "He said \"Yes.\"", "notes": "ignored",
  "quotes": [{"text": "Yes.", "speaker": "Tom West", "speaker_alt": ["West"], "kind": "direct", "channel": "X", "extra": 1}]}

{"id": "a2", "text": "x", "outlet": null, "quotes": [{"text": "maybe", "speaker": null, "kind": "partial", "speaker_alt": null, "channel": null}]}
   
{"id": "a3", "text": "No quotes here.", "quotes": []}
`
	// The first record spans one line: join the two lines written above
	// for legibility.
	in = strings.Replace(in, "\n  \"quotes\"", ` "quotes"`, 1)
	want := []gold.Article{
		{
			ID: "a1", Outlet: "Dawn", Title: "T", URL: "https://x.test/1", Published: "2023-12-20",
			Text: `He said "Yes."`, Line: 1,
			Quotes: []gold.Quote{{Text: "Yes.", Speaker: "Tom West", SpeakerAlt: []string{"West"}, Kind: quotes.Direct, Channel: "X"}},
		},
		{ID: "a2", Text: "x", Line: 3, Quotes: []gold.Quote{{Text: "maybe", Kind: quotes.Partial}}},
		{ID: "a3", Text: "No quotes here.", Line: 5},
	}
	got, err := gold.Read(strings.NewReader(in), "gold.jsonl")
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read =\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadEmptyFileHasNoArticles(t *testing.T) {
	got, err := gold.Read(strings.NewReader("\n\n"), "gold.jsonl")
	if err != nil || len(got) != 0 {
		t.Errorf("Read(blank lines) = %v, %v; want no articles, no error", got, err)
	}
}

// line returns a valid article record with its first quote's fields
// replaced by quote (when not "").
func line(id, quote string) string {
	if quote == "" {
		quote = `{"text": "Yes.", "speaker": "Tom West", "kind": "direct"}`
	}
	return `{"id": "` + id + `", "text": "He said \"Yes.\"", "quotes": [` + quote + `]}`
}

func TestReadMalformed(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"truncated_json_names_the_line_and_column",
			line("a", "") + "\n" + `{"id": "b", "text": `,
			`gold.jsonl:2: invalid JSON: unexpected end of JSON input (column 19)`},
		{"bad_character_names_the_column",
			`{"id": x}`,
			`gold.jsonl:1: invalid JSON: invalid character 'x' looking for beginning of value (column 8)`},
		{"array_instead_of_an_object",
			`[1, 2]`,
			`gold.jsonl:1: want a JSON object, got array`},
		{"missing_text",
			`{"id": "a", "quotes": []}`,
			`gold.jsonl:1: missing field "text"`},
		{"missing_quotes",
			`{"id": "a", "text": "t"}`,
			`gold.jsonl:1: missing field "quotes"`},
		{"empty_id",
			`{"id": " ", "text": "t", "quotes": []}`,
			`gold.jsonl:1: id: empty`},
		{"id_of_wrong_type",
			`{"id": 7, "text": "t", "quotes": []}`,
			`gold.jsonl:1: id: want a string, got number`},
		{"quotes_not_an_array",
			`{"id": "a", "text": "t", "quotes": {}}`,
			`gold.jsonl:1: quotes: want an array, got object`},
		{"quote_not_an_object",
			line("a", `"Yes."`),
			`gold.jsonl:1: quotes[0]: want a JSON object, got string`},
		{"unknown_kind_after_a_blank_line",
			line("a", "") + "\n\n" + line("b", `{"text": "Yes.", "speaker": "X", "kind": "direct"}, {"text": "No.", "speaker": "X", "kind": "full"}`),
			`gold.jsonl:3: quotes[1].kind: want "direct" or "partial", got "full"`},
		{"missing_kind",
			line("a", `{"text": "Yes.", "speaker": "X"}`),
			`gold.jsonl:1: quotes[0]: missing field "kind"`},
		{"empty_quote_text",
			line("a", `{"text": "", "speaker": "X", "kind": "direct"}`),
			`gold.jsonl:1: quotes[0].text: empty`},
		{"missing_speaker",
			line("a", `{"text": "Yes.", "kind": "direct"}`),
			`gold.jsonl:1: quotes[0]: missing field "speaker"`},
		{"empty_speaker_asks_for_null",
			line("a", `{"text": "Yes.", "speaker": "", "kind": "direct"}`),
			`gold.jsonl:1: quotes[0].speaker: empty (use null when it cannot be known)`},
		{"speaker_of_wrong_type",
			line("a", `{"text": "Yes.", "speaker": ["X"], "kind": "direct"}`),
			`gold.jsonl:1: quotes[0].speaker: want a string, got array`},
		{"speaker_alt_not_an_array",
			line("a", `{"text": "Yes.", "speaker": "X", "speaker_alt": "Y", "kind": "direct"}`),
			`gold.jsonl:1: quotes[0].speaker_alt: want an array of strings, got string`},
		{"speaker_alt_with_a_null",
			line("a", `{"text": "Yes.", "speaker": "X", "speaker_alt": ["Y", null], "kind": "direct"}`),
			`gold.jsonl:1: quotes[0].speaker_alt[1]: want a string, got null`},
		{"channel_of_wrong_type",
			line("a", `{"text": "Yes.", "speaker": "X", "kind": "direct", "channel": true}`),
			`gold.jsonl:1: quotes[0].channel: want a string, got boolean`},
		{"duplicate_id",
			line("a", "") + "\n" + line("a", ""),
			`gold.jsonl:2: id: duplicate "a", first on line 1`},
		{"several_problems_are_counted",
			`{"id": "a"}` + "\n" + line("b", `{"text": "Yes.", "speaker": "X", "kind": "full"}`),
			`gold.jsonl:1: missing field "text" (and 2 more errors)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := gold.Read(strings.NewReader(tt.in), "gold.jsonl")
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Read error = %v\nwant %s", err, tt.want)
			}
			if arts != nil {
				t.Errorf("Read gave %d articles with the error, want none", len(arts))
			}
			var list gold.ErrorList
			if !errors.As(err, &list) || list[0].Line == 0 {
				t.Errorf("Read error is %T, want a gold.ErrorList with lines", err)
			}
		})
	}
}

func TestReadListsEveryProblem(t *testing.T) {
	in := `{"id": "a"}` + "\n" + line("b", `{"text": "Yes.", "speaker": "X", "kind": "full"}`) + "\nnot json\n"
	_, err := gold.Read(strings.NewReader(in), "g.jsonl")
	var list gold.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Read error = %v, want a gold.ErrorList", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`g.jsonl:1: missing field "text"`,
		`g.jsonl:1: missing field "quotes"`,
		`g.jsonl:2: quotes[0].kind: want "direct" or "partial", got "full"`,
		`g.jsonl:3: invalid JSON: invalid character 'o' in literal null (expecting 'u') (column 2)`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadSeeds(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "gold", "seeds.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, err := gold.Read(f, "seeds.jsonl")
	if err != nil {
		t.Fatalf("Read(seeds.jsonl): %v", err)
	}
	if len(arts) != 2 || arts[0].ID != "000_2942939cbf4b7cb5" || arts[1].ID != "003_9e22b0ab6b0482b3" {
		t.Fatalf("Read(seeds.jsonl) gave %d articles, want 000_2942939cbf4b7cb5 and 003_9e22b0ab6b0482b3", len(arts))
	}
	n := 0
	for _, a := range arts {
		for i, q := range a.Quotes {
			n++
			if !strings.Contains(a.Text, q.Text) {
				t.Errorf("%s quotes[%d] %q is not in the article text", a.ID, i, q.Text)
			}
		}
	}
	if n != 17 {
		t.Errorf("seeds.jsonl has %d quotes, want 17", n)
	}

	// Predicting the gold quotes themselves scores 1 everywhere.
	r := gold.Score(arts, func(a gold.Article) []quotes.Quote {
		var qs []quotes.Quote
		for _, q := range a.Quotes {
			qs = append(qs, quotes.Quote{Text: q.Text, Start: -1, Speaker: quotes.Attribution{Name: q.Speaker, Channel: q.Channel}})
		}
		return qs
	})
	c := r.Total
	if c.Gold != 17 || c.Strict != 17 || c.SpeakerRight != 17 || c.ChannelRight != c.Channels || c.Channels != 4 {
		t.Errorf("perfect predictions on the seeds count %+v, want 17 gold, all right, 4 channels", c)
	}
}

package sources

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// span is a paragraph as kind and text, for comparing in tests.
type span struct {
	kind ParagraphKind
	text string
}

// spans returns a's paragraphs as spans.
func spans(a *Article) []span {
	var out []span
	for i, p := range a.Paragraphs {
		out = append(out, span{p.Kind, a.ParagraphText(i)})
	}
	return out
}

// equalSpans reports whether two span lists are the same.
func equalSpans(a, b []span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestParseTxtHeader(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		title     string
		outlet    string
		url       string
		byline    string
		published string // RFC 3339, "" for none
		want      []span
	}{
		{
			name: "full_header_gives_metadata_and_is_not_a_paragraph",
			text: "Title: Ferry service resumes\nOutlet: The Northfield Courier\nURL: https://example.org/ferry\nPublished: 2024-03-15T07:00:00Z\nByline: Jonas Ebert\n\n" +
				"Ferries to the outer islands resumed on Saturday.\n\n“The pier is safe,” operations manager Rhea Tomlin said.\n",
			title: "Ferry service resumes", outlet: "The Northfield Courier", url: "https://example.org/ferry",
			byline: "Jonas Ebert", published: "2024-03-15T07:00:00Z",
			want: []span{
				{Body, "Ferries to the outer islands resumed on Saturday."},
				{Body, "“The pier is safe,” operations manager Rhea Tomlin said."},
			},
		},
		{
			name:  "keys_are_case_insensitive_and_a_repeated_title_is_the_headline",
			text:  "TITLE: Ferry service resumes\npublished: March 15, 2024\nbyline:   Jonas   Ebert \n\nFerry service resumes\n\nFerries resumed on Saturday.\n",
			title: "Ferry service resumes", byline: "Jonas Ebert", published: "2024-03-15T00:00:00Z",
			want: []span{{Headline, "Ferry service resumes"}, {Body, "Ferries resumed on Saturday."}},
		},
		{
			name:  "header_without_title_leaves_the_first_line_as_headline",
			text:  "Outlet: Valley Times\nPublished: 2 Jan 2024 15:04\n\nLibrary extends weekend hours\n\nThe library will open until 8 p.m.\n",
			title: "Library extends weekend hours", outlet: "Valley Times", published: "2024-01-02T15:04:00Z",
			want: []span{{Headline, "Library extends weekend hours"}, {Body, "The library will open until 8 p.m."}},
		},
		{
			name:      "date_only_header_form",
			text:      "Published: 2024-03-15\n\nHeadline here\n\nBody here.\n",
			title:     "Headline here",
			published: "2024-03-15T00:00:00Z",
			want:      []span{{Headline, "Headline here"}, {Body, "Body here."}},
		},
		{
			name:  "no_header_makes_the_first_line_the_headline",
			text:  "\n\nBridge closes for repairs\n\nThe bridge will close for a week,\nthe council said.\n",
			title: "Bridge closes for repairs",
			want:  []span{{Headline, "Bridge closes for repairs"}, {Body, "The bridge will close for a week,\nthe council said."}},
		},
		{
			name:  "a_block_mixing_header_and_prose_lines_is_text",
			text:  "Source: the council's own figures show a rise.\nThe rise was 4 per cent.\n\nMore text.\n",
			title: "Source: the council's own figures show a rise.", outlet: "",
			want: []span{
				{Headline, "Source: the council's own figures show a rise."},
				{Body, "The rise was 4 per cent."},
				{Body, "More text."},
			},
		},
		{
			name:  "a_story_opening_with_source_is_not_a_header",
			text:  "Source: council figures\n\nThe rise was 4 per cent.\n",
			title: "Source: council figures",
			want:  []span{{Headline, "Source: council figures"}, {Body, "The rise was 4 per cent."}},
		},
		{
			name:  "first_block_with_a_non_header_line_is_text",
			text:  "Title: Budget\nCouncil approves budget\n\nBody.\n",
			title: "Title: Budget",
			want:  []span{{Headline, "Title: Budget"}, {Body, "Council approves budget"}, {Body, "Body."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := parseTxt(tt.text, "story.txt")
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors %v", len(arts), errs)
			}
			a := arts[0]
			if a.Text != tt.text {
				t.Errorf("Text changed")
			}
			if a.Title != tt.title || a.Outlet != tt.outlet || a.URL != tt.url || a.Byline != tt.byline {
				t.Errorf("got title %q, outlet %q, URL %q, byline %q", a.Title, a.Outlet, a.URL, a.Byline)
			}
			if got := formatTime(a.Published); got != tt.published {
				t.Errorf("got published %q, want %q", got, tt.published)
			}
			if got := spans(a); !equalSpans(got, tt.want) {
				t.Errorf("got paragraphs\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

// formatTime returns t in RFC 3339, or "" for the zero time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func TestParseTxtBadDateIsAWarningAtItsOffset(t *testing.T) {
	text := "Title: Ferry resumes\nPublished: next Tuesday\n\nFerries resumed.\n"
	arts, errs := parseTxt(text, "ferry.txt")
	if len(arts) != 1 || len(errs) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	var e *InputError
	if !errors.As(errs[0], &e) || !e.Warning || e.Line != 2 || e.Offset != strings.Index(text, "next") {
		t.Fatalf("got %#v, want a warning on line 2 at the value", errs[0])
	}
	if want := `load ferry.txt: line 2: unrecognised date "next Tuesday"`; e.Error() != want {
		t.Errorf("got %q, want %q", e.Error(), want)
	}
}

func TestParseTxtHeaderWithoutBodyIsEmpty(t *testing.T) {
	_, errs := parseTxt("Title: Ferry resumes\nOutlet: Dawn\n", "ferry.txt")
	if len(errs) != 1 || !errors.Is(errs[0], ErrEmpty) {
		t.Fatalf("got %v, want ErrEmpty", errs)
	}
	if want := "load ferry.txt: empty: no text after the header"; errs[0].Error() != want {
		t.Errorf("got %q, want %q", errs[0].Error(), want)
	}
}

func TestParseMetaDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2024-03-15T07:00:00+05:00", "2024-03-15T07:00:00+05:00"},
		{"2024-03-15T07:00:00.123Z", "2024-03-15T07:00:00Z"},
		{"2024-03-15 07:00", "2024-03-15T07:00:00Z"},
		{"2024-03-15", "2024-03-15T00:00:00Z"},
		{"March 15, 2024", "2024-03-15T00:00:00Z"},
		{"Mar 15, 2024", "2024-03-15T00:00:00Z"},
		{"Mar. 15, 2024", "2024-03-15T00:00:00Z"},
		{"March 15, 2024 3:04 PM", "2024-03-15T15:04:00Z"},
		{"15 March 2024", "2024-03-15T00:00:00Z"},
		{"15 Mar 2024 15:04", "2024-03-15T15:04:00Z"},
		{"2 Jan 2006 15:04", "2006-01-02T15:04:00Z"},
		{"Fri, 15 Mar 2024 07:00:00 +0000", "2024-03-15T07:00:00Z"},
		{"Friday, March 15, 2024", "2024-03-15T00:00:00Z"},
		{"  March  15,   2024 ", "2024-03-15T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.in, " ", "_"), func(t *testing.T) {
			got, err := parseMetaDate(tt.in)
			if err != nil || got.Format(time.RFC3339) != tt.want {
				t.Errorf("got %v, %v; want %s", got, err, tt.want)
			}
		})
	}
	for _, bad := range []string{"next Tuesday", "15/03/2024", ""} {
		if _, err := parseMetaDate(bad); err == nil {
			t.Errorf("parseMetaDate(%q) succeeded, want an error", bad)
		}
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		perLine bool
		want    []string
	}{
		{"blank_lines_separate_paragraphs", "One.\n\nTwo\nlines.\n\n\n\nThree.", false, []string{"One.", "Two\nlines.", "Three."}},
		{"whitespace_only_lines_are_blank", "One.\n \t \nTwo.", false, []string{"One.", "Two."}},
		{"crlf_line_ends_stay_out_of_spans", "One.\r\n\r\nTwo.\r\n", false, []string{"One.", "Two."}},
		{"surrounding_space_and_bom_stay_out_of_spans", "\ufeff  One.  \n\n\tTwo.\u00a0\n", false, []string{"One.", "Two."}},
		{"per_line_makes_each_line_a_paragraph", "One.\nTwo.\n\nThree.", true, []string{"One.", "Two.", "Three."}},
		{"empty_text_has_no_paragraphs", " \n\n ", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range splitParagraphs(tt.text, 0, tt.perLine) {
				got = append(got, tt.text[p.Start:p.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarkHeadline(t *testing.T) {
	long := strings.Repeat("word ", 70)
	tests := []struct {
		name  string
		text  string
		title string
		want  []span
	}{
		{"first_line_of_a_block_is_split_off_as_headline", "Ferry resumes\nFerries resumed on Saturday.\n", "",
			[]span{{Headline, "Ferry resumes"}, {Body, "Ferries resumed on Saturday."}}},
		{"a_line_that_does_not_repeat_the_title_is_body", "Ferries resumed on Saturday.\n", "Ferry resumes",
			[]span{{Body, "Ferries resumed on Saturday."}}},
		{"a_lone_line_is_not_a_headline", "The budget passed by one vote.\n", "",
			[]span{{Body, "The budget passed by one vote."}}},
		{"a_very_long_first_line_is_not_a_headline", long + "\n\nMore.", "",
			[]span{{Body, strings.TrimSpace(long)}, {Body, "More."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Text: tt.text, Title: tt.title, Paragraphs: splitParagraphs(tt.text, 0, false)}
			markHeadline(a)
			if got := spans(a); !equalSpans(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

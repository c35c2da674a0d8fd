package sources

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestLoadMarkdownWithFrontMatterAndBlockQuotes(t *testing.T) {
	r := load(t, "../testdata/sources/harbour.md")
	if len(r.Articles) != 1 || len(r.Errors) != 0 {
		t.Fatalf("got %d articles, errors %v", len(r.Articles), r.Errors)
	}
	a := r.Articles[0]
	if a.Title != "Harbour workers end strike after pay deal" || a.Outlet != "The Northfield Courier" ||
		a.URL != "https://www.northfieldcourier.example/news/harbour-strike" || a.Byline != "Mara Quint, Jonas Ebert" {
		t.Errorf("got title %q, outlet %q, URL %q, byline %q", a.Title, a.Outlet, a.URL, a.Byline)
	}
	if want := time.Date(2024, 3, 14, 8, 30, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("got published %v, want %v", a.Published, want)
	}
	want := []span{
		{Headline, "Harbour workers end strike after pay deal"},
		{Body, "NORTHFIELD: Dock workers returned to the container terminal on Thursday after union leaders accepted a revised pay offer from the port authority."},
		{Quotation, "We didn't get everything we asked for, but we got a deal our members can live with."},
		{Body, "The union’s chief negotiator, Pavel Orlov, said the agreement was “a floor, not a ceiling” and that talks on night shifts would resume in June."},
		{Body, "The deal includes:"},
		{Body, "a 6.5% raise backdated to January;"},
		{Body, "two extra rest days a year;"},
		{Body, "a review of the berth_plan_v2 rota."},
	}
	if got := spans(a); !equalSpans(got, want) {
		t.Errorf("got paragraphs\n%+v\nwant\n%+v", got, want)
	}
	if !strings.HasSuffix(a.Text, "\n\nRead more: Port authority posts record profit\n\nRelated Stories\n\nShipping lines reroute as strike bites") {
		t.Errorf("furniture must stay in Text; Text ends %q", a.Text[max(0, len(a.Text)-120):])
	}
}

func TestParseMarkdownBlocks(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []span
	}{
		{
			name: "first_heading_is_the_headline_and_later_ones_are_body",
			md:   "# Tram line reopens #\n\nThe line reopened.\n\n## What changes\n\nTrams run every 8 minutes.\n",
			want: []span{{Headline, "Tram line reopens"}, {Body, "The line reopened."}, {Body, "What changes"}, {Body, "Trams run every 8 minutes."}},
		},
		{
			name: "heading_after_body_text_is_not_the_headline",
			md:   "Intro text.\n\n# Later heading\n",
			want: []span{{Body, "Intro text."}, {Body, "Later heading"}},
		},
		{
			name: "setext_heading_is_a_heading",
			md:   "Tram line reopens\n=================\n\nThe line reopened.\n",
			want: []span{{Headline, "Tram line reopens"}, {Body, "The line reopened."}},
		},
		{
			name: "multi_line_block_quote_is_joined_with_spaces",
			md:   "> “We are not going anywhere,”\n> the mayor said,\n>\n> “not this year.”\n",
			want: []span{{Quotation, "“We are not going anywhere,” the mayor said,"}, {Quotation, "“not this year.”"}},
		},
		{
			name: "nested_quote_markers_are_stripped",
			md:   "> > Quoted twice.\n",
			want: []span{{Quotation, "Quoted twice."}},
		},
		{
			name: "list_items_are_paragraphs_with_continuations",
			md:   "Findings:\n\n1. Costs rose\n   by a third.\n2) Delays grew.\n* Staff left.\n+ Morale fell.\n",
			want: []span{{Body, "Findings:"}, {Body, "Costs rose by a third."}, {Body, "Delays grew."}, {Body, "Staff left."}, {Body, "Morale fell."}},
		},
		{
			name: "code_fences_comments_breaks_images_and_link_definitions_are_dropped",
			md:   "Before.\n\n```\nrm -rf /\n```\n\n<!-- note\nto editor -->\n\n---\n\n![Chart](chart.png)\n\n[1]: https://example.org\n\nAfter.\n",
			want: []span{{Body, "Before."}, {Body, "After."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := parseMarkdown(tt.md, "x.md")
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors %v", len(arts), errs)
			}
			if got := spans(arts[0]); !equalSpans(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestParseMarkdownTextIsParagraphsJoinedByBlankLines(t *testing.T) {
	arts, _ := parseMarkdown("# Title\n\nOne *two*.\n\n> Three.\n", "x.md")
	if len(arts) != 1 {
		t.Fatal("no article")
	}
	if want := "Title\n\nOne two.\n\nThree."; arts[0].Text != want {
		t.Errorf("got Text %q, want %q", arts[0].Text, want)
	}
}

func TestMarkdownInline(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"strong_and_emphasis_markers_are_removed", "a **bold** and *light* and __strong__ and _soft_ word", "a bold and light and strong and soft word"},
		{"nested_emphasis_is_removed", "***very*** and *a **b** c*", "very and a b c"},
		{"apostrophes_and_straight_quotes_are_kept", `He said "don't" and 'won't'.`, `He said "don't" and 'won't'.`},
		{"curly_quotes_around_emphasis_are_kept", "“*Never*,” she said. ‘*Ever*.’", "“Never,” she said. ‘Ever.’"},
		{"intraword_underscores_are_text", "see snake_case_name and __init__", "see snake_case_name and init"},
		{"lone_asterisks_are_text", "2 * 3 * 4 and a* b", "2 * 3 * 4 and a* b"},
		{"unmatched_opener_is_text", "**not closed", "**not closed"},
		{"inline_link_becomes_its_text", "read [the *full* report](https://example.org/r (x)) now", "read the full report now"},
		{"reference_link_becomes_its_text", "read [the report][1] now", "read the report now"},
		{"bracketed_words_without_a_link_stay", "with [Caretaker Foreign Minister] Jalil and Durrani[Pakistan's envoy], and", "with [Caretaker Foreign Minister] Jalil and Durrani[Pakistan's envoy], and"},
		{"image_is_dropped", "before ![a crane](crane.jpg) after", "before after"},
		{"code_span_keeps_its_content", "run `go test ./...` and ``a ` b``", "run go test ./... and a ` b"},
		{"escapes_give_the_character", `\*not emphasis\* and \[x\]`, "*not emphasis* and [x]"},
		{"autolink_keeps_the_address", "mail <press@example.org> or <https://example.org>", "mail press@example.org or https://example.org"},
		{"html_tags_are_dropped", "a <em>real</em> line<br/>break", "a real linebreak"},
		{"entities_are_decoded", "Tom &amp; Jerry&rsquo;s", "Tom & Jerry’s"},
		{"strikethrough_markers_are_removed", "~~old~~ new ~x~", "old new ~x~"},
		{"a_lone_less_than_is_text", "if a < b then", "if a < b then"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mdInline(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseMarkdownFrontMatter(t *testing.T) {
	tests := []struct {
		name      string
		md        string
		title     string
		byline    string
		published string
		warning   string
	}{
		{"published_and_byline_keys", "---\npublished: \"March 14, 2024\"\nbyline: Mara Quint\n---\nBody.\n", "", "Mara Quint", "2024-03-14T00:00:00Z", ""},
		{"author_objects_give_their_names", "---\nauthor:\n  - name: Mara Quint\n  - name: Jonas Ebert\n---\nBody.\n", "", "Mara Quint, Jonas Ebert", "", ""},
		{"front_matter_title_beats_the_heading", "---\ntitle: From YAML\n---\n# From heading\n\nBody.\n", "From YAML", "", "", ""},
		{"bad_date_is_a_warning", "---\ndate: soon\n---\nBody.\n", "", "", "", `load x.md: line 2: front matter: unrecognised date "soon"`},
		{"invalid_yaml_is_a_warning_and_the_body_loads", "---\ntitle: [unclosed\n---\nBody.\n", "", "", "", "load x.md: front matter: yaml: line 1: did not find expected ',' or ']'"},
		{"unclosed_front_matter_is_text", "---\ntitle: x\n\nBody.\n", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := parseMarkdown(tt.md, "x.md")
			if len(arts) != 1 {
				t.Fatalf("got no article, errors %v", errs)
			}
			a := arts[0]
			if a.Title != tt.title || a.Byline != tt.byline || formatTime(a.Published) != tt.published {
				t.Errorf("got title %q, byline %q, published %q", a.Title, a.Byline, formatTime(a.Published))
			}
			var msgs []string
			for _, err := range errs {
				var e *InputError
				if !errors.As(err, &e) || !e.Warning {
					t.Errorf("%v is not a warning", err)
				}
				msgs = append(msgs, err.Error())
			}
			if got := strings.Join(msgs, "; "); got != tt.warning {
				t.Errorf("got warnings %q, want %q", got, tt.warning)
			}
		})
	}
}

func TestParseMarkdownWithoutTextIsEmpty(t *testing.T) {
	_, errs := parseMarkdown("---\ntitle: x\n---\n![only an image](a.png)\n<!-- and a comment -->\n", "x.md")
	if len(errs) != 1 || !errors.Is(errs[0], ErrEmpty) {
		t.Errorf("got %v, want ErrEmpty", errs)
	}
}

package sources

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestLoadJSONLinesWithAMalformedLine(t *testing.T) {
	path := "../testdata/sources/wire.jsonl"
	r := load(t, path)
	errs := inputErrors(t, r)
	if len(errs) != 1 {
		t.Fatalf("got errors %v, want one", r.Errors)
	}
	if want := "load " + path + ": line 3: invalid JSON: unexpected end of JSON input"; errs[0].Error() != want {
		t.Errorf("got %q, want %q", errs[0].Error(), want)
	}
	raw, _ := os.ReadFile(path)
	if line3 := strings.Index(string(raw), `{"title": "Broken`); errs[0].Offset < line3 || errs[0].Warning {
		t.Errorf("got offset %d (warning %v), want a failure at or after line 3's start %d", errs[0].Offset, errs[0].Warning, line3)
	}
	tests := []struct {
		origin, outlet, title, url, byline, published string
		want                                          []span
	}{
		{
			origin: path + "#1", outlet: "The Northfield Courier", title: "Ferry service to resume after storm",
			url: "https://www.northfieldcourier.example/news/ferry", byline: "Jonas Ebert", published: "2024-03-15T07:00:00Z",
			want: []span{
				{Headline, "Ferry service to resume after storm"},
				{Body, "Ferries to the outer islands will resume on Saturday, the operator said, two days after a storm damaged the pier at Kell Point."},
				{Body, "“Safety comes first, and the pier is safe,” operations manager Rhea Tomlin said."},
			},
		},
		{
			origin: path + "#2", outlet: "Valley Times", title: "Library extends weekend hours",
			byline: "Ines Okafor", published: "2024-03-15T00:00:00Z",
			want: []span{
				{Headline, "Library extends weekend hours"},
				{Body, "The central library will open until 8 p.m. on Saturdays from next month."},
				{Body, "Librarian Tom Haas said demand had “never been higher”."},
			},
		},
		{
			origin: path + "#4", outlet: "Example Times", title: "Snowfall closes mountain pass",
			url: "https://www.example-times.co.uk/world/snow",
			want: []span{
				{Headline, "Snowfall closes mountain pass"},
				{Body, "The Kell Valley road was closed on Friday after 40 cm of fresh snow fell overnight."},
			},
		},
	}
	if len(r.Articles) != len(tests) {
		t.Fatalf("got %d articles, want %d", len(r.Articles), len(tests))
	}
	for i, tt := range tests {
		a := r.Articles[i]
		if a.Origin != tt.origin || a.Outlet != tt.outlet || a.Title != tt.title || a.URL != tt.url ||
			a.Byline != tt.byline || formatTime(a.Published) != tt.published || a.Format != "json" {
			t.Errorf("record %d: got origin %q, outlet %q, title %q, URL %q, byline %q, published %q, format %q",
				i, a.Origin, a.Outlet, a.Title, a.URL, a.Byline, formatTime(a.Published), a.Format)
		}
		if got := spans(a); !equalSpans(got, tt.want) {
			t.Errorf("record %d: got\n%+v\nwant\n%+v", i, got, tt.want)
		}
	}
}

func TestLoadGoldSeeds(t *testing.T) {
	r := load(t, "../testdata/gold/seeds.jsonl")
	if len(r.Errors) != 0 || len(r.Articles) != 2 {
		t.Fatalf("got %d articles, errors %v", len(r.Articles), r.Errors)
	}
	for i, want := range []struct{ outlet, title, file string }{
		{"Dawn", "US says in contact with Pakistan to ‘discuss ways’ to combat TTP", "../testdata/articles/000_2942939cbf4b7cb5.txt"},
		{"The Express Tribune", "US extends support to Pakistan amid TTP threat", "../testdata/articles/003_9e22b0ab6b0482b3.txt"},
	} {
		a := r.Articles[i]
		if a.Outlet != want.outlet || a.Title != want.title {
			t.Errorf("record %d: got outlet %q, title %q", i, a.Outlet, a.Title)
		}
		seed := load(t, want.file).Articles[0]
		if got, wantParas := paragraphTexts(a), paragraphTexts(seed); strings.Join(got, "\n") != strings.Join(wantParas, "\n") {
			t.Errorf("record %d: paragraphs differ from the seed file's", i)
		}
	}
}

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		origins []string
		titles  []string
		bylines []string
		outlets []string
		texts   [][]string
		errs    []string
	}{
		{
			name:    "one_object_keeps_the_plain_origin",
			doc:     `{"Title": "Budget passes", "TEXT": "The budget passed.\n\nIt passed by one vote.", "author": "Ada Brandt"}`,
			origins: []string{"x.json"}, titles: []string{"Budget passes"}, bylines: []string{"Ada Brandt"}, outlets: []string{""},
			texts: [][]string{{"The budget passed.", "It passed by one vote."}},
		},
		{
			name:    "array_gives_numbered_origins_and_bad_records_are_reported",
			doc:     `[{"headline": "A", "body": "Body A."}, {"title": "B"}, 7, {"content": "  "}, {"content": "C\nBody C."}]`,
			origins: []string{"x.json#1", "x.json#5"}, titles: []string{"A", "C"}, bylines: []string{"", ""}, outlets: []string{"", ""},
			texts: [][]string{{"Body A."}, {"Body C."}},
			errs: []string{
				"load x.json#2: no text, body or content field",
				"load x.json#3: not a JSON object",
				"load x.json#4: empty",
			},
		},
		{
			name:    "text_wins_over_body_and_content_and_a_lone_line_is_not_a_headline",
			doc:     `{"content": "From content.", "body": "From body.", "text": "From text."}`,
			origins: []string{"x.json"}, titles: []string{""}, bylines: []string{""}, outlets: []string{""},
			texts: [][]string{{"From text."}},
		},
		{
			name:    "author_lists_and_publisher_objects_give_names",
			doc:     `{"text": "Body.", "title": "T", "author": ["Mara Quint", {"name": "Jonas Ebert"}], "publisher": {"@type": "Organization", "name": "Valley Times"}}`,
			origins: []string{"x.json"}, titles: []string{"T"}, bylines: []string{"Mara Quint, Jonas Ebert"}, outlets: []string{"Valley Times"},
			texts: [][]string{{"Body."}},
		},
		{
			name:    "outlet_beats_source_and_publisher",
			doc:     `{"text": "Body.", "title": "T", "publisher": "P", "source": "S", "outlet": "O"}`,
			origins: []string{"x.json"}, titles: []string{"T"}, bylines: []string{""}, outlets: []string{"O"},
			texts: [][]string{{"Body."}},
		},
		{
			name:    "bad_date_is_a_warning",
			doc:     `{"text": "Body.", "title": "T", "date": "yesterday"}`,
			origins: []string{"x.json"}, titles: []string{"T"}, bylines: []string{""}, outlets: []string{""},
			texts: [][]string{{"Body."}},
			errs:  []string{`load x.json: date: unrecognised date "yesterday"`},
		},
		{
			name: "syntax_error_names_line_and_offset",
			doc:  "{\n  \"text\": \"Body.\",\n  oops\n}",
			errs: []string{"load x.json: line 3: invalid JSON: invalid character 'o' looking for beginning of object key string"},
		},
		{
			name:    "invalid_json_made_of_lines_is_read_as_json_lines",
			doc:     "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n",
			origins: []string{"x.json#1", "x.json#2"}, titles: []string{"", ""}, bylines: []string{"", ""}, outlets: []string{"", ""},
			texts: [][]string{{"One."}, {"Two."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := parseJSON(tt.doc, "x.json")
			var msgs []string
			for _, err := range errs {
				msgs = append(msgs, err.Error())
			}
			if strings.Join(msgs, "\n") != strings.Join(tt.errs, "\n") {
				t.Errorf("got errors\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(tt.errs, "\n"))
			}
			if len(arts) != len(tt.origins) {
				t.Fatalf("got %d articles, want %d", len(arts), len(tt.origins))
			}
			for i, a := range arts {
				if a.Origin != tt.origins[i] || a.Title != tt.titles[i] || a.Byline != tt.bylines[i] || a.Outlet != tt.outlets[i] {
					t.Errorf("article %d: got origin %q, title %q, byline %q, outlet %q", i, a.Origin, a.Title, a.Byline, a.Outlet)
				}
				var body []string
				for j, p := range a.Paragraphs {
					if p.Kind == Body {
						body = append(body, a.ParagraphText(j))
					}
				}
				if strings.Join(body, "|") != strings.Join(tt.texts[i], "|") {
					t.Errorf("article %d: got body %q, want %q", i, body, tt.texts[i])
				}
			}
		})
	}
}

func TestParseJSONSyntaxErrorOffset(t *testing.T) {
	doc := "{\n  \"text\": \"Body.\",\n  oops\n}"
	_, errs := parseJSON(doc, "x.json")
	var e *InputError
	if len(errs) != 1 || !errors.As(errs[0], &e) {
		t.Fatalf("got %v", errs)
	}
	if want := strings.Index(doc, "oops"); e.Offset != want || e.Line != 3 {
		t.Errorf("got line %d, offset %d; want line 3, offset %d", e.Line, e.Offset, want)
	}
}

func TestParseJSONLinesNonObjectLine(t *testing.T) {
	arts, errs := parseJSONLines("\n[1, 2]\n\n{\"text\": \"Fine.\"}\n", "x.jsonl")
	if len(arts) != 1 || arts[0].Origin != "x.jsonl#2" {
		t.Errorf("got %d articles (want 1 with origin x.jsonl#2)", len(arts))
	}
	if len(errs) != 1 || errs[0].Error() != "load x.jsonl: line 2: not a JSON object" {
		t.Errorf("got %v", errs)
	}
}

func TestParseJSONLinesCapsErrorsAndKeepsLoading(t *testing.T) {
	text := strings.Repeat("not json\n", maxLineErrors+5) + `{"text": "Still loads."}` + "\n"
	arts, errs := parseJSONLines(text, "x.jsonl")
	if len(arts) != 1 || arts[0].Origin != fmt.Sprintf("x.jsonl#%d", maxLineErrors+6) {
		t.Errorf("got %d articles, want the last line's", len(arts))
	}
	if len(errs) != maxLineErrors+1 || errs[maxLineErrors].Error() != "load x.jsonl: 5 more bad lines" {
		t.Errorf("got %d errors, last %v", len(errs), errs[len(errs)-1])
	}
}

package store

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/quoth-dev/quoth/quotes"
)

// searchDocs returns the envoy stories and one with words that test the
// search: a curly apostrophe, a repeated word, a word inside a longer one,
// words that are FTS5 operators.
func searchDocs() []Document {
	tribune, _, dawn := envoyArticles()
	g := newArticle("Geo TV", "https://geo.tv/3", "Sirens", time.Date(2023, 12, 22, 8, 0, 0, 0, time.UTC),
		`Lopez said "don’t stop the warning sirens", repeated: "threat, threat, threat" and asked: "war and peace, or not?"`)
	geo := Document{Article: g, Quotes: []quotes.Quote{
		quoteOf(g, "don’t stop the warning sirens", "Maria Lopez", "Lopez"),
		quoteOf(g, "threat, threat, threat", "Maria Lopez", "Lopez"),
		quoteOf(g, "war and peace, or not?", "Maria Lopez", "Lopez"),
	}}
	return []Document{tribune, dawn, geo}
}

func TestQuotes_round_trip(t *testing.T) {
	db := mustOpen(t)
	a := newArticle("Dawn", "https://dawn.com/9", "Round trip", time.Date(2024, 2, 3, 4, 5, 6, 0, pkt),
		`Intro.`, `He posted on X: "We will prevail`)
	q := quoteOf(a, "We will prevail", "Tom West", "He")
	q.Kind, q.Unclosed, q.Title = quotes.Direct, true, true
	q.Speaker.Role, q.Speaker.Channel, q.Speaker.Method, q.Speaker.Confidence = "envoy", "X", quotes.Pronoun, 0.75
	mustIngest(t, db, Document{Article: a, Quotes: []quotes.Quote{q}})

	got, err := db.Quotes(context.Background(), QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d quotes, want 1", len(got))
	}
	if !reflect.DeepEqual(got[0].Quote, q) {
		t.Errorf("quote = %+v\nwant %+v", got[0].Quote, q)
	}
	g := got[0]
	if g.Key == 0 || g.ArticleKey != 1 || g.SpeakerKey == 0 || g.Outlet != "Dawn" || g.Title != "Round trip" ||
		g.URL != a.URL || !g.Published.Equal(a.Published) {
		t.Errorf("stored quote = %+v", g)
	}
}

func TestQuotes_filters(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	mustIngest(t, db, searchDocs()...)
	dawn, _, _ := db.Article(ctx, searchDocs()[1].Article.ID)

	west := []string{"grave threat", "grave security challenges posed by TTP", "we stand with Pakistan"}
	for _, c := range []struct {
		name string
		f    QuoteFilter
		want []string
	}{
		{"all_newest_article_first_in_text_order", QuoteFilter{}, []string{
			"don’t stop the warning sirens", "threat, threat, threat", "war and peace, or not?",
			"We seek a strong partnership with Pakistan.", "exaggerated",
			"grave threat", "grave security challenges posed by TTP", "we stand with Pakistan"}},
		{"speaker_by_name", QuoteFilter{Speaker: "Tom West"}, west},
		{"speaker_ignores_case_and_spacing", QuoteFilter{Speaker: " tom  WEST "}, west},
		{"speaker_by_surname", QuoteFilter{Speaker: "West"}, west},
		{"speaker_by_alias", QuoteFilter{Speaker: "us envoy tom west"}, west},
		{"speaker_by_first_name_finds_nothing", QuoteFilter{Speaker: "Tom"}, nil},
		{"speaker_body_by_alias", QuoteFilter{Speaker: "A State Department Spokesperson"},
			[]string{"We seek a strong partnership with Pakistan."}},
		{"unknown_speaker_finds_nothing", QuoteFilter{Speaker: "Nobody"}, nil},
		{"outlet_ignores_case", QuoteFilter{Outlet: "the express TRIBUNE"}, west},
		{"article", QuoteFilter{Article: dawn.Key},
			[]string{"We seek a strong partnership with Pakistan.", "exaggerated"}},
		{"limit", QuoteFilter{Limit: 4},
			[]string{"don’t stop the warning sirens", "threat, threat, threat", "war and peace, or not?",
				"We seek a strong partnership with Pakistan."}},
		{"speaker_and_outlet", QuoteFilter{Speaker: "West", Outlet: "Dawn"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs, err := db.Quotes(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := textsOf(qs); !reflect.DeepEqual(got, c.want) {
				t.Errorf("quotes = %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestQuotes_unattributed_quote_has_no_speaker(t *testing.T) {
	db := mustOpen(t)
	mustIngest(t, db, searchDocs()...)
	qs, err := db.Quotes(context.Background(), QuoteFilter{Search: "exaggerated"})
	if err != nil || len(qs) != 1 {
		t.Fatalf("Quotes = %v, %v", qs, err)
	}
	if qs[0].SpeakerKey != 0 || qs[0].Speaker.Name != "" {
		t.Errorf("speaker = %d %q, want none", qs[0].SpeakerKey, qs[0].Speaker.Name)
	}
}

func TestQuotes_search(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "quoth.db")
	withFTS := mustOpenWith(t, path, options{})
	mustIngest(t, withFTS, searchDocs()...)
	without := mustOpenWith(t, path, options{noFTS: true})
	type handle struct {
		name string
		db   *DB
	}
	handles := []handle{{"fallback", without}}
	if withFTS.FTS() {
		handles = append(handles, handle{"fts5", withFTS})
	} else {
		t.Log("no FTS5 in this build: only the fallback is tested")
	}

	for _, c := range []struct {
		name   string
		search string
		want   []string // in any order
	}{
		{"every_word_must_appear", "grave threat", []string{"grave threat"}},
		{"case_is_ignored", "GRAVE", []string{"grave threat", "grave security challenges posed by TTP"}},
		{"stray_quote_mark_is_not_syntax", `grave "threat`, []string{"grave threat"}},
		{"operators_are_words", `AND OR (`, []string{"war and peace, or not?"}},
		{"not_is_a_word", `NOT war`, []string{"war and peace, or not?"}},
		{"near_is_a_word", `NEAR(grave threat)`, nil},
		{"minus_is_not_not", "pakistan -strong", []string{"We seek a strong partnership with Pakistan."}},
		{"column_filter_is_a_word", "norm:grave", nil},
		{"star_alone_finds_nothing", "*", nil},
		{"quote_marks_alone_find_nothing", `"" '`, nil},
		{"straight_apostrophe_finds_curly", "don't stop", []string{"don’t stop the warning sirens"}},
		{"punctuation_around_words_is_dropped", "(threat).", []string{"grave threat", "threat, threat, threat"}},
		{"unknown_word_finds_nothing", "zebra", nil},
	} {
		for _, h := range handles {
			t.Run(c.name+"/"+h.name, func(t *testing.T) {
				qs, err := h.db.Quotes(ctx, QuoteFilter{Search: c.search})
				if err != nil {
					t.Fatal(err)
				}
				got := textsOf(qs)
				slices.Sort(got)
				want := slices.Clone(c.want)
				slices.Sort(want)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("Search %q = %q\nwant %q", c.search, got, want)
				}
			})
		}
	}
}

func TestQuotes_search_with_other_filters(t *testing.T) {
	db := mustOpen(t)
	mustIngest(t, db, searchDocs()...)
	qs, err := db.Quotes(context.Background(), QuoteFilter{Search: "pakistan", Speaker: "west", Outlet: "The Express Tribune", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := textsOf(qs), []string{"we stand with Pakistan"}; !reflect.DeepEqual(got, want) {
		t.Errorf("quotes = %q, want %q", got, want)
	}
}

func TestQuotes_search_ranks_best_match_first(t *testing.T) {
	db := mustOpen(t)
	if !db.FTS() {
		t.Skip("no FTS5 in this build")
	}
	mustIngest(t, db, searchDocs()...)
	qs, err := db.Quotes(context.Background(), QuoteFilter{Search: "threat"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := textsOf(qs), []string{"threat, threat, threat", "grave threat"}; !reflect.DeepEqual(got, want) {
		t.Errorf("quotes = %q, want %q", got, want)
	}
}

func TestQuotes_fallback_search_matches_inside_words(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quoth.db")
	db := mustOpenWith(t, path, options{})
	mustIngest(t, db, searchDocs()...)
	without := mustOpenWith(t, path, options{noFTS: true})
	want := map[bool]int{true: 0, false: 1} // FTS5 matches words; the fallback, substrings
	for _, h := range []*DB{db, without} {
		qs, err := h.Quotes(context.Background(), QuoteFilter{Search: "warn"})
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != want[h.FTS()] {
			t.Errorf("FTS %v: %q", h.FTS(), textsOf(qs))
		}
	}
}

func TestSpeakers_and_aliases(t *testing.T) {
	db := mustOpen(t)
	a := newArticle("Dawn", "", "Speakers", time.Time{},
		`"One," said Tom West. "Two," said TOM WEST. "Three," West said. "Four," he said. "Five," said the envoy.`)
	qs := []quotes.Quote{
		quoteOf(a, "One,", "Tom West", "Tom West"),
		quoteOf(a, "Two,", "TOM WEST", "TOM WEST"),
		quoteOf(a, "Three,", "Tom West", "West"),
		quoteOf(a, "Four,", "Tom West", "he"),
		quoteOf(a, "Five,", "tom west", "the envoy"),
	}
	qs[2].Speaker.Role = "envoy"
	mustIngest(t, db, Document{Article: a, Quotes: qs})

	if n := count(t, db, "speakers"); n != 1 {
		t.Errorf("%d speakers, want 1", n)
	}
	var name, role string
	if err := db.ro.QueryRow("SELECT name, role FROM speakers").Scan(&name, &role); err != nil {
		t.Fatal(err)
	}
	if name != "Tom West" || role != "envoy" {
		t.Errorf("speaker = %q, %q; want the first name written and the last role given", name, role)
	}
	rows, err := db.ro.Query("SELECT alias FROM speaker_aliases ORDER BY alias")
	if err != nil {
		t.Fatal(err)
	}
	var aliases []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		aliases = append(aliases, s)
	}
	if want := []string{"West", "he", "the envoy"}; !reflect.DeepEqual(aliases, want) {
		t.Errorf("aliases = %q, want %q", aliases, want)
	}
	stored, _ := db.Quotes(context.Background(), QuoteFilter{Speaker: "The Envoy"})
	for _, q := range stored {
		if q.Speaker.Name != "Tom West" {
			t.Errorf("quote %q by %q, want the canonical name", q.Text, q.Speaker.Name)
		}
	}
	if len(stored) != 5 {
		t.Errorf("%d quotes by alias, want 5", len(stored))
	}
}

func TestQuotesKeepContextAndFindSomeWords(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	tribune, _, dawn := envoyArticles()
	tribune.Quotes[0].Before, tribune.Quotes[0].After = "said the militants posed a", "to the region."
	mustIngest(t, db, tribune, dawn)
	qs, err := db.Quotes(ctx, QuoteFilter{Search: "grave threat"})
	if err != nil || len(qs) != 1 {
		t.Fatalf("every word: %d quotes, %v; want 1", len(qs), err)
	}
	if qs[0].Before != "said the militants posed a" || qs[0].After != "to the region." {
		t.Errorf("context %q / %q not kept", qs[0].Before, qs[0].After)
	}
	qs, err = db.Quotes(ctx, QuoteFilter{Search: "grave threat", MinWords: 1})
	if err != nil || len(qs) != 2 {
		t.Fatalf("one word: %d quotes, %v; want 2", len(qs), err)
	}
	qs, err = db.Quotes(ctx, QuoteFilter{Search: "grave pakistan threat", MinWords: 2})
	if err != nil || len(qs) != 1 || qs[0].Text != "grave threat" {
		t.Fatalf("two words: %d quotes, %v; want grave threat", len(qs), err)
	}
}

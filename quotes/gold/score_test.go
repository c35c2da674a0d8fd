package gold_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/quotes/gold"
)

// g returns a direct gold quote.
func g(text, speaker string, alt ...string) gold.Quote {
	return gold.Quote{Text: text, Speaker: speaker, SpeakerAlt: alt, Kind: quotes.Direct}
}

// p returns a predicted quote without a span.
func p(text, speaker string) quotes.Quote {
	return quotes.Quote{Text: text, Start: -1, End: -1, Speaker: quotes.Attribution{Name: speaker}}
}

// withChannel returns q with its channel set.
func withChannel[Q gold.Quote | quotes.Quote](q Q, channel string) Q {
	switch v := any(&q).(type) {
	case *gold.Quote:
		v.Channel = channel
	case *quotes.Quote:
		v.Speaker.Channel = channel
	}
	return q
}

// one is the count of a single direct gold quote.
var one = gold.KindCounts{Gold: 1, Found: 1}

func TestScoreArticle(t *testing.T) {
	partial := g("peace dividend", "Tom West")
	partial.Kind = quotes.Partial
	title := p("peace dividend", "")
	title.Title = true
	tests := []struct {
		name  string
		gold  []gold.Quote
		pred  []quotes.Quote
		want  gold.Counts
		extra []string // texts of the predictions that matched nothing
	}{
		{"strict_match_ignores_marks_dashes_case_and_end_punctuation",
			[]gold.Quote{g("It's over — for now.", "Tom West")},
			[]quotes.Quote{p("it’s  OVER – for now", "Tom West")},
			gold.Counts{Gold: 1, Predicted: 1, Strict: 1, Loose: 1, SpeakerRight: 1, Direct: one}, nil},
		{"dice_of_0.8_is_a_loose_match",
			[]gold.Quote{g("a b c d e", "Tom West")},
			[]quotes.Quote{p("a b c d x", "Tom West")},
			gold.Counts{Gold: 1, Predicted: 1, Loose: 1, SpeakerRight: 1, Direct: one}, nil},
		{"dice_below_0.8_is_a_miss_and_an_extra",
			[]gold.Quote{g("a b c d e", "Tom West")},
			[]quotes.Quote{p("a b c x y", "Tom West")},
			gold.Counts{Gold: 1, Predicted: 1, Direct: gold.KindCounts{Gold: 1}}, []string{"a b c x y"}},
		{"each_gold_quote_matches_one_prediction",
			[]gold.Quote{g("Yes.", "Tom West")},
			[]quotes.Quote{p("Yes.", "Tom West"), p("Yes.", "Tom West")},
			gold.Counts{Gold: 1, Predicted: 2, Strict: 1, Loose: 1, SpeakerRight: 1, Direct: one}, []string{"Yes."}},
		{"strict_match_comes_before_an_earlier_loose_one",
			[]gold.Quote{g("a b c d e", "Tom West")},
			[]quotes.Quote{p("a b c d x", "Tom West"), p("a b c d e", "Tom West")},
			gold.Counts{Gold: 1, Predicted: 2, Strict: 1, Loose: 1, SpeakerRight: 1, Direct: one}, []string{"a b c d x"}},
		{"loose_match_goes_to_the_best_overlap",
			[]gold.Quote{g("a b c d e f g h i j", "Tom West"), g("a b c d e f g h i k", "Tom West")},
			[]quotes.Quote{p("a b c d e f g h i k l", "Tom West")},
			gold.Counts{Gold: 2, Predicted: 1, Loose: 1, SpeakerRight: 1, Direct: gold.KindCounts{Gold: 2, Found: 1}}, nil},
		{"surname_and_alternative_speakers_are_right",
			[]gold.Quote{g("One.", "Tom West"), g("Two.", "US", "United States", "West")},
			[]quotes.Quote{p("One.", "West"), p("Two.", "Tom West")},
			gold.Counts{Gold: 2, Predicted: 2, Strict: 2, Loose: 2, SpeakerRight: 2, Direct: gold.KindCounts{Gold: 2, Found: 2}}, nil},
		{"pronoun_and_missing_speaker_are_wrong",
			[]gold.Quote{g("One.", "Tom West"), g("Two.", "Tom West")},
			[]quotes.Quote{p("One.", "he"), p("Two.", "")},
			gold.Counts{Gold: 2, Predicted: 2, Strict: 2, Loose: 2, Unattributed: 1, Direct: gold.KindCounts{Gold: 2, Found: 2}}, nil},
		{"unknown_speaker_is_right_only_without_a_prediction",
			[]gold.Quote{g("One.", ""), g("Two.", "")},
			[]quotes.Quote{p("One.", ""), p("Two.", "West")},
			gold.Counts{Gold: 2, Predicted: 2, Strict: 2, Loose: 2, SpeakerRight: 1, Unattributed: 1, Direct: gold.KindCounts{Gold: 2, Found: 2}}, nil},
		{"title_like_prediction_is_left_out",
			[]gold.Quote{partial},
			[]quotes.Quote{title},
			gold.Counts{Gold: 1, TitleLike: 1, Partial: gold.KindCounts{Gold: 1}}, nil},
		{"x_and_twitter_are_one_channel",
			[]gold.Quote{withChannel(g("One.", "Tom West"), "X (formerly Twitter)")},
			[]quotes.Quote{withChannel(p("One.", "Tom West"), "twitter")},
			gold.Counts{Gold: 1, Predicted: 1, Strict: 1, Loose: 1, SpeakerRight: 1, Channels: 1, ChannelRight: 1, Direct: one}, nil},
		{"missing_channel_is_wrong",
			[]gold.Quote{withChannel(g("One.", "Tom West"), "statement")},
			[]quotes.Quote{p("One.", "Tom West")},
			gold.Counts{Gold: 1, Predicted: 1, Strict: 1, Loose: 1, SpeakerRight: 1, Channels: 1, Direct: one}, nil},
		{"channel_counts_only_for_matched_gold_quotes_that_have_one",
			[]gold.Quote{g("One.", "Tom West"), withChannel(g("a b c d e", "Tom West"), "statement")},
			[]quotes.Quote{withChannel(p("One.", "Tom West"), "statement")},
			gold.Counts{Gold: 2, Predicted: 1, Strict: 1, Loose: 1, SpeakerRight: 1, Direct: gold.KindCounts{Gold: 2, Found: 1}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gold.ScoreArticle(gold.Article{ID: "a", Quotes: tt.gold}, tt.pred)
			if r.Counts != tt.want {
				t.Errorf("counts = %+v\nwant     %+v", r.Counts, tt.want)
			}
			var extra []string
			for _, f := range r.Extra {
				extra = append(extra, f.Text)
			}
			if !reflect.DeepEqual(extra, tt.extra) {
				t.Errorf("extra = %q, want %q", extra, tt.extra)
			}
		})
	}
}

func TestSpeakerRight(t *testing.T) {
	tests := []struct {
		name      string
		predicted string
		gold      gold.Quote
		want      bool
	}{
		{"same_name", "Tom West", g("x", "Tom West"), true},
		{"case_and_spacing_are_ignored", "tom  WEST", g("x", "Tom West"), true},
		{"surname_matches_the_full_name", "West", g("x", "Tom West"), true},
		{"full_name_matches_the_surname", "Tom West", g("x", "West"), true},
		{"full_name_matches_a_surname_among_the_alternatives", "Tom West", g("x", "US", "West"), true},
		{"alternative_matches", "State Department", g("x", "State Department spokesperson", "State Department"), true},
		{"surname_of_several_words_matches", "Ní Fhlannagáin", g("x", "Gráinne Ní Fhlannagáin"), true},
		{"surname_with_particles_matches", "van der Berg", g("x", "Anna van der Berg"), true},
		{"first_name_is_no_surname", "Tom", g("x", "Tom West"), false},
		{"last_words_without_particles_are_no_surname", "Saeed Al-Harthi", g("x", "Khalid bin Saeed Al-Harthi"), false},
		{"name_with_a_role_before_it_is_wrong", "Meteorologist Adaeze Nwachukwu", g("x", "Adaeze Nwachukwu"), false},
		{"same_surname_other_first_name_is_wrong", "Maureen O’Brien", g("x", "Frank O'Brien"), false},
		{"last_word_in_lower_case_is_no_surname", "spokesperson", g("x", "State Department spokesperson"), false},
		{"other_full_name_is_wrong", "Tom East", g("x", "Tom West"), false},
		{"pronoun_never_matches", "he", g("x", "Tom West"), false},
		{"pronoun_never_matches_even_an_unknown_speaker", "They", g("x", ""), false},
		{"no_prediction_is_wrong_for_a_known_speaker", "", g("x", "Tom West"), false},
		{"no_prediction_is_right_for_an_unknown_speaker", "", g("x", ""), true},
		{"abbreviation_is_not_expanded", "US", g("x", "United States"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gold.SpeakerRight(tt.predicted, tt.gold); got != tt.want {
				t.Errorf("SpeakerRight(%q, %q %q) = %v, want %v", tt.predicted, tt.gold.Speaker, tt.gold.SpeakerAlt, got, tt.want)
			}
		})
	}
}

func TestChannelRight(t *testing.T) {
	tests := []struct {
		name            string
		predicted, want string
		right           bool
	}{
		{"same_channel", "statement", "statement", true},
		{"case_is_folded", "Email to Geo TV", "email to Geo TV", true},
		{"x_is_twitter", "X", "Twitter", true},
		{"x_formerly_twitter_is_x", "x (formerly Twitter)", "X", true},
		{"article_before_outlet_is_ignored", "email to the Portside Chronicle", "email to Portside Chronicle", true},
		{"other_channel_is_wrong", "statement", "X", false},
		{"no_channel_is_wrong", "", "statement", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gold.ChannelRight(tt.predicted, tt.want); got != tt.right {
				t.Errorf("ChannelRight(%q, %q) = %v, want %v", tt.predicted, tt.want, got, tt.right)
			}
		})
	}
}

func TestScoresFromCounts(t *testing.T) {
	tests := []struct {
		name string
		c    gold.Counts
		want [3]gold.Scores // strict, loose, end to end
		attr float64
	}{
		{"nothing_scores_zero", gold.Counts{}, [3]gold.Scores{}, 0},
		{"half_found_half_right",
			gold.Counts{Gold: 4, Predicted: 2, Strict: 1, Loose: 2, SpeakerRight: 1},
			[3]gold.Scores{{0.5, 0.25, 1.0 / 3}, {1, 0.5, 2.0 / 3}, {0.5, 0.25, 1.0 / 3}}, 0.5},
		{"no_predictions_scores_zero_not_nan",
			gold.Counts{Gold: 3},
			[3]gold.Scores{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := [3]gold.Scores{tt.c.StrictScores(), tt.c.LooseScores(), tt.c.EndToEndScores()}
			for i := range got {
				if !near(got[i], tt.want[i]) {
					t.Errorf("scores[%d] = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
			if a := tt.c.Attribution(); math.Abs(a-tt.attr) > 1e-9 {
				t.Errorf("Attribution() = %v, want %v", a, tt.attr)
			}
		})
	}
}

// near reports whether two Scores agree to 1e-9.
func near(a, b gold.Scores) bool {
	return math.Abs(a.Precision-b.Precision) < 1e-9 && math.Abs(a.Recall-b.Recall) < 1e-9 && math.Abs(a.F1-b.F1) < 1e-9
}

func TestScoreSumsArticles(t *testing.T) {
	arts := []gold.Article{
		{ID: "a", Quotes: []gold.Quote{g("One.", "Tom West")}},
		{ID: "b", Quotes: []gold.Quote{g("Two.", "Tom West"), g("Three.", "")}},
	}
	preds := map[string][]quotes.Quote{
		"a": {p("One.", "West")},
		"b": {p("Two.", ""), p("Four.", "")},
	}
	r := gold.Score(arts, func(a gold.Article) []quotes.Quote { return preds[a.ID] })
	want := gold.Counts{Gold: 3, Predicted: 3, Strict: 2, Loose: 2, SpeakerRight: 1, Unattributed: 1, Direct: gold.KindCounts{Gold: 3, Found: 2}}
	if r.Total != want {
		t.Errorf("total = %+v\nwant    %+v", r.Total, want)
	}
	if len(r.Articles) != 2 || r.Articles[1].ID != "b" || len(r.Articles[1].Missed) != 1 || len(r.Articles[1].WrongSpeaker) != 1 {
		t.Errorf("articles = %+v, want a and b, b with one miss and one wrong speaker", r.Articles)
	}
}

func TestFindings(t *testing.T) {
	text := "Headline\n\n" +
		"WASHINGTON: The envoy, speaking at length to reporters on Tuesday, called it a “grave threat” to the region and its many neighbours, officials said.\n\n" +
		"“We stand with Pakistan,” West said in a statement. “Thank you.”"
	a := gold.Article{ID: "a", Text: text, Quotes: []gold.Quote{
		g("grave threat", "Tom West"),
		withChannel(g("We stand with Pakistan,", "Tom West"), "statement"),
		g("Thank you.", "Tom West"),
	}}
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q is not in the text", s)
		}
		return i, i + len(s)
	}
	stand := p("We stand with Pakistan", "Pakistan")
	stand.Start, stand.End = at("We stand with Pakistan")
	thanks := p("Thank you.", "West")
	thanks.Start, thanks.End = at("Thank you.")
	headline := p("Headline", "")
	headline.Title = true
	headline.Start, headline.End = at("Headline")
	r := gold.ScoreArticle(a, []quotes.Quote{headline, stand, thanks, p("Not in the text", "")})

	gs, ge := at("grave threat")
	ss, se := at("We stand with Pakistan,")
	want := gold.ArticleReport{
		ID: "a",
		Counts: gold.Counts{Gold: 3, Predicted: 3, TitleLike: 1, Strict: 2, Loose: 2, SpeakerRight: 1,
			Channels: 1, Direct: gold.KindCounts{Gold: 3, Found: 2}},
		Missed: []gold.Finding{{Article: "a", Text: "grave threat", Want: "Tom West", Start: gs, End: ge,
			Context: "…on Tuesday, called it a “grave threat” to the region and its many…"}},
		Extra: []gold.Finding{{Article: "a", Text: "Not in the text", Start: -1, End: -1}},
		WrongSpeaker: []gold.Finding{{Article: "a", Text: "We stand with Pakistan,", Want: "Tom West", Got: "Pakistan", Start: ss, End: se,
			Context: "“We stand with Pakistan,” West said in a statement.…"}},
		WrongChannel: []gold.Finding{{Article: "a", Text: "We stand with Pakistan,", Want: "statement", Start: ss, End: se,
			Context: "“We stand with Pakistan,” West said in a statement.…"}},
		TitleLike: []gold.Finding{{Article: "a", Text: "Headline", Start: 0, End: 8, Context: "Headline"}},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("ScoreArticle =\n%+v\nwant\n%+v", r, want)
	}
}

func TestContextShortensLongQuotes(t *testing.T) {
	quote := "This is a very long quotation that goes on and on well past sixty characters, and then ends."
	text := "He said: “" + quote + "”"
	r := gold.ScoreArticle(gold.Article{ID: "a", Text: text, Quotes: []gold.Quote{g(quote, "X")}}, nil)
	want := "He said: “This is a very long quotation … then ends.”"
	if got := r.Missed[0].Context; got != want {
		t.Errorf("context = %q\nwant      %q", got, want)
	}
}

func TestMatchedQuoteNotInTheTextShowsThePrediction(t *testing.T) {
	text := `"We will not close the shop this winter or the next," she said.`
	pred := p("We will not close the shop this winter or the next,", "")
	pred.Start, pred.End = 1, 52
	a := gold.Article{ID: "a", Text: text, Quotes: []gold.Quote{g("We will not close the shop this winter.", "")}}
	r := gold.ScoreArticle(a, []quotes.Quote{pred})
	want := []gold.Finding{{
		Article: "a", Text: "We will not close the shop this winter.",
		Want: "We will not close the shop this winter.", Got: pred.Text, Start: 1, End: 52,
		Context: `"We will not close the shop … the next," she said.`,
	}}
	if !reflect.DeepEqual(r.Loose, want) {
		t.Errorf("loose findings =\n%+v\nwant\n%+v", r.Loose, want)
	}
}

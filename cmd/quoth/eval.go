package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/quotes/gold"
	"github.com/quoth-dev/quoth/sources"
	"github.com/urfave/cli/v2"
)

// evalCommand scores quote extraction against a gold annotation file.
func evalCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "measure quote extraction, attribution and variant relations against gold annotations",
		ArgsUsage: "GOLD.jsonl | --pairs PAIRS.jsonl",
		Description: `Runs quote extraction on every article of a gold annotation file (JSON
lines, one article a line, as testdata/gold/FORMAT.md describes; - reads
standard input) and scores it against the annotations:

   extraction   precision, recall and F1 of the quotes found: strict (same
                text after normalisation) and loose (word overlap, Dice, of
                at least 0.8); recall of direct and partial quotes
   attribution  share of the quotes found with the right speaker
   channel      share of the quotes found with the right channel, among
                those annotated with one
   end to end   precision, recall and F1 of quotes both found and
                attributed to the right speaker

Quotes the extractor flags as title-like (titles, nicknames, scare quotes)
are not speech: they are counted apart and left out of the scores.
--verbose lists, above the scores and by article, every gold quote missed,
every extra prediction, every loose match, every wrong speaker and every
wrong channel, with the text around it. --format json prints the whole
report as one JSON object. The exit code is 0 whatever the scores, and 2
when the gold file cannot be read or is malformed.

With --pairs it reads gold variant pairs instead (JSON lines, one pair a
line: a source wording "a", a rendering "b", their speakers and the gold
relation) and prints the accuracy of the relations quoth gives them and a
confusion table, gold relations down, predicted across; --verbose lists
every pair predicted wrong with its word diff.

Examples:
   quoth eval testdata/gold/seeds.jsonl
   quoth eval --pairs testdata/gold/pairs.jsonl
   quoth eval --verbose testdata/gold/seeds.jsonl
   quoth eval testdata/gold/seeds.jsonl --format json`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list each miss, extra prediction, loose match and wrong speaker or channel"},
			&cli.StringFlag{Name: "pairs", Usage: "score variant relations against the gold pairs in `FILE` (- for standard input)"},
		},
		Action: func(c *cli.Context) error {
			if c.IsSet("pairs") {
				if c.NArg() != 0 {
					return usagef("eval: --pairs takes no other file, got %d arguments", c.NArg())
				}
				return evalPairs(c, io, c.String("pairs"))
			}
			if c.NArg() != 1 {
				return usagef("eval: want one GOLD.jsonl file, got %d arguments", c.NArg())
			}
			format := c.String("format")
			if format != "table" && format != "json" {
				return usagef("eval: unknown format %q (want table or json)", format)
			}
			name := c.Args().First()
			arts, err := readGold(io, name)
			if err != nil {
				return err
			}
			r := gold.Score(arts, extractor(io.stderr, name))
			if format == "json" {
				return writeEvalJSON(io.stdout, r)
			}
			return writeEvalText(io.stdout, r, c.Bool("verbose"))
		},
	}
}

// maxGoldErrors is how many problems of a malformed gold file eval
// prints.
const maxGoldErrors = 10

// readGold reads the gold file name ("-" for standard input). The
// problems of a malformed file are printed on stderr, one a line.
func readGold(st streams, name string) ([]gold.Article, error) {
	var arts []gold.Article
	err := readGoldFile(st, name, func(r io.Reader) (err error) {
		arts, err = gold.Read(r, name)
		return err
	})
	if err == nil && len(arts) == 0 {
		return nil, fmt.Errorf("eval: %s: no articles", name)
	}
	return arts, err
}

// readGoldFile opens the gold file name ("-" for standard input) and
// reads it with read. The problems of a malformed file (a
// gold.ErrorList) are printed on stderr, one a line.
func readGoldFile(st streams, name string, read func(io.Reader) error) error {
	r := st.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		defer f.Close()
		r = f
	} else if r == nil {
		return fmt.Errorf("eval: %w", sources.ErrNoStdin)
	}
	err := read(r)
	var list gold.ErrorList
	switch {
	case errors.As(err, &list):
		for _, e := range list[:min(len(list), maxGoldErrors)] {
			fmt.Fprintf(st.stderr, "quoth: %v\n", e)
		}
		if n := len(list) - maxGoldErrors; n > 0 {
			fmt.Fprintf(st.stderr, "quoth: %s: %d more errors\n", name, n)
		}
		return errReported
	case err != nil:
		return fmt.Errorf("eval: %w", err)
	}
	return nil
}

// extractor returns the predictor eval scores: the article a gold
// record's text gives as a plain-text file, with the record's outlet and
// title, through quotes.Extract. Problems loading the text are warnings
// on stderr; the article then has no predictions.
func extractor(stderr io.Writer, name string) func(gold.Article) []quotes.Quote {
	var l sources.Loader
	return func(g gold.Article) []quotes.Quote {
		a, errs := goldArticle(&l, g, fmt.Sprintf("%s:%d", name, g.Line))
		for _, err := range errs {
			fmt.Fprintf(stderr, "quoth: warning: %v\n", err)
		}
		if a == nil {
			return nil
		}
		qs, err := extractQuotes(a)
		if err != nil {
			fmt.Fprintf(stderr, "quoth: %v\n", err)
		}
		return qs
	}
}

// goldArticle loads the text of g as the txt loader loads a file with
// that content, naming it origin, and sets its outlet and title from g
// when g has them.
func goldArticle(l *sources.Loader, g gold.Article, origin string) (*sources.Article, []error) {
	res := l.LoadBytes([]byte(g.Text), origin, "txt")
	if len(res.Articles) == 0 {
		return nil, res.Errors
	}
	a := res.Articles[0]
	a.Outlet = cmp.Or(g.Outlet, a.Outlet)
	a.Title = cmp.Or(g.Title, a.Title)
	return a, res.Errors
}

// writeEvalText prints the scores of r, preceded with verbose by the
// findings of each article.
func writeEvalText(w io.Writer, r gold.Report, verbose bool) error {
	if verbose {
		for _, ar := range r.Articles {
			writeFindings(w, ar)
			fmt.Fprintln(w)
		}
	}
	c := r.Total
	fmt.Fprintf(w, "articles %d, gold quotes %d, predicted %d (%d title-like left out)\n",
		len(r.Articles), c.Gold, c.Predicted, c.TitleLike)
	fmt.Fprintf(w, "extraction strict  %s  (%d matched)\n", prfText(c.Strict, c, c.StrictScores()), c.Strict)
	fmt.Fprintf(w, "extraction loose   %s  (%d matched)\n", prfText(c.Loose, c, c.LooseScores()), c.Loose)
	fmt.Fprintf(w, "recall by kind     direct %s (%d of %d), partial %s (%d of %d)\n",
		ratioText(c.Direct.Found, c.Direct.Gold), c.Direct.Found, c.Direct.Gold,
		ratioText(c.Partial.Found, c.Partial.Gold), c.Partial.Found, c.Partial.Gold)
	fmt.Fprintf(w, "attribution        %s (%d of %d right, %d unattributed)\n",
		ratioText(c.SpeakerRight, c.Loose), c.SpeakerRight, c.Loose, c.Unattributed)
	fmt.Fprintf(w, "channel            %s (%d of %d right)\n",
		ratioText(c.ChannelRight, c.Channels), c.ChannelRight, c.Channels)
	_, err := fmt.Fprintf(w, "end to end         %s  (%d right)\n", prfText(c.SpeakerRight, c, c.EndToEndScores()), c.SpeakerRight)
	return err
}

// prfText formats precision, recall and F1 of tp true positives among
// c's predictions and gold quotes.
func prfText(tp int, c gold.Counts, s gold.Scores) string {
	f1 := "-    "
	if c.Predicted > 0 || c.Gold > 0 {
		f1 = fmt.Sprintf("%.3f", s.F1)
	}
	return fmt.Sprintf("P %s R %s F1 %s", ratioText(tp, c.Predicted), ratioText(tp, c.Gold), f1)
}

// ratioText formats n/d with three decimals, or a dash when d is 0.
func ratioText(n, d int) string {
	if d == 0 {
		return "-    "
	}
	return fmt.Sprintf("%.3f", gold.Ratio(n, d))
}

// quoteWidth is how many characters of a quote the findings show.
const quoteWidth = 50

// writeFindings prints one article's counts and findings.
func writeFindings(w io.Writer, ar gold.ArticleReport) {
	c := ar.Counts
	fmt.Fprintf(w, "%s: gold %d, predicted %d, matched %d (%d strict), speaker right %d\n",
		ar.ID, c.Gold, c.Predicted, c.Loose, c.Strict, c.SpeakerRight)
	for _, f := range ar.Missed {
		finding(w, "missed", f, "speaker "+orNone(f.Want, "unknown"))
	}
	for _, f := range ar.Extra {
		finding(w, "extra", f, "speaker "+orNone(f.Got, "none"))
	}
	for _, f := range ar.Loose {
		finding(w, "loose", f, fmt.Sprintf("predicted %q", cut(oneLine(f.Got), quoteWidth)))
	}
	for _, f := range ar.WrongSpeaker {
		finding(w, "wrong speaker", f, fmt.Sprintf("want %s, got %s", orNone(f.Want, "unknown"), orNone(f.Got, "none")))
	}
	for _, f := range ar.WrongChannel {
		finding(w, "wrong channel", f, fmt.Sprintf("want %s, got %s", f.Want, orNone(f.Got, "none")))
	}
	for _, f := range ar.TitleLike {
		finding(w, "title-like", f, "left out")
	}
}

// finding prints one finding: what, the quote and note on one line, the
// context under it.
func finding(w io.Writer, what string, f gold.Finding, note string) {
	fmt.Fprintf(w, "  %-14s %q  %s\n", what, cut(oneLine(f.Text), quoteWidth), note)
	if f.Context != "" {
		fmt.Fprintf(w, "  %-14s %s\n", "", f.Context)
	}
}

// orNone returns s, or none when s is empty.
func orNone(s, none string) string {
	return cmp.Or(s, "("+none+")")
}

// evalReport is the stable JSON form of "quoth eval --format json": the
// scores over all articles, then each article's scores and findings.
type evalReport struct {
	// Articles is the number of gold articles.
	Articles int `json:"articles"`
	evalScores
	// PerArticle holds each article's scores and findings, in file order.
	PerArticle []evalArticle `json:"per_article"`
}

// evalScores are the scores of a set of articles. Every ratio is between
// 0 and 1, rounded to 4 decimals, and 0 when its denominator is 0.
type evalScores struct {
	// Gold is the number of gold quotes.
	Gold int `json:"gold"`
	// Predicted is the number of predicted quotes scored.
	Predicted int `json:"predicted"`
	// TitleLike is the number of predictions left out as title-like.
	TitleLike int `json:"title_like"`
	// Strict scores predictions with the same normalised text as a gold
	// quote; Found is their number.
	Strict evalPRF `json:"extraction_strict"`
	// Loose scores predictions matched strictly or by a Dice overlap of
	// at least 0.8.
	Loose evalPRF `json:"extraction_loose"`
	// RecallByKind is the loose recall of direct and partial gold quotes.
	RecallByKind struct {
		Direct  evalRecall `json:"direct"`
		Partial evalRecall `json:"partial"`
	} `json:"recall_by_kind"`
	// Attribution is the share of loosely matched quotes with the right
	// speaker.
	Attribution evalAttribution `json:"attribution"`
	// Channel is the share of loosely matched gold quotes with a channel
	// whose predicted channel is right.
	Channel evalChannel `json:"channel"`
	// EndToEnd scores quotes both loosely matched and attributed to the
	// right speaker; Found is their number.
	EndToEnd evalPRF `json:"end_to_end"`
}

// evalPRF is precision, recall and F1 of Found true positives.
type evalPRF struct {
	Found     int     `json:"found"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// evalRecall is the share of Gold quotes of one kind that were Found.
type evalRecall struct {
	Gold   int     `json:"gold"`
	Found  int     `json:"found"`
	Recall float64 `json:"recall"`
}

// evalAttribution is Right speakers among Matched quotes, and how many of
// those had no predicted speaker.
type evalAttribution struct {
	Matched      int     `json:"matched"`
	Right        int     `json:"right"`
	Unattributed int     `json:"unattributed"`
	Accuracy     float64 `json:"accuracy"`
}

// evalChannel is Right channels among Annotated matched quotes.
type evalChannel struct {
	Annotated int     `json:"annotated"`
	Right     int     `json:"right"`
	Accuracy  float64 `json:"accuracy"`
}

// evalArticle is one article's scores and findings. In each finding,
// want and got depend on the list: missed has the gold speaker in want;
// extra and title_like_quotes the predicted speaker in got; loose the
// gold text in want and the predicted text in got; wrong_speaker and
// wrong_channel the gold and predicted speaker or channel. An empty want
// or got (left out) is an unknown speaker or none predicted.
type evalArticle struct {
	ID string `json:"id"`
	evalScores
	Missed       []evalFinding `json:"missed,omitempty"`
	Extra        []evalFinding `json:"extra,omitempty"`
	LooseOnly    []evalFinding `json:"loose,omitempty"`
	WrongSpeaker []evalFinding `json:"wrong_speaker,omitempty"`
	WrongChannel []evalFinding `json:"wrong_channel,omitempty"`
	TitleQuotes  []evalFinding `json:"title_like_quotes,omitempty"`
}

// evalFinding is one quote in an article's findings: its text, what gold
// wants and the prediction got, its byte span in the article text (-1
// when not found there) and the text around it.
type evalFinding struct {
	Text    string `json:"text"`
	Want    string `json:"want,omitempty"`
	Got     string `json:"got,omitempty"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Context string `json:"context,omitempty"`
}

// writeEvalJSON prints r as one indented JSON object.
func writeEvalJSON(w io.Writer, r gold.Report) error {
	out := evalReport{Articles: len(r.Articles), evalScores: scoresJSON(r.Total), PerArticle: []evalArticle{}}
	for _, ar := range r.Articles {
		out.PerArticle = append(out.PerArticle, evalArticle{
			ID: ar.ID, evalScores: scoresJSON(ar.Counts),
			Missed: findingsJSON(ar.Missed), Extra: findingsJSON(ar.Extra), LooseOnly: findingsJSON(ar.Loose),
			WrongSpeaker: findingsJSON(ar.WrongSpeaker), WrongChannel: findingsJSON(ar.WrongChannel),
			TitleQuotes: findingsJSON(ar.TitleLike),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// scoresJSON computes the JSON scores of c.
func scoresJSON(c gold.Counts) evalScores {
	s := evalScores{
		Gold: c.Gold, Predicted: c.Predicted, TitleLike: c.TitleLike,
		Strict:      prfJSON(c.Strict, c.StrictScores()),
		Loose:       prfJSON(c.Loose, c.LooseScores()),
		Attribution: evalAttribution{Matched: c.Loose, Right: c.SpeakerRight, Unattributed: c.Unattributed, Accuracy: round4(c.Attribution())},
		Channel:     evalChannel{Annotated: c.Channels, Right: c.ChannelRight, Accuracy: round4(c.Channel())},
		EndToEnd:    prfJSON(c.SpeakerRight, c.EndToEndScores()),
	}
	s.RecallByKind.Direct = recallJSON(c.Direct)
	s.RecallByKind.Partial = recallJSON(c.Partial)
	return s
}

// prfJSON returns the JSON form of scores s of found true positives.
func prfJSON(found int, s gold.Scores) evalPRF {
	return evalPRF{Found: found, Precision: round4(s.Precision), Recall: round4(s.Recall), F1: round4(s.F1)}
}

// recallJSON returns the JSON form of the recall of one kind of quote.
func recallJSON(k gold.KindCounts) evalRecall {
	return evalRecall{Gold: k.Gold, Found: k.Found, Recall: round4(gold.Ratio(k.Found, k.Gold))}
}

// findingsJSON returns the JSON form of fs.
func findingsJSON(fs []gold.Finding) []evalFinding {
	var out []evalFinding
	for _, f := range fs {
		out = append(out, evalFinding{Text: f.Text, Want: f.Want, Got: f.Got, Start: f.Start, End: f.End, Context: f.Context})
	}
	return out
}

// round4 rounds x to 4 decimals.
func round4(x float64) float64 {
	return math.Round(x*1e4) / 1e4
}

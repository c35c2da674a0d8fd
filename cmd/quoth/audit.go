package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/quoth-dev/quoth/diffing"
	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/sources"
	"github.com/quoth-dev/quoth/store"
	"github.com/urfave/cli/v2"
)

// auditCommand checks the quotes of a draft against its sources.
func auditCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "audit",
		Usage:     "check every quote of a draft against its sources",
		ArgsUsage: "DRAFT",
		Description: `Finds every quote in DRAFT (any format quoth reads: text, Markdown,
HTML, JSON, a URL or - for standard input) and checks it against the
sources given with --against: transcripts, press releases, wire copy,
earlier articles. A source with quotation marks in it offers its quotes,
with their speakers; a source without any is taken as all speech, said
by its author (the byline: "Byline: Ilse Varga" in a text header,
"author:" in Markdown front matter) when it names one. With
--db (or QUOTH_DB) set, the quotes stored in that database are sources
too. Quotes are also compared with the draft's other quotes, so a
fragment that misquotes a fuller quote of the same draft is caught even
with no source at all.

Each quote gets a relation and a verdict: ok (verbatim, punctuation,
excerpt), shown (elided, bracketed: marked changes a reader should see),
finding (altered, spliced, misattributed, unsourced: in none of the
sources given), or unchecked when no source was given and neither the
database nor the draft itself says anything about it. The
closest source words and the word diff come with each. A summary goes to
stderr.

The exit code is 1 when there is any finding, 0 when the draft is clean,
2 on errors (a missing or unreadable draft or source).

Examples:
   quoth audit testdata/articles/003_9e22b0ab6b0482b3.txt
   quoth audit draft.md --against transcript.txt --against wire.html
   quoth audit draft.md --against statement.txt --format json
   quoth audit draft.html --db quoth.db
   quoth audit draft.html --outlet "Daily Klaxon" --against wire.txt`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "against", Aliases: []string{"a"}, Usage: "a source `FILE|DIR|URL` to check the quotes against (repeatable)"},
			&cli.StringFlag{Name: "outlet", Usage: "set the outlet `NAME` of the draft"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("audit: want one DRAFT, got %d arguments", c.NArg())
			}
			format := c.String("format")
			if err := checkFormat(format); err != nil {
				return err
			}
			a := auditor{io: io, quiet: c.Bool("quiet")}
			if err := a.load(c); err != nil {
				return err
			}
			out := a.run()
			if err := out.write(newOutput(c, io.stdout), format); err != nil {
				return err
			}
			a.summary()
			if a.findings > 0 {
				return errFindings
			}
			return nil
		},
	}
}

// auditor checks the quotes of drafts against sources.
type auditor struct {
	io      streams
	quiet   bool
	drafts  []draft
	sources []auditSource
	counts  map[string]int
	given   bool // sources were given with --against

	findings int
}

// draft is an article to audit, with its quotes and their texts,
// extracted once.
type draft struct {
	art    *sources.Article
	quotes []quotes.Quote
	texts  []diffing.Text
}

// newDraft extracts the quotes of art. A failure inside the quote
// engine is printed and leaves the draft without quotes.
func (a *auditor) newDraft(art *sources.Article) draft {
	d := draft{art: art}
	qs, err := extractQuotes(art)
	if err != nil {
		fmt.Fprintf(a.io.stderr, "quoth: %v\n", err)
		return d
	}
	d.quotes = qs
	for _, q := range qs {
		d.texts = append(d.texts, diffing.NewText(q.Text))
	}
	return d
}

// auditSource is one text a draft's quotes may come from.
type auditSource struct {
	diffing.Source
	origin, outlet string
}

// load reads the draft, the sources and, if asked, the database.
func (a *auditor) load(c *cli.Context) error {
	l := sources.Loader{Stdin: a.io.stdin, Outlet: c.String("outlet")}
	res := l.Load(c.Context, c.Args().First())
	if err := loadFailure("draft", c.Args().First(), res); err != nil {
		return err
	}
	for _, art := range res.Articles {
		a.drafts = append(a.drafts, a.newDraft(art))
	}
	a.given = len(c.StringSlice("against")) > 0
	for _, in := range c.StringSlice("against") {
		res := (&sources.Loader{Stdin: a.io.stdin}).Load(c.Context, in)
		if err := loadFailure("source", in, res); err != nil {
			return err
		}
		for _, art := range res.Articles {
			a.addSource(art)
		}
	}
	if c.IsSet("db") {
		return a.addStored(c.Context, c)
	}
	return nil
}

// loadFailure turns the errors of loading an input into one error.
func loadFailure(what, input string, res sources.Result) error {
	for _, err := range res.Errors {
		var ie *sources.InputError
		if !errors.As(err, &ie) || !ie.Warning {
			return fmt.Errorf("audit: %s: %w", what, err)
		}
	}
	if len(res.Articles) == 0 {
		return fmt.Errorf("audit: %s: nothing to read in %s", what, input)
	}
	return nil
}

// addSource offers the quotes of a source article, or its whole text
// when it has none, as said by its byline (the author of a statement or
// post), or by no one known.
func (a *auditor) addSource(art *sources.Article) {
	qs, _ := extractQuotes(art)
	n := 0
	for _, q := range qs {
		if q.Title {
			continue
		}
		n++
		a.sources = append(a.sources, auditSource{diffing.Source{Text: diffing.NewText(q.Text), Speaker: q.Speaker.Name}, art.Origin, art.Outlet})
	}
	if n > 0 {
		return
	}
	var body []string
	for i, p := range art.Paragraphs {
		if p.Kind != sources.Headline {
			body = append(body, art.ParagraphText(i))
		}
	}
	src := diffing.Source{Text: diffing.NewText(strings.Join(body, "\n\n")), Speaker: art.Byline}
	a.sources = append(a.sources, auditSource{src, art.Origin, art.Outlet})
}

// addStored offers the stored quotes of the database that share words
// with the draft's quotes. The draft's own stored copy is no source for
// itself, nor is a fragment printed with a draft quote's very words
// elsewhere: it is another report of them.
func (a *auditor) addStored(ctx context.Context, c *cli.Context) error {
	db, err := openDB(c)
	if err != nil {
		return err
	}
	defer db.Close()
	seen := map[int64]bool{}
	for _, d := range a.drafts {
		own := int64(-1)
		if stored, _, err := db.Article(ctx, d.art.ID); err == nil {
			own = stored.Key
		}
		for _, q := range d.quotes {
			stored, err := db.Quotes(ctx, store.QuoteFilter{Search: strings.Join(diffing.Keywords(q.Text), " "), MinWords: 2, Limit: 50})
			if err != nil {
				return err
			}
			for _, s := range stored {
				if seen[s.Key] || s.ArticleKey == own || (s.Kind == quotes.Partial && diffing.SameWords(s.Text, q.Text)) {
					continue
				}
				seen[s.Key] = true
				a.sources = append(a.sources, auditSource{diffing.Source{Text: diffing.NewText(s.Text), Speaker: s.Speaker.Name}, "quote " + strconv.FormatInt(s.Key, 10), s.Outlet})
			}
		}
	}
	return nil
}

// run checks every quote of every draft.
func (a *auditor) run() *listing {
	a.counts = map[string]int{}
	out := &listing{header: []string{"para", "speaker", "verdict", "quote", "closest", "diff"}}
	var cmp diffing.Comparer
	srcs := make([]diffing.Source, len(a.sources))
	for k, s := range a.sources {
		srcs[k] = s.Source
	}
	for _, d := range a.drafts {
		for i, q := range d.quotes {
			if !q.Title {
				a.check(&cmp, out, srcs, d, i)
			}
		}
	}
	return out
}

// auditJSON is the stable JSON form of one audited quote.
type auditJSON struct {
	Draft string `json:"draft"`
	quoteJSON
	Check   string `json:"check"`
	Against string `json:"against,omitempty"`
	comparisonJSON
}

// check audits quote i of draft d against srcs (a.sources) and adds it
// to out.
func (a *auditor) check(cmp *diffing.Comparer, out *listing, srcs []diffing.Source, d draft, i int) {
	q, art := d.quotes[i], d.art
	r := diffing.NewRendering(q.Before, q.Text, q.After)
	check, against := "unchecked", ""
	res := diffing.Result{Relation: diffing.Unsourced}
	if ms := cmp.Match(srcs, r, q.Speaker.Name); len(ms) > 0 {
		check, against, res = "source", a.sources[ms[0].Source].origin, ms[0].Result
	} else if m, ok := inDraft(cmp, d, i, r); ok {
		check, against, res = "draft", "the draft", m
	} else if a.given {
		check = "source"
	}
	verdict := res.Relation.Verdict()
	if check == "unchecked" {
		verdict, res.Relation = "unchecked", ""
	}
	a.counts[verdict]++
	if res.Relation.Finding() {
		a.findings++
	}
	j := auditJSON{Draft: art.Origin, quoteJSON: quoteFields(q), Check: check, Against: against, comparisonJSON: comparison(res)}
	j.Outlet, j.URL, j.Published = art.Outlet, art.URL, day(art.Published)
	if check == "unchecked" {
		j.Relation, j.Verdict = "", "unchecked"
	}
	label := verdict
	if res.Relation != "" {
		label = string(res.Relation) + " (" + verdict + ")"
	}
	diff := ""
	if changed(res.Edits) {
		diff = diffing.Markers(res.Edits)
	}
	out.add(j, strconv.Itoa(q.Block), speakerName(q.Speaker.Name), label, q.Text, res.Closest, diff)
}

// inDraft compares quote i with the draft's other quotes: a fragment
// that renders a fuller quote of the same draft is checked against it.
// Quotes with the same words are copies, not sources, and speakers are
// not compared inside one draft.
func inDraft(cmp *diffing.Comparer, d draft, i int, r diffing.Rendering) (diffing.Result, bool) {
	var srcs []diffing.Source
	words := d.texts[i].Words()
	for k, o := range d.quotes {
		if k == i || o.Title || slices.Equal(d.texts[k].Words(), words) {
			continue
		}
		srcs = append(srcs, diffing.Source{Text: d.texts[k]})
	}
	ms := cmp.Match(srcs, r, "")
	if len(ms) == 0 {
		return diffing.Result{}, false
	}
	return ms[0].Result, true
}

// summary prints the counts of verdicts on stderr.
func (a *auditor) summary() {
	if a.quiet {
		return
	}
	total := 0
	var parts []string
	for _, v := range []string{"finding", "shown", "ok", "unchecked"} {
		if n := a.counts[v]; n > 0 {
			total += n
			parts = append(parts, fmt.Sprintf("%d %s", n, v))
		}
	}
	if total == 0 {
		fmt.Fprintln(a.io.stderr, "audit: the draft has no quotes")
		return
	}
	note := ""
	if a.counts["unchecked"] > 0 {
		note = " (no source has them; give sources with --against)"
	}
	fmt.Fprintf(a.io.stderr, "audit: %d quotes: %s%s\n", total, strings.Join(parts, ", "), note)
}

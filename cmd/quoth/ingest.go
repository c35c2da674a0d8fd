package main

import (
	"context"
	"fmt"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/sources"
	"github.com/quoth-dev/quoth/store"
	"github.com/urfave/cli/v2"
)

// ingestCommand loads articles and stores them with their quotes.
func ingestCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "load articles, extract their quotes and store them",
		ArgsUsage: "PATH|URL|- ...",
		Description: `Loads every input (a file, a directory walked recursively, an http(s) URL,
or - for standard input), finds its quotations, and stores articles and
quotes in the database. Formats: .txt (optional "Title:/Outlet:/URL:/
Published:/Byline:" header), .md (YAML front matter), .html, .json/.jsonl.
Re-ingesting an unchanged article changes nothing. Bad inputs are reported
and skipped; the exit code is then 2.

Examples:
   quoth ingest testdata/articles
   quoth ingest --outlet Reuters story.html
   quoth ingest --batch 1000 archive/
   quoth --db desk.db ingest https://www.dawn.com/news/1795313
   curl -s https://example.com/story | quoth ingest -`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "outlet", Usage: "set the outlet `NAME` of every article loaded"},
			&cli.IntFlag{Name: "batch", Value: 200, Usage: "store `N` articles per transaction"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("ingest: no input given (a file, directory, URL or -)")
			}
			if c.Int("batch") < 1 {
				return usagef("ingest: --batch must be at least 1")
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			ing := &ingester{
				io:     io,
				db:     db,
				loader: sources.Loader{Outlet: c.String("outlet"), Stdin: io.stdin},
				batch:  c.Int("batch"),
				quiet:  c.Bool("quiet"),
			}
			return ing.run(c.Context, c.Args().Slice())
		},
	}
}

// ingester loads inputs, extracts quotes and stores them in batches.
type ingester struct {
	io     streams
	db     *store.DB
	loader sources.Loader
	batch  int
	quiet  bool

	ex      quotes.Extractor // reused from one article to the next
	pending []store.Document
	stats   store.IngestStats
	failed  int // inputs or records that could not be loaded
	skipped int // files skipped in directories
}

// run loads, extracts and stores every input, in batches.
func (g *ingester) run(ctx context.Context, inputs []string) error {
	bar := newProgress(g.io.stderr, len(inputs), g.quiet)
	for i, in := range inputs {
		res := g.loader.Load(ctx, in)
		g.noteErrors(res.Errors)
		g.skipped += res.Skipped
		for _, a := range res.Articles {
			qs, err := extractWith(&g.ex, a)
			if err != nil {
				g.noteErrors([]error{err})
				continue
			}
			doc := store.Document{Article: a, Quotes: qs}
			g.pending = append(g.pending, doc)
			if len(g.pending) >= g.batch {
				if err := g.flush(ctx); err != nil {
					return err
				}
			}
		}
		bar.set(i+1, g.stats.New+g.stats.Updated+g.stats.Unchanged+len(g.pending))
	}
	if err := g.flush(ctx); err != nil {
		return err
	}
	bar.done()
	if !g.quiet {
		g.summary()
	}
	if g.failed > 0 {
		return errReported
	}
	return nil
}

// noteErrors prints load errors on stderr and counts the failures.
func (g *ingester) noteErrors(errs []error) {
	g.failed += reportLoadErrors(g.io, errs, g.quiet)
}

// flush stores the pending documents in one transaction.
func (g *ingester) flush(ctx context.Context) error {
	if len(g.pending) == 0 {
		return nil
	}
	st, err := g.db.Ingest(ctx, g.pending)
	if err != nil {
		return err
	}
	g.pending = g.pending[:0]
	g.stats.New += st.New
	g.stats.Updated += st.Updated
	g.stats.Unchanged += st.Unchanged
	g.stats.Quotes += st.Quotes
	return nil
}

// summary prints what the ingest did.
func (g *ingester) summary() {
	s := g.stats
	fmt.Fprintf(g.io.stdout, "articles: %d new, %d updated, %d unchanged, %d failed\n",
		s.New, s.Updated, s.Unchanged, g.failed)
	fmt.Fprintf(g.io.stdout, "quotes stored: %d\n", s.Quotes)
	if g.skipped > 0 {
		fmt.Fprintf(g.io.stdout, "files skipped: %d (hidden or not an article format)\n", g.skipped)
	}
}

// extractQuotes finds the quotes of a. A failure inside the quote engine
// (a bug) becomes an error for this article instead of ending the run.
func extractQuotes(a *sources.Article) ([]quotes.Quote, error) {
	var ex quotes.Extractor
	return extractWith(&ex, a)
}

// extractWith is extractQuotes with an Extractor that is reused across
// articles; after a failure it starts afresh.
func extractWith(ex *quotes.Extractor, a *sources.Article) (qs []quotes.Quote, err error) {
	defer func() {
		if r := recover(); r != nil {
			*ex = quotes.Extractor{}
			err = fmt.Errorf("extract quotes from %s: internal error (please report it with this file): %v", a.Origin, r)
		}
	}()
	return ex.Extract(documentOf(a)), nil
}

// documentOf gives the quote engine the story paragraphs of a.
func documentOf(a *sources.Article) quotes.Document {
	doc := quotes.Document{Text: a.Text, Blocks: make([]quotes.Block, len(a.Paragraphs))}
	for i, p := range a.Paragraphs {
		doc.Blocks[i] = quotes.Block{
			Start:    p.Start,
			End:      p.End,
			Headline: p.Kind == sources.Headline,
			Quoted:   p.Kind == sources.Quotation,
		}
	}
	return doc
}

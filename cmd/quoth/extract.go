package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/sources"
	"github.com/urfave/cli/v2"
)

// extractCommand prints the quotes of articles, with no database.
func extractCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the quotes of articles, without a database",
		ArgsUsage: "FILE|DIR|URL|- ...",
		Description: `Loads every input like "quoth ingest" does, finds its quotations and
prints them with speaker, channel, kind and location. Nothing is stored.
Quotes that look like titles, nicknames or scare quotes are left out
unless --titles is given. --format json writes one JSON object per quote
(the fields of "quoth quotes --format json", plus origin, article and
title_like), for pipelines.

Examples:
   quoth extract testdata/articles/003_9e22b0ab6b0482b3.txt
   quoth extract --format json story.html | jq .speaker
   quoth extract --outlet Reuters --titles story.html
   curl -s https://example.com/story | quoth extract -`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "outlet", Usage: "set the outlet `NAME` of every article loaded"},
			&cli.BoolFlag{Name: "titles", Usage: "also print quotes that look like titles, nicknames or scare quotes"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("extract: no input given (a file, directory, URL or -)")
			}
			format := c.String("format")
			if err := checkFormat(format); err != nil {
				return err
			}
			l := sources.Loader{Outlet: c.String("outlet"), Stdin: io.stdin}
			out := &listing{header: []string{"article", "para", "speaker", "quote", "kind", "channel", "method"}}
			failed := 0
			for _, in := range c.Args().Slice() {
				res := l.Load(c.Context, in)
				failed += reportLoadErrors(io, res.Errors, c.Bool("quiet"))
				for _, a := range res.Articles {
					qs, err := extractQuotes(a)
					if err != nil {
						failed += reportLoadErrors(io, []error{err}, false)
						continue
					}
					addQuotes(out, a, qs, c.Bool("titles"))
				}
			}
			if err := out.write(newOutput(c, io.stdout), format); err != nil {
				return err
			}
			if failed > 0 {
				return errReported
			}
			return nil
		},
	}
}

// extractJSON is the stable JSON form of an extracted quote.
type extractJSON struct {
	Origin    string `json:"origin"`
	ArticleID string `json:"article"`
	Title     string `json:"title,omitempty"`
	quoteJSON
}

// addQuotes adds the quotes of article a to the listing.
func addQuotes(out *listing, a *sources.Article, qs []quotes.Quote, titles bool) {
	for _, q := range qs {
		if q.Title && !titles {
			continue
		}
		j := quoteFields(q)
		j.Outlet, j.URL, j.Published = a.Outlet, a.URL, day(a.Published)
		v := extractJSON{Origin: a.Origin, ArticleID: a.ID, Title: a.Title, quoteJSON: j}
		out.add(v, a.ID[:8], strconv.Itoa(q.Block), speakerName(q.Speaker.Name), q.Text, string(q.Kind), q.Speaker.Channel, string(q.Speaker.Method))
	}
}

// reportLoadErrors prints load errors on stderr and returns how many
// inputs failed; warnings are printed unless quiet and not counted.
func reportLoadErrors(io streams, errs []error, quiet bool) int {
	failed := 0
	for _, err := range errs {
		var ie *sources.InputError
		if errors.As(err, &ie) && ie.Warning {
			if !quiet {
				fmt.Fprintf(io.stderr, "quoth: warning: %v\n", err)
			}
			continue
		}
		failed++
		fmt.Fprintf(io.stderr, "quoth: %v\n", err)
	}
	return failed
}

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/quoth-dev/quoth/store"
	"github.com/urfave/cli/v2"
)

// showCommand prints a stored article with its quotes marked.
func showCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "print a stored article with its quotes marked",
		ArgsUsage: "ARTICLE",
		Description: `Prints an article's metadata and story paragraphs; each quote is marked
in the text with its number, «n like this», and listed under its paragraph
with speaker, channel and kind. ARTICLE is the key shown by "quoth
articles" or the start (4 or more hex digits) of the article's ID.

Examples:
   quoth show 2
   quoth show 9e22b0ab --format json`,
		Before: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("show: want one ARTICLE (a key from 'quoth articles' or an ID prefix), got %d arguments", c.NArg())
			}
			return nil
		},
		Action: withDB(func(c *cli.Context, db *store.DB, format string) error {
			a, qs, err := db.Article(c.Context, c.Args().First())
			if err != nil {
				return fmt.Errorf("show %s: %w", c.Args().First(), err)
			}
			if format == "json" {
				return showJSON(io.stdout, a, qs)
			}
			return showText(io.stdout, a, qs)
		}),
	}
}

// articleDetail is the stable JSON form of "quoth show".
type articleDetail struct {
	articleJSON
	Paragraphs []string    `json:"paragraphs"`
	QuoteList  []quoteJSON `json:"quote_list"`
}

// showJSON writes an article and its quotes as one JSON object.
func showJSON(w io.Writer, a *store.StoredArticle, qs []store.StoredQuote) error {
	d := articleDetail{articleJSON: articleListing([]store.StoredArticle{*a}).values[0].(articleJSON)}
	for i := range a.Paragraphs {
		d.Paragraphs = append(d.Paragraphs, a.ParagraphText(i))
	}
	for _, q := range qs {
		d.QuoteList = append(d.QuoteList, quoteToJSON(q))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

// showText writes an article's paragraphs with its quotes marked.
func showText(w io.Writer, a *store.StoredArticle, qs []store.StoredQuote) error {
	fmt.Fprintf(w, "%s\n%s", a.Title, a.Outlet)
	if d := day(a.Published); d != "" {
		fmt.Fprintf(w, ", %s", d)
	}
	if a.Byline != "" {
		fmt.Fprintf(w, ", by %s", a.Byline)
	}
	fmt.Fprintln(w)
	if a.URL != "" {
		fmt.Fprintln(w, a.URL)
	}
	fmt.Fprintf(w, "%d paragraphs, %d quotes, from %s\n", len(a.Paragraphs), len(qs), a.Origin)
	n := 0
	for i, p := range a.Paragraphs {
		var here []store.StoredQuote
		for n < len(qs) && qs[n].Start < p.End {
			here = append(here, qs[n])
			n++
		}
		fmt.Fprintf(w, "\n[%d] %s\n", i, markQuotes(a.Text, p.Start, p.End, here, n-len(here)))
		for j, q := range here {
			fmt.Fprintf(w, "    «%d» %s: %s\n", n-len(here)+j+1, speakerName(q.Speaker.Name), describe(q))
		}
	}
	return nil
}

// markQuotes returns text[start:end] with each quote's span wrapped in
// «n …», numbering from first+1. Quotes must be in text order.
func markQuotes(text string, start, end int, qs []store.StoredQuote, first int) string {
	var b strings.Builder
	at := start
	for i, q := range qs {
		s, e := max(q.Start, at), min(q.End, end)
		if s > e {
			continue
		}
		b.WriteString(text[at:s])
		fmt.Fprintf(&b, "«%d %s»", first+i+1, text[s:e])
		at = e
	}
	b.WriteString(text[at:end])
	return b.String()
}

// describe says how a quote was attributed: kind, cue, channel, method.
func describe(q store.StoredQuote) string {
	parts := []string{string(q.Kind)}
	s := q.Speaker
	if s.Mention != "" && s.Mention != s.Name {
		parts = append(parts, fmt.Sprintf("as %q", s.Mention))
	}
	if s.Cue != "" {
		parts = append(parts, s.Cue)
	}
	if s.Channel != "" {
		parts = append(parts, "via "+s.Channel)
	}
	if s.Method != "" {
		parts = append(parts, string(s.Method))
	}
	if q.Unclosed {
		parts = append(parts, "unclosed")
	}
	if q.Quote.Title {
		parts = append(parts, "title-like")
	}
	return strings.Join(parts, ", ")
}

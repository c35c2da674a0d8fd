package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/quoth-dev/quoth/diffing"
	"github.com/quoth-dev/quoth/store"
	"github.com/urfave/cli/v2"
)

// diffCommand compares two quotes or texts word by word.
func diffCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "compare two quotes word by word and name their relation",
		ArgsUsage: "A B",
		Description: `Compares B, a rendering, with A, its source: two quote keys from the
database (see "quoth quotes"), or two texts. Prints the relation
(verbatim, punctuation, excerpt, elided, bracketed, altered, spliced,
misattributed, unsourced or unrelated), the similarity and the word diff:
deleted words red and struck through, inserted words green on a terminal;
[-deleted-] and {+inserted+} when piped or when NO_COLOR is set. Two
stored quotes of two articles with different speakers are misattributed
when the words are faithful; inside one article speakers are not
compared, since an article names one speaker several ways. --format json prints the comparison in the stable form the
README documents.

Examples:
   quoth diff "grave security challenges posed by TTP" "grave threat"
   quoth diff 11 10
   quoth diff 11 10 --format json`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usagef("diff: want two quote keys or two texts, got %d arguments", c.NArg())
			}
			format := c.String("format")
			if format != "table" && format != "json" {
				return usagef("diff: unknown format %q (want table or json)", format)
			}
			a, b, err := diffSides(c, c.Args().Get(0), c.Args().Get(1))
			if err != nil {
				return err
			}
			var cmp diffing.Comparer
			res := cmp.Compare(diffing.NewText(a.Text), diffing.NewRendering(b.Before, b.Text, b.After))
			if a.ArticleKey == 0 || a.ArticleKey != b.ArticleKey {
				res.Relation = diffing.Attribute(res.Relation, a.Speaker.Name, b.Speaker.Name)
			}
			if format == "json" {
				return writeJSONLines(io.stdout, []any{comparison(res)})
			}
			out := newOutput(c, io.stdout)
			fmt.Fprintf(out, "relation    %s, similarity %.2f\n", relationText(out, res.Relation), res.Similarity)
			if res.Closest != "" {
				fmt.Fprintf(io.stdout, "closest     %s\n", res.Closest)
			}
			if changed(res.Edits) {
				fmt.Fprintf(io.stdout, "diff        %s\n", diffText(out, res.Edits))
				deleted, inserted := res.Changed()
				fmt.Fprintf(io.stdout, "changed     deleted %s; inserted %s\n", wordList(deleted), wordList(inserted))
			}
			return nil
		},
	}
}

// wordList quotes each run of words, or says "nothing".
func wordList(runs []string) string {
	if len(runs) == 0 {
		return "nothing"
	}
	q := make([]string, len(runs))
	for i, r := range runs {
		q[i] = strconv.Quote(r)
	}
	return strings.Join(q, ", ")
}

// diffSides returns the two sides of a diff: stored quotes when both
// arguments are quote keys, else the two texts.
func diffSides(c *cli.Context, a, b string) (store.StoredQuote, store.StoredQuote, error) {
	ka, errA := strconv.ParseInt(a, 10, 64)
	kb, errB := strconv.ParseInt(b, 10, 64)
	if errA != nil || errB != nil {
		var qa, qb store.StoredQuote
		qa.Text, qb.Text = a, b
		if len(diffing.NewText(a).Words()) == 0 || len(diffing.NewText(b).Words()) == 0 {
			return qa, qb, usagef("diff: both texts need words")
		}
		return qa, qb, nil
	}
	db, err := openDB(c)
	if err != nil {
		return store.StoredQuote{}, store.StoredQuote{}, err
	}
	defer db.Close()
	qa, err := quoteByKey(c, db, ka)
	if err != nil {
		return qa, qa, err
	}
	qb, err := quoteByKey(c, db, kb)
	return qa, qb, err
}

// quoteByKey returns the stored quote with key k.
func quoteByKey(c *cli.Context, db *store.DB, k int64) (store.StoredQuote, error) {
	qs, err := db.Quotes(c.Context, store.QuoteFilter{Key: k})
	if err != nil {
		return store.StoredQuote{}, err
	}
	if len(qs) == 0 {
		return store.StoredQuote{}, fmt.Errorf("no quote %d in %s (see quoth quotes)", k, dbName(c))
	}
	return qs[0], nil
}

// dbName is the database path in use, for messages.
func dbName(c *cli.Context) string {
	if p := c.String("db"); p != "" {
		return p
	}
	return defaultDB
}

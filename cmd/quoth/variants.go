package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/quoth-dev/quoth/diffing"
	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/sources"
	"github.com/quoth-dev/quoth/store"
	"github.com/urfave/cli/v2"
)

// variantsCommand prints the families of renderings in the database.
func variantsCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:  "variants",
		Usage: "group the stored quotes into families of renderings of one utterance",
		Description: `Finds every set of stored quotes that render one utterance, across
outlets and inside one article, and compares each rendering with the
family's reference: a primary source, or else the earliest dated of its
fullest renderings. With --primary, the quotes of that outlet are primary
sources, and so is each paragraph of its articles without quotation
marks (the ministry's own statement, the court's transcript), said by the
article's byline. Each
rendering gets its outlet, date, relation (verbatim, punctuation,
excerpt, elided, bracketed, altered, spliced, misattributed) and word
diff. Quotes that only share a common phrase are never put in one family.
Candidates come from an index of word n-grams, so large databases group
in near-linear time; a progress bar shows on a terminal.

On a terminal the families are printed one under another; piped, csv and
markdown give one row per rendering; --format json gives one object per
family.

Examples:
   quoth variants
   quoth variants --speaker "Tom West" --only-findings
   quoth variants --min-outlets 3 --format json
   quoth variants --outlet Dawn --min-outlets 2
   quoth variants --primary "Ministry of Health of Veloria"`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "speaker", Usage: "only families with a rendering by `NAME` (canonical name, alias or surname)"},
			&cli.StringFlag{Name: "outlet", Usage: "only families with a rendering from outlet `NAME`"},
			&cli.IntFlag{Name: "min-outlets", Value: 1, Usage: "only families rendered by at least `N` outlets"},
			&cli.BoolFlag{Name: "only-findings", Usage: "only families with an altered, spliced or misattributed rendering"},
			&cli.StringSliceFlag{Name: "primary", Usage: "quotes from outlet `NAME` are primary sources, the reference of their families (repeatable)"},
		},
		Action: withDB(func(c *cli.Context, db *store.DB, format string) error {
			vs, err := loadVariants(c.Context, db, io.stderr, c.Bool("quiet"), c.StringSlice("primary")...)
			if err != nil {
				return err
			}
			keep, err := familyFilter(c, db)
			if err != nil {
				return err
			}
			var fams []family
			for i, f := range vs.families {
				if keep(vs, f) {
					fams = append(fams, family{i + 1, f})
				}
			}
			vs.explain(fams)
			out := newOutput(c, io.stdout)
			if format == "table" && out.terminal || format == "table" && len(fams) == 0 {
				return vs.writeText(out, fams)
			}
			return vs.listing(fams).write(out, format)
		}),
	}
}

// family is a family with its number among all families, which stays
// the same whatever the filters.
type family struct {
	n int
	diffing.Family
}

// variants is the stored quotes and their families.
type variants struct {
	quotes   []store.StoredQuote
	entries  []diffing.Entry
	families []diffing.Family // without word diffs: see explain
}

// explain gives the families that will be shown their word diffs.
func (v *variants) explain(fams []family) {
	for i := range fams {
		fams[i].Family = diffing.Explain(v.entries, fams[i].Family)
	}
}

// loadVariants groups every stored quote that is not title-like; quotes
// from the outlets named in primary are primary sources.
func loadVariants(ctx context.Context, db *store.DB, stderr io.Writer, quiet bool, primary ...string) (*variants, error) {
	all, err := db.Quotes(ctx, store.QuoteFilter{})
	if err != nil {
		return nil, err
	}
	v := &variants{}
	entries := make([]diffing.Entry, 0, len(all))
	for _, q := range all {
		if q.Quote.Title {
			continue
		}
		v.quotes = append(v.quotes, q)
		entries = append(entries, diffing.Entry{
			Text: q.Text, Before: q.Before, After: q.After,
			Speaker: q.Speaker.Name, Article: strconv.FormatInt(q.ArticleKey, 10), Published: q.Published,
			Primary: slices.ContainsFunc(primary, func(o string) bool { return strings.EqualFold(o, q.Outlet) }),
		})
	}
	for _, o := range primary {
		if entries, err = v.addPrimary(ctx, db, o, entries); err != nil {
			return nil, err
		}
	}
	bar := newProgress(stderr, len(entries), quiet || len(entries) < 10000)
	g := diffing.Grouper{Progress: func(done, total int) { bar.count(done, "grouping steps") }}
	v.entries = entries
	v.families = g.Group(entries)
	bar.done()
	return v, nil
}

// addPrimary adds the articles of outlet o that have no quotation marks
// (a statement, a transcript, a release in the speaker's own voice) as
// primary sources, one entry a paragraph, said by the article's byline.
func (v *variants) addPrimary(ctx context.Context, db *store.DB, o string, entries []diffing.Entry) ([]diffing.Entry, error) {
	arts, err := db.Articles(ctx, store.ArticleFilter{Outlet: o})
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		if a.Quotes > 0 {
			continue
		}
		for i, p := range a.Paragraphs {
			if p.Kind != sources.Body {
				continue
			}
			q := store.StoredQuote{ArticleKey: a.Key, Outlet: a.Outlet, Title: a.Title, URL: a.URL, Published: a.Published}
			q.Text, q.Block, q.Start, q.End, q.Kind = a.ParagraphText(i), i, p.Start, p.End, quotes.Direct
			q.Speaker.Name = a.Byline
			v.quotes = append(v.quotes, q)
			entries = append(entries, diffing.Entry{Text: q.Text, Speaker: a.Byline,
				Article: strconv.FormatInt(a.Key, 10), Published: a.Published, Primary: true})
		}
	}
	return entries, nil
}

// familyFilter returns the test of the flags --speaker, --outlet,
// --min-outlets and --only-findings.
func familyFilter(c *cli.Context, db *store.DB) (func(*variants, diffing.Family) bool, error) {
	who := c.String("speaker")
	speaker := map[int64]bool{}
	if who != "" {
		qs, err := db.Quotes(c.Context, store.QuoteFilter{Speaker: who})
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			speaker[q.Key] = true
		}
	}
	outlet, minOutlets, findings := c.String("outlet"), c.Int("min-outlets"), c.Bool("only-findings")
	return func(v *variants, f diffing.Family) bool {
		bySpeaker, byOutlet := who == "", outlet == ""
		for _, m := range f.Members {
			q := v.quotes[m.Entry]
			bySpeaker = bySpeaker || speaker[q.Key]
			byOutlet = byOutlet || strings.EqualFold(q.Outlet, outlet)
		}
		return bySpeaker && byOutlet && v.outlets(f) >= minOutlets && (!findings || len(f.Findings()) > 0)
	}, nil
}

// writeText prints families one under another, for a terminal.
func (v *variants) writeText(w *output, fams []family) error {
	if len(fams) == 0 {
		_, err := fmt.Fprintln(w, "no families of variants")
		return err
	}
	for _, f := range fams {
		ref := v.quotes[f.Reference]
		fmt.Fprintf(w, "family %d: %s, %d renderings in %s, %s\n", f.n, speakerName(ref.Speaker.Name),
			len(f.Members), plural(v.outlets(f.Family), "outlet"), plural(len(f.Findings()), "finding"))
		for _, m := range f.Members {
			q := v.quotes[m.Entry]
			rel := "reference"
			text := q.Text
			if m.Entry != f.Reference {
				rel = string(m.Relation)
				if changed(m.Edits) {
					text = diffText(w, m.Edits)
				}
			}
			fmt.Fprintf(w, "  %s %-6s %s  %s\n      %s\n", w.relationWord(rel, 13), keyText(q.Key), provenanceShort(q), speakerName(q.Speaker.Name), text)
		}
		fmt.Fprintln(w)
	}
	return nil
}

// keyText is "#KEY" for a stored quote, "source" for a paragraph of a
// primary source, which is no stored quote.
func keyText(k int64) string {
	if k == 0 {
		return "source"
	}
	return "#" + strconv.FormatInt(k, 10)
}

// outlets counts the distinct outlets of a family.
func (v *variants) outlets(f diffing.Family) int {
	seen := map[string]bool{}
	for _, m := range f.Members {
		seen[strings.ToLower(v.quotes[m.Entry].Outlet)] = true
	}
	return len(seen)
}

// plural says "1 outlet" or "3 outlets", "1 family" or "3 families".
func plural(n int, unit string) string {
	switch {
	case n == 1:
		return "1 " + unit
	case strings.HasSuffix(unit, "ly"):
		unit = strings.TrimSuffix(unit, "y") + "ie"
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// provenanceShort is a quote's outlet, date and paragraph.
func provenanceShort(q store.StoredQuote) string {
	return strings.TrimSpace(fmt.Sprintf("%s %s ¶%d", q.Outlet, day(q.Published), q.Block))
}

// variantJSON is the stable JSON form of one rendering in a family.
type variantJSON struct {
	quoteJSON
	Reference bool `json:"reference,omitempty"`
	comparisonJSON
}

// familyJSON is the stable JSON form of a family.
type familyJSON struct {
	Family     int           `json:"family"`
	Reference  int64         `json:"reference"`
	Speaker    string        `json:"speaker,omitempty"`
	Outlets    int           `json:"outlets"`
	Findings   int           `json:"findings"`
	Renderings []variantJSON `json:"renderings"`
}

// listing gives one row per rendering, and one JSON value per family.
func (v *variants) listing(fams []family) *listing {
	l := &listing{header: []string{"family", "key", "outlet", "date", "speaker", "relation", "similarity", "quote", "diff"}}
	for _, f := range fams {
		ref := v.quotes[f.Reference]
		fj := familyJSON{Family: f.n, Reference: ref.Key, Speaker: ref.Speaker.Name, Outlets: v.outlets(f.Family), Findings: len(f.Findings())}
		for _, m := range f.Members {
			q := v.quotes[m.Entry]
			vj := variantJSON{quoteJSON: quoteToJSON(q), Reference: m.Entry == f.Reference, comparisonJSON: comparison(m.Result)}
			fj.Renderings = append(fj.Renderings, vj)
			diff := ""
			if changed(m.Edits) {
				diff = diffing.Markers(m.Edits)
			}
			key := ""
			if q.Key != 0 {
				key = strconv.FormatInt(q.Key, 10)
			}
			l.rows = append(l.rows, []string{strconv.Itoa(f.n), key, q.Outlet, day(q.Published),
				speakerName(q.Speaker.Name), string(m.Relation), fmt.Sprintf("%.2f", m.Similarity), q.Text, diff})
		}
		l.values = append(l.values, fj)
	}
	return l
}

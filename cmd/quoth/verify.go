package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/quoth-dev/quoth/diffing"
	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/store"
	"github.com/urfave/cli/v2"
)

// verifyCandidates is how many stored quotes verify compares, from each
// of its two searches.
const verifyCandidates = 100

// verifyCommand checks a wording against every stored quote.
func verifyCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "check a wording against every stored quote",
		ArgsUsage: "TEXT",
		Description: `Looks for TEXT among the stored quotes and says whether the speaker
really said it: the relation of TEXT to the closest real wording, who
said it, where and when first, every source that has it, and for a
near-miss the word diff to the closest words. Quotes printed with these
very words as a fragment inside a reporter's sentence are reports, not
sources: they are listed apart, and their words around the fragment help
find where it came from.

The exit code is 0 when TEXT is verbatim or a faithful excerpt (marked
cuts and brackets included), 1 when the closest source differs
materially, another speaker said it, or nothing matches, and 2 on errors.

Examples:
   quoth verify "grave threat" --speaker "Tom West"
   quoth verify "strong partnership"
   quoth verify "We seek a strong partnership with Pakistan" --format json`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "speaker", Usage: "who TEXT is attributed to: canonical `NAME`, alias or surname"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("verify: want one TEXT in quotation marks, got %d arguments", c.NArg())
			}
			text := c.Args().First()
			if len(diffing.NewText(text).Words()) == 0 {
				return usagef("verify: TEXT has no words")
			}
			format := c.String("format")
			if format != "table" && format != "json" {
				return usagef("verify: unknown format %q (want table or json)", format)
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			v, err := verify(c.Context, db, text, c.String("speaker"))
			if err != nil {
				return err
			}
			if err := v.write(newOutput(c, io.stdout), format, dbName(c)); err != nil {
				return err
			}
			if !v.relation().Faithful() {
				return errFindings
			}
			return nil
		},
	}
}

// verification is what verify found for one wording.
type verification struct {
	text, speaker string
	unknown       bool                // no stored quote is by speaker
	reports       []store.StoredQuote // quotes printed with these very words
	sources       []store.StoredQuote // the other candidates, oldest first
	matches       []diffing.Match     // related sources, best first
}

// relation is the verdict's relation: the best match's, or unsourced.
func (v *verification) relation() diffing.Relation {
	if len(v.matches) == 0 {
		return diffing.Unsourced
	}
	return v.matches[0].Relation
}

// verify compares text with the stored quotes that share its words.
func verify(ctx context.Context, db *store.DB, text, speaker string) (*verification, error) {
	if ok, err := db.HasQuotes(ctx); err != nil {
		return nil, err
	} else if !ok {
		return nil, fmt.Errorf("verify: the database has no quotes (run quoth ingest first)")
	}
	search := strings.Join(diffing.Keywords(text), " ")
	cands, err := db.Quotes(ctx, store.QuoteFilter{Search: search, MinWords: 2, Limit: verifyCandidates})
	if err != nil {
		return nil, err
	}
	own := map[int64]bool{}
	if speaker != "" {
		mine, err := db.Quotes(ctx, store.QuoteFilter{Search: search, MinWords: 1, Speaker: speaker, Limit: verifyCandidates})
		if err != nil {
			return nil, err
		}
		for _, q := range mine {
			own[q.Key] = true
			if !slices.ContainsFunc(cands, func(c store.StoredQuote) bool { return c.Key == q.Key }) {
				cands = append(cands, q)
			}
		}
	}
	v := &verification{text: text, speaker: speaker}
	if speaker != "" && len(own) == 0 {
		any, err := db.Quotes(ctx, store.QuoteFilter{Speaker: speaker, Limit: 1})
		if err != nil {
			return nil, err
		}
		v.unknown = len(any) == 0
	}
	v.split(cands)
	v.match(own)
	return v, nil
}

// split sorts candidates into reports of the wording and sources.
func (v *verification) split(cands []store.StoredQuote) {
	slices.SortFunc(cands, func(a, b store.StoredQuote) int {
		return cmp.Or(boolFirst(!a.Published.IsZero(), !b.Published.IsZero()), a.Published.Compare(b.Published), cmp.Compare(a.Key, b.Key))
	})
	for _, q := range cands {
		if q.Kind == quotes.Partial && diffing.SameWords(q.Text, v.text) {
			v.reports = append(v.reports, q)
			continue
		}
		v.sources = append(v.sources, q)
	}
}

// boolFirst orders true before false.
func boolFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// match compares the wording, set in the words of its first report,
// with every source; own marks the sources by the speaker asked about.
func (v *verification) match(own map[int64]bool) {
	var before, after string
	for _, r := range v.reports {
		if r.Before != "" || r.After != "" {
			before, after = r.Before, r.After
			break
		}
	}
	srcs := make([]diffing.Source, len(v.sources))
	for i, q := range v.sources {
		srcs[i] = diffing.Source{Text: diffing.NewText(q.Text), Speaker: q.Speaker.Name}
		if own[q.Key] {
			srcs[i].Speaker = v.speaker
		}
	}
	var c diffing.Comparer
	v.matches = c.Match(srcs, diffing.NewRendering(before, v.text, after), v.speaker)
}

// write prints the verification in format.
func (v *verification) write(w *output, format, db string) error {
	if format == "json" {
		return writeJSONLines(w, []any{v.json()})
	}
	rel := v.relation()
	fmt.Fprintf(w, "verdict   %s: %s\n", relationText(w, rel), v.summary())
	fmt.Fprintf(w, "quote     %q\n", v.text)
	if len(v.matches) > 0 {
		best := v.matches[0]
		q := v.sources[best.Source]
		fmt.Fprintf(w, "closest   %q\n          %s\n", best.Closest, provenance(q))
		if changed(best.Edits) {
			fmt.Fprintf(w, "diff      %s\n", diffText(w, best.Edits))
		}
	}
	for i, m := range v.faithful() {
		label := ""
		if i == 0 {
			label = "sources"
		}
		fmt.Fprintf(w, "%-9s %s, %s\n", label, provenance(v.sources[m.Source]), m.Relation)
	}
	for i, q := range v.reports {
		label := ""
		if i == 0 {
			label = "printed"
		}
		fmt.Fprintf(w, "%-9s %s, as a fragment\n", label, provenance(q))
	}
	if len(v.matches) == 0 && len(v.reports) == 0 {
		fmt.Fprintf(w, "          no stored quote in %s shares its words\n", db)
	}
	if v.unknown {
		fmt.Fprintf(w, "          no stored quote in %s is by %s (see quoth quotes --speaker)\n", db, v.speaker)
	}
	return nil
}

// summary says the verdict in words.
func (v *verification) summary() string {
	who := "its speaker"
	if v.speaker != "" {
		who = v.speaker
	}
	if len(v.matches) == 0 {
		if len(v.reports) > 0 {
			return "printed only as a reporter's fragment; no fuller source has these words"
		}
		return "nothing stored is close"
	}
	best := v.matches[0]
	q := v.sources[best.Source]
	switch {
	case best.Relation == diffing.Misattributed:
		return fmt.Sprintf("these words are %s's, not %s's", speakerName(q.Speaker.Name), who)
	case best.Relation.Faithful():
		first := v.sources[v.faithful()[0].Source]
		return fmt.Sprintf("%s said it; first in %s", speakerName(first.Speaker.Name), strings.TrimSpace(first.Outlet+" "+day(first.Published)))
	}
	return fmt.Sprintf("not verbatim from %s", who)
}

// faithful returns the faithful matches, oldest source first.
func (v *verification) faithful() []diffing.Match {
	var out []diffing.Match
	for _, m := range v.matches {
		if m.Relation.Faithful() {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b diffing.Match) int { return a.Source - b.Source })
	return out
}

// provenance says where a stored quote stands.
func provenance(q store.StoredQuote) string {
	parts := []string{speakerName(q.Speaker.Name), q.Outlet}
	if d := day(q.Published); d != "" {
		parts = append(parts, d)
	}
	parts = append(parts, "paragraph "+strconv.Itoa(q.Block), "quote "+strconv.FormatInt(q.Key, 10))
	return strings.Join(parts, ", ")
}

// verifyJSON is the stable JSON form of a verification.
type verifyJSON struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker,omitempty"`
	// SpeakerUnknown says that no stored quote is by Speaker.
	SpeakerUnknown bool `json:"speaker_unknown,omitempty"`
	comparisonJSON
	Source  *quoteJSON         `json:"source,omitempty"`
	Sources []verifySourceJSON `json:"sources"`
	Printed []quoteJSON        `json:"printed_as"`
}

// verifySourceJSON is a stored quote that has the wording faithfully.
type verifySourceJSON struct {
	quoteJSON
	Relation string `json:"relation"`
}

// json returns the stable JSON form of the verification.
func (v *verification) json() verifyJSON {
	j := verifyJSON{Text: v.text, Speaker: v.speaker, SpeakerUnknown: v.unknown, Sources: []verifySourceJSON{}, Printed: []quoteJSON{}}
	j.comparisonJSON = comparison(diffing.Result{Relation: diffing.Unsourced})
	if len(v.matches) > 0 {
		best := v.matches[0]
		j.comparisonJSON = comparison(best.Result)
		q := quoteToJSON(v.sources[best.Source])
		j.Source = &q
	}
	for _, m := range v.faithful() {
		j.Sources = append(j.Sources, verifySourceJSON{quoteToJSON(v.sources[m.Source]), string(m.Relation)})
	}
	for _, q := range v.reports {
		j.Printed = append(j.Printed, quoteToJSON(q))
	}
	return j
}

package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/quoth-dev/quoth/diffing"
	"github.com/quoth-dev/quoth/quotes/gold"
	"github.com/urfave/cli/v2"
)

// evalPairs scores the relations quoth gives the gold pairs in name.
func evalPairs(c *cli.Context, st streams, name string) error {
	format := c.String("format")
	if format != "table" && format != "json" {
		return usagef("eval: unknown format %q (want table or json)", format)
	}
	var pairs []gold.Pair
	err := readGoldFile(st, name, func(r io.Reader) (err error) {
		pairs, err = gold.ReadPairs(r, name, relationNames())
		return err
	})
	if err != nil {
		return err
	}
	if len(pairs) == 0 {
		return fmt.Errorf("eval: %s: no pairs", name)
	}
	var cmp diffing.Comparer
	results := make(map[string]diffing.Result, len(pairs))
	rep := gold.ScorePairs(pairs, func(p gold.Pair) string {
		res := cmp.Compare(diffing.NewText(p.A), diffing.NewRendering("", p.B, ""))
		res.Relation = diffing.Attribute(res.Relation, p.SpeakerA, p.SpeakerB)
		results[p.ID] = res
		return string(res.Relation)
	})
	if format == "json" {
		return writeJSONLines(st.stdout, []any{pairsJSON(rep, results)})
	}
	return writePairsText(st.stdout, rep, results, c.Bool("verbose"))
}

// relationNames lists the relations as strings.
func relationNames() []string {
	names := make([]string, len(diffing.Relations))
	for i, r := range diffing.Relations {
		names[i] = string(r)
	}
	return names
}

// writePairsText prints the accuracy and the confusion table, and with
// verbose every wrong pair first.
func writePairsText(w io.Writer, rep gold.PairReport, results map[string]diffing.Result, verbose bool) error {
	if verbose {
		for _, m := range rep.Wrong {
			fmt.Fprintf(w, "%s (line %d): gold %s, quoth %s\n", m.ID, m.Line, m.Relation, m.Got)
			fmt.Fprintf(w, "  a: %s\n  b: %s\n", m.A, m.B)
			if d := diffing.Markers(results[m.ID].Edits); d != "" {
				fmt.Fprintf(w, "  diff: %s\n", d)
			}
			if m.Note != "" {
				fmt.Fprintf(w, "  note: %s\n", m.Note)
			}
		}
		if len(rep.Wrong) > 0 {
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintf(w, "relation accuracy  %s\n\n", rep)
	names := relationNames()
	short := make([]string, len(names))
	for i, n := range names {
		short[i] = n[:min(5, len(n))]
	}
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "gold \\ quoth\t%s\ttotal\t\n", strings.Join(short, "\t"))
	for _, g := range names {
		row := rep.Confusion[g]
		if len(row) == 0 {
			continue
		}
		total := 0
		cells := make([]string, len(names))
		for i, p := range names {
			total += row[p]
			cells[i] = "."
			if row[p] > 0 {
				cells[i] = fmt.Sprint(row[p])
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t\n", g, strings.Join(cells, "\t"), total)
	}
	return tw.Flush()
}

// evalPairsJSON is the JSON form of a pairs evaluation.
type evalPairsJSON struct {
	Pairs     int                       `json:"pairs"`
	Right     int                       `json:"right"`
	Accuracy  float64                   `json:"accuracy"`
	Confusion map[string]map[string]int `json:"confusion"`
	Wrong     []evalPairMissJSON        `json:"wrong"`
}

// evalPairMissJSON is a pair quoth classified wrong, in JSON.
type evalPairMissJSON struct {
	ID    string         `json:"id"`
	Line  int            `json:"line"`
	Gold  string         `json:"gold"`
	Quoth string         `json:"quoth"`
	A     string         `json:"a"`
	B     string         `json:"b"`
	Edits []diffing.Edit `json:"edits"`
}

// pairsJSON returns the JSON form of a pairs evaluation.
func pairsJSON(rep gold.PairReport, results map[string]diffing.Result) evalPairsJSON {
	j := evalPairsJSON{Pairs: rep.Total, Right: rep.Right, Accuracy: round4(rep.Accuracy()), Confusion: rep.Confusion, Wrong: []evalPairMissJSON{}}
	for _, m := range rep.Wrong {
		j.Wrong = append(j.Wrong, evalPairMissJSON{ID: m.ID, Line: m.Line, Gold: m.Relation, Quoth: m.Got, A: m.A, B: m.B, Edits: results[m.ID].Edits})
	}
	return j
}

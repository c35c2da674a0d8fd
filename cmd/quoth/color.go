package main

import (
	"io"
	"os"
	"strings"

	"github.com/quoth-dev/quoth/diffing"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// The values of --color.
var colorModes = []string{"auto", "always", "never"}

// checkColor returns a usage error for an unknown --color value.
func checkColor(mode string) error {
	for _, ok := range colorModes {
		if mode == ok {
			return nil
		}
	}
	return usagef("unknown --color %q (want %s)", mode, strings.Join(colorModes, ", "))
}

// useColor is the one place that decides whether output is coloured:
// always with --color always, never with --color never, and with auto
// only on a terminal when NO_COLOR is unset or empty.
func useColor(mode string, terminal bool, noColor string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return terminal && noColor == ""
}

// defaultWidth is the width of tables when the terminal's is unknown.
const defaultWidth = 100

// output is a command's standard output and how to show things on it:
// whether it is a terminal (aligned tables, text views), whether to
// colour, and how many columns a line may take. Commands build it once
// in their action with newOutput and pass it to what prints.
type output struct {
	io.Writer
	terminal bool
	color    bool
	width    int
}

// newOutput describes w for the command run in c: --color, NO_COLOR and
// whether w is a terminal, and how wide.
func newOutput(c *cli.Context, w io.Writer) *output {
	o := &output{Writer: w, terminal: isTerminal(w), width: defaultWidth}
	o.color = useColor(c.String("color"), o.terminal, os.Getenv("NO_COLOR"))
	if f, ok := w.(*os.File); ok && o.terminal {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			o.width = cols
		}
	}
	return o
}

// ANSI styles.
const (
	ansiReset   = "\x1b[0m"
	ansiRed     = "\x1b[31m"
	ansiGreen   = "\x1b[32m"
	ansiYellow  = "\x1b[33m"
	ansiDeleted = "\x1b[31;9m" // red, struck through, as diffing.ANSI
	ansiBold    = "\x1b[1m"
)

// verdictStyles colour the copy desk's verdicts.
var verdictStyles = map[string]string{
	"finding": ansiRed,
	"shown":   ansiYellow,
	"ok":      ansiGreen,
}

// paint wraps s in style when colouring; empty strings stay empty.
func (o *output) paint(style, s string) string {
	if !o.color || style == "" || s == "" {
		return s
	}
	return style + s + ansiReset
}

// verdictText paints s in the colour of verdict: finding red, shown
// yellow, ok green; any other verdict (unchecked) is left plain.
func (o *output) verdictText(verdict, s string) string {
	return o.paint(verdictStyles[verdict], s)
}

// relationWord pads a relation name with spaces to width columns and
// paints the name in the colour of its verdict. Anything that is not a
// relation ("reference") stays plain.
func (o *output) relationWord(rel string, width int) string {
	pad := strings.Repeat(" ", max(0, width-textWidth(rel)))
	if r := diffing.Relation(rel); isRelation(r) {
		return o.verdictText(r.Verdict(), rel) + pad
	}
	return rel + pad
}

// isRelation reports whether r is one of the relations.
func isRelation(r diffing.Relation) bool {
	for _, k := range diffing.Relations {
		if r == k {
			return true
		}
	}
	return false
}

// verdictCell paints a table cell that holds a relation or a verdict:
// "altered", "altered (finding)", "finding" or "unchecked".
func (o *output) verdictCell(cell string) string {
	if !o.color {
		return cell
	}
	word := strings.TrimSuffix(cell, "…")
	if i := strings.LastIndex(word, " ("); i >= 0 {
		v := strings.TrimSuffix(word[i+2:], ")")
		if _, ok := verdictStyles[v]; ok {
			return o.verdictText(v, cell)
		}
		word = word[:i]
	}
	if _, ok := verdictStyles[word]; ok {
		return o.verdictText(word, cell)
	}
	if r := diffing.Relation(word); isRelation(r) {
		return o.verdictText(r.Verdict(), cell)
	}
	return cell
}

// markersCell paints the [-deleted-] and {+inserted+} markers of a
// word diff in a table cell: deletions red and struck through,
// insertions green, markers kept so a cut cell still reads. A marker
// left open by a cut is closed at the end.
func (o *output) markersCell(cell string) string {
	if !o.color || !strings.ContainsAny(cell, "[{") {
		return cell
	}
	var b strings.Builder
	open := false
	for i := 0; i < len(cell); {
		rest := cell[i:]
		switch {
		case !open && strings.HasPrefix(rest, "[-"):
			b.WriteString(ansiDeleted + "[-")
			open, i = true, i+2
		case !open && strings.HasPrefix(rest, "{+"):
			b.WriteString(ansiGreen + "{+")
			open, i = true, i+2
		case open && (strings.HasPrefix(rest, "-]") || strings.HasPrefix(rest, "+}")):
			b.WriteString(rest[:2] + ansiReset)
			open, i = false, i+2
		default:
			b.WriteByte(cell[i])
			i++
		}
	}
	if open {
		b.WriteString(ansiReset)
	}
	return b.String()
}

// cell paints a table cell by its column: relations and verdicts in
// their colours, word diffs with coloured markers.
func (o *output) cell(column, s string) string {
	switch column {
	case "verdict", "relation":
		return o.verdictCell(s)
	case "diff":
		return o.markersCell(s)
	}
	return s
}

// header paints a table's header line.
func (o *output) header(s string) string {
	return o.paint(ansiBold, s)
}

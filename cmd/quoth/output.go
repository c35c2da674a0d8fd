package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"golang.org/x/term"
	"golang.org/x/text/width"
)

// The output formats of listing commands.
var formats = []string{"table", "json", "csv", "markdown"}

// checkFormat returns a usage error for an unknown format.
func checkFormat(f string) error {
	for _, ok := range formats {
		if f == ok {
			return nil
		}
	}
	return usagef("unknown format %q (want %s)", f, strings.Join(formats, ", "))
}

// listing is a list of records printed in one of the output formats:
// rows of cells for table, csv and markdown, and one JSON value per row.
type listing struct {
	header []string
	rows   [][]string
	values []any
}

// add appends a record: its cells, in header order, and its JSON form.
func (l *listing) add(value any, cells ...string) {
	l.rows = append(l.rows, cells)
	l.values = append(l.values, value)
}

// write prints the listing to o in format. A table on a terminal is
// aligned under a header and fitted to the terminal's width, long text
// cut with an ellipsis; piped, it is plain tab-separated rows with full
// values and no header. Relations, verdicts and word diffs are coloured
// in tables when o is (see useColor); csv, json and markdown never are.
func (l *listing) write(o *output, format string) error {
	switch format {
	case "json":
		return writeJSONLines(o, l.values)
	case "csv":
		return l.writeCSV(o)
	case "markdown":
		return l.writeMarkdown(o)
	}
	if o.terminal {
		return l.writeAligned(o)
	}
	return l.writeTSV(o)
}

// writeJSONLines writes each value as one line of JSON.
func writeJSONLines(w io.Writer, values []any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range values {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	return nil
}

// writeCSV writes the listing as CSV with a header row.
func (l *listing) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(l.header)
	cw.WriteAll(l.rows)
	return cw.Error()
}

// writeMarkdown writes the listing as a Markdown pipe table.
func (l *listing) writeMarkdown(w io.Writer) error {
	esc := strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ")
	line := func(cells []string) string {
		var b strings.Builder
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + esc.Replace(c) + " |")
		}
		return b.String()
	}
	sep := make([]string, len(l.header))
	for i := range sep {
		sep[i] = "---"
	}
	fmt.Fprintln(w, line(l.header))
	fmt.Fprintln(w, line(sep))
	for _, r := range l.rows {
		if _, err := fmt.Fprintln(w, line(r)); err != nil {
			return err
		}
	}
	return nil
}

// gap is the space between two columns of an aligned table.
const gap = 2

// writeAligned prints the listing as a table for a terminal: a header
// in capitals, columns aligned by display width and fitted to o.width.
func (l *listing) writeAligned(o *output) error {
	table := make([][]string, 0, len(l.rows)+1)
	head := make([]string, len(l.header))
	for i, h := range l.header {
		head[i] = strings.ToUpper(h)
	}
	table = append(table, head)
	for _, r := range l.rows {
		cells := make([]string, len(l.header))
		for i := range cells {
			if i < len(r) {
				cells[i] = oneLine(r[i])
			}
		}
		table = append(table, cells)
	}
	widths := fitColumns(l.header, table, o.width)
	for n, r := range table {
		last := len(r) - 1
		for last > 0 && r[last] == "" {
			last--
		}
		var b strings.Builder
		for i, c := range r[:last+1] {
			c = cut(c, widths[i])
			pad := widths[i] - textWidth(c)
			if n == 0 {
				c = o.header(c)
			} else {
				c = o.cell(l.header[i], c)
			}
			b.WriteString(c)
			if i < last {
				b.WriteString(strings.Repeat(" ", pad+gap))
			}
		}
		if _, err := fmt.Fprintln(o, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// textColumns are the columns of long text, shrunk first to fit a table
// in the terminal; keptColumns are never shrunk.
var (
	textColumns = map[string]bool{"quote": true, "title": true, "closest": true, "diff": true, "url": true}
	keptColumns = map[string]bool{"verdict": true, "relation": true}
)

// fitColumns returns the width of each column of table (header row
// first) so that its lines fit in width columns. Columns shrink one
// column at a time, always the widest of a kind: first the text
// columns down to 30, then the others down to 12, then the text columns
// down to 10, then the others down to their header. No column gets
// narrower than its header, relations and verdicts are never cut, and a
// table that cannot fit even so is left wider.
func fitColumns(header []string, table [][]string, width int) []int {
	widths := make([]int, len(header))
	for _, r := range table {
		for i, c := range r {
			widths[i] = max(widths[i], textWidth(c))
		}
	}
	total := gap * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	shrink := func(text bool, least int) {
		floor := make([]int, len(widths))
		for i, h := range header {
			floor[i] = min(widths[i], max(textWidth(h), least))
		}
		for total > width {
			widest := -1
			for i := range widths {
				if textColumns[header[i]] == text && !keptColumns[header[i]] && widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				return
			}
			widths[widest]--
			total--
		}
	}
	shrink(true, 30)
	shrink(false, 12)
	shrink(true, 10)
	shrink(false, 0)
	return widths
}

// writeTSV prints the listing for a pipe: one line per row, cells
// separated by tabs, full values on one line each, no header.
func (l *listing) writeTSV(o *output) error {
	for _, r := range l.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = strings.ReplaceAll(oneLine(c), "\t", " ")
			if i < len(l.header) {
				cells[i] = o.cell(l.header[i], cells[i])
			}
		}
		if _, err := fmt.Fprintln(o, strings.Join(cells, "\t")); err != nil {
			return err
		}
	}
	return nil
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cut shortens s to at most n columns of display width (see textWidth),
// ending it with an ellipsis. It never splits a rune, nor separates a
// rune from the combining marks after it.
func cut(s string, n int) string {
	if textWidth(s) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	w := 0
	for i, r := range s {
		rw := runeWidth(r)
		if w+rw > n-1 {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		w += rw
	}
	return s
}

// textWidth is how many terminal columns s takes: two for each wide or
// fullwidth East Asian character, none for control characters,
// combining marks and format characters, one for the rest.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// runeWidth is how many terminal columns r takes.
func runeWidth(r rune) int {
	switch {
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return 0
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

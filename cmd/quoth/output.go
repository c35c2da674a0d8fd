package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"golang.org/x/term"
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

// maxCell is how many characters a table cell shows on a terminal.
const maxCell = 72

// write prints the listing to w in format. A table on a terminal is
// aligned under a header with long cells cut; piped, it is plain
// tab-separated rows with full values and no header.
func (l *listing) write(w io.Writer, format string) error {
	switch format {
	case "json":
		return writeJSONLines(w, l.values)
	case "csv":
		return l.writeCSV(w)
	case "markdown":
		return l.writeMarkdown(w)
	}
	if isTerminal(w) {
		return l.writeAligned(w)
	}
	return l.writeTSV(w)
}

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

func (l *listing) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(l.header)
	cw.WriteAll(l.rows)
	return cw.Error()
}

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

func (l *listing) writeAligned(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(l.header, "\t")))
	for _, r := range l.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = cut(oneLine(c), maxCell)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func (l *listing) writeTSV(w io.Writer) error {
	for _, r := range l.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = strings.ReplaceAll(oneLine(c), "\t", " ")
		}
		if _, err := fmt.Fprintln(w, strings.Join(cells, "\t")); err != nil {
			return err
		}
	}
	return nil
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cut shortens s to at most n runes, ending it with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

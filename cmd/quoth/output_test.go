package main

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextWidth(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want int
	}{
		{"ascii", "grave threat", 12},
		{"curly_quotes_and_dash", "“hard” — ‘yes’", 14},
		{"accented_precomposed", "Léa Müller", 10},
		{"combining_accent_takes_no_column", "Le\u0301a", 3},
		{"chinese_is_two_columns_a_character", "习近平说", 8},
		{"japanese_kana", "こんにちは", 10},
		{"korean", "대통령", 6},
		{"fullwidth_latin", "ＡＢＣ", 6},
		{"halfwidth_katakana", "ｶﾀｶﾅ", 4},
		{"emoji", "👍", 2},
		{"zero_width_joiner", "a\u200db", 2},
		{"rtl_arabic", "مرحبا", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textWidth(tt.s); got != tt.want {
				t.Errorf("textWidth(%q) = %d, want %d", tt.s, got, tt.want)
			}
		})
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		name string
		s    string
		n    int
		want string
	}{
		{"short_stays", "grave threat", 20, "grave threat"},
		{"exact_fit_stays", "grave threat", 12, "grave threat"},
		{"ascii_cut_with_ellipsis", "grave security challenges", 10, "grave sec…"},
		{"space_before_ellipsis_dropped", "grave security challenges", 7, "grave…"},
		{"curly_quotes_not_split", "“We will”", 4, "“We…"},
		{"wide_rune_not_split", "习近平说了话", 6, "习近…"},
		{"wide_rune_that_does_not_fit_is_left_out", "习近平说了话", 5, "习近…"},
		{"combining_mark_stays_with_its_letter", "Le\u0301a Mu\u0308ller", 4, "Le\u0301a…"},
		{"one_column_is_an_ellipsis", "grave", 1, "…"},
		{"no_room", "grave", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cut(tt.s, tt.n)
			if got != tt.want {
				t.Errorf("cut(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("cut(%q, %d) = %q: not valid UTF-8", tt.s, tt.n, got)
			}
			if w := textWidth(got); w > max(tt.n, 0) {
				t.Errorf("cut(%q, %d) is %d columns wide", tt.s, tt.n, w)
			}
		})
	}
}

// auditListing is a listing like "quoth audit" prints.
func auditListing() *listing {
	l := &listing{header: []string{"para", "speaker", "verdict", "quote", "closest", "diff"}}
	l.add(nil, "6", "Tom West", "altered (finding)", "grave threat", "grave security challenges posed by TTP",
		"grave [-security challenges-] {+threat+} posed by {+the+} TTP")
	l.add(nil, "7", "Tom West", "unchecked",
		"Departing Islamabad after productive two-day visit. Important conversations with [Caretaker Foreign Minister] Jalil Jilani", "", "")
	l.add(nil, "9", "习近平", "excerpt (ok)", "我们将继续推进改革开放，坚定不移地走和平发展道路", "我们将继续推进改革开放", "")
	return l
}

func TestFitColumns(t *testing.T) {
	l := auditListing()
	table := [][]string{l.header}
	table = append(table, l.rows...)
	tests := []struct {
		name  string
		width int
		want  []int
	}{
		{"wide_terminal_keeps_every_value", 300, []int{4, 8, 17, 122, 38, 61}},
		{"the_widest_text_column_shrinks_first", 200, []int{4, 8, 17, 62, 38, 61}},
		{"then_the_widest_two_together", 160, []int{4, 8, 17, 41, 38, 42}},
		{"standard_terminal", 100, []int{4, 8, 17, 20, 20, 21}},
		{"narrow_terminal_stops_at_floors", 60, []int{4, 7, 17, 10, 10, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitColumns(l.header, table, tt.width)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("fitColumns(width %d) = %v, want %v", tt.width, got, tt.want)
			}
		})
	}
}

func TestWriteAligned(t *testing.T) {
	for _, width := range []int{60, 80, 100, 132, 200} {
		fits := width >= 80 // at 60 the verdicts, kept whole, and the floors take 68
		var buf bytes.Buffer
		o := &output{Writer: &buf, terminal: true, width: width}
		if err := auditListing().write(o, "table"); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != 4 {
			t.Fatalf("width %d: %d lines, want a header and 3 rows:\n%s", width, len(lines), buf.String())
		}
		if got := strings.Fields(lines[0]); !reflect.DeepEqual(got, []string{"PARA", "SPEAKER", "VERDICT", "QUOTE", "CLOSEST", "DIFF"}) {
			t.Errorf("width %d: header %q", width, lines[0])
		}
		// The quote column starts at the same display column on every line.
		quoteCol := textWidth(lines[0][:strings.Index(lines[0], "QUOTE")])
		for i, line := range lines {
			if w := textWidth(line); fits && w > width {
				t.Errorf("width %d: line %d is %d columns: %q", width, i, w, line)
			}
			if strings.HasSuffix(line, " ") {
				t.Errorf("width %d: line %d ends in a space: %q", width, i, line)
			}
			if !utf8.ValidString(line) {
				t.Errorf("width %d: line %d is not valid UTF-8", width, i)
			}
			if i == 0 {
				continue
			}
			prefix := []rune(line)
			n, at := 0, 0
			for at < len(prefix) && n < quoteCol {
				n += runeWidth(prefix[at])
				at++
			}
			if n != quoteCol {
				t.Errorf("width %d: line %d: the quote column does not start at column %d: %q", width, i, quoteCol, line)
			}
		}
		if width <= 100 && !strings.Contains(buf.String(), "…") {
			t.Errorf("width %d: nothing was cut:\n%s", width, buf.String())
		}
		if strings.Contains(buf.String(), "\x1b") {
			t.Errorf("width %d: colour without colour on:\n%q", width, buf.String())
		}
	}
}

func TestWriteTSVIsUnchanged(t *testing.T) {
	var buf bytes.Buffer
	l := &listing{header: []string{"key", "speaker", "quote"}}
	l.add(nil, "18", "Ana Ruiz", "It is a “hard” year,\nand we\tknow it,")
	l.add(nil, "19", "习近平", "我们将继续推进改革开放，坚定不移地走和平发展道路，这是一个很长的句子，不会在管道中被截断。")
	if err := l.write(&output{Writer: &buf, width: 20}, "table"); err != nil {
		t.Fatal(err)
	}
	want := "18\tAna Ruiz\tIt is a “hard” year, and we know it,\n" +
		"19\t习近平\t我们将继续推进改革开放，坚定不移地走和平发展道路，这是一个很长的句子，不会在管道中被截断。\n"
	if buf.String() != want {
		t.Errorf("piped table:\n%q\nwant\n%q", buf.String(), want)
	}
}

// TestCSVRoundTrip writes cells full of what CSV must quote and reads
// them back with encoding/csv.
func TestCSVRoundTrip(t *testing.T) {
	header := []string{"key", "speaker", "quote", "outlet"}
	rows := [][]string{
		{"1", "Ana Ruiz", `We will cut, trim, and shave the budget, "line by line", as ‘promised’ — no more, no less,`, "The Gazette, Evening"},
		{"2", "Ruiz, Ana", "It is a “hard” year,\nand we know it,", `"Daily" Klaxon`},
		{"3", "", `""`, ""},
		{"4", " leading space", "line one\n\nline three\n", "trailing, comma,"},
		{"5", "=SUM(A1)", `a "quote" inside "quotes", and a lone " too`, "#"},
		{"6", "习近平", "“我们将继续推进改革开放，坚定不移”", "新华社, 北京"},
	}
	l := &listing{header: header}
	for _, r := range rows {
		l.add(nil, r...)
	}
	for _, terminal := range []bool{false, true} {
		var buf bytes.Buffer
		if err := l.write(&output{Writer: &buf, terminal: terminal, color: true, width: 40}, "csv"); err != nil {
			t.Fatal(err)
		}
		got, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("reading the CSV back: %v", err)
		}
		if want := append([][]string{header}, rows...); !reflect.DeepEqual(got, want) {
			t.Errorf("terminal %v: read back\n%q\nwant\n%q", terminal, got, want)
		}
	}
}

package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/quoth-dev/quoth/diffing"
	"github.com/quoth-dev/quoth/store"
)

func TestUseColor(t *testing.T) {
	tests := []struct {
		mode     string
		terminal bool
		noColor  string
		want     bool
	}{
		{"auto", true, "", true},
		{"auto", true, "1", false},
		{"auto", false, "", false},
		{"auto", false, "1", false},
		{"always", false, "", true},
		{"always", false, "1", true}, // the flag overrides NO_COLOR
		{"always", true, "1", true},
		{"never", true, "", false},
		{"never", false, "", false},
	}
	for _, tt := range tests {
		if got := useColor(tt.mode, tt.terminal, tt.noColor); got != tt.want {
			t.Errorf("useColor(%q, terminal %v, NO_COLOR=%q) = %v, want %v", tt.mode, tt.terminal, tt.noColor, got, tt.want)
		}
	}
	for _, bad := range []string{"", "yes", "ALWAYS", "true"} {
		if err := checkColor(bad); err == nil {
			t.Errorf("checkColor(%q) accepted it", bad)
		}
	}
}

func TestVerdictCell(t *testing.T) {
	on, off := &output{color: true}, &output{}
	tests := []struct {
		cell, want string
	}{
		{"altered (finding)", "\x1b[31maltered (finding)\x1b[0m"},
		{"misattributed (finding)", "\x1b[31mmisattributed (finding)\x1b[0m"},
		{"elided (shown)", "\x1b[33melided (shown)\x1b[0m"},
		{"excerpt (ok)", "\x1b[32mexcerpt (ok)\x1b[0m"},
		{"altered (fi…", "\x1b[31maltered (fi…\x1b[0m"},
		{"spliced", "\x1b[31mspliced\x1b[0m"},
		{"bracketed", "\x1b[33mbracketed\x1b[0m"},
		{"verbatim", "\x1b[32mverbatim\x1b[0m"},
		{"finding", "\x1b[31mfinding\x1b[0m"},
		{"unchecked", "unchecked"},
		{"unrelated", "unrelated"},
		{"reference", "reference"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := on.verdictCell(tt.cell); got != tt.want {
			t.Errorf("verdictCell(%q) = %q, want %q", tt.cell, got, tt.want)
		}
		if got := off.verdictCell(tt.cell); got != tt.cell {
			t.Errorf("without colour, verdictCell(%q) = %q", tt.cell, got)
		}
	}
}

func TestMarkersCell(t *testing.T) {
	on := &output{color: true}
	tests := []struct {
		name, cell, want string
	}{
		{"both", "grave [-security challenges-] {+threat+} posed by", "grave \x1b[31;9m[-security challenges-]\x1b[0m \x1b[32m{+threat+}\x1b[0m posed by"},
		{"cut_inside_a_marker_is_closed", "grave [-security cha…", "grave \x1b[31;9m[-security cha…\x1b[0m"},
		{"no_markers", "grave threat", "grave threat"},
		{"brackets_that_are_no_markers", "[Caretaker] {minister}", "[Caretaker] {minister}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := on.markersCell(tt.cell); got != tt.want {
				t.Errorf("markersCell(%q) = %q, want %q", tt.cell, got, tt.want)
			}
			if got := (&output{}).markersCell(tt.cell); got != tt.cell {
				t.Errorf("without colour, markersCell(%q) = %q", tt.cell, got)
			}
		})
	}
}

func TestDiffAndRelationText(t *testing.T) {
	edits := []diffing.Edit{{Op: diffing.Keep, Text: "grave"}, {Op: diffing.Delete, Text: "security challenges"}, {Op: diffing.Insert, Text: "threat"}}
	on, off := &output{color: true}, &output{terminal: true}
	if got, want := diffText(off, edits), "grave [-security challenges-] {+threat+}"; got != want {
		t.Errorf("diffText without colour = %q, want %q", got, want)
	}
	if got, want := diffText(on, edits), "grave \x1b[31;9msecurity challenges\x1b[0m \x1b[32mthreat\x1b[0m"; got != want {
		t.Errorf("diffText with colour = %q, want %q", got, want)
	}
	if got, want := relationText(off, diffing.Spliced), "spliced (finding)"; got != want {
		t.Errorf("relationText without colour = %q, want %q", got, want)
	}
	if got, want := relationText(on, diffing.Elided), "\x1b[33melided (shown)\x1b[0m"; got != want {
		t.Errorf("relationText with colour = %q, want %q", got, want)
	}
	if got, want := on.relationWord("altered", 13), "\x1b[31maltered\x1b[0m      "; got != want {
		t.Errorf("relationWord = %q, want %q", got, want)
	}
	if got, want := on.relationWord("reference", 13), "reference    "; got != want {
		t.Errorf("relationWord = %q, want %q", got, want)
	}
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestVariantsOnAColourTerminal prints the families of the seeds as on
// a terminal, with and without colour: the coloured view paints the
// relations and diffs and is otherwise the same, column for column.
func TestVariantsOnAColourTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "quoth.db")
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"quoth", "--db", db, "-q", "ingest", filepath.Join("..", "..", "testdata", "articles")}, nil, &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr.String())
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vs, err := loadVariants(context.Background(), s, &stderr, true)
	if err != nil {
		t.Fatal(err)
	}
	var fams []family
	for i, f := range vs.families {
		fams = append(fams, family{i + 1, f})
	}
	vs.explain(fams)
	var plain, coloured bytes.Buffer
	if err := vs.writeText(&output{Writer: &plain, terminal: true, width: 100}, fams); err != nil {
		t.Fatal(err)
	}
	if err := vs.writeText(&output{Writer: &coloured, terminal: true, color: true, width: 100}, fams); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b") {
		t.Errorf("colour without colour on:\n%s", plain.String())
	}
	if !strings.Contains(coloured.String(), "  \x1b[31maltered\x1b[0m       #") {
		t.Errorf("no red, aligned altered relation in:\n%s", coloured.String())
	}
	if !strings.Contains(coloured.String(), "\x1b[31;9m") {
		t.Errorf("no struck-through deletion in:\n%s", coloured.String())
	}
	pl, cl := strings.Split(plain.String(), "\n"), strings.Split(coloured.String(), "\n")
	if len(pl) != len(cl) {
		t.Fatalf("%d lines plain, %d coloured", len(pl), len(cl))
	}
	for i := range pl {
		if strings.HasPrefix(pl[i], "      ") {
			continue // a rendering's text: markers plain, colours on a terminal
		}
		if got := ansi.ReplaceAllString(cl[i], ""); got != pl[i] {
			t.Errorf("line %d coloured, less its colours:\n%q\nwant\n%q", i, got, pl[i])
		}
	}
}

package diffing

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }

// groupEntries is a small news cycle: one minister's statement as three
// outlets printed it, a rival's line sharing a phrase with it, and
// fragments.
var groupEntries = []Entry{
	0: {Text: "The people of this country deserve better than a health service that makes them wait a year for a hip operation.", Speaker: "Ilse Varga", Article: "wire", Published: day(4)},
	1: {Text: "The people of this country deserve better than a health service that makes them wait a year for a hip operation,", Speaker: "Varga", Article: "ledger", Published: day(5)},
	2: {Text: "The people of this country deserve better than a health service that makes them wait two years for a hip operation.", Speaker: "Ilse Varga", Article: "tabloid", Published: day(5)},
	3: {Text: "The people of this country deserve better than a minister who hides from questions.", Speaker: "Paolo Brandt", Article: "ledger", Published: day(6)},
	4: {Text: "hip operation", Speaker: "Ilse Varga", Article: "tabloid", Published: day(5)},
	5: {Text: "deserve better", Speaker: "Paolo Brandt", Article: "ledger", Published: day(6)},
	6: {Text: "The people of this country deserve better than a minister who hides from questions,", Speaker: "Ilse Varga", Article: "blog", Published: day(7)},
	7: {Text: "Rail fares will be frozen until the end of the decade.", Speaker: "Omar Kassim", Article: "wire", Published: day(4)},
}

func TestGroup(t *testing.T) {
	var g Grouper
	g.Edits = true
	fams := g.Group(groupEntries)
	got := describe(fams)
	want := []string{
		"ref 0: 0 verbatim, 1 punctuation, 2 altered, 4 excerpt",
		"ref 3: 3 verbatim, 5 excerpt, 6 misattributed",
	}
	if !slices.Equal(got, want) {
		t.Errorf("families:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range fams {
		for _, m := range f.Members {
			if m.Entry != f.Reference && len(m.Edits) == 0 {
				t.Errorf("member %d has no diff", m.Entry)
			}
		}
	}
}

// describe prints families as "ref R: member relation, ...", members
// by entry number.
func describe(fams []Family) []string {
	var out []string
	for _, f := range fams {
		ms := slices.Clone(f.Members)
		slices.SortFunc(ms, func(a, b Member) int { return a.Entry - b.Entry })
		var parts []string
		for _, m := range ms {
			parts = append(parts, fmt.Sprintf("%d %s", m.Entry, m.Relation))
		}
		out = append(out, fmt.Sprintf("ref %d: %s", f.Reference, strings.Join(parts, ", ")))
	}
	slices.Sort(out)
	return out
}

func TestGroupFragmentWithoutSource(t *testing.T) {
	entries := []Entry{
		{Text: "Important conversations with MOI Secretary Durrani about grave security challenges posed by TTP as well as imperative to protect Afghan refugees,", Speaker: "Tom West", Article: "tribune"},
		{Text: "grave threat", Before: "in a statement acknowledged the", After: "posed by the TTP to Pakistan.", Speaker: "Tom West", Article: "tribune"},
		{Text: "valuable time", Before: "West said he had spent", After: "with Pakistani officials.", Speaker: "Tom West", Article: "tribune"},
	}
	var g Grouper
	fams := g.Group(entries)
	if got := describe(fams); !slices.Equal(got, []string{"ref 0: 0 verbatim, 1 altered"}) {
		t.Errorf("got %q", got)
	}
}

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Tom West", "West", true},
		{"Tom West", "tom  west", true},
		{"Tom West", "Kanye Westfield", false},
		{"State Department", "State Department spokesperson", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := SameSpeaker(tt.a, tt.b); got != tt.want {
			t.Errorf("SameSpeaker(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestExplainGivesTheDiffsGroupWould(t *testing.T) {
	withEdits := (&Grouper{Edits: true}).Group(groupEntries)
	plain := (&Grouper{}).Group(groupEntries)
	if len(plain) != len(withEdits) {
		t.Fatalf("%d families without diffs, %d with", len(plain), len(withEdits))
	}
	for k, f := range plain {
		for _, m := range f.Members {
			if len(m.Edits) != 0 {
				t.Errorf("family %d member %d has a diff without Edits", k, m.Entry)
			}
		}
		got, want := Explain(groupEntries, f), withEdits[k]
		for i := range want.Members {
			g, w := got.Members[i], want.Members[i]
			if g.Entry != w.Entry || g.Relation != w.Relation || Markers(g.Edits) != Markers(w.Edits) {
				t.Errorf("family %d: Explain gave %d %s %q, Group %d %s %q", k, g.Entry, g.Relation, Markers(g.Edits), w.Entry, w.Relation, Markers(w.Edits))
			}
		}
	}
}

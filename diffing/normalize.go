// Package diffing compares renderings of quotations: it normalises text,
// finds candidate pairs, aligns them word by word and classifies how one
// differs from the other.
package diffing

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold maps typographic variants of quote marks, apostrophes and dashes to
// their plain ASCII forms.
var fold = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`, "「", `"`, "」", `"`,
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "‹", "'", "›", "'", "′", "'",
	"–", "-", "—", "-", "‒", "-", "―", "-", "−", "-",
	"…", "...",
)

// Normalize returns s in the form used for matching: Unicode NFKC, quote
// marks, apostrophes and dashes folded to ASCII, runs of space collapsed to
// one, leading and trailing space dropped, and case folded. It is for
// comparison only, never for display.
func Normalize(s string) string {
	return normalize(s, true)
}

// normalize folds typography and spaces in s, and case when lower is set.
func normalize(s string, lower bool) string {
	s = fold.Replace(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if lower {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

package main

import (
	"math"

	"github.com/quoth-dev/quoth/diffing"
)

// comparisonJSON is the stable JSON form of one comparison, shared by
// diff, verify and audit: the relation of a rendering to its closest
// source words, the copy-desk verdict, the similarity (0 to 1), the
// source words and their byte span in the source text, and the word
// edits that turn the source words into the rendering.
type comparisonJSON struct {
	Relation   string         `json:"relation"`
	Verdict    string         `json:"verdict"`
	Similarity float64        `json:"similarity"`
	Closest    string         `json:"closest,omitempty"`
	Span       *spanJSON      `json:"span,omitempty"`
	Edits      []diffing.Edit `json:"edits"`
}

// spanJSON is a byte span, end exclusive.
type spanJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// comparison returns the JSON form of r.
func comparison(r diffing.Result) comparisonJSON {
	j := comparisonJSON{
		Relation:   string(r.Relation),
		Verdict:    r.Relation.Verdict(),
		Similarity: math.Round(r.Similarity*1000) / 1000,
		Closest:    r.Closest,
		Edits:      r.Edits,
	}
	if j.Edits == nil {
		j.Edits = []diffing.Edit{}
	}
	if r.Closest != "" {
		j.Span = &spanJSON{r.Start, r.End}
	}
	return j
}

// diffText renders edits for o: coloured when o is (see useColor),
// plain [-deleted-]{+inserted+} markers otherwise.
func diffText(o *output, edits []diffing.Edit) string {
	if o.color {
		return diffing.ANSI(edits)
	}
	return diffing.Markers(edits)
}

// relationText is the relation with its verdict, "altered (finding)",
// in the verdict's colour when o is coloured.
func relationText(o *output, r diffing.Relation) string {
	return o.verdictText(r.Verdict(), string(r)+" ("+r.Verdict()+")")
}

// changed reports whether edits delete or insert anything.
func changed(edits []diffing.Edit) bool {
	for _, e := range edits {
		if e.Op != diffing.Keep {
			return true
		}
	}
	return false
}

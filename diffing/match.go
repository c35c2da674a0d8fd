package diffing

import (
	"cmp"
	"slices"
)

// A Source is a text a rendering may come from: another quote, a
// transcript, a press release. Speaker is who said it, "" when unknown
// (a transcript with several voices).
type Source struct {
	Text    Text
	Speaker string
}

// A Match is how a rendering stands to one source.
type Match struct {
	// Source is the index of the source in the slice given to Match.
	Source int
	Result
}

// tier orders matches for a rendering given to speaker: the speaker's
// faithful words first, then the speaker's words altered, then the same
// words from someone else (misattributed), then the rest.
func tier(m Match, sameSpeaker bool) int {
	switch {
	case m.Relation.Faithful():
		return 0
	case sameSpeaker:
		return 1
	case m.Relation == Misattributed:
		return 2
	}
	return 3
}

// Match compares the rendering r, given to speaker ("" if unknown), with
// every source and returns the related matches, best first: faithful
// before altered, the speaker's own words before another's, then by
// similarity, then in source order. A faithful match with a source of
// another named speaker is Misattributed. A fragment of one to three
// words is taken for an altered rendering only where it and the words
// around it share three words with the source.
func (c *Comparer) Match(sources []Source, r Rendering, speaker string) []Match {
	var ms []Match
	same := make(map[int]bool)
	fragment := len(r.view().Words()) <= gramSize
	who := Normalize(speaker)
	for i, s := range sources {
		res := c.Compare(s.Text, r)
		if !res.Relation.Related() || (fragment && !res.Relation.Faithful() && res.Anchors < minAnchors) {
			continue
		}
		said := Normalize(s.Speaker)
		res.Relation = attribute(res.Relation, said, who)
		same[i] = who == "" || said == "" || sameSpeakerNorm(said, who)
		ms = append(ms, Match{Source: i, Result: res})
	}
	slices.SortStableFunc(ms, func(a, b Match) int {
		return cmp.Or(
			cmp.Compare(tier(a, same[a.Source]), tier(b, same[b.Source])),
			cmp.Compare(b.Similarity, a.Similarity),
			a.Source-b.Source)
	})
	return ms
}

// SameWords reports whether a and b have the same words, punctuation,
// case and marks aside.
func SameWords(a, b string) bool {
	return slices.Equal(NewText(a).Words(), NewText(b).Words())
}

// Keywords returns the words of s worth searching for: its words
// without the common ones, or all its words if all are common.
func Keywords(s string) []string {
	words := NewText(s).Words()
	var out []string
	for _, w := range words {
		if !stopwords[w] && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return words
	}
	return out
}

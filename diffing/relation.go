package diffing

import "strings"

// Relation is how a rendering of a quote stands to its source.
type Relation string

// The relations, from DESIGN.md.
const (
	Verbatim      Relation = "verbatim"
	Punctuation   Relation = "punctuation"
	Excerpt       Relation = "excerpt"
	Elided        Relation = "elided"
	Bracketed     Relation = "bracketed"
	Altered       Relation = "altered"
	Spliced       Relation = "spliced"
	Misattributed Relation = "misattributed"
	Unsourced     Relation = "unsourced"
	Unrelated     Relation = "unrelated"
)

// Relations lists every relation in a fixed order, for tables.
var Relations = []Relation{Verbatim, Punctuation, Excerpt, Elided, Bracketed, Altered, Spliced, Misattributed, Unsourced, Unrelated}

// Finding reports whether a copy desk must act on the relation.
func (r Relation) Finding() bool {
	switch r {
	case Altered, Spliced, Misattributed, Unsourced:
		return true
	}
	return false
}

// Faithful reports whether the relation keeps the source's words: the
// rendering is the source, or a marked or contiguous part of it.
func (r Relation) Faithful() bool {
	switch r {
	case Verbatim, Punctuation, Excerpt, Elided, Bracketed:
		return true
	}
	return false
}

// Related reports whether the two texts are renderings of one utterance.
func (r Relation) Related() bool {
	return r != Unsourced && r != Unrelated && r != ""
}

// Verdict is the copy desk's word for the relation: "ok", "shown" for
// marked changes a reader should see, or "finding".
func (r Relation) Verdict() string {
	switch {
	case r.Finding():
		return "finding"
	case r == Elided || r == Bracketed:
		return "shown"
	case r == Unrelated:
		return "not a pair"
	}
	return "ok"
}

// negations are words whose loss or gain turns a statement around.
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "nothing": true, "neither": true,
	"nor": true, "without": true, "cannot": true, "none": true, "nobody": true,
}

// isNegation reports whether the word w negates: "not", "never",
// "don't".
func isNegation(w string) bool {
	return negations[w] || strings.HasSuffix(w, "n't")
}

// replaceable words may stand in a source where the rendering puts a
// bracketed name or noun: pronouns, determiners, pointers and the verbs
// that must agree with a new subject.
var replaceable = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "them": true, "him": true,
	"her": true, "his": true, "its": true, "their": true, "we": true, "us": true,
	"our": true, "i": true, "me": true, "my": true, "you": true, "your": true,
	"this": true, "that": true, "these": true, "those": true, "here": true,
	"there": true, "the": true, "a": true, "an": true, "which": true, "who": true,
	"then": true, "now": true, "today": true, "yesterday": true, "tomorrow": true,
	// verbs that agree with a bracketed subject: "We are" made "[The
	// company is]"
	"am": true, "is": true, "are": true, "was": true, "were": true,
	"has": true, "have": true, "had": true,
}

// vague nouns stand for something the context makes clear; a bracket
// may name it.
var vague = map[string]bool{
	"day": true, "days": true, "year": true, "week": true, "time": true,
	"place": true, "thing": true, "things": true, "one": true, "man": true,
	"woman": true, "person": true, "people": true, "group": true, "side": true,
	"decision": true, "move": true, "deal": true, "plan": true, "issue": true,
}

// stopwords carry no content of their own; a fragment must share more
// than these with a source to be a rendering of it.
var stopwords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true,
	"on": true, "and": true, "or": true, "is": true, "are": true, "was": true,
	"be": true, "for": true, "with": true, "that": true, "this": true, "it": true,
	"we": true, "i": true, "you": true, "they": true, "he": true, "she": true,
	"at": true, "by": true, "as": true, "from": true, "our": true, "will": true,
	"have": true, "has": true, "not": true, "but": true, "all": true,
}

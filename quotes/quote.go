// Package quotes finds direct quotations in article text and attributes
// each one to its speaker and channel. It is pure computation over strings:
// no I/O, no knowledge of where the text came from.
//
// A typical use:
//
//	doc := quotes.Document{Text: text, Blocks: []quotes.Block{{Start: 0, End: len(text)}}}
//	for _, q := range quotes.Extract(doc) {
//		fmt.Printf("%q said %q\n", q.Speaker.Name, q.Text)
//	}
package quotes

// Document is the text Extract reads: the whole text and the blocks
// (paragraphs) in it that belong to the story. Text outside every block is
// never searched.
type Document struct {
	Text   string
	Blocks []Block
}

// Block is one paragraph of a Document, as a byte span into its Text.
type Block struct {
	Start, End int
	// Headline marks the article's headline.
	Headline bool
	// Quoted marks a paragraph the source itself presents as quoted
	// (a Markdown or HTML block quote) even without quotation marks.
	Quoted bool
}

// Kind tells a whole quoted sentence from a fragment.
type Kind string

// The kinds of quote.
const (
	Direct  Kind = "direct"  // a full sentence or more
	Partial Kind = "partial" // a fragment inside the reporter's sentence
)

// Method tells how a quote's speaker was found.
type Method string

// The attribution methods.
const (
	Unattributed Method = ""             // no speaker found
	Explicit     Method = "explicit"     // a name or body next to a cue verb
	Pronoun      Method = "pronoun"      // "he said", resolved to an earlier speaker
	Role         Method = "role"         // "the spokesperson added", resolved by role
	CarriedOver  Method = "carried-over" // the speaker of the previous quote or sentence
	HeadlineCue  Method = "headline"     // a headline's subject ("US says ...")
)

// Quote is one quotation found in a Document.
type Quote struct {
	// Text is what stands between the quotation marks, marks excluded.
	// For a quote that runs over several paragraphs the paragraphs are
	// joined by a blank line and the reopening marks are left out.
	Text string
	// Start and End are the byte span in Document.Text from the first
	// quoted character to the last, marks excluded.
	Start, End int
	// Block is the index of the block the quote starts in.
	Block int
	// Kind is Direct or Partial.
	Kind Kind
	// Unclosed reports a quote whose closing mark was missing; it was
	// ended at the end of its paragraph.
	Unclosed bool
	// Title reports text that looks like a title, a nickname or scare
	// quotes rather than speech.
	Title bool
	// Before and After are the reporter's words around the quote in its
	// paragraph, up to about 80 bytes each: what a fragment was set in.
	Before, After string
	// Speaker is who said it, as far as can be told.
	Speaker Attribution
}

// Attribution links a quote to its speaker and the channel it came through.
type Attribution struct {
	// Name is the canonical speaker ("Tom West", "State Department"), or ""
	// when the speaker cannot be known.
	Name string
	// Role is the speaker's title or description, if given
	// ("US special Representative for Afghanistan").
	Role string
	// Mention is the speaker as written next to the quote ("he", "West").
	Mention string
	// Cue is the verb or phrase that introduced the quote ("said",
	// "according to").
	Cue string
	// Channel is the medium ("statement", "X", "email to Geo TV").
	Channel string
	// Method tells how the speaker was found.
	Method Method
	// Confidence is between 0 and 1.
	Confidence float64
}

package diffing

// contextWords is how many of the reporter's words on each side of a
// quote help place it in the source.
const contextWords = 6

// A Rendering is a quote as one outlet printed it, with the reporter's
// words around it when it is a fragment of a sentence.
type Rendering struct {
	text       Text
	start, end int // the quote's tokens in text.Tokens
}

// NewRendering returns the rendering quote, with up to six words of the
// reporter's sentence before and after it (either may be empty). The
// context helps find where a fragment came from: in `the "grave threat"
// posed by the TTP` the words "posed by the TTP" point at the source's
// "grave security challenges posed by TTP".
func NewRendering(before, quote, after string) Rendering {
	before, after = lastWords(before, contextWords), firstWords(after, contextWords)
	s := before + " " + quote + " " + after
	t := NewText(s)
	lo, hi := len(before)+1, len(before)+1+len(quote)
	r := Rendering{text: t, start: len(t.Tokens), end: len(t.Tokens)}
	for i, tok := range t.Tokens {
		if tok.Start >= lo && r.start == len(t.Tokens) {
			r.start = i
		}
		if tok.Start < hi {
			r.end = i + 1
		}
	}
	if r.end < r.start {
		r.end = r.start
	}
	return r
}

// wholeText returns a rendering of all of t, without context, sparing
// a second tokenization.
func wholeText(t Text) Rendering {
	return Rendering{text: t, start: 0, end: len(t.Tokens)}
}

// view is the quote's tokens with the rendering's text: token offsets
// stay those of the whole rendering. It copies nothing.
func (r Rendering) view() Text {
	return Text{Orig: r.text.Orig, Tokens: r.text.Tokens[r.start:r.end]}
}

// lastWords returns the end of s from its n-th last word on.
func lastWords(s string, n int) string {
	t := NewText(s)
	if len(t.Tokens) <= n {
		return s
	}
	return s[t.Tokens[len(t.Tokens)-n].Start:]
}

// firstWords returns s up to the end of its n-th word.
func firstWords(s string, n int) string {
	t := NewText(s)
	if len(t.Tokens) <= n {
		return s
	}
	return s[:t.Tokens[n-1].End]
}

// A Result says how a rendering stands to a source text.
type Result struct {
	// Relation is the class of the pair; Similarity is the share of the
	// quote's words found in order in the source span, from 0 to 1.
	Relation   Relation
	Similarity float64
	// Start and End are the byte span in the source of the closest
	// words, and Closest is that text: the words the quote was placed
	// on, and for a rendering that changed words, the words its context
	// was placed on too.
	Start, End int
	Closest    string
	// Edits is the word diff from the closest words to the rendering
	// (with its placed context, where Closest has it).
	Edits []Edit
	// Anchors counts the words, the quote's and its context's, found in
	// order in the source: how firmly the rendering is placed there. A
	// fragment that shares one word with a source has one anchor; "grave
	// threat" posed by the TTP has four in the envoy's post.
	Anchors int
}

// Changed returns the words the rendering deleted and inserted.
func (r Result) Changed() (deleted, inserted []string) {
	for _, e := range r.Edits {
		switch e.Op {
		case Delete:
			deleted = append(deleted, e.Text)
		case Insert:
			inserted = append(inserted, e.Text)
		}
	}
	return deleted, inserted
}

// A Comparer compares renderings with sources. Its zero value is ready;
// it reuses scratch memory, so one Comparer must not be shared between
// goroutines.
type Comparer struct {
	al        aligner
	skipEdits bool // leave Result.Edits empty
	anyMiss   bool // call every miss Unsourced, not telling Unrelated apart
	// scratch space, reused from one comparison to the next
	items      []item
	wa, wb     []string
	toks, ints []int
}

// Compare says how the rendering r stands to the source text src: the
// relation, the similarity, the closest source words and the word diff.
func (c *Comparer) Compare(src Text, r Rendering) Result {
	if res, ok := c.quick(src, r); ok {
		return res
	}
	c.items = renderItems(c.items[:0], r)
	items := c.items
	src = window(src, r, items)
	steps := c.al.align(src.Tokens, r.text.Tokens, items)
	a := analyse(src, r, items, steps)
	res := Result{Relation: Unsourced}
	if a.fragMatch == 0 {
		res.Relation = c.noMatch(src, r)
		return res
	}
	res.Similarity = a.similarity(r)
	res.Anchors = a.fragMatch + a.ctxMatch
	res.Relation = c.classify(src, r, a)
	lo, hi, rlo, rhi := a.spanFirst, a.spanLast+1, a.renFirst, a.renLast+1
	if res.Relation.Faithful() {
		lo, hi, rlo, rhi = a.fragFirst, a.fragLast+1, r.start, r.end
	}
	res.Start, res.End = src.Tokens[lo].Start, src.Tokens[hi-1].End
	res.Closest = src.Orig[res.Start:res.End]
	if !c.skipEdits {
		res.Edits = WordDiff(src.Tokens[lo:hi], r.text.Tokens[rlo:rhi], src.Orig, r.text.Orig)
	}
	return res
}

// window returns src, or for a source too long to align whole (a long
// transcript) the part of it, as long as can be aligned, that holds the
// most of the rendering's words. Token offsets still point into
// src.Orig.
func window(src Text, r Rendering, items []item) Text {
	n := len(src.Tokens)
	width := maxAlignCells/(len(items)+1) - 1
	if n <= width {
		return src
	}
	words := make(map[string]bool, len(items))
	for _, it := range items {
		words[r.text.Tokens[it.tok].Norm] = true
	}
	best, bestHits, hits := 0, -1, 0
	for i, t := range src.Tokens {
		if words[t.Norm] {
			hits++
		}
		if i >= width && words[src.Tokens[i-width].Norm] {
			hits--
		}
		if i >= width-1 && hits > bestHits {
			best, bestHits = i-width+1, hits
		}
	}
	return Text{Orig: src.Orig, Tokens: src.Tokens[best : best+width]}
}

// quick settles the commonest cases without an alignment: a plain
// rendering, without context or marks, whose words are the source's or
// stand together in it. It gives what Compare would.
func (c *Comparer) quick(src Text, r Rendering) (Result, bool) {
	if r.start != 0 || r.end != len(r.text.Tokens) || hasMark(r.text, isMark) || hasMark(src, isMark) {
		return Result{}, false
	}
	n := len(r.text.Tokens)
	at := -1
	for i := 0; i+n <= len(src.Tokens); i++ {
		if src.Tokens[i].Norm == r.text.Tokens[0].Norm && sameNorms(src.Tokens[i:i+n], r.text.Tokens) {
			at = i
			break
		}
	}
	if at < 0 || n == 0 {
		return Result{}, false
	}
	res := Result{Relation: Excerpt, Similarity: 1, Anchors: n}
	if n == len(src.Tokens) {
		res.Relation = Punctuation
		if bare(src.Orig) == bare(r.quoteText()) {
			res.Relation = Verbatim
		}
	}
	res.Start, res.End = src.Tokens[at].Start, src.Tokens[at+n-1].End
	res.Closest = src.Orig[res.Start:res.End]
	if !c.skipEdits {
		res.Edits = WordDiff(src.Tokens[at:at+n], r.text.Tokens, src.Orig, r.text.Orig)
	}
	return res, true
}

// isMark reports whether t is an ellipsis or editorial.
func isMark(t Token) bool { return t.Ellipsis || t.Editorial || t.Fixed }

// sameNorms reports whether two token runs have the same words.
func sameNorms(a, b []Token) bool {
	for i := range a {
		if a[i].Norm != b[i].Norm {
			return false
		}
	}
	return true
}

// Compare says how the rendering quote stands to source, without
// context. See Comparer.Compare.
func Compare(source, quote string) Result {
	var c Comparer
	return c.Compare(NewText(source), NewRendering("", quote, ""))
}

// renderItems appends to items the rendering's words for alignment:
// context words,
// then the quote's words, editorial words and ellipses left out but
// remembered as free gaps before the next word.
func renderItems(items []item, r Rendering) []item {
	gap := false
	for i, t := range r.text.Tokens {
		inQuote := i >= r.start && i < r.end
		if t.Ellipsis || t.Editorial {
			gap = gap || inQuote
			continue
		}
		items = append(items, item{tok: i, context: !inQuote, gapFree: gap && inQuote})
		gap = false
	}
	return items
}

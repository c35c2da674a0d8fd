package diffing

import (
	"slices"
	"strings"
	"unicode"
)

// analysis counts what an alignment did to the quote's own words.
type analysis struct {
	fragWords, fragMatch, fragSub, fragIns int
	ctxMatch                               int
	udel, mdel, bdel                       int      // deletions: unmarked, at an ellipsis, at a bracket
	negDel                                 bool     // a negation lost at an ellipsis or bracket
	replaced                               []string // source words a bracket stands for
	crossDel                               bool     // an unmarked cut of a sentence or more
	maxIns                                 int      // the longest run of inserted words
	ins, dels, delFrom                     int      // the runs of insertions and unmarked deletions under way
	fragFirst, fragLast                    int      // source tokens of the quote's first and last placed words
	spanFirst, spanLast                    int      // source tokens of the closest words, context included
	renFirst, renLast                      int      // rendering tokens shown in the diff
	content                                bool
	ctx                                    [][2]int // context words placed: source, rendering token
}

// gapKind says what stands before item i in the rendering: 'e' for an
// ellipsis, 'b' for a bracket, 0 for nothing.
func gapKind(r Rendering, items []item, i int) byte {
	if i <= 0 || i >= len(items) || !items[i].gapFree {
		return 0
	}
	for _, t := range r.text.Tokens[items[i-1].tok+1 : items[i].tok] {
		if t.Ellipsis {
			return 'e'
		}
	}
	return 'b'
}

// analyse walks the steps of an alignment.
func analyse(src Text, r Rendering, items []item, steps []step) analysis {
	a := analysis{fragFirst: -1, spanFirst: -1, renFirst: r.start, renLast: r.end - 1, delFrom: -1}
	for _, it := range items {
		if !it.context {
			a.fragWords++
		}
	}
	consumed := 0
	for _, st := range steps {
		if st.Op == opDel {
			a.del(src, r, items, consumed, st.S)
			continue
		}
		a.closeDelRun(src, st.S)
		it := items[consumed]
		consumed++
		a.place(src, it, st)
	}
	a.leadingBracket(src, r)
	a.placeContext(src)
	return a
}

// placeContext widens the closest words over the context words placed
// next to the quote's: outwards from the quote's span, each one no more
// than a word away from the last, and a common word only right next to
// it, so that "the" four words off does not stretch the span.
func (a *analysis) placeContext(src Text) {
	if a.fragFirst < 0 {
		return
	}
	lo, hi := a.fragFirst, a.fragLast
	for k := len(a.ctx) - 1; k >= 0; k-- { // before the quote, nearest first
		if s := a.ctx[k][0]; s < lo && near(src, s, lo) {
			lo = s
			a.ctxMatch++
			a.widen(s, a.ctx[k][1])
		}
	}
	for _, c := range a.ctx { // after the quote, nearest first
		if s := c[0]; s > hi && near(src, hi, s) {
			hi = s
			a.ctxMatch++
			a.widen(s, c[1])
		}
	}
}

// near reports whether source tokens i < j are close enough for a
// context word at one of them to join a span ending at the other: next
// to each other, or one word apart when the context word is not common.
func near(src Text, i, j int) bool {
	switch j - i {
	case 1:
		return true
	case 2:
		return !stopwords[src.Tokens[i].Norm] && !stopwords[src.Tokens[j].Norm]
	}
	return false
}

// leadingBracket handles a quote that opens with a bracket, "[The
// unions] agreed": the source words just before the first placed word,
// in the same sentence, are what the bracket stands for: the word, and
// the determiner before it if there is one ("That day", "The minister").
func (a *analysis) leadingBracket(src Text, r Rendering) {
	if r.start >= r.end || !r.text.Tokens[r.start].Editorial || a.fragFirst <= 0 {
		return
	}
	sentence := src.Tokens[a.fragFirst].Sentence
	for i, n := a.fragFirst-1, 0; i >= 0 && n < 2; i, n = i-1, n+1 {
		t := src.Tokens[i]
		if t.Ellipsis || t.Editorial || t.Sentence != sentence {
			return
		}
		a.bdel++
		a.negDel = a.negDel || isNegation(t.Norm)
		a.replaced = append(a.replaced, t.Norm)
		if replaceable[t.Norm] {
			return
		}
	}
}

// keepsMeaning reports whether a bracket that stands for the replaced
// words keeps their meaning: each replaced word is a pronoun or
// pointer, a vague noun ("day", "people"), or is in the bracket itself
// ("The minister" made "[The finance minister]").
func keepsMeaning(replaced []string, q Text) bool {
	var inBracket []string
	for _, t := range q.Tokens {
		if t.Editorial {
			inBracket = append(inBracket, t.Norm)
		}
	}
	for _, w := range replaced {
		if !replaceable[w] && !vague[w] && !slices.Contains(inBracket, w) {
			return false
		}
	}
	return true
}

// place records one rendering word's step.
func (a *analysis) place(src Text, it item, st step) {
	if it.context {
		if st.Op == opMatch {
			a.ctx = append(a.ctx, [2]int{st.S, st.R})
		}
		return
	}
	switch st.Op {
	case opMatch:
		a.fragMatch++
		if !stopwords[src.Tokens[st.S].Norm] {
			a.content = true
		}
	case opSub:
		a.fragSub++
	case opIns:
		a.fragIns++
		a.ins++
		a.maxIns = max(a.maxIns, a.ins)
		return
	}
	a.ins = 0
	if a.fragFirst < 0 {
		a.fragFirst = st.S
	}
	a.fragLast = st.S
	a.widen(st.S, st.R)
}

// widen extends the closest source words and the shown rendering words.
func (a *analysis) widen(s, r int) {
	if a.spanFirst < 0 || s < a.spanFirst {
		a.spanFirst = s
	}
	a.spanLast = max(a.spanLast, s)
	a.renFirst = min(a.renFirst, r)
	a.renLast = max(a.renLast, r)
}

// del records a source word left out before item i.
func (a *analysis) del(src Text, r Rendering, items []item, i, s int) {
	if i == 0 || i >= len(items) || items[i-1].context || items[i].context || src.Tokens[s].Editorial {
		return
	}
	w := src.Tokens[s].Norm
	switch gapKind(r, items, i) {
	case 'e':
		a.mdel++
		a.negDel = a.negDel || isNegation(w)
	case 'b':
		a.bdel++
		a.negDel = a.negDel || isNegation(w)
		a.replaced = append(a.replaced, w)
	default:
		a.udel++
		if a.dels == 0 {
			a.delFrom = s
		}
		a.dels++
	}
}

// closeDelRun ends a run of unmarked deletions before source token
// next and notes whether it cut across sentences.
func (a *analysis) closeDelRun(src Text, next int) {
	if a.dels >= 3 && a.delFrom > 0 && next >= 0 && next < len(src.Tokens) &&
		src.Tokens[a.delFrom-1].Sentence != src.Tokens[next].Sentence {
		a.crossDel = true
	}
	a.dels = 0
}

// similarity is the share of the quote's words found in order in the
// source, against the longer of the quote and its source span (marked
// gaps left out).
func (a analysis) similarity(r Rendering) float64 {
	span := a.fragLast - a.fragFirst + 1 - a.mdel - a.bdel
	if a.fragFirst < 0 {
		span = 0
	}
	d := max(a.fragWords, span)
	if d == 0 {
		return 0
	}
	return float64(a.fragMatch) / float64(d)
}

// classify turns an analysis into a relation.
func (c *Comparer) classify(src Text, r Rendering, a analysis) Relation {
	if a.fragSub+a.fragIns+a.udel == 0 {
		return faithful(src, r, a)
	}
	if c.spliced(src, r, a) {
		return Spliced
	}
	if a.fragWords <= 3 {
		if a.content || a.fragMatch >= 2 {
			return Altered
		}
		return c.noMatch(src, r)
	}
	sim := a.similarity(r)
	if a.maxIns >= 4 && sim < 0.8 {
		return c.noMatch(src, r)
	}
	if sim >= minAltered {
		return Altered
	}
	return c.noMatch(src, r)
}

// minAltered is the least similarity of an altered rendering of four
// words or more; below it the rendering is not close enough to be one.
const minAltered = 0.35

// faithful classifies a rendering whose every word is in the source.
func faithful(src Text, r Rendering, a analysis) Relation {
	q := r.view()
	switch {
	case a.mdel > 0 && a.negDel:
		return Altered
	case a.mdel > 0:
		return Elided
	case a.bdel > 0 && (a.negDel || !keepsMeaning(a.replaced, q)):
		return Altered
	case a.bdel > 0 || hasMark(q, func(t Token) bool { return t.Editorial || t.Fixed }):
		if hasNegation(q) {
			return Altered
		}
		return Bracketed
	}
	first, last := wordBounds(src)
	if a.fragFirst > first || a.fragLast < last {
		return Excerpt
	}
	if bare(src.Orig) == bare(r.quoteText()) {
		return Verbatim
	}
	return Punctuation
}

// bare is s with typography folded but case kept, without the
// quotation marks around it.
func bare(s string) string {
	return strings.Trim(normalize(s, false), `"' `)
}

// quoteText is the quote as written, with its own punctuation.
func (r Rendering) quoteText() string {
	if r.start >= r.end {
		return ""
	}
	lo := r.text.Tokens[r.start].Start
	hi := r.text.Tokens[r.end-1].End
	for hi < len(r.text.Orig) && !unicode.IsSpace(rune(r.text.Orig[hi])) {
		hi++
	}
	return r.text.Orig[lo:hi]
}

// hasNegation reports whether an editorial word of q negates.
func hasNegation(q Text) bool {
	return hasMark(q, func(t Token) bool { return t.Editorial && isNegation(t.Norm) })
}

// hasMark reports whether a token of q satisfies f.
func hasMark(q Text, f func(Token) bool) bool {
	for _, t := range q.Tokens {
		if f(t) {
			return true
		}
	}
	return false
}

// wordBounds returns the first and last word tokens of t.
func wordBounds(t Text) (first, last int) {
	first, last = -1, -1
	for i, tok := range t.Tokens {
		if tok.Ellipsis || tok.Editorial {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	return first, last
}

// spliced reports whether the rendering joins separate source passages
// without a mark: it is covered, but for a word or two, by runs of three
// or more words that stand in the source in other sentences or in
// another order.
func (c *Comparer) spliced(src Text, r Rendering, a analysis) bool {
	if a.crossDel && a.fragSub+a.fragIns <= 1 {
		return true
	}
	if a.fragSub+a.fragIns+a.udel < 3 {
		return false // a splice shows as three changes at least
	}
	q := r.view()
	c.wb = appendWords(c.wb[:0], q.Tokens)
	words := c.wb
	if len(words) < 6 {
		return false
	}
	runs := c.coverRuns(src, words)
	covered := 0
	for _, rn := range runs {
		covered += rn.n
	}
	if len(runs) < 2 || covered*10 < len(words)*9 {
		return false
	}
	slices.SortFunc(runs, func(x, y run) int { return x.r - y.r })
	marked := markedGaps(q)
	for k := 1; k < len(runs); k++ {
		prev, next := runs[k-1], runs[k]
		if marked[next.r] && next.r == prev.r+prev.n {
			continue
		}
		end := prev.s + prev.n
		if next.s < end || (next.s > end && src.Tokens[end-1].Sentence != src.Tokens[next.s].Sentence) {
			return true
		}
	}
	return false
}

// markedGaps reports, for each word of q (editorial words and ellipses
// left out), whether an ellipsis or bracket stands right before it.
func markedGaps(q Text) []bool {
	var marked []bool
	gap := false
	for _, t := range q.Tokens {
		if t.Ellipsis || t.Editorial {
			gap = true
			continue
		}
		marked = append(marked, gap)
		gap = false
	}
	return marked
}

// A run is n words shared by the rendering, from word r, and the source,
// from token s.
type run struct{ r, s, n int }

// coverRuns covers words with the longest runs shared with src, longest
// first, each at least three words long.
func (c *Comparer) coverRuns(src Text, words []string) []run {
	c.wa, c.toks = c.wa[:0], c.toks[:0]
	for i, t := range src.Tokens {
		if !t.Ellipsis && !t.Editorial {
			c.wa = append(c.wa, t.Norm)
			c.toks = append(c.toks, i)
		}
	}
	used := make([]bool, len(words))
	var runs []run
	for {
		best := c.longestRun(c.wa, words, used)
		if best.n < 3 {
			return runs
		}
		for k := best.r; k < best.r+best.n; k++ {
			used[k] = true
		}
		best.s = c.toks[best.s]
		runs = append(runs, best)
	}
}

// longestRun finds the longest run of words, none of them used (used
// may be nil), that also stands in src.
func (c *Comparer) longestRun(src, words []string, used []bool) run {
	var best run
	c.ints = slices.Grow(c.ints[:0], 2*len(words)+2)[:2*len(words)+2]
	clear(c.ints)
	prev, cur := c.ints[:len(words)+1], c.ints[len(words)+1:]
	for i := 1; i <= len(src); i++ {
		for j := 1; j <= len(words); j++ {
			cur[j] = 0
			if (used == nil || !used[j-1]) && src[i-1] == words[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > best.n {
					best = run{r: j - cur[j], s: i - cur[j], n: cur[j]}
				}
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// appendWords appends the words of toks to dst, marks and editorial
// words left out.
func appendWords(dst []string, toks []Token) []string {
	for _, t := range toks {
		if !t.Ellipsis && !t.Editorial {
			dst = append(dst, t.Norm)
		}
	}
	return dst
}

// noMatch is the relation of a rendering with nothing close enough in
// the source: unrelated when the two still share a phrase of three
// words or more, unsourced otherwise.
func (c *Comparer) noMatch(src Text, r Rendering) Relation {
	if c.anyMiss {
		return Unsourced
	}
	c.wa = appendWords(c.wa[:0], src.Tokens)
	c.wb = appendWords(c.wb[:0], r.view().Tokens)
	if c.longestRun(c.wa, c.wb, nil).n >= 3 {
		return Unrelated
	}
	return Unsourced
}

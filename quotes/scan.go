package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is one quotation found by the scanner, before attribution: the
// byte ranges of its parts (one per paragraph it runs over, marks
// excluded) and the position of its opening mark.
type span struct {
	parts    []part
	open     int // byte offset of the opening mark
	openLen  int // its width in bytes
	block    int // block of the first part
	unclosed bool
}

// part is the quoted text of a span within one block.
type part struct{ start, end int }

// start and end give the span's extent in the text, marks excluded.
func (s *span) start() int { return s.parts[0].start }
func (s *span) end() int   { return s.parts[len(s.parts)-1].end }

// openMark is a quotation mark waiting for its close.
type openMark struct {
	at, width int
	fam       family
	r         rune
}

// scanner finds the quotations of a Document block by block. A quote left
// open at the end of a paragraph continues into the next paragraph when
// that paragraph opens with a mark of the same family (the convention for
// multi-paragraph quotes); otherwise it ends at the paragraph's end and is
// flagged unclosed.
type scanner struct {
	doc   Document
	spans []span
	carry *span // a quote still open at the end of the previous block
	stack []openMark
	parts []part // backing store of the spans' first parts
}

// onePart returns a slice holding the one part start-end. The slices
// share an array, each with room for one part: a span that gets more
// parts copies its own.
func (sc *scanner) onePart(start, end int) []part {
	n := len(sc.parts)
	sc.parts = append(sc.parts, part{start, end})
	return sc.parts[n : n+1 : n+1]
}

// scan returns the top-level quotations of doc in text order. Quotes
// nested inside another quote are part of the outer one's text. It
// reuses the memory of the scanner's previous article.
func (sc *scanner) scan(doc Document) []span {
	*sc = scanner{doc: doc, spans: sc.spans[:0], stack: sc.stack[:0], parts: sc.parts[:0]}
	for i, b := range doc.Blocks {
		if !validBlock(doc, b) {
			continue
		}
		sc.block(i, b)
	}
	sc.endCarry()
	return sc.spans
}

// block scans one block.
func (sc *scanner) block(index int, b Block) {
	text := sc.doc.Text
	s := text[b.Start:b.End]
	sc.stack = sc.stack[:0]
	from := sc.continueCarry(s, b.Start, index)
	n := len(sc.spans)
	for i := from; i < len(s); {
		if i+8 <= len(s) && !mayHoldMark(load8(s, i)) {
			i += 8 // the common case: 8 bytes of plain ASCII text
			continue
		}
		if !isMarkStart(s[i]) {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		fam, role := classify(s, i, w, r)
		sc.mark(s, b.Start, index, openMark{at: i, width: w, fam: fam, r: r}, role)
		i += w
	}
	sc.endBlock(s, b, index)
	if b.Quoted && len(sc.spans) == n && sc.carry == nil && strings.TrimSpace(s) != "" {
		sc.wholeBlock(s, b, index)
	}
}

// continueCarry handles a quote left open by the previous block: if this
// block opens with a mark of the same family the quote goes on, else it is
// closed as unclosed. It returns where scanning of the block starts.
func (sc *scanner) continueCarry(s string, base, index int) int {
	if sc.carry == nil {
		return 0
	}
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	if lead < len(s) {
		r, w := utf8.DecodeRuneInString(s[lead:])
		fam, role := classify(s, lead, w, r)
		if fam == sc.carryFamily() && (role == opens || role == either) {
			sc.stack = append(sc.stack, openMark{at: lead, width: w, fam: fam, r: r})
			return lead + w
		}
	}
	sc.endCarry()
	return 0
}

// carryFamily is the mark family of the carried quote.
func (sc *scanner) carryFamily() family {
	r, _ := utf8.DecodeRuneInString(sc.doc.Text[sc.carry.open:])
	m, _ := markOf(r)
	return m.fam
}

// endCarry closes a carried quote at the end of the block it stopped in.
func (sc *scanner) endCarry() {
	if sc.carry != nil {
		sc.carry.unclosed = true
		sc.spans = append(sc.spans, *sc.carry)
		sc.carry = nil
	}
}

// mark processes one quotation mark at s[m.at:], where s starts at byte
// base of the text.
func (sc *scanner) mark(s string, base, index int, m openMark, r role) {
	switch r {
	case opens:
		sc.stack = append(sc.stack, m)
	case either:
		if t := sc.top(m.fam); t >= 0 && pairs(sc.stack[t].r, m.r) {
			sc.close(s, base, index, m)
		} else {
			sc.stack = append(sc.stack, m)
		}
	case closes, apostrophe:
		if r == apostrophe || (m.fam == single && sc.possessive(s, m)) {
			return
		}
		sc.close(s, base, index, m)
	}
}

// pairs reports whether the mark c can close the open mark o of its
// family: “ closes only „, and ‘ only ‚.
func pairs(o, c rune) bool {
	switch c {
	case '“':
		return o == '„'
	case '‘':
		return o == '‚'
	}
	return true
}

// top returns the index in the stack of the innermost open mark of fam,
// or -1.
func (sc *scanner) top(fam family) int {
	for i := len(sc.stack) - 1; i >= 0; i-- {
		if sc.stack[i].fam == fam {
			return i
		}
	}
	return -1
}

// possessive reports whether a closing single mark at m is more likely an
// apostrophe: no single quote is open, or it ends a plural possessive
// ("the workers’ union", "the residents’, not") and another closing single
// follows before any opening one.
func (sc *scanner) possessive(s string, m openMark) bool {
	if sc.top(single) < 0 {
		return true
	}
	prev, _ := neighbours(s, m.at, m.width)
	if prev != 's' && prev != 'S' {
		return false
	}
	rest := s[m.at+m.width:]
	for i := 0; i < len(rest); {
		r, w := utf8.DecodeRuneInString(rest[i:])
		if fam, role := classify(rest, i, w, r); fam == single {
			if role == opens {
				return false
			}
			if role == closes || role == either {
				return true
			}
		}
		i += w
	}
	return false
}

// close closes the innermost open mark of m's family; a quote that was
// outermost becomes a span. Marks opened inside it and never closed are
// dropped.
func (sc *scanner) close(s string, base, index int, m openMark) {
	i := sc.top(m.fam)
	if i < 0 {
		return // a stray closing mark
	}
	o := sc.stack[i]
	sc.stack = sc.stack[:i]
	if i > 0 {
		return // nested: part of the outer quote's text
	}
	sc.emit(base+o.at+o.width, base+m.at, o, base, index, false)
}

// emit records a quote part ending at end. When a carried quote is open
// this part completes it.
func (sc *scanner) emit(start, end int, o openMark, base, index int, unclosed bool) {
	if c := sc.carry; c != nil {
		c.parts = append(c.parts, part{start, end})
		c.unclosed = unclosed
		sc.spans = append(sc.spans, *c)
		sc.carry = nil
		return
	}
	if end <= start {
		return
	}
	sc.spans = append(sc.spans, span{
		parts: sc.onePart(start, end), open: base + o.at, openLen: o.width,
		block: index, unclosed: unclosed,
	})
}

// endBlock deals with marks still open at the end of a block. The
// outermost open double quote (or a single quote that opens the
// paragraph or follows a colon) is carried into the next block; other
// open single marks were apostrophes.
func (sc *scanner) endBlock(s string, b Block, index int) {
	for i, o := range sc.stack {
		if o.fam == double || sc.opensSentence(s, o.at) {
			sc.carryOver(b, index, o, i)
			return
		}
	}
}

// carryOver carries the open mark o at stack index i over the block end.
func (sc *scanner) carryOver(b Block, index int, o openMark, i int) {
	start := b.Start + o.at + o.width
	if sc.carry != nil && i == 0 {
		sc.carry.parts = append(sc.carry.parts, part{start, b.End})
		return
	}
	sc.endCarry()
	sc.carry = &span{
		parts: sc.onePart(start, b.End), open: b.Start + o.at, openLen: o.width, block: index,
	}
}

// opensSentence reports whether a mark at s[at:] begins its paragraph or
// follows a colon, where a single quote mark is surely a quotation.
func (sc *scanner) opensSentence(s string, at int) bool {
	before := strings.TrimRightFunc(s[:at], unicode.IsSpace)
	return before == "" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, ",")
}

// wholeBlock records a block quote without marks as one quotation.
func (sc *scanner) wholeBlock(s string, b Block, index int) {
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	trail := len(strings.TrimRightFunc(s, unicode.IsSpace))
	sc.spans = append(sc.spans, span{
		parts: sc.onePart(b.Start+lead, b.Start+trail), open: b.Start + lead, block: index,
	})
}

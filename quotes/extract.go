package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Extract returns the quotations in doc, in text order, each with its
// kind and its speaker as far as the article tells.
func Extract(doc Document) []Quote {
	var x Extractor
	return x.Extract(doc)
}

// Extractor extracts quotations as Extract does, keeping its working
// memory (quote spans, tokens, sentences, frames, the cast, the parsed
// noun phrases) from one article to the next, so that extracting many
// articles allocates little. The zero Extractor is ready to use. An
// Extractor is not safe for concurrent use.
type Extractor struct {
	scanner scanner
	frames  frameBuffers
	ents    []*entity
	slab    []entity   // the cast's entities
	names   []string   // the words of the cast's names
	words   quoteWords // the words of the quotes, for headlines
	phrases phrases    // the noun phrases of a sentence
}

// frameBuffers are the arrays the frames of an article are built in.
type frameBuffers struct {
	parts  []quotePart
	toks   []token
	sents  [][2]int
	frames []frame
	heads  []*frame
}

// Extract returns the quotations in doc, in text order, each with its
// kind and its speaker as far as the article tells. The quotes returned
// are the caller's: the Extractor keeps no reference to them.
func (x *Extractor) Extract(doc Document) []Quote {
	spans := x.scanner.scan(doc)
	if len(spans) == 0 {
		return nil
	}
	qs := make([]Quote, len(spans))
	for i := range spans {
		qs[i] = quoteOf(doc, &spans[i])
	}
	x.attribute(doc, spans, qs)
	return qs
}

// quoteOf builds the Quote of a span, without attribution.
func quoteOf(doc Document, sp *span) Quote {
	q := Quote{
		Start:    sp.start(),
		End:      sp.end(),
		Block:    sp.block,
		Unclosed: sp.unclosed,
		Kind:     Partial,
	}
	if len(sp.parts) == 1 {
		q.Text = doc.Text[q.Start:q.End]
	} else {
		texts := make([]string, len(sp.parts))
		for i, p := range sp.parts {
			texts[i] = doc.Text[p.start:p.end]
		}
		q.Text = strings.Join(texts, "\n\n")
	}
	if isDirect(doc, sp, q.Text) {
		q.Kind = Direct
	}
	q.Before, q.After = context(doc, doc.Blocks[sp.block], q.Start, q.End)
	return q
}

// isDirect reports whether a quote is a whole sentence or more: it starts
// with a capital letter (or a digit) where a sentence can start: at the
// start of its paragraph, after the end of a sentence, or after a colon,
// comma or dash that introduces speech.
func isDirect(doc Document, sp *span, text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if len(sp.parts) > 1 || sp.openLen == 0 {
		return true
	}
	b := doc.Blocks[sp.block]
	before := strings.TrimRightFunc(doc.Text[b.Start:sp.open], unicode.IsSpace)
	if before == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".!?:,;—–-", last) || isClosingMark(last)
}

// isClosingMark reports whether r can close a quotation.
func isClosingMark(r rune) bool {
	m, ok := markOf(r)
	return ok && m.close
}

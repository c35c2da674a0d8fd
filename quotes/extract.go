package quotes

import "strings"

// Extract returns the quotations in doc, in text order.
//
// This is the minimal extractor of the foundation: double quotation marks
// (curly and straight) inside one block, no attribution. The quote engine
// replaces it behind the same signature.
func Extract(doc Document) []Quote {
	var out []Quote
	for i, b := range doc.Blocks {
		out = appendBlockQuotes(out, doc.Text, b, i)
	}
	return out
}

// appendBlockQuotes scans one block for “…” and "…" pairs.
func appendBlockQuotes(out []Quote, text string, b Block, index int) []Quote {
	s := text[b.Start:b.End]
	for off := 0; off < len(s); {
		open, width, close := nextOpen(s[off:])
		if open < 0 {
			break
		}
		start := off + open + width
		end := strings.Index(s[start:], close)
		if end < 0 {
			break
		}
		end += start
		if end > start {
			q := Quote{Text: s[start:end], Start: b.Start + start, End: b.Start + end, Block: index, Kind: Partial}
			if isSentence(q.Text) {
				q.Kind = Direct
			}
			out = append(out, q)
		}
		off = end + len(close)
	}
	return out
}

// nextOpen finds the next opening double mark in s and returns its offset,
// its width in bytes and the mark that closes it.
func nextOpen(s string) (at, width int, close string) {
	curly := strings.Index(s, "“")
	straight := strings.IndexByte(s, '"')
	switch {
	case curly < 0 && straight < 0:
		return -1, 0, ""
	case straight < 0 || (curly >= 0 && curly < straight):
		return curly, len("“"), "”"
	default:
		return straight, 1, `"`
	}
}

// isSentence reports whether a quoted text reads as a whole sentence: it
// starts with a capital letter and holds more than a few words.
func isSentence(t string) bool {
	if t == "" || !(t[0] >= 'A' && t[0] <= 'Z') {
		return false
	}
	return len(strings.Fields(t)) > 3
}

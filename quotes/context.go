package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// contextBytes is about how much of the reporter's text on each side of
// a quote is kept as its context.
const contextBytes = 80

// context returns the reporter's words just before and after the quote
// at [start, end) in block b, marks and partial words left out: `in a
// statement acknowledged the` and `posed by the TTP to Pakistan.` around
// "grave threat". They let a fragment be placed in its source. A quote
// that runs past its block has no words after it.
func context(doc Document, b Block, start, end int) (before, after string) {
	if start < b.Start || start > b.End {
		return "", ""
	}
	lo := max(b.Start, start-contextBytes)
	if end > b.End {
		end = b.End
	}
	hi := min(b.End, end+contextBytes)
	before = trimMarks(doc.Text[lo:start])
	after = trimMarks(doc.Text[end:hi])
	if lo > b.Start {
		before = dropFirstWord(before)
	}
	if hi < b.End {
		after = dropLastWord(after)
	}
	return before, after
}

// trimMarks drops quotation marks and spaces at both ends of s.
func trimMarks(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		_, mark := markOf(r)
		return mark || unicode.IsSpace(r) || r == utf8.RuneError
	})
}

func dropFirstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return strings.TrimSpace(s[i:])
	}
	return ""
}

func dropLastWord(s string) string {
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return ""
}

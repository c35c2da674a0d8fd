package gold

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How much text a Finding's Context shows: up to contextRunes runes on
// each side of the quote, within its paragraph, and a quote longer than
// quoteRunes runes cut in the middle.
const (
	contextRunes = 30
	quoteRunes   = 40
)

// locateAll returns the byte span of each gold quote in text: the first
// occurrence after the previous quote found, else the first anywhere,
// else {-1, -1}.
func locateAll(text string, qs []Quote) [][2]int {
	spans := make([][2]int, len(qs))
	from := 0
	for i, q := range qs {
		start, end := locate(text, q.Text, from)
		if start < 0 {
			start, end = locate(text, q.Text, 0)
		}
		if start >= 0 {
			from = end
		}
		spans[i] = [2]int{start, end}
	}
	return spans
}

// locate returns the span of quote in text at or after byte from, or -1,
// -1. A quote of several paragraphs, not in text as such, is found by
// its first line.
func locate(text, quote string, from int) (int, int) {
	if quote == "" || from > len(text) {
		return -1, -1
	}
	if i := strings.Index(text[from:], quote); i >= 0 {
		return from + i, from + i + len(quote)
	}
	first, _, more := strings.Cut(quote, "\n")
	if first = strings.TrimSpace(first); more && first != "" {
		if i := strings.Index(text[from:], first); i >= 0 {
			return from + i, from + i + len(first)
		}
	}
	return -1, -1
}

// context returns the text around text[start:end] on one line: up to
// contextRunes runes either side, within the paragraph and cut at a word
// boundary, with "…" where text was left out. It is "" for an invalid
// span.
func context(text string, start, end int) string {
	if start < 0 || end < start || end > len(text) {
		return ""
	}
	before := text[:start]
	if i := strings.LastIndex(before, "\n\n"); i >= 0 {
		before = before[i+2:]
	}
	after := text[end:]
	if i := strings.Index(after, "\n\n"); i >= 0 {
		after = after[:i]
	}
	before, cutBefore := tail(before, contextRunes)
	after, cutAfter := head(after, contextRunes)
	s := before + shorten(text[start:end], quoteRunes) + after
	s = strings.Join(strings.Fields(s), " ")
	if cutBefore {
		s = "…" + s
	}
	if cutAfter {
		s += "…"
	}
	return s
}

// tail returns about the last n runes of s, starting at a word, and
// whether anything was cut.
func tail(s string, n int) (string, bool) {
	r := []rune(s)
	if len(r) <= n {
		return s, false
	}
	i := len(r) - n
	if !unicode.IsSpace(r[i-1]) {
		k := i
		for k < len(r) && !unicode.IsSpace(r[k]) {
			k++
		}
		if k < len(r) {
			i = k // the next word
		} else {
			for i > 0 && !unicode.IsSpace(r[i-1]) {
				i-- // the whole of the last word
			}
		}
	}
	return strings.TrimLeftFunc(string(r[i:]), unicode.IsSpace), i > 0
}

// head returns about the first n runes of s, ending at a word, and
// whether anything was cut.
func head(s string, n int) (string, bool) {
	r := []rune(s)
	if len(r) <= n {
		return s, false
	}
	j := n
	if !unicode.IsSpace(r[j]) {
		k := j
		for k > 0 && !unicode.IsSpace(r[k-1]) {
			k--
		}
		if k > 0 {
			j = k // up to the previous word
		} else {
			for j < len(r) && !unicode.IsSpace(r[j]) {
				j++ // the whole of the first word
			}
		}
	}
	return strings.TrimRightFunc(string(r[:j]), unicode.IsSpace), j < len(r)
}

// shorten cuts the middle out of s, at word boundaries, when it is
// longer than n runes.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	start, _ := head(s, n*3/4)
	end, _ := tail(s, n/4)
	return start + " … " + end
}

package diffing

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// EditOp says what an edit does to the source's words.
type EditOp string

// The kinds of edit in a word diff.
const (
	Keep   EditOp = "="
	Delete EditOp = "-"
	Insert EditOp = "+"
)

// An Edit is a run of words kept, deleted from the source or inserted by
// the rendering.
type Edit struct {
	Op   EditOp `json:"op"`
	Text string `json:"text"`
}

// maxDiffWords caps each side of a word diff; longer texts are cut, so
// a diff always ends quickly and the same way.
const maxDiffWords = 2000

// WordDiff returns the word-level diff that turns a into b. Words are
// compared in their normalised form and shown as written; a diff never
// splits a word. Ellipses take part as the word "…".
func WordDiff(a, b []Token, aText, bText string) []Edit {
	a, b = capWords(a), capWords(b)
	codes := make(map[string]rune)
	ra, rb := wordRunes(a, codes), wordRunes(b, codes)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	var edits []Edit
	ia, ib := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		var words []string
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			words = spell(a[ia:ia+n], aText)
			ia, ib = ia+n, ib+n
			edits = appendEdit(edits, Keep, words)
		case diffmatchpatch.DiffDelete:
			words = spell(a[ia:ia+n], aText)
			ia += n
			edits = appendEdit(edits, Delete, words)
		case diffmatchpatch.DiffInsert:
			words = spell(b[ib:ib+n], bText)
			ib += n
			edits = appendEdit(edits, Insert, words)
		}
	}
	return edits
}

// capWords cuts t to maxDiffWords tokens.
func capWords(t []Token) []Token {
	if len(t) > maxDiffWords {
		return t[:maxDiffWords]
	}
	return t
}

// wordRunes maps each distinct word to one rune, shared through codes
// by both sides of a diff. Runes skip the surrogate range, which a Go
// string cannot hold.
func wordRunes(toks []Token, codes map[string]rune) []rune {
	rs := make([]rune, len(toks))
	for i, t := range toks {
		key := t.Norm
		if t.Ellipsis {
			key = "…"
		}
		r, ok := codes[key]
		if !ok {
			r = rune(0x100 + len(codes))
			if r >= 0xD800 {
				r += 0x800
			}
			codes[key] = r
		}
		rs[i] = r
	}
	return rs
}

// spell returns the words of toks as written in text, a run of
// editorial words in one pair of brackets.
func spell(toks []Token, text string) []string {
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = text[t.Start:t.End]
		if !t.Editorial {
			continue
		}
		if i == 0 || !toks[i-1].Editorial {
			w[i] = "[" + w[i]
		}
		if i == len(toks)-1 || !toks[i+1].Editorial {
			w[i] += "]"
		}
	}
	return w
}

// appendEdit adds words as an edit, merging with the previous edit of
// the same kind.
func appendEdit(edits []Edit, op EditOp, words []string) []Edit {
	if len(words) == 0 {
		return edits
	}
	text := strings.Join(words, " ")
	if n := len(edits); n > 0 && edits[n-1].Op == op {
		edits[n-1].Text += " " + text
		return edits
	}
	return append(edits, Edit{Op: op, Text: text})
}

// Markers writes edits as plain text: deleted words as [-old-] and
// inserted words as {+new+}, for pipes and NO_COLOR.
func Markers(edits []Edit) string {
	return render(edits, "[-", "-]", "{+", "+}")
}

// ANSI writes edits for a terminal: deleted words red and struck
// through, inserted words green.
func ANSI(edits []Edit) string {
	return render(edits, "\x1b[31;9m", "\x1b[0m", "\x1b[32m", "\x1b[0m")
}

// render writes edits with the given marks around deleted and
// inserted words.
func render(edits []Edit, delOpen, delClose, insOpen, insClose string) string {
	var b strings.Builder
	for i, e := range edits {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch e.Op {
		case Delete:
			b.WriteString(delOpen + e.Text + delClose)
		case Insert:
			b.WriteString(insOpen + e.Text + insClose)
		default:
			b.WriteString(e.Text)
		}
	}
	return b.String()
}

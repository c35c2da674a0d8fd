package diffing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A Token is one word of a text, or one of the editorial marks that
// matter when renderings are compared: an ellipsis that marks a gap.
type Token struct {
	// Norm is the word as compared: NFKC, quote marks, apostrophes and
	// dashes folded, lower case. It is empty for an ellipsis.
	Norm string
	// Start and End are the byte span of the token in the original text,
	// the map back from the normalised form.
	Start, End int
	// Sentence is the index of the sentence the token is in.
	Sentence int32
	// Ellipsis marks a "..." or "…" gap marker.
	Ellipsis bool
	// Editorial marks a word written inside [square brackets].
	Editorial bool
	// Fixed marks a word with bracketed letters, such as "[T]he".
	Fixed bool
}

// Text is a string cut into tokens, keeping the original for display.
type Text struct {
	Orig   string
	Tokens []Token
}

// NewText tokenizes s. Words are runs of letters and digits, with inner
// apostrophes, hyphens, periods and commas kept ("don't", "co-op",
// "U.S.", "1,400"). Punctuation between words is dropped; ellipses and
// square brackets are kept as marks.
func NewText(s string) Text {
	return Text{Orig: s, Tokens: tokenize(s)}
}

// Words returns the normalised words of t, without marks or editorial
// insertions.
func (t Text) Words() []string {
	var w []string
	for _, tok := range t.Tokens {
		if !tok.Ellipsis && !tok.Editorial {
			w = append(w, tok.Norm)
		}
	}
	return w
}

// Span returns the original text from token i to token j-1.
func (t Text) Span(i, j int) string {
	if i >= j || i < 0 || j > len(t.Tokens) {
		return ""
	}
	return t.Orig[t.Tokens[i].Start:t.Tokens[j-1].End]
}

// tokenizer holds the state of one pass over a text.
type tokenizer struct {
	s         string
	pos       int
	toks      []Token
	bracket   bool // inside [ ... ]
	sentence  int32
	endPunct  bool // a sentence-ending mark since the last word
	lastShort bool // the last word was an initial or a short abbreviation
}

// tokenize cuts s into tokens.
func tokenize(s string) []Token {
	t := tokenizer{s: s, toks: make([]Token, 0, len(s)/5+1)}
	for t.pos < len(s) {
		t.step()
	}
	return t.toks
}

// step consumes one word, mark or separator.
func (t *tokenizer) step() {
	s := t.s[t.pos:]
	switch {
	case strings.HasPrefix(s, "..."), strings.HasPrefix(s, ". . ."), strings.HasPrefix(s, "…"):
		n := ellipsisLen(s)
		t.toks = append(t.toks, Token{Start: t.pos, End: t.pos + n, Ellipsis: true, Sentence: t.sentence})
		t.pos += n
		return
	}
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '[':
		if t.fixedWord() {
			return
		}
		t.bracket = true
	case r == ']':
		t.bracket = false
	case isWordRune(r):
		t.word()
		return
	case r == '.' || r == '!' || r == '?':
		if !t.lastShort {
			t.endPunct = true
		}
	}
	t.pos += n
}

// ellipsisLen is the byte length of the ellipsis at the start of s.
func ellipsisLen(s string) int {
	switch {
	case strings.HasPrefix(s, ". . ."):
		n := 5
		for strings.HasPrefix(s[n:], " .") {
			n += 2
		}
		return n
	case strings.HasPrefix(s, "…"):
		return len("…")
	}
	n := 0
	for n < len(s) && s[n] == '.' {
		n++
	}
	return n
}

// word consumes a word at t.pos.
func (t *tokenizer) word() {
	start := t.pos
	end := wordEnd(t.s, start)
	t.emit(start, end, t.s[start:end], false)
	t.pos = end
}

// fixedWord consumes a word with bracketed letters, "[T]he" or
// "[s]he", and reports whether it did; it does not when the bracket at
// t.pos opens an editorial insertion.
func (t *tokenizer) fixedWord() bool {
	s := t.s[t.pos:]
	close := strings.IndexByte(s, ']')
	if close < 2 || close > 3 {
		return false
	}
	inner := s[1:close]
	for _, r := range inner {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	rest := s[close+1:]
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(r) {
		return false
	}
	end := wordEnd(t.s, t.pos+close+1)
	t.emit(t.pos, end, inner+t.s[t.pos+close+1:end], true)
	t.pos = end
	return true
}

// emit appends the word s spanning [start, end).
func (t *tokenizer) emit(start, end int, s string, fixed bool) {
	if t.endPunct && len(t.toks) > 0 && startsUpper(s) {
		t.sentence++
	}
	t.endPunct = false
	w := normWord(s)
	t.lastShort = isAbbrev(s)
	t.toks = append(t.toks, Token{Norm: w, Start: start, End: end, Editorial: t.bracket, Fixed: fixed, Sentence: t.sentence})
}

// wordEnd returns the end of the word starting at i: letters and digits,
// joined by single apostrophes, hyphens, periods or commas that have a
// letter or digit on both sides.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if isJoiner(r) && i+n < len(s) {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if isWordRune(next) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// isWordRune reports whether r belongs in a word: a letter, a digit or
// a combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r may join two parts of one word.
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '‘', '-', '‐', '‑', '.', ',', '&', '/':
		return true
	}
	return false
}

// normWord folds one word for matching.
func normWord(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	return strings.ToLower(fold.Replace(norm.NFKC.String(s)))
}

// startsUpper reports whether s starts with a capital letter or digit.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isAbbrev reports whether a period after s is more likely an
// abbreviation than a sentence end: an initial or a title.
func isAbbrev(s string) bool {
	if utf8.RuneCountInString(s) == 1 || strings.Contains(s, ".") {
		return true
	}
	switch strings.ToLower(s) {
	case "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "prof", "no", "vs", "jr", "sr", "inc", "co", "corp", "ltd":
		return true
	}
	return false
}

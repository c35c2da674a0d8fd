package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is.
type tokKind uint8

const (
	word  tokKind = iota + 1
	punct         // one punctuation character
	quote         // a whole quotation, marks included
)

// token is one word, punctuation mark or quotation of a paragraph's
// "frame": the reporter's words with every quotation folded into a single
// token, so that sentences are split and attributions read around quotes.
// It holds no pointers: a word's lower-case form is in the texts it was
// read from (texts.word), so that the garbage collector need not scan
// an article's tokens.
type token struct {
	start, end int // byte span in the text
	q          int // for quote tokens, the index of the quote
	cls        wordClass
	baseCls    wordClass // the classes of the word in lower case without a possessive ending
	kind       tokKind
	upper      bool // a word that starts with a capital letter
	poss       bool // a word with a possessive ending: "country’s", "workers’"
}

// frame is the tokens of one block and its sentences.
type frame struct {
	block     int
	toks      []token
	sentences [][2]int // token ranges
}

// texts holds an article's text and its lower-case form. Lowering keeps
// every byte offset in nearly all text, and words take their lower-case
// form from lower without allocating. The few words whose lower case is
// longer or shorter (and invalid UTF-8) are kept in odd.
type texts struct {
	text  string
	lower string         // text with every character lowered that keeps its length
	exact bool           // lower is all of text in lower case
	odd   map[int]string // by start, the lower case of each word not in lower
}

func newTexts(text string) texts {
	lower, exact := lowerSameLength(text)
	return texts{text: text, lower: lower, exact: exact}
}

// word returns the lower-case form of the word t, "" for any other
// token.
func (x *texts) word(t token) string {
	if t.kind != word {
		return ""
	}
	if x.odd != nil {
		if l, ok := x.odd[t.start]; ok {
			return l
		}
	}
	return x.lower[t.start:t.end]
}

// lowerSameLength returns s with every character in lower case whose
// lower case has the same length, and whether that is all of them. It
// copies the runs of bytes that lowering leaves alone, which is most of
// them.
func lowerSameLength(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	done := 0 // s[:done] is written
	exact := true
	for i := 0; i < len(s); {
		if i+8 <= len(s) && !hasUpperOrWide(load8(s, i)) {
			i += 8 // the common case: 8 bytes with nothing to lower
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteString(s[done:i])
				b.WriteByte(c + 'a' - 'A')
				done = i + 1
			}
			i++
			continue
		}
		if c == 0xE2 && i+2 < len(s) && (s[i+1] == 0x80 || s[i+1] == 0x81) && s[i+2]&0xC0 == 0x80 {
			i += 3 // U+2000 to U+207F, punctuation such as ’ “ ” — …, has no case
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != w {
			exact = false // an invalid byte, or "İ" (2 bytes) to "i̇" (3)
			i += w
			continue
		}
		if l != r {
			b.WriteString(s[done:i])
			b.WriteRune(l)
			done = i + w
		}
		i += w
	}
	b.WriteString(s[done:])
	return b.String(), exact
}

// load8 returns the bytes s[i:i+8] packed into an integer, the first
// in the lowest byte.
func load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// hasUpperOrWide reports whether one of the 8 bytes packed in x is an
// ASCII capital letter or not ASCII, testing them all at once: for an
// ASCII byte c, c+0x3F has its top bit set when c >= 'A', and c+0x25
// when c > 'Z', with no carry into the next byte.
func hasUpperOrWide(x uint64) bool {
	const top = 0x8080808080808080
	if x&top != 0 {
		return true
	}
	atLeastA := x + 0x3F3F3F3F3F3F3F3F
	pastZ := x + 0x2525252525252525
	return atLeastA&^pastZ&top != 0
}

// lowerOf returns text[i:j] in lower case.
func (x *texts) lowerOf(i, j int) string {
	if x.exact {
		return x.lower[i:j]
	}
	return strings.ToLower(x.text[i:j])
}

// appendTokens splits text[start:end] into tokens and appends them to
// toks; the quote parts in parts (sorted, with their quote indexes)
// become quote tokens.
func appendTokens(toks []token, t *texts, start, end int, parts []quotePart) []token {
	i := start
	for _, p := range parts {
		toks = appendWords(toks, t, i, p.from)
		toks = append(toks, token{start: p.from, end: p.to, kind: quote, q: p.q})
		i = p.to
	}
	return appendWords(toks, t, i, end)
}

// quotePart is the extent of a quote part within a block, marks included.
type quotePart struct {
	from, to int
	q        int
	block    int
}

// appendWords tokenizes text[i:end], which holds no quotation.
func appendWords(toks []token, t *texts, i, end int) []token {
	text := t.text
	for i < end {
		if c := text[i]; c < utf8.RuneSelf { // the common case, decoded quickly
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				i++
			case isAlnumByte(c) || c == '$':
				toks, i = appendWordAt(toks, t, i, end)
			default:
				toks = append(toks, token{start: i, end: i + 1, kind: punct, q: -1})
				i++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += w
		case isWordRune(r) || r == '$' || r == '£' || r == '€':
			j := wordEnd(text, i, end)
			toks = appendWord(toks, t, i, j)
			i = j
		default:
			toks = append(toks, token{start: i, end: i + w, kind: punct, q: -1})
			i += w
		}
	}
	return toks
}

// asciiRun returns the end of the run of ASCII word characters
// (letters, digits, "$" and "%") starting at text[i], and the lexicon key
// (wordKey) of the run in lower case when it is up to 8 bytes long. The
// lower case of a word character c is c|0x20, so the key of a run is
// read 8 bytes at once wherever text holds 8 from i on.
func asciiRun(text string, i, end int) (int, uint64) {
	j := i
	for j < end && wordBytes[text[j]] {
		j++
	}
	if i+8 > len(text) {
		return j, runKey(text[i:j])
	}
	key := load8(text, i) | 0x2020202020202020
	if n := j - i; n < 8 {
		key &= 1<<(8*n) - 1
	}
	return j, key
}

// runKey returns the lexicon key of the run of ASCII word characters w in
// lower case, of its first 8 bytes when it is longer.
func runKey(w string) uint64 {
	var key uint64
	for k := min(len(w), 8) - 1; k >= 0; k-- {
		key = key<<8 | uint64(w[k]|0x20)
	}
	return key
}

// appendASCIIWord is appendWord for the word text[i:j] of ASCII word
// characters alone, whose lower case, when it is up to 8 bytes long,
// has the lexicon key key: its lower case keeps its place, it has no
// possessive ending, and it is capitalised when its first letter is.
func appendASCIIWord(toks []token, t *texts, i, j int, key uint64) []token {
	c := t.text[i]
	tok := token{start: i, end: j, kind: word, q: -1, upper: 'A' <= c && c <= 'Z'}
	switch lower := t.lower[i:j]; {
	case len(lower) <= 8:
		_, tok.cls = wordClasses.lookupKey(key, lower)
	case len(lower) <= wordClasses.maxLen:
		_, tok.cls = wordClasses.lookupKey(wordKey(lower), lower)
	}
	tok.baseCls = tok.cls
	return append(toks, tok)
}

// appendWordAt appends the word starting at text[i], an ASCII letter,
// digit or "$", and returns where it ends. A word of ASCII letters and
// digits alone, the common case, is read in a single pass.
func appendWordAt(toks []token, t *texts, i, end int) ([]token, int) {
	j, key := asciiRun(t.text, i, end)
	if j < end && t.text[j] != ' ' {
		if k := wordEndFrom(t.text, i, j, end); k != j {
			return appendWord(toks, t, i, k), k
		}
	}
	return appendASCIIWord(toks, t, i, j, key), j
}

// appendWord appends the word token text[i:j], with its word classes,
// to toks. A word whose lower case lowering does not keep in place is
// recorded in t.odd. The token is filled in where it lies, not copied.
func appendWord(toks []token, t *texts, i, j int) []token {
	lower := t.lower[i:j]
	if !t.exact {
		if l := strings.ToLower(t.text[i:j]); l != lower {
			if t.odd == nil {
				t.odd = make(map[int]string)
			}
			t.odd[i], lower = l, l
		}
	}
	toks = append(toks, token{start: i, end: j, kind: word, q: -1})
	tok := &toks[len(toks)-1]
	r, _ := utf8.DecodeRuneInString(t.text[i:j])
	tok.upper = unicode.IsUpper(r)
	tok.cls = wordClasses.classOf(lower)
	tok.baseCls = tok.cls
	if base := possessiveBase(lower); base != lower {
		tok.poss, tok.baseCls = true, wordClasses.classOf(base)
	}
	return toks
}

// wordEnd returns the end of the word starting at text[i]: letters and
// digits, joined by apostrophes, hyphens, periods of abbreviations
// ("U.S.") and the separators of numbers ("1,200.50").
func wordEnd(text string, i, end int) int {
	return wordEndFrom(text, i, i, end)
}

// wordEndFrom is wordEnd for a word known to run on to text[j].
func wordEndFrom(text string, i, j, end int) int {
	for j < end {
		if wordBytes[text[j]] {
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[j:end])
		if isWordRune(r) || r == '$' || r == '£' || r == '€' || r == '%' {
			j += w
			continue
		}
		if (r == '’' || r == '\'') && j > i && (text[j-1] == 's' || text[j-1] == 'S') {
			next, _ := utf8.DecodeRuneInString(text[j+w : end])
			if j+w >= end || unicode.IsSpace(next) {
				return j + w // "the Workers’ Union": a plural possessive
			}
		}
		if !isJoiner(r) || j+w >= end {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[j+w : end])
		if !isWordRune(next) || (r == '.' && !isAbbrevDot(text, i, j, w, end)) || (r == ',' && !unicode.IsDigit(next)) {
			break
		}
		j += w
	}
	return j
}

// wordBytes marks the ASCII characters that continue a word: letters,
// digits, "$" and "%".
var wordBytes = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isAlnumByte(byte(c)) || c == '$' || c == '%'
	}
	return t
}()

// isAlnumByte reports whether the ASCII character c is a letter or digit.
func isAlnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isJoiner reports whether r may join two parts of one word.
func isJoiner(r rune) bool {
	return r == '\'' || r == '’' || r == '-' || r == '‑' || r == '.' || r == ',' || r == '&' || r == '/'
}

// isAbbrevDot reports whether the period at text[j] is inside an
// abbreviation or a number: "U.S.", "a.m.", "3.5".
func isAbbrevDot(text string, i, j, w, end int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[i:j])
	next, _ := utf8.DecodeRuneInString(text[j+w : end])
	if unicode.IsDigit(prev) && unicode.IsDigit(next) {
		return true
	}
	// single letters separated by periods
	seg := text[i:j]
	if k := strings.LastIndexByte(seg, '.'); k >= 0 {
		seg = seg[k+1:]
	}
	return utf8.RuneCountInString(seg) == 1 && unicode.IsLetter(next)
}

// text returns the token's text.
func (t token) text(s string) string { return s[t.start:t.end] }

// is reports whether t is the punctuation character c.
func (t token) is(s string, c string) bool {
	return t.kind == punct && s[t.start:t.end] == c
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = setOf("mr mrs ms dr prof gen col lt sgt capt cmdr adm maj rev hon st jr sr inc ltd co corp vs etc no gov sen rep fr messrs mt ft jan feb mar apr aug sept sep oct nov dec u.s u.k e.g i.e a.m p.m approx dept est")

// appendSentences finds the sentences of the tokens of a block and
// appends their token ranges to sents. A sentence ends at a full stop,
// question or exclamation mark (not after an abbreviation or an
// initial), and after a quotation that ends with one when the next token
// starts a new sentence.
func appendSentences(sents [][2]int, toks []token, tx *texts) [][2]int {
	start := 0
	for i := 0; i < len(toks); i++ {
		if toks[i].kind == word || !endsSentence(toks, i, tx) {
			continue // a word, most tokens, ends no sentence
		}
		// closing brackets and marks stay with the sentence
		for i+1 < len(toks) && (toks[i+1].is(tx.text, ")") || toks[i+1].is(tx.text, "]")) {
			i++
		}
		sents = append(sents, [2]int{start, i + 1})
		start = i + 1
	}
	if start < len(toks) {
		sents = append(sents, [2]int{start, len(toks)})
	}
	return sents
}

// endsSentence reports whether a sentence ends with toks[i].
func endsSentence(toks []token, i int, tx *texts) bool {
	text := tx.text
	t := toks[i]
	switch t.kind {
	case punct:
		c := text[t.start:t.end]
		if c != "." && c != "!" && c != "?" && c != "…" {
			return false
		}
		if c == "." && i > 0 && toks[i-1].kind == word && isAbbrev(toks[i-1], tx) {
			return i+1 < len(toks) && toks[i+1].kind == quote
		}
		return i+1 == len(toks) || !lowerWord(toks[i+1], tx)
	case quote:
		inner := strings.TrimRightFunc(text[t.start:t.end], func(r rune) bool { return isClosingMark(r) || unicode.IsSpace(r) })
		last, _ := utf8.DecodeLastRuneInString(inner)
		if last != '.' && last != '!' && last != '?' {
			return false
		}
		if i+1 == len(toks) {
			return true
		}
		n := toks[i+1]
		return n.kind == quote || (n.kind == word && n.upper && !attributionFollows(toks, i+1, text))
	}
	return false
}

// isAbbrev reports whether a word followed by a period is an
// abbreviation or an initial.
func isAbbrev(t token, tx *texts) bool {
	if utf8.RuneCountInString(tx.word(t)) == 1 {
		return true
	}
	return t.has(lxAbbreviation)
}

// lowerWord reports whether t is a word starting with a lower-case letter.
func lowerWord(t token, tx *texts) bool {
	return t.kind == word && !t.upper && unicode.IsLetter(rune(tx.word(t)[0]))
}

// attributionFollows reports whether a cue verb comes within a few words
// of toks[i] with no punctuation between: "Okafor said", "Tom West later
// told".
func attributionFollows(toks []token, i int, text string) bool {
	for j := i; j < len(toks) && j < i+6; j++ {
		if toks[j].kind != word {
			return false
		}
		if toks[j].has(lxCue) {
			return true
		}
	}
	return false
}

// setOf returns the set of the space-separated words in s.
func setOf(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

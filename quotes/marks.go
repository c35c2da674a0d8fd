package quotes

import (
	"unicode"
	"unicode/utf8"
)

// family groups quotation marks that pair with each other: a closing
// mark closes the nearest open mark of its family.
type family uint8

const (
	double family = iota + 1 // “” "" «» „“ 「」
	single                   // ‘’ '' ‹› ‚‘
)

// role is what a mark can do where it stands.
type role uint8

const (
	none       role = iota
	opens           // starts a quote
	closes          // ends a quote
	either          // a straight mark that may open or close
	apostrophe      // part of a word: don’t, O’Brien, ’90s, Jones’
)

// markInfo describes one quotation-mark character.
type markInfo struct {
	fam family
	// open and close say whether the character can open or close a
	// quote at all; context decides which it does.
	open, close bool
}

// markOf returns what the quotation-mark character r can do, and
// whether r is one of the marks quoth understands. A switch, not a map:
// the scanner asks about every mark-like character of every article.
func markOf(r rune) (markInfo, bool) {
	switch r {
	case '“':
		return markInfo{double, true, true}, true // opens, or closes a „
	case '”':
		return markInfo{double, false, true}, true
	case '"':
		return markInfo{double, true, true}, true
	case '„':
		return markInfo{double, true, false}, true
	case '«':
		return markInfo{double, true, false}, true
	case '»':
		return markInfo{double, false, true}, true
	case '「':
		return markInfo{double, true, false}, true
	case '」':
		return markInfo{double, false, true}, true
	case '『':
		return markInfo{double, true, false}, true
	case '』':
		return markInfo{double, false, true}, true
	case '‘':
		return markInfo{single, true, true}, true // opens, or closes a ‚
	case '’':
		return markInfo{single, false, true}, true
	case '\'':
		return markInfo{single, true, true}, true
	case '‚':
		return markInfo{single, true, false}, true
	case '‹':
		return markInfo{single, true, false}, true
	case '›':
		return markInfo{single, false, true}, true
	}
	return markInfo{}, false
}

// isMarkStart reports whether b can begin the UTF-8 encoding of a
// quotation mark; it lets the scanner skip most bytes without decoding.
func isMarkStart(b byte) bool { return markStarts[b] }

// mayHoldMark reports whether one of the 8 bytes packed in x may begin
// a quotation mark (see markStarts): a straight double or single quote,
// or a byte that is not ASCII. It never misses one, testing the bytes
// all at once.
func mayHoldMark(x uint64) bool {
	const top = 0x8080808080808080
	return x&top != 0 || hasZeroByte(x^0x2222222222222222) || hasZeroByte(x^0x2727272727272727)
}

// hasZeroByte reports whether one of the 8 bytes packed in x is 0.
func hasZeroByte(x uint64) bool {
	const low, top = 0x0101010101010101, 0x8080808080808080
	return (x-low)&^x&top != 0
}

// markStarts marks the first bytes of the encodings of quotation marks.
var markStarts = func() (t [256]bool) {
	for _, b := range []byte{'"', '\'', 0xE2, 0xC2, 0xE3} {
		t[b] = true
	}
	return t
}()

// neighbours returns the runes just before and just after the mark of
// width w at s[i:], or 0 at either end of s.
func neighbours(s string, i, w int) (prev, next rune) {
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+w < len(s) {
		next, _ = utf8.DecodeRuneInString(s[i+w:])
	}
	return prev, next
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isOpeningContext reports whether a mark after prev starts something:
// the start of text, a space, an opening bracket or dash, or another
// opening mark.
func isOpeningContext(prev rune) bool {
	switch {
	case prev == 0, unicode.IsSpace(prev):
		return true
	case prev == '(', prev == '[', prev == '{', prev == '—', prev == '–', prev == '-', prev == '/', prev == ':':
		return true
	}
	m, ok := markOf(prev)
	return ok && m.open
}

// classify decides what the mark r of width w at s[i:] does there.
func classify(s string, i, w int, r rune) (family, role) {
	m, ok := markOf(r)
	if !ok {
		return 0, none
	}
	prev, next := neighbours(s, i, w)
	if m.fam == single && isWordRune(prev) && isWordRune(next) {
		return single, apostrophe // don’t, O’Brien, rock’n’roll
	}
	leftFlank := next != 0 && !unicode.IsSpace(next)
	rightFlank := prev != 0 && !unicode.IsSpace(prev)
	if m.fam == single && leftFlank && !rightFlank && isElision(s[i+w:]) {
		return single, apostrophe // ’90s, ’n’, ’em
	}
	switch {
	case m.open && m.close:
		return m.fam, flankRole(leftFlank, rightFlank, prev, r)
	case m.open:
		return m.fam, opens
	default:
		return m.fam, closes
	}
}

// flankRole decides for a mark that can open or close: one with text on
// its right only opens, one with text on its left only closes.
func flankRole(left, right bool, prev, r rune) role {
	switch {
	case left && right:
		if isOpeningContext(prev) {
			return opens
		}
		return either
	case left:
		return opens
	case right:
		if r == '“' || r == '‘' {
			return either // closes a „ or ‚, or opens with a stray space
		}
		return closes
	}
	return none
}

// elisions are words that begin with an apostrophe in ordinary prose.
var elisions = []string{"n'", "n’", "em", "tis", "twas", "til", "cause", "bout", "round"}

// isElision reports whether rest (the text after a leading single mark)
// starts like ’90s, ’n’ or ’em rather than a quotation.
func isElision(rest string) bool {
	if len(rest) >= 2 && isDigit(rest[0]) && isDigit(rest[1]) {
		return len(rest) == 2 || !isDigit(rest[2])
	}
	for _, e := range elisions {
		if len(rest) >= len(e) && equalFoldASCII(rest[:len(e)], e) {
			after, _ := utf8.DecodeRuneInString(rest[len(e):])
			if !unicode.IsLetter(after) {
				return true
			}
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// equalFoldASCII compares s and t, ignoring ASCII case.
func equalFoldASCII(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		a, b := s[i], t[i]
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

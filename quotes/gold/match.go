package gold

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoth-dev/quoth/diffing"
)

// LooseDice is the least token-level Dice overlap at which a prediction
// loosely matches a gold quote.
const LooseDice = 0.8

// Normalize returns s in the form quotes and speakers are compared in:
// diffing.Normalize (Unicode NFKC, quote marks and dashes folded, case
// folded, runs of space collapsed) with punctuation and space at both
// ends dropped.
func Normalize(s string) string {
	return strings.TrimFunc(diffing.Normalize(s), func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r)
	})
}

// Tokens returns the words of s after Normalize: runs of letters, marks
// and digits.
func Tokens(s string) []string {
	return strings.FieldsFunc(Normalize(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// Dice returns the Dice overlap of two token lists, counted as
// multisets: twice the shared tokens over the tokens of both. It is 0
// when both are empty.
func Dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, t := range a {
		count[t]++
	}
	shared := 0
	for _, t := range b {
		if count[t] > 0 {
			count[t]--
			shared++
		}
	}
	return float64(2*shared) / float64(len(a)+len(b))
}

// pronouns are the speakers that never count as right: a bare pronoun
// says nothing about who spoke.
var pronouns = []string{
	"he", "she", "they", "it", "we", "i", "you", "his", "her",
	"him", "them", "their", "its", "our", "my", "me", "your",
}

// SpeakerRight reports whether predicted, a predicted speaker's name, is
// right for q: equal to q.Speaker or one of q.SpeakerAlt after Normalize,
// where a surname alone matches the full name ("West" and "Tom West",
// "Ní Fhlannagáin" and "Gráinne Ní Fhlannagáin") and a bare pronoun
// never matches. When q.Speaker is "" (unknown), only
// a prediction without a speaker is right.
func SpeakerRight(predicted string, q Quote) bool {
	if q.Speaker == "" {
		return Normalize(predicted) == ""
	}
	for _, want := range append([]string{q.Speaker}, q.SpeakerAlt...) {
		if sameSpeaker(predicted, want) {
			return true
		}
	}
	return false
}

// sameSpeaker reports whether two speaker names name the same speaker.
func sameSpeaker(a, b string) bool {
	na, nb := Normalize(a), Normalize(b)
	if na == "" || nb == "" || slices.Contains(pronouns, na) || slices.Contains(pronouns, nb) {
		return false
	}
	return na == nb || isSurname(a, b) || isSurname(b, a)
}

// particles are the words that may open a surname of several words
// ("Ní Fhlannagáin", "van der Berg"), after Normalize.
var particles = []string{
	"abu", "al", "bin", "bint", "da", "das", "de", "del", "della", "der", "des", "di", "do", "dos",
	"du", "el", "ibn", "la", "le", "mac", "mc", "ní", "nic", "o", "ó", "st", "ten", "ter", "van", "von", "zu",
}

// isSurname reports whether short is the surname of full, a name of
// more words whose last one is capitalised: its last word ("West" of
// "Tom West"), or its last words when all but the last of them are
// particles ("Ní Fhlannagáin" of "Gráinne Ní Fhlannagáin").
func isSurname(short, full string) bool {
	s, f := strings.Fields(short), strings.Fields(full)
	if len(s) == 0 || len(s) >= len(f) {
		return false
	}
	for _, w := range s[:len(s)-1] {
		if !slices.Contains(particles, Normalize(w)) {
			return false
		}
	}
	last := strings.TrimFunc(f[len(f)-1], unicode.IsPunct)
	r, _ := utf8.DecodeRuneInString(last)
	return unicode.IsUpper(r) && Normalize(short) == Normalize(strings.Join(f[len(f)-len(s):], " "))
}

// xNames are the names of the platform X, after diffing.Normalize.
var xNames = []string{
	"x", "twitter", "x (formerly twitter)", "x, formerly twitter",
	"x (formerly known as twitter)", "x, formerly known as twitter", "twitter (now x)",
}

// ChannelRight reports whether a predicted channel equals the gold one
// after case and typographic folding, counting "X", "Twitter" and
// "X (formerly Twitter)" as one.
func ChannelRight(predicted, want string) bool {
	p, w := channelKey(predicted), channelKey(want)
	return p != "" && p == w
}

// channelKey returns the form channels are compared in: normalised, with
// the article before an outlet's name dropped ("email to the Portside
// Chronicle" is "email to Portside Chronicle").
func channelKey(s string) string {
	k := diffing.Normalize(s)
	if slices.Contains(xNames, k) {
		return "x"
	}
	for _, p := range []string{" to the ", " with the "} {
		k = strings.Replace(k, p, p[:len(p)-4], 1)
	}
	return k
}

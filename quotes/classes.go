package quotes

import "strings"

// wordClass is the set of word lists of the lexicon a lower-case word
// belongs to, one bit a list. Every word token carries the classes of its
// lower-case form, computed once when the text is tokenized, so that the
// rules test bits instead of looking words up in maps again and again.
type wordClass uint32

// The word classes, one for each word list.
const (
	lxCue             wordClass = 1 << iota // cueVerbs
	lxNounCue                               // nounCues
	lxDeterminer                            // determiners
	lxPossPronoun                           // possessivePronouns
	lxPronoun                               // pronouns
	lxSkippable                             // skippable
	lxPreposition                           // prepositions
	lxTimeWord                              // timeWords
	lxTimeOpener                            // timeOpeners
	lxCoordinator                           // coordinators
	lxRelative                              // relativeWords
	lxSentenceStarter                       // sentenceStarters
	lxOpener                                // openers
	lxModifier                              // modifiers
	lxRoleNoun                              // roleNouns
	lxGenericRole                           // genericRoles
	lxBodyNoun                              // bodyNouns
	lxTitle                                 // titles
	lxConnector                             // connectors
	lxNameParticle                          // nameParticles
	lxDocumentNoun                          // documentNouns
	lxTitleNoun                             // titleNouns
	lxChannelWord                           // channelWords
	lxAbbreviation                          // abbreviations
	lxPhraseHead                            // the first words of phrasalCues
	lxTitleCueHead                          // the first words of titleCues
	lxSubordinator                          // subordinators
	lxCountry                               // countries
)

// wordClasses holds the classes of every word of the lexicon.
var wordClasses = newLexTable(buildWordClasses())

// buildWordClasses maps every word of the lexicon to its classes.
func buildWordClasses() map[string]wordClass {
	m := make(map[string]wordClass)
	add := func(c wordClass, set map[string]bool) {
		for w, in := range set {
			if in {
				m[w] |= c
			}
		}
	}
	for w := range cueVerbs {
		m[w] |= lxCue
	}
	for w, owner := range possessivePronouns {
		if owner != "" {
			m[w] |= lxPossPronoun
		}
	}
	for phrase := range phrasalCues {
		m[strings.Fields(phrase)[0]] |= lxPhraseHead
	}
	for _, cue := range titleCueWords {
		m[cue[0]] |= lxTitleCueHead
	}
	for w := range pronouns {
		m[w] |= lxPronoun
	}
	add(lxNounCue, nounCues)
	add(lxDeterminer, determiners)
	add(lxSkippable, skippable)
	add(lxPreposition, prepositions)
	add(lxTimeWord, timeWords)
	add(lxTimeOpener, timeOpeners)
	add(lxCoordinator, coordinators)
	add(lxRelative, relativeWords)
	add(lxSentenceStarter, sentenceStarters)
	add(lxOpener, openers)
	add(lxModifier, modifiers)
	add(lxRoleNoun, roleNouns)
	add(lxGenericRole, genericRoles)
	add(lxBodyNoun, bodyNouns)
	add(lxTitle, titles)
	add(lxConnector, connectors)
	add(lxNameParticle, nameParticles)
	add(lxDocumentNoun, documentNouns)
	add(lxTitleNoun, titleNouns)
	add(lxChannelWord, channelWords)
	add(lxAbbreviation, abbreviations)
	add(lxSubordinator, subordinators)
	add(lxCountry, countries)
	return m
}

// has reports whether the token is a word of one of the classes c.
func (t *token) has(c wordClass) bool { return t.cls&c != 0 }

// baseHas reports whether the token without its possessive ending
// ("ministry’s", "workers’") is a word of one of the classes c.
func (t *token) baseHas(c wordClass) bool { return t.baseCls&c != 0 }

// lexTable is a read-only hash table from words to their classes, with
// open addressing: looking up a word of a text costs a short hash and
// an integer comparison or two, less than a map lookup. A word of up to
// 8 bytes is its own key, its bytes packed into an integer; a longer
// word's key is its hash, and the word itself is compared too.
type lexTable struct {
	slots  []lexSlot
	words  []string // the word of each slot
	shift  uint     // 64 minus the number of bits of a slot index
	maxLen int      // the length of the longest word
}

// lexSlot is one slot of a lexTable; n is 0 when it is empty.
type lexSlot struct {
	key uint64
	cls wordClass
	n   uint32 // the length of the word
}

// newLexTable builds the table of the words in m, at most half full.
func newLexTable(m map[string]wordClass) lexTable {
	bits := uint(4)
	for 1<<bits < 2*len(m) {
		bits++
	}
	size := 1 << bits
	t := lexTable{slots: make([]lexSlot, size), words: make([]string, size), shift: 64 - bits}
	for w, c := range m {
		k := wordKey(w)
		i := t.index(k)
		for t.slots[i].n != 0 {
			i = (i + 1) & (size - 1)
		}
		t.slots[i], t.words[i] = lexSlot{key: k, cls: c, n: uint32(len(w))}, w
		t.maxLen = max(t.maxLen, len(w))
	}
	return t
}

// index returns the first slot to probe for the key k (Fibonacci
// hashing: the top bits of k times 2⁶⁴ divided by the golden ratio).
func (t *lexTable) index(k uint64) int {
	return int((k * 0x9E3779B97F4A7C15) >> t.shift)
}

// classOf returns the classes of the lower-case word w, 0 for a word
// outside the lexicon.
func (t *lexTable) classOf(w string) wordClass {
	_, c := t.lookup(w)
	return c
}

// lookup returns the lexicon's copy of the lower-case word w and its
// classes, or "" and 0 for a word outside the lexicon. Keeping the copy
// costs no allocation.
func (t *lexTable) lookup(w string) (string, wordClass) {
	if len(w) > t.maxLen || w == "" {
		return "", 0
	}
	return t.lookupKey(wordKey(w), w)
}

// lookupKey is lookup for a word w whose key k = wordKey(w) is known.
func (t *lexTable) lookupKey(k uint64, w string) (string, wordClass) {
	mask := len(t.slots) - 1
	for i := t.index(k); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return "", 0
		}
		if s.key == k && int(s.n) == len(w) && (len(w) <= 8 || t.words[i] == w) {
			return t.words[i], s.cls
		}
	}
}

// wordKey returns the bytes of w packed into an integer when w has up
// to 8 of them, and else its 64-bit FNV-1a hash.
func wordKey(w string) uint64 {
	if len(w) <= 8 {
		var k uint64
		for i := 0; i < len(w); i++ {
			k |= uint64(w[i]) << (8 * i)
		}
		return k
	}
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= fnvPrime
	}
	return h
}

// The parameters of the 64-bit FNV-1a hash.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

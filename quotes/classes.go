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
	return m
}

// has reports whether the token is a word of one of the classes c.
func (t *token) has(c wordClass) bool { return t.cls&c != 0 }

// baseHas reports whether the token without its possessive ending
// ("ministry’s", "workers’") is a word of one of the classes c.
func (t *token) baseHas(c wordClass) bool { return t.baseCls&c != 0 }

// lexTable is a read-only hash table from words to their classes, with
// open addressing: looking up a word of a text costs a short hash and
// one or two string comparisons, less than a map lookup.
type lexTable struct {
	slots []lexSlot
	mask  uint32
}

type lexSlot struct {
	word string
	cls  wordClass
}

// newLexTable builds the table of the words in m, at most half full.
func newLexTable(m map[string]wordClass) lexTable {
	size := 16
	for size < 2*len(m) {
		size *= 2
	}
	t := lexTable{slots: make([]lexSlot, size), mask: uint32(size - 1)}
	for w, c := range m {
		i := hashWord(w) & t.mask
		for t.slots[i].word != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = lexSlot{w, c}
	}
	return t
}

// classOf returns the classes of the lower-case word w, 0 for a word
// outside the lexicon.
func (t *lexTable) classOf(w string) wordClass {
	for i := hashWord(w) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.word == w {
			return s.cls
		}
		if s.word == "" {
			return 0
		}
	}
}

// hashWord is the 32-bit FNV-1a hash of w.
func hashWord(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

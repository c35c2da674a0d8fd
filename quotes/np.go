package quotes

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mention is a noun phrase that may name a speaker, as written.
type mention struct {
	text    string // as written, determiner included
	off     int    // byte offset of the mention in the article
	name    string // the name part ("Tom West", "State Department")
	role    string // title or description ("US special Representative for Afghanistan")
	head    string // the role noun heading it, lower case ("spokesperson")
	pronoun string // "he", "she", ... for pronouns
	det     string // leading determiner, lower case
	body    bool   // an organisation, country or other body
	generic bool   // "a source", "residents": nobody in particular
	of      string // the role of a body the role belongs to: "authority"
}

// empty reports whether the mention names nothing.
func (m mention) empty() bool { return m.text == "" }

// sentenceStarters are capitalised words that begin sentences without
// being names.
var sentenceStarters = setOf("nobody everyone everybody someone somebody anyone anybody none under during despite amid amidst outside inside throughout across among following without within upon unlike like until the a an but and or so yet before after when while although though however meanwhile still also as since if because in on at for from with by to of earlier later then now this that these those it he she they we i there here what who why how speaking asked asking responding according last next one some many most several both each every his her their its our mr")

// leftNP returns the noun phrase that ends just before toks[end] (the
// start of the phrase, or end when there is none), reading past
// adverbs, time and channel phrases and a comma-delimited appositive.
func leftNP(toks []token, lo, end int, text string) (start, stop int, appos [2]int) {
	k := skipLeft(toks, lo, end, text)
	if k > lo && toks[k-1].is(text, ",") {
		if c := findLeft(toks, lo, k-1, ",", 24, text); c >= 0 {
			appos = [2]int{c + 1, k - 1}
			k = skipLeft(toks, lo, c, text)
		}
	}
	if k-2 > lo && toks[k-1].kind == word && isNumber(toks[k-1].lower) && toks[k-2].is(text, ",") {
		k -= 2 // "Frank O’Brien, 68, who ..., said"
	}
	stop = k
	start = k
	if start > lo && toks[start-1].kind == word {
		if toks[start-1].has(lxPronoun) {
			return start - 1, stop, appos
		}
	}
	for start > lo && (npWord(toks, start-1, lo, text) || compoundRole(toks, start-1, stop)) {
		start--
		if toks[start].has(lxDeterminer) && !complementAt(toks, start-1) && !nameArticle(toks, start) {
			break
		}
	}
	for start < stop && toks[start].kind == word && toks[start].has(lxConnector) && !toks[start].has(lxDeterminer) {
		start++
	}
	return start, stop, appos
}

// skipLeft moves left from end over adverbs and prepositional phrases of
// time or channel ("on Saturday", "in a statement").
func skipLeft(toks []token, lo, end int, text string) int {
	k := end
	for k > lo {
		t := toks[k-1]
		if t.kind == word && t.has(lxSkippable) {
			k--
			continue
		}
		if k >= lo+2 && t.lower == "to" && toks[k-2].lower == "used" {
			k -= 2 // "used to tell us"
			continue
		}
		if k >= lo+2 && t.kind == word && t.has(lxTimeWord) && toks[k-2].has(lxTimeOpener) {
			k -= 2 // "last year", "this week"
			continue
		}
		if p := prepPhraseStart(toks, lo, k, text); p >= 0 {
			k = p
			continue
		}
		break
	}
	return k
}

// prepPhraseStart returns the start of a short prepositional phrase of
// time or channel ending at toks[end-1], or -1.
func prepPhraseStart(toks []token, lo, end int, text string) int {
	for p := end - 1; p >= lo && p >= end-8; p-- {
		t := toks[p]
		if t.kind != word && !t.is(text, "(") && !t.is(text, ")") {
			return -1
		}
		if t.has(lxPronoun | lxRelative | lxSubordinator) {
			return -1 // "on the first day when he told", "at the floor as the judge added": the speaker is in it
		}
		if t.kind == word && t.has(lxPreposition) && p+1 < end {
			n := toks[p+1]
			if n.kind == word && (n.has(lxDeterminer) || n.has(lxTimeWord) || n.upper || isNumber(n.lower)) {
				return p
			}
		}
	}
	return -1
}

// isNumber reports whether w starts with a digit.
func isNumber(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// findLeft returns the index of the punctuation c before toks[end],
// within max tokens, or -1.
func findLeft(toks []token, lo, end int, c string, max int, text string) int {
	for p := end - 1; p >= lo && p >= end-max; p-- {
		if toks[p].is(text, c) {
			return p
		}
		if toks[p].kind == quote {
			return -1
		}
	}
	return -1
}

// npWord reports whether toks[i] can be part of a speaker's noun phrase.
func npWord(toks []token, i, lo int, text string) bool {
	t := &toks[i]
	switch t.kind {
	case punct:
		c := t.text(text)
		return (c == "(" || c == ")") && parenthesisedAcronym(toks, i, text)
	case word:
		if t.upper {
			return !(i == lo || isSentenceStart(toks, i, text)) || !t.has(lxSentenceStarter) || t.has(lxDeterminer)
		}
		if (t.lower == "and" || t.lower == "&") && (inOfName(toks, i) || inBodyName(toks, i)) {
			return true // "Ministry of Energy and Climate", "Fire and Rescue Service"
		}
		return t.has(lxDeterminer|lxConnector) || t.baseHas(lxRoleNoun|lxBodyNoun|lxModifier) || t.poss || strings.ContainsRune(t.lower, '-')
	}
	return false
}

// inOfName reports whether the "and" at toks[i] joins two capitalised
// words after an "of": "Department of Housing and Community Development".
func inOfName(toks []token, i int) bool {
	if i == 0 || i+1 >= len(toks) || !toks[i-1].upper || !toks[i+1].upper {
		return false
	}
	for j := i - 2; j >= 0 && j >= i-4; j-- {
		if toks[j].lower == "of" {
			return true
		}
		if toks[j].kind != word || !toks[j].upper {
			return false
		}
	}
	return false
}

// inBodyName reports whether the "and" at toks[i] joins two capitalised
// words of a body's name that ends in a body noun a few words on: "Fire
// and Rescue Service".
func inBodyName(toks []token, i int) bool {
	if i == 0 || !toks[i-1].upper || toks[i-1].kind != word {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if toks[j].kind != word || !toks[j].upper {
			return false
		}
		if toks[j].has(lxBodyNoun) {
			return true
		}
	}
	return false
}

// isSentenceStart reports whether toks[i] follows sentence-ending
// punctuation or a dash or colon.
func isSentenceStart(toks []token, i int, text string) bool {
	if i == 0 {
		return true
	}
	p := toks[i-1]
	return p.kind == punct && strings.Contains(".!?:—–", p.text(text))
}

// parenthesisedAcronym reports whether the bracket at toks[i] belongs to
// "(ISI)" inside a name.
func parenthesisedAcronym(toks []token, i int, text string) bool {
	if toks[i].is(text, "(") {
		return i+2 < len(toks) && isAcronym(toks[i+1].text(text)) && toks[i+2].is(text, ")")
	}
	return i >= 2 && isAcronym(toks[i-1].text(text)) && toks[i-2].is(text, "(")
}

// isAcronym reports whether w is two or more capitals ("ISI", "US").
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) && r != '.' && !unicode.IsDigit(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// possessiveBase strips a possessive ’s ("country’s") or the apostrophe
// of a plural possessive ("workers’") from w, in either case.
func possessiveBase(w string) string {
	if w == "" {
		return w
	}
	if c := w[len(w)-1]; c != 's' && c != 'S' && c != '\'' && c != 0x99 {
		return w // no word ending in anything else is possessive; 0x99 ends "’"
	}
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	for _, ap := range []string{"'", "’"} {
		if b := strings.TrimSuffix(w, ap); b != w && (strings.HasSuffix(b, "s") || strings.HasSuffix(b, "S")) {
			return b
		}
	}
	return w
}

// rightNP returns the end of the noun phrase starting at toks[start].
func rightNP(toks []token, start, hi int, text string) int {
	k := start
	if k < hi && toks[k].kind == word {
		if toks[k].has(lxPronoun) {
			return k + 1
		}
	}
	for k < hi && (npWord(toks, k, -1, text) || compoundRole(toks, k, hi)) {
		if k > start && toks[k].has(lxDeterminer) && !complementAt(toks, k-1) && !nameArticle(toks, k) {
			break
		}
		k++
		if isPossessive(toks[k-1]) && !(k < hi && toks[k].upper && toks[k].has(lxBodyNoun)) {
			break // "Eirik Haugland's Labour Front": the owner ends the phrase
		}
	}
	for k > start && toks[k-1].kind == word && (toks[k-1].has(lxConnector) || toks[k-1].has(lxDeterminer)) {
		k--
	}
	return k
}

// mentionOf classifies the noun phrase toks[start:stop].
func mentionOf(toks []token, start, stop int, text string) mention {
	if start >= stop {
		return mention{}
	}
	m := mention{text: text[toks[start].start:toks[stop-1].end], off: toks[start].start}
	if stop-start == 1 {
		if toks[start].has(lxPronoun) {
			m.pronoun = toks[start].lower
			return m
		}
	}
	i := start
	if toks[i].has(lxDeterminer) {
		m.det = toks[i].lower
		i++
	}
	if i >= stop {
		return mention{}
	}
	splitTitle(&m, toks[i:stop], text)
	if stop-i == 1 && m.det == "" && pluralNoun(toks[i].lower) {
		m.generic = true // "Promoters said"
	}
	return m
}

// splitTitle fills the name, role and head of m from the words of a noun
// phrase after its determiner: "US special Representative for
// Afghanistan Tom West" is the name "Tom West" with that role; "State
// Department spokesperson" is a role with head "spokesperson".
func splitTitle(m *mention, toks []token, text string) {
	for len(toks) > 1 && postnominals[strings.Trim(toks[len(toks)-1].lower, ".")] {
		toks = toks[:len(toks)-1] // "Rosalind Achterberg KC"
	}
	last := toks[len(toks)-1]
	head := possessiveBase(last.lower)
	if !last.upper && (roleNouns[head] || bodyNouns[head]) && roleWithComplement(toks) < 0 {
		m.head = head
		m.role = text[toks[0].start:last.end]
		m.name = m.role
		m.body = bodyNouns[head]
		m.generic = genericRoles[head] && !hasUpper(toks[:len(toks)-1])
		return
	}
	full := text[toks[0].start:last.end]
	if r := roleWithComplement(toks); r >= 0 {
		m.head = possessiveBase(toks[r].lower) // "the US pointman for Afghanistan"
		m.role, m.name = full, full
		m.body = bodyNouns[m.head]
		if c := toks[r+2:]; r == 0 && hasUpper(c) && !c[0].has(lxDeterminer) || r == 0 && len(c) > 1 && c[0].has(lxDeterminer) && hasUpper(c[1:]) {
			if c[0].has(lxDeterminer) {
				c = c[1:]
			}
			for len(c) > 1 && !c[0].upper && c[1].upper {
				c = c[1:] // "the charity Elder Shield"
			}
			// "spokesperson for the Ashport Transit Company" is the
			// "Ashport Transit Company spokesperson"
			m.role = text[c[0].start:c[len(c)-1].end] + " " + toks[r].text(text)
			m.name = m.role
		} else if l := c[len(c)-1]; r == 0 && len(c) >= 2 && c[0].has(lxDeterminer) && !l.upper && l.has(lxRoleNoun) {
			m.of = l.lower // "spokesperson for the (federal) office"
		}
		return
	}
	n := nameStart(toks, text)
	if n > 0 && (toks[n-1].lower == "for" || toks[n-1].lower == "of") {
		if len(toks)-n < 3 {
			n = len(toks) // "Institute for Ocean Research": no person in it
		} else {
			n++ // "Representative for Afghanistan Tom West": the place is the title's
		}
	}
	if n == 1 && n < len(toks) && clubPrefix(toks[0], text) {
		n = 0 // "CD San Aurelio", "FC Porto": the prefix is part of the name
	}
	if n == 0 && len(toks) >= 3 && looksLikeRole(toks[0].lower) {
		n = 1 // "Meteorologist Adaeze Nwachukwu"
	}
	person := len(toks)-n >= 2 || (n > 0 && n < len(toks) && titles[strings.Trim(toks[n-1].lower, ".")])
	if n == 1 && toks[0].upper && toks[0].has(lxBodyNoun) {
		person = false // "Operation Sea Lantern", "Ministry Tower"
	}
	if m.det == "the" && n > 1 && n < len(toks) && toks[n-1].has(lxNameParticle) && !toks[n-1].upper {
		m.name, m.body = full, true // "the Col de Brume": a place, no colonel
		return
	}
	if !person && (hasBodyWord(toks) || countryLike(full)) {
		m.name, m.body = possessiveBase(full), true // "Valmont Water’s"
		return
	}
	if n == len(toks) {
		if w := possessiveBase(strings.Trim(last.lower, ".")); titles[w] || roleNouns[w] {
			m.name, m.role, m.head = full, full, w // "the Minister", a title alone
			m.body = bodyNouns[w]                  // "Millbrook Water Authority"
			return
		}
		m.text = "" // "Vietnamese technical": no name in it
		return
	}
	m.name = possessiveBase(text[toks[n].start:last.end])
	if n > 0 {
		m.role = strings.TrimSpace(text[toks[0].start:toks[n-1].end])
		m.head = strings.ToLower(toks[n-1].text(text))
	}
}

// clubPrefix reports whether t is an acronym that opens the name of a
// club or company ("CD", "FC", "AC") rather than a title ("CEO", "MP").
func clubPrefix(t token, text string) bool {
	w := strings.Trim(t.lower, ".")
	return isAcronym(t.text(text)) && !titles[w] && !roleNouns[w] && !postnominals[w]
}

// looksLikeRole reports whether a capitalised word before a name is
// more likely a job than a given name: "Meteorologist", "Owner".
func looksLikeRole(w string) bool {
	if roleNouns[w] || titles[w] {
		return true
	}
	for _, suf := range []string{"ist", "ologist", "man", "woman", "person", "ian", "ant", "ent", "er", "or"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// nameStart returns where the personal name at the end of toks begins:
// capitalised words, with lower-case particles between them ("Anna-Lena
// van der Berg").
func nameStart(toks []token, text string) int {
	n := len(toks)
	for n > 0 {
		p := n - 1
		for p > 0 && toks[p].has(lxNameParticle) && !toks[p].upper {
			p--
		}
		if !isNameWord(toks[p], text) {
			return n
		}
		n = p
	}
	return n
}

// compoundRole reports whether the lower-case word toks[k] is the first
// half of a role such as "campaign director" or "election agent".
func compoundRole(toks []token, k, hi int) bool {
	if k+1 >= hi || !lowerWord(toks[k]) || toks[k].has(lxSkippable) || toks[k].has(lxPreposition) || toks[k].has(lxRelative) {
		return false
	}
	if toks[k].has(lxCue) {
		return false
	}
	n := toks[k+1]
	return n.kind == word && !n.upper && n.has(lxRoleNoun) && !n.has(lxGenericRole)
}

// nameArticle reports whether the article at toks[i] stands inside a
// name: "Alliance for a Living Valley", "Office of the Privacy
// Commissioner".
func nameArticle(toks []token, i int) bool {
	if i < 2 || i+1 >= len(toks) || (toks[i-1].lower != "for" && toks[i-1].lower != "of") {
		return false
	}
	return toks[i-2].upper && toks[i+1].upper
}

// complementAt reports whether toks[i] is the "for" or "of" of a role's
// complement: "a spokesperson for the authority".
func complementAt(toks []token, i int) bool {
	if i < 1 || i >= len(toks) || (toks[i].lower != "for" && toks[i].lower != "of") {
		return false
	}
	r := toks[i-1]
	return r.kind == word && !r.upper && r.has(lxRoleNoun)
}

// roleWithComplement returns the index of a lower-case role noun
// followed by "for" or "of" and a capitalised complement ("minister for
// Health", "envoy of the UN"), or -1.
func roleWithComplement(toks []token) int {
	for r := len(toks) - 3; r >= 0; r-- {
		t := toks[r]
		if t.kind == word && !t.upper && t.has(lxRoleNoun) && (toks[r+1].lower == "for" || toks[r+1].lower == "of") {
			return r
		}
	}
	return -1
}

// isNameWord reports whether t can be part of a person's name: a
// capitalised word that is not a title, role or body word.
func isNameWord(t token, text string) bool {
	if t.kind != word || !t.upper {
		return false
	}
	return !t.baseHas(lxTitle|lxBodyNoun|lxRoleNoun) && !isAcronym(t.text(text))
}

// hasUpper reports whether any of toks is capitalised.
func hasUpper(toks []token) bool {
	for _, t := range toks {
		if t.upper {
			return true
		}
	}
	return false
}

// hasBodyWord reports whether a phrase names an organisation.
func hasBodyWord(toks []token) bool {
	for _, t := range toks {
		if t.upper && t.baseHas(lxBodyNoun) {
			return true
		}
	}
	return false
}

// countryLike reports whether a capitalised name is more likely a place
// or body than a person: "United States", "Washington", "EU".
func countryLike(name string) bool {
	if isAcronym(name) {
		return true
	}
	var buf [64]byte
	l := appendLower(buf[:0], name)
	if countries[string(l)] {
		return true
	}
	for _, p := range []string{"united ", "republic", "kingdom", "states", "nations", "union"} {
		if bytes.Contains(l, []byte(p)) {
			return true
		}
	}
	return false
}

// countries are names of countries and capitals that stand for their
// governments ("Washington said", "Vietnam has asked").
var countries = setOf("afghanistan algeria argentina australia austria bangladesh belgium brazil britain canada chile china colombia denmark egypt estonia ethiopia finland france germany ghana greece india indonesia iran iraq ireland israel italy japan jordan kenya korea latvia lithuania malaysia mexico morocco netherlands nigeria norway pakistan peru philippines poland portugal qatar romania russia senegal singapore spain sweden switzerland syria taiwan tanzania thailand turkey uganda ukraine vietnam yemen zimbabwe washington london paris berlin beijing moscow tokyo delhi islamabad kabul brussels ottawa canberra madrid rome athens ankara cairo tehran baghdad kyiv warsaw vienna stockholm oslo copenhagen helsinki dublin lisbon bern geneva nairobi lagos accra pretoria seoul manila jakarta hanoi bangkok")

// pluralNoun reports whether a capitalised word alone is more likely a
// plural noun ("Promoters", "Analysts") than a name.
func pluralNoun(w string) bool {
	if genericRoles[w] {
		return true
	}
	for _, suf := range []string{"ers", "ors", "ists", "ants", "ents", "ians", "ives"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

package quotes

import (
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
func leftNP(toks []token, lo, end int, tx *texts) (start, stop int, appos [2]int) {
	k := skipLeft(toks, lo, end, tx)
	if k > lo && toks[k-1].is(tx.text, ",") {
		if c := findLeft(toks, lo, k-1, ",", 24, tx); c >= 0 {
			appos = [2]int{c + 1, k - 1}
			k = skipLeft(toks, lo, c, tx)
		}
	}
	if k-2 > lo && toks[k-1].kind == word && isNumber(tx.word(toks[k-1])) && toks[k-2].is(tx.text, ",") {
		k -= 2 // "Frank O’Brien, 68, who ..., said"
	}
	stop = k
	start = k
	if start > lo && toks[start-1].kind == word {
		if toks[start-1].has(lxPronoun) {
			return start - 1, stop, appos
		}
	}
	for start > lo && (npWord(toks, start-1, lo, tx) || compoundRole(toks, start-1, stop, tx)) {
		start--
		if toks[start].has(lxDeterminer) && !complementAt(toks, start-1, tx) && !nameArticle(toks, start, tx) {
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
func skipLeft(toks []token, lo, end int, tx *texts) int {
	k := end
	for k > lo {
		t := toks[k-1]
		if t.kind == word && t.has(lxSkippable) {
			k--
			continue
		}
		if k >= lo+2 && tx.word(t) == "to" && tx.word(toks[k-2]) == "used" {
			k -= 2 // "used to tell us"
			continue
		}
		if k >= lo+2 && t.kind == word && t.has(lxTimeWord) && toks[k-2].has(lxTimeOpener) {
			k -= 2 // "last year", "this week"
			continue
		}
		if p := prepPhraseStart(toks, lo, k, tx); p >= 0 {
			k = p
			continue
		}
		break
	}
	return k
}

// prepPhraseStart returns the start of a short prepositional phrase of
// time or channel ending at toks[end-1], or -1.
func prepPhraseStart(toks []token, lo, end int, tx *texts) int {
	for p := end - 1; p >= lo && p >= end-8; p-- {
		t := toks[p]
		if t.kind != word && !t.is(tx.text, "(") && !t.is(tx.text, ")") {
			return -1
		}
		if t.has(lxPronoun | lxRelative | lxSubordinator) {
			return -1 // "on the first day when he told", "at the floor as the judge added": the speaker is in it
		}
		if t.kind == word && t.has(lxPreposition) && p+1 < end {
			n := toks[p+1]
			if n.kind == word && (n.has(lxDeterminer) || n.has(lxTimeWord) || n.upper || isNumber(tx.word(n))) {
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
func findLeft(toks []token, lo, end int, c string, max int, tx *texts) int {
	for p := end - 1; p >= lo && p >= end-max; p-- {
		if toks[p].is(tx.text, c) {
			return p
		}
		if toks[p].kind == quote {
			return -1
		}
	}
	return -1
}

// npWord reports whether toks[i] can be part of a speaker's noun phrase.
func npWord(toks []token, i, lo int, tx *texts) bool {
	t := &toks[i]
	switch t.kind {
	case punct:
		c := t.text(tx.text)
		return (c == "(" || c == ")") && parenthesisedAcronym(toks, i, tx)
	case word:
		if t.upper {
			return !(i == lo || isSentenceStart(toks, i, tx)) || !t.has(lxSentenceStarter) || t.has(lxDeterminer)
		}
		if (tx.word(*t) == "and" || tx.word(*t) == "&") && (inOfName(toks, i, tx) || inBodyName(toks, i)) {
			return true // "Ministry of Energy and Climate", "Fire and Rescue Service"
		}
		return t.has(lxDeterminer|lxConnector) || t.baseHas(lxRoleNoun|lxBodyNoun|lxModifier) || t.poss || strings.ContainsRune(tx.word(*t), '-')
	}
	return false
}

// inOfName reports whether the "and" at toks[i] joins two capitalised
// words after an "of": "Department of Housing and Community Development".
func inOfName(toks []token, i int, tx *texts) bool {
	if i == 0 || i+1 >= len(toks) || !toks[i-1].upper || !toks[i+1].upper {
		return false
	}
	for j := i - 2; j >= 0 && j >= i-4; j-- {
		if tx.word(toks[j]) == "of" {
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
func isSentenceStart(toks []token, i int, tx *texts) bool {
	if i == 0 {
		return true
	}
	p := toks[i-1]
	return p.kind == punct && strings.Contains(".!?:—–", p.text(tx.text))
}

// parenthesisedAcronym reports whether the bracket at toks[i] belongs to
// "(ISI)" inside a name.
func parenthesisedAcronym(toks []token, i int, tx *texts) bool {
	if toks[i].is(tx.text, "(") {
		return i+2 < len(toks) && isAcronym(toks[i+1].text(tx.text)) && toks[i+2].is(tx.text, ")")
	}
	return i >= 2 && isAcronym(toks[i-1].text(tx.text)) && toks[i-2].is(tx.text, "(")
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
	n := len(w)
	if n == 0 {
		return w
	}
	switch w[n-1] {
	case 's', 'S':
		if n >= 2 && w[n-2] == '\'' {
			return w[:n-2] // "country's"
		}
		if n >= 4 && w[n-4:n-1] == "’" {
			return w[:n-4] // "country’s"
		}
	case '\'':
		if n >= 2 && isS(w[n-2]) {
			return w[:n-1] // "workers'"
		}
	case 0x99: // the last byte of "’"
		if n >= 4 && w[n-3:] == "’" && isS(w[n-4]) {
			return w[:n-3] // "workers’"
		}
	}
	return w
}

// isS reports whether c is the letter s in either case.
func isS(c byte) bool { return c == 's' || c == 'S' }

// rightNP returns the end of the noun phrase starting at toks[start].
func rightNP(toks []token, start, hi int, tx *texts) int {
	k := start
	if k < hi && toks[k].kind == word {
		if toks[k].has(lxPronoun) {
			return k + 1
		}
	}
	for k < hi && (npWord(toks, k, -1, tx) || compoundRole(toks, k, hi, tx)) {
		if k > start && toks[k].has(lxDeterminer) && !complementAt(toks, k-1, tx) && !nameArticle(toks, k, tx) {
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
func mentionOf(toks []token, start, stop int, tx *texts) mention {
	if start >= stop {
		return mention{}
	}
	m := mention{text: tx.text[toks[start].start:toks[stop-1].end], off: toks[start].start}
	if stop-start == 1 {
		if toks[start].has(lxPronoun) {
			m.pronoun = tx.word(toks[start])
			return m
		}
	}
	i := start
	if toks[i].has(lxDeterminer) {
		m.det = tx.word(toks[i])
		i++
	}
	if i >= stop {
		return mention{}
	}
	splitTitle(&m, toks[i:stop], tx)
	if stop-i == 1 && m.det == "" && pluralNoun(tx.word(toks[i])) {
		m.generic = true // "Promoters said"
	}
	return m
}

// splitTitle fills the name, role and head of m from the words of a noun
// phrase after its determiner: "US special Representative for
// Afghanistan Tom West" is the name "Tom West" with that role; "State
// Department spokesperson" is a role with head "spokesperson".
func splitTitle(m *mention, toks []token, tx *texts) {
	for len(toks) > 1 && postnominals[strings.Trim(tx.word(toks[len(toks)-1]), ".")] {
		toks = toks[:len(toks)-1] // "Rosalind Achterberg KC"
	}
	last := toks[len(toks)-1]
	head := possessiveBase(tx.word(last))
	if !last.upper && last.baseHas(lxRoleNoun|lxBodyNoun) && roleWithComplement(toks, tx) < 0 {
		m.head = head
		m.role = tx.text[toks[0].start:last.end]
		m.name = m.role
		m.body = last.baseHas(lxBodyNoun)
		m.generic = last.baseHas(lxGenericRole) && !hasUpper(toks[:len(toks)-1])
		return
	}
	full := tx.text[toks[0].start:last.end]
	if r := roleWithComplement(toks, tx); r >= 0 {
		m.head = possessiveBase(tx.word(toks[r])) // "the US pointman for Afghanistan"
		m.role, m.name = full, full
		m.body = toks[r].baseHas(lxBodyNoun)
		if c := toks[r+2:]; r == 0 && hasUpper(c) && !c[0].has(lxDeterminer) || r == 0 && len(c) > 1 && c[0].has(lxDeterminer) && hasUpper(c[1:]) {
			if c[0].has(lxDeterminer) {
				c = c[1:]
			}
			for len(c) > 1 && !c[0].upper && c[1].upper {
				c = c[1:] // "the charity Elder Shield"
			}
			// "spokesperson for the Ashport Transit Company" is the
			// "Ashport Transit Company spokesperson"
			m.role = tx.text[c[0].start:c[len(c)-1].end] + " " + toks[r].text(tx.text)
			m.name = m.role
		} else if l := c[len(c)-1]; r == 0 && len(c) >= 2 && c[0].has(lxDeterminer) && !l.upper && l.has(lxRoleNoun) {
			m.of = tx.word(l) // "spokesperson for the (federal) office"
		}
		return
	}
	n := nameStart(toks, tx)
	if n > 0 && (tx.word(toks[n-1]) == "for" || tx.word(toks[n-1]) == "of") {
		if len(toks)-n < 3 {
			n = len(toks) // "Institute for Ocean Research": no person in it
		} else {
			n++ // "Representative for Afghanistan Tom West": the place is the title's
		}
	}
	if n == 1 && n < len(toks) && clubPrefix(toks[0], tx) {
		n = 0 // "CD San Aurelio", "FC Porto": the prefix is part of the name
	}
	if n == 0 && len(toks) >= 3 && looksLikeRole(tx.word(toks[0])) {
		n = 1 // "Meteorologist Adaeze Nwachukwu"
	}
	person := len(toks)-n >= 2 || (n > 0 && n < len(toks) && titles[strings.Trim(tx.word(toks[n-1]), ".")])
	if n == 1 && toks[0].upper && toks[0].has(lxBodyNoun) {
		person = false // "Operation Sea Lantern", "Ministry Tower"
	}
	if m.det == "the" && n > 1 && n < len(toks) && toks[n-1].has(lxNameParticle) && !toks[n-1].upper {
		m.name, m.body = full, true // "the Col de Brume": a place, no colonel
		return
	}
	if !person && (hasBodyWord(toks) || countryLikePhrase(toks, tx)) {
		m.name, m.body = possessiveBase(full), true // "Valmont Water’s"
		return
	}
	if n == len(toks) {
		if w := possessiveBase(strings.Trim(tx.word(last), ".")); titles[w] || roleNouns[w] {
			m.name, m.role, m.head = full, full, w // "the Minister", a title alone
			m.body = bodyNouns[w]                  // "Millbrook Water Authority"
			return
		}
		m.text = "" // "Vietnamese technical": no name in it
		return
	}
	m.name = possessiveBase(tx.text[toks[n].start:last.end])
	if n > 0 {
		m.role = strings.TrimSpace(tx.text[toks[0].start:toks[n-1].end])
		m.head = tx.word(toks[n-1])
	}
}

// clubPrefix reports whether t is an acronym that opens the name of a
// club or company ("CD", "FC", "AC") rather than a title ("CEO", "MP").
func clubPrefix(t token, tx *texts) bool {
	w := strings.Trim(tx.word(t), ".")
	return isAcronym(t.text(tx.text)) && !titles[w] && !roleNouns[w] && !postnominals[w]
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
func nameStart(toks []token, tx *texts) int {
	n := len(toks)
	for n > 0 {
		p := n - 1
		for p > 0 && toks[p].has(lxNameParticle) && !toks[p].upper {
			p--
		}
		if !isNameWord(toks[p], tx) {
			return n
		}
		n = p
	}
	return n
}

// compoundRole reports whether the lower-case word toks[k] is the first
// half of a role such as "campaign director" or "election agent".
func compoundRole(toks []token, k, hi int, tx *texts) bool {
	if k+1 >= hi || !lowerWord(toks[k], tx) || toks[k].has(lxSkippable) || toks[k].has(lxPreposition) || toks[k].has(lxRelative) {
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
func nameArticle(toks []token, i int, tx *texts) bool {
	if i < 2 || i+1 >= len(toks) || (tx.word(toks[i-1]) != "for" && tx.word(toks[i-1]) != "of") {
		return false
	}
	return toks[i-2].upper && toks[i+1].upper
}

// complementAt reports whether toks[i] is the "for" or "of" of a role's
// complement: "a spokesperson for the authority".
func complementAt(toks []token, i int, tx *texts) bool {
	if i < 1 || i >= len(toks) || (tx.word(toks[i]) != "for" && tx.word(toks[i]) != "of") {
		return false
	}
	r := toks[i-1]
	return r.kind == word && !r.upper && r.has(lxRoleNoun)
}

// roleWithComplement returns the index of a lower-case role noun
// followed by "for" or "of" and a capitalised complement ("minister for
// Health", "envoy of the UN"), or -1.
func roleWithComplement(toks []token, tx *texts) int {
	for r := len(toks) - 3; r >= 0; r-- {
		t := toks[r]
		if t.kind == word && !t.upper && t.has(lxRoleNoun) && (tx.word(toks[r+1]) == "for" || tx.word(toks[r+1]) == "of") {
			return r
		}
	}
	return -1
}

// isNameWord reports whether t can be part of a person's name: a
// capitalised word that is not a title, role or body word.
func isNameWord(t token, tx *texts) bool {
	if t.kind != word || !t.upper {
		return false
	}
	return !t.baseHas(lxTitle|lxBodyNoun|lxRoleNoun) && !isAcronym(t.text(tx.text))
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
	l := string(appendLower(buf[:0], name))
	return wordClasses.classOf(l)&lxCountry != 0 || hasCountryWord(l)
}

// countryLikePhrase is countryLike for the text of the phrase toks. A
// phrase of one word is told by the classes and the lower case the
// tokenizer found for it, with no lowering or lookup of its own.
func countryLikePhrase(toks []token, tx *texts) bool {
	t := toks[0]
	if len(toks) > 1 || t.kind != word {
		return countryLike(tx.text[t.start:toks[len(toks)-1].end])
	}
	return isAcronym(t.text(tx.text)) || t.has(lxCountry) || hasCountryWord(tx.word(t))
}

// hasCountryWord reports whether the lower-case name l contains a word
// of the names of states and unions: "united ", "republic", "kingdom",
// "states", "nations" or "union".
func hasCountryWord(l string) bool {
	for i := 0; i < len(l); i++ {
		rest := l[i:]
		switch l[i] {
		case 'u':
			if strings.HasPrefix(rest, "united ") || strings.HasPrefix(rest, "union") {
				return true
			}
		case 'r':
			if strings.HasPrefix(rest, "republic") {
				return true
			}
		case 'k':
			if strings.HasPrefix(rest, "kingdom") {
				return true
			}
		case 's':
			if strings.HasPrefix(rest, "states") {
				return true
			}
		case 'n':
			if strings.HasPrefix(rest, "nations") {
				return true
			}
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

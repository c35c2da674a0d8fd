package quotes

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entity is a person or body the article speaks of. Mentions of it ("Tom
// West", "West", "he", "the envoy") resolve to one entity, whose name is
// the canonical speaker.
type entity struct {
	name     string
	key      string   // name in lower case
	words    []string // the words of key
	role     string
	roles    []heldRole // role nouns, lower case, each once
	body     bool
	person   bool        // known to be a person: a given name, a title, a gender
	spoke    int         // how many quotes are attributed to it
	gender   string      // "m", "f" or ""
	lastSeen int         // sequence number of the latest mention
	lastSent int         // sentence of the latest mention
	sentSubj bool        // whether it was a speaker or subject in that sentence
	sentAt   int         // sequence number of its first mention in that sentence
	sentOff  int         // byte offset of its first mention in that sentence
	roleBuf  [4]heldRole // room for the first roles, so that they need no allocation
	lastRole string      // the latest role addRole took in, whose nouns are in roles
}

// heldRole is a role noun an entity holds; plain when held without a
// rank ("commissioner", not "assistant commissioner").
type heldRole struct {
	noun  string
	plain bool
}

// cast is the set of entities of one article.
type cast struct {
	ents  []*entity
	slab  []entity        // room for entities, reused from article to article
	used  int             // how many entities of slab this article has taken
	words []string        // room for the words of new entities' names
	keys  strings.Builder // the arena of the entities' lower-case names
	seq   int
	sent  int // the current sentence, counted from 1
}

// keyArena is how many bytes the lower-case names of an article's
// entities get at first: enough for most articles.
const keyArena = 512

// nextSentence starts a new sentence.
func (c *cast) nextSentence() { c.sent++ }

// see records a mention of e; subject says whether it was the speaker or
// the subject of a sentence.
func (c *cast) see(e *entity, subject bool, off int) {
	c.seq++
	e.lastSeen = c.seq
	if e.lastSent != c.sent {
		e.lastSent, e.sentSubj, e.sentAt, e.sentOff = c.sent, false, c.seq, off
	}
	e.sentSubj = e.sentSubj || subject
}

// addRole records the role words of a title or description.
func (e *entity) addRole(role string) {
	var buf [32]byte
	if role != "" && role == e.lastRole {
		e.person = e.person || !e.body
		return // its role nouns are held already, and e.role is set
	}
	if role == "" || relativeWords[string(appendLower(buf[:0], firstField(role)))] {
		return // "who has run the pub since 1987" describes, it is no title
	}
	if e.role == "" {
		e.role = role
	}
	e.person = e.person || !e.body
	e.lastRole = role
	ranked := false
	for w := range strings.FieldsSeq(role) {
		lw := bytes.Trim(appendLower(buf[:0], w), ",.()")
		if i := bytes.IndexByte(lw, '-'); i > 0 && rankWords[string(lw[:i])] {
			if noun, c := wordClasses.lookup(string(lw)); c&lxRoleNoun != 0 {
				e.setRole(noun, true) // "the vice-rector"
			}
			ranked, lw = true, lw[i+1:] // not "the rector"
		}
		noun, c := wordClasses.lookup(string(lw))
		if c&(lxRoleNoun|lxTitle) != 0 {
			e.setRole(noun, !ranked)
		}
		// a rank word reaches over the modifiers after it: the "deputy
		// health minister" is no "minister"
		ranked = rankWords[string(lw)] || (ranked && c&lxModifier != 0)
	}
}

// rankWords put a role below the one they qualify: the "assistant
// commissioner" is not "the commissioner".
var rankWords = setOf("assistant deputy vice associate junior under sub")

// rankedRole reports whether a rank word stands before the head noun of
// a role, with only modifiers between: "the deputy minister", "the
// deputy health minister".
func rankedRole(role, head string) bool {
	ranked := false
	for w := range strings.FieldsSeq(strings.ToLower(role)) {
		if w == head {
			return ranked
		}
		if i := strings.IndexByte(w, '-'); i > 0 && w[i+1:] == head {
			return rankWords[w[:i]]
		}
		ranked = rankWords[w] || (ranked && modifiers[w])
	}
	return false
}

// setRole records that e holds the role noun w, plainly or under a
// rank word.
func (e *entity) setRole(w string, plain bool) {
	for i := range e.roles {
		if e.roles[i].noun == w {
			e.roles[i].plain = e.roles[i].plain || plain
			return
		}
	}
	if e.roles == nil {
		e.roles = e.roleBuf[:0]
	}
	e.roles = append(e.roles, heldRole{w, plain})
}

// roleOf reports whether e holds the role noun w, and whether plainly.
func (e *entity) roleOf(w string) (held, plain bool) {
	for _, r := range e.roles {
		if r.noun == w {
			return true, r.plain
		}
	}
	return false, false
}

// firstField returns the first word of s, "" when there is none.
func firstField(s string) string {
	for w := range strings.FieldsSeq(s) {
		return w
	}
	return ""
}

// hasRole reports whether e holds the role noun or one of its synonyms.
func (e *entity) hasRole(noun string) bool {
	if held, _ := e.roleOf(noun); held {
		return true
	}
	for _, s := range roleSynonyms[noun] {
		if held, _ := e.roleOf(s); held {
			return true
		}
	}
	return false
}

// plainRole reports whether e holds the role noun or one of its
// synonyms without a rank word before it.
func (e *entity) plainRole(noun string) bool {
	if _, plain := e.roleOf(noun); plain {
		return true
	}
	for _, s := range roleSynonyms[noun] {
		if _, plain := e.roleOf(s); plain {
			return true
		}
	}
	return false
}

// honorifics are titles and loose role words that go with any office:
// "Professor Halvorsen" may be the rector, "Mr Serrat" the governor, the
// "health boss" the minister.
var honorifics = setOf("mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend boss chief head leader official officer member")

// holdsOtherOffice reports whether e is known by a role noun that is
// neither noun, nor a synonym of it, nor an honorific, or holds noun
// under a rank word: the finance minister is not "the governor", the
// vice-rector not "the rector".
func (e *entity) holdsOtherOffice(noun string) bool {
	for _, held := range e.roles {
		r, plain := held.noun, held.plain
		if !roleNouns[r] || honorifics[r] {
			continue
		}
		if r == noun || slices.Contains(roleSynonyms[noun], r) {
			if !plain {
				return true
			}
			continue
		}
		return true
	}
	return false
}

// find returns the entity called name, by full name, by surname or given
// name of a person, or by an acronym in brackets.
//
// Names are compared in lower case, without building the lower-case name:
// find runs for every name in every sentence.
func (c *cast) find(name string, body bool) *entity {
	n := newLowerName(name)
	for _, e := range c.ents {
		if n.is(e.key) {
			return e
		}
	}
	if strings.Contains(name, " ") {
		var buf [8]string
		return c.findWords(appendFields(buf[:0], name))
	}
	var best *entity
	for _, e := range c.ents {
		if e.matchesPart(n) && (best == nil || e.spoke > best.spoke || e.spoke == best.spoke && e.lastSeen > best.lastSeen) {
			best = e // "O’Brien": the O’Brien who speaks, before his wife
		}
	}
	return best
}

// findWords returns the person whose name ends or begins with the words
// of a shorter mention ("Alvarado Ruiz" for "Teodoro Alvarado Ruiz"),
// compared in lower case.
func (c *cast) findWords(words []string) *entity {
	var best *entity
	for _, e := range c.ents {
		if e.body || len(e.words) <= len(words) || roleNouns[e.words[len(e.words)-1]] {
			continue
		}
		if lowerWordsOf(e.words[len(e.words)-len(words):], words) || lowerWordsOf(e.words[:len(words)], words) {
			if best == nil || e.lastSeen > best.lastSeen {
				best = e
			}
		}
	}
	return best
}

// appendFields appends the words of s, as strings.Fields splits them, to
// dst. ASCII text, nearly every name, is split in a single pass of its
// own; other text goes to strings.FieldsSeq, which knows every space.
func appendFields(dst []string, s string) []string {
	n, start := len(dst), -1 // the word being read starts at s[start]
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			clear(dst[n:])
			return appendFieldsSeq(dst[:n], s)
		case isASCIISpace(c):
			if start >= 0 {
				dst, start = append(dst, s[start:i]), -1
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// appendFieldsSeq is appendFields for any text.
func appendFieldsSeq(dst []string, s string) []string {
	for w := range strings.FieldsSeq(s) {
		dst = append(dst, w)
	}
	return dst
}

// isASCIISpace reports whether the ASCII character c is a space, as
// unicode.IsSpace has it.
func isASCIISpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// lowerWordsOf reports whether the words lower are the words ws in lower
// case.
func lowerWordsOf(lower, ws []string) bool {
	for i := range lower {
		if !isLowerOf(lower[i], ws[i]) {
			return false
		}
	}
	return len(lower) == len(ws)
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// matchesPart reports whether a one-word mention is a part of e's name:
// the surname or given name of a person, or the acronym of a body.
// Names are compared in lower case.
func (e *entity) matchesPart(name lowerName) bool {
	w := e.words
	if e.body {
		for _, x := range w {
			if len(x) >= 2 && x[0] == '(' && name.is(x[1:len(x)-1]) {
				return true // the acronym of "Inter-Services Intelligence (ISI)"
			}
		}
		return len(w) > 1 && name.is(w[0])
	}
	if len(w) < 2 {
		return false
	}
	for _, x := range w {
		if name.is(x) {
			return true // given name, surname, or one of two surnames
		}
	}
	return false
}

// add creates an entity. A body holds the role of the nouns in its name
// ("Ministry of Finance" is "the ministry").
func (c *cast) add(name string, body bool) *entity {
	key := c.lowerKey(name)
	e := c.newEntity()
	*e = entity{name: name, key: key, words: c.fields(key), body: body}
	if body {
		for _, w := range e.words {
			if bodyNouns[w] || roleNouns[w] {
				e.setRole(w, true)
			}
		}
	}
	if c.ents == nil {
		c.ents = make([]*entity, 0, 16)
	}
	c.ents = append(c.ents, e)
	return e
}

// fields returns the words of s, as strings.Fields splits them, in an
// array shared by the names of the cast.
func (c *cast) fields(s string) []string {
	n := len(c.words)
	c.words = appendFields(c.words, s)
	return c.words[n:len(c.words):len(c.words)]
}

// lowerKey returns strings.ToLower(name), written in an arena shared by
// the names of the article's entities, so that it costs no allocation
// of its own. The strings.Builder never changes the bytes it has
// written, so keys taken from it stay valid as it grows.
func (c *cast) lowerKey(name string) string {
	if c.keys.Cap() == 0 {
		c.keys.Grow(keyArena)
	}
	var buf [64]byte
	n := c.keys.Len()
	c.keys.Write(appendLower(buf[:0], name))
	return c.keys.String()[n:]
}

// newEntity returns an entity from the slab, which the caller must
// overwrite whole. A full slab is replaced by one twice the size, so
// that the entities of an article cost few allocations, and those of
// the articles after it, with a reused Extractor, none.
func (c *cast) newEntity() *entity {
	if c.used == len(c.slab) {
		c.slab, c.used = make([]entity, max(8, 2*len(c.slab))), 0
	}
	c.used++
	return &c.slab[c.used-1]
}

// release lets go of the article's entities, keeping the slab for the
// next article.
func (c *cast) release() {
	clear(c.ents)
	clear(c.words)
	clear(c.slab[:c.used])
	c.used = 0
}

// byRole returns the latest-mentioned entity holding a role noun as
// ranked says: plainly, or under a rank word such as "deputy". "The
// commissioner" is not the assistant commissioner.
func (c *cast) byRole(noun string, body, ranked bool) *entity {
	var best *entity
	for _, e := range c.ents {
		if e.body != bodyNouns[noun] {
			continue // "the authority" is a body, "the inspector" a person
		}
		if e.hasRole(noun) && e.plainRole(noun) != ranked && (best == nil || e.lastSeen > best.lastSeen) {
			best = e
		}
	}
	return best
}

// soleHolder returns the one named person who holds the role of m, or
// nil when nobody or several do. Of several holders of the head noun,
// the one whose title has all the words of the role wins: "its chief
// executive" is the "Chief Executive", not the "Chief Financial Officer".
func (c *cast) soleHolder(m mention) *entity {
	var holders []*entity
	for _, e := range c.ents {
		if !e.body && e.person && e.name != "" && e.hasRole(m.head) {
			holders = append(holders, e)
		}
	}
	if len(holders) > 1 {
		role := strings.ToLower(m.role)
		if m.det != "" {
			role = strings.TrimPrefix(role, m.det+" ")
		}
		var exact []*entity
		for _, e := range holders {
			if strings.Contains(strings.ToLower(e.role), role) {
				exact = append(exact, e)
			}
		}
		holders = exact
	}
	if len(holders) != 1 {
		return nil
	}
	return holders[0]
}

// byPronoun returns the entity a pronoun most likely refers to: of those
// it can stand for, the one in the latest sentence, a speaker or subject
// before others, the first mentioned before later ones. For "he", "she"
// or anyone (""), people come first, then names of two words or more
// not yet known to be people's ("Leontine Varro").
func (c *cast) byPronoun(p string, off int) *entity {
	return c.antecedent(p, off, "")
}

// antecedent is byPronoun passing over, for a role noun office, the
// people who hold another office.
func (c *cast) antecedent(p string, off int, office string) *entity {
	if e := c.latest(p, off, office, false); e != nil || (p != "he" && p != "she" && p != "") {
		return e
	}
	return c.latest(p, off, office, true)
}

// latest returns the likeliest antecedent of pronoun p among the people
// (or, with named, the personal-looking names) that fit it. A role
// (p "") takes a personal-looking name only when it was the subject of
// one of the last two sentences.
func (c *cast) latest(p string, off int, office string, named bool) *entity {
	var best *entity
	for _, e := range c.ents {
		if e.lastSent == c.sent && e.sentOff > off {
			continue // named later in the pronoun's own sentence
		}
		if named && p == "" && (!e.sentSubj || e.lastSent < c.sent-2) {
			continue // "the commissioner" after "Varro was in no doubt."
		}
		if e.fits(p, named) && (office == "" || !e.holdsOtherOffice(office)) && (best == nil || e.before(best)) {
			best = e
		}
	}
	return best
}

// fits reports whether the pronoun p can stand for e: a person of its
// gender for "he" and "she", a body for "it", a person for "" (anyone).
// With named, the people are the names that may be people's: of two
// words or more, no body, not a place.
func (e *entity) fits(p string, named bool) bool {
	person := e.person
	if named {
		person = !e.person && !e.body && len(e.words) >= 2 && !placeWords[e.words[0]]
	}
	switch p {
	case "he", "she":
		return person && (e.gender == "" || e.gender == pronouns[p]) && !e.plural()
	case "it":
		return e.body
	case "":
		return person // anyone
	}
	return true
}

// latestSubject returns who spoke or was the subject in the latest of
// the three sentences before this one, if anyone.
func (c *cast) latestSubject() *entity {
	var best *entity
	for _, e := range c.ents {
		if !e.sentSubj || e.lastSent >= c.sent || e.lastSent < c.sent-3 {
			continue
		}
		if best == nil || e.before(best) {
			best = e
		}
	}
	return best
}

// plural reports whether e is a group known by a plural role ("Old
// Harbour residents"), whom "he" and "she" do not stand for.
func (e *entity) plural() bool {
	last := e.words[len(e.words)-1]
	return strings.HasSuffix(e.name, last) && pluralNoun(last)
}

// before reports whether e is a likelier antecedent than o.
func (e *entity) before(o *entity) bool {
	switch {
	case e.lastSent != o.lastSent:
		return e.lastSent > o.lastSent
	case e.sentSubj != o.sentSubj:
		return e.sentSubj
	}
	return e.sentAt < o.sentAt
}

// isDemonym reports whether a one-word name reads like a nationality
// used as a noun: "Norwegian", "Briton", "Frenchman", "Dutchman".
func isDemonym(name string) bool {
	if strings.ContainsAny(name, " -") || !isUpperRune(firstRune(name)) {
		return false
	}
	l := strings.ToLower(name)
	for _, suf := range []string{"ian", "ean", "ese", "ish", "man", "woman", "on", "i", "an"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

// placeWords begin the names of places: "San Telmo", "Fort William".
var placeWords = setOf("san santa são saint st st. fort port mount mt lake cape glen los las")

// genderOf returns the gender an honorific or role implies.
func genderOf(role string) string {
	var buf [32]byte
	for w := range strings.FieldsSeq(role) {
		switch string(bytes.Trim(appendLower(buf[:0], w), ".")) {
		case "mr", "sir", "lord", "king", "prince", "father", "spokesman", "chairman", "congressman", "brother", "son", "husband":
			return "m"
		case "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "mother", "spokeswoman", "chairwoman", "congresswoman", "sister", "daughter", "wife", "widow", "actress":
			return "f"
		}
	}
	return ""
}

// resolve returns the entity a mention refers to, creating it when the
// mention introduces a new speaker, and how it was found. It returns nil
// for a mention that names nobody in particular.
func (c *cast) resolve(m mention) (*entity, Method) {
	switch {
	case m.empty():
		return nil, Unattributed
	case m.pronoun != "":
		if e := c.byPronoun(m.pronoun, m.off); e != nil {
			if g := pronouns[m.pronoun]; (g == "m" || g == "f") && e.gender == "" {
				e.gender = g
			}
			return e, Pronoun
		}
		return nil, Unattributed
	case m.generic:
		if e := c.find(m.name, false); e != nil && m.det == "" {
			return e, Explicit // "Sanders said": a plural-looking surname
		}
		return nil, Unattributed
	case m.head != "" && m.name == m.role:
		return c.resolveRole(m)
	case m.det == "the" && isDemonym(m.name):
		if e := c.byPronoun("", m.off); e != nil {
			return e, Role // "The Norwegian, who joined in 2024, said"
		}
		return nil, Unattributed
	}
	return c.resolveName(m), Explicit
}

// resolveRole resolves "the spokesperson" to an earlier holder of the
// role, or names a new speaker after an indefinite, specific role ("a
// State Department spokesperson").
func (c *cast) resolveRole(m mention) (*entity, Method) {
	if m.of != "" {
		name := c.bodyRole(m)
		if name == "" {
			return nil, Unattributed
		}
		e := c.find(name, false)
		if e == nil {
			e = c.add(name, false)
			e.addRole(m.head)
		}
		return e, Explicit
	}
	if of := bodyOwner(m.role); m.of == "" && of != "" && !strings.ContainsFunc(m.role, isUpperRune) {
		m.of = of // "a council spokesperson": the council's
		if e, method := c.resolveRole(m); e != nil {
			return e, method
		}
		m.of = ""
	}
	named := namedRole(m.role)
	if named {
		m.role = c.fullBodyRole(m)
		if e := c.find(m.role, m.body); e != nil {
			return e, Explicit
		}
	}
	if m.det == "the" || m.det == "" || m.det == "this" || possessivePronouns[m.det] != "" {
		if e := c.byRole(m.head, m.body, rankedRole(m.role, m.head)); e != nil {
			return e, Role
		}
		if genericBodies[m.head] && !named {
			if e := c.byPronoun("it", m.off); e != nil {
				return e, Role // "the company": the latest body spoken of
			}
		}
		if !bodyNouns[m.head] && !genericRoles[m.head] {
			if e := c.antecedent("", m.off, m.head); e != nil && (!named || len(e.roles) == 0) {
				return e, Role // "the coach": the latest person spoken of with no other office
			}
		}
	}
	if m.det != "" && !named {
		return nil, Unattributed // "a spokesperson", "its chief executive": unknown
	}
	e := c.add(m.role, m.body)
	e.addRole(m.head)
	return e, Explicit
}

// bodyOwner returns the word before the last of a role, in lower case,
// when it is a body noun ("council" in "a council spokesperson"), or "".
func bodyOwner(role string) string {
	var last, prev string
	for w := range strings.FieldsSeq(role) {
		prev, last = last, w
	}
	if prev == "" || last == "" {
		return ""
	}
	var buf [32]byte
	if noun, c := wordClasses.lookup(string(appendLower(buf[:0], prev))); c&lxBodyNoun != 0 {
		return noun // the lexicon's copy, which costs no allocation
	}
	return ""
}

// namedRole reports whether a role names its body or place in capitals
// ("the Rovers coach", "a Health Ministry spokesperson"), not only its
// office ("the Rector", "the Deputy Minister").
func namedRole(role string) bool {
	var buf [32]byte
	for w := range strings.FieldsSeq(role) {
		if !isUpperRune(firstRune(w)) {
			continue
		}
		c := wordClasses.classOf(possessiveBase(string(bytes.Trim(appendLower(buf[:0], w), ",.()"))))
		if c&(lxTitle|lxRoleNoun|lxModifier|lxDeterminer) == 0 || c&lxBodyNoun != 0 {
			return true
		}
	}
	return false
}

// bodyRole names the role in "a spokesperson for the authority" after
// the body it belongs to: the latest body of that kind ("Millbrook Water
// Authority spokesperson"), the latest body at all for a generic word
// ("the company"), or else the words as written, capitalised ("State
// Energy Ministry spokesperson").
func (c *cast) bodyRole(m mention) string {
	b := c.byRole(m.of, true, false)
	if b == nil && genericBodies[m.of] {
		b = c.byPronoun("it", m.off)
	}
	if b != nil && b.body {
		return b.name + " " + m.head
	}
	if !strings.Contains(m.role, " for ") && !strings.Contains(m.role, " of ") {
		return ""
	}
	words := strings.Fields(m.role)
	for i, w := range words {
		if w == "for" || w == "of" {
			words = words[i+1:]
			break
		}
	}
	if len(words) > 0 && determiners[strings.ToLower(words[0])] {
		words = words[1:]
	}
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ") + " " + m.head
}

// fullBodyRole returns the role of m with its body named as the article
// first named it: "Electoral Commission spokesperson" is the "Westmarch
// Electoral Commission spokesperson" once "the Westmarch Electoral
// Commission" has been named.
//
// The owner's words are lowered and joined in a buffer on the stack:
// only a role found longer costs an allocation.
func (c *cast) fullBodyRole(m mention) string {
	if m.body {
		return m.role
	}
	var wbuf [8]string
	words := appendFields(wbuf[:0], m.role)
	if len(words) < 2 {
		return m.role
	}
	var buf [64]byte
	owner := appendLower(buf[:0], words[0]) // the words but the last, in lower case
	for _, w := range words[1 : len(words)-1] {
		owner = appendLower(append(owner, ' '), w)
	}
	if !bodyNouns[string(owner[bytes.LastIndexByte(owner, ' ')+1:])] {
		return m.role
	}
	for _, e := range c.ents {
		if e.body && endsWithWords(e.key, owner) {
			return e.name + " " + words[len(words)-1]
		}
	}
	return m.role
}

// endsWithWords reports whether key ends with a space and the words
// owner, as strings.HasSuffix(key, " "+owner) does.
func endsWithWords(key string, owner []byte) bool {
	n := len(key) - len(owner)
	return n > 0 && key[n-1] == ' ' && key[n:] == string(owner)
}

// genericBodies are words for any organisation.
// "Bosses" and "the management" speak for the latest body.
var genericBodies = setOf("company firm group organisation organization business operator club team agency body institution charity bosses management")

// resolveName resolves a named mention, registering it when new.
func (c *cast) resolveName(m mention) *entity {
	name := strings.TrimSpace(m.name)
	e := c.find(name, m.body)
	if e == nil {
		e = c.add(name, m.body)
	}
	e.addRole(m.role)
	if e.gender == "" && !e.body {
		e.gender = genderOf(m.role)
	}
	if e.gender == "" && !e.body && len(e.words) > 0 {
		first := e.words[0]
		e.gender = givenNames[first]
		if i := strings.IndexByte(first, '-'); e.gender == "" && i > 0 {
			e.gender = givenNames[first[:i]] // "Anna-Katharina"
		}
	}
	e.person = (e.person || e.gender != "") && !placeWords[e.words[0]]
	return e
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }

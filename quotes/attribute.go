package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Confidence of each way of finding a speaker.
var confidence = map[Method]float64{
	Explicit:    0.95,
	Role:        0.85,
	Pronoun:     0.8,
	HeadlineCue: 0.8,
	CarriedOver: 0.7,
}

// attributor links the quotes of one article to their speakers, reading
// the reporter's words around each quote sentence by sentence, and keeps
// the cast of people and bodies the article has named so far.
type attributor struct {
	doc       Document
	texts     texts
	qs        []Quote
	cast      cast
	last      *entity // speaker of the latest attributed quote
	lastBlock int
	lastChan  string // its channel
	lastSent  int    // the cast's sentence of the latest attributed quote
	pending   []pendingRole
	words     quoteWords // the words of the quotes, once needed
	phrases   phrases    // the noun phrases of the current sentence
	channel   channelMemo
}

// quoteWords are the words of an article's quotes, found once needed
// (for headlines that quote the story) and kept in arrays that an
// Extractor reuses.
type quoteWords struct {
	byQuote [][]string // the words of each quote, nil until needed
	arena   []string   // the array the words are kept in
}

// release empties w for the next article, letting go of its words.
func (w *quoteWords) release() quoteWords {
	clear(w.byQuote)
	clear(w.arena)
	return quoteWords{byQuote: w.byQuote[:0], arena: w.arena[:0]}
}

// pendingRole is a quote whose speaker was given only by a role that
// named nobody yet: "as a judge blasted his “greed”".
type pendingRole struct {
	q *Quote
	m mention
}

// found is the result of one attribution rule.
type found struct {
	m       mention
	cue     string
	appos   string // an appositive next to the speaker
	carried *entity
	method  Method
}

// attribute fills in the Speaker of every quote and flags title-like
// quotes. Headlines are read last, when the story has named its people.
// The frames and the cast's lists are built in x's buffers, which are
// left for the next article.
func (x *Extractor) attribute(doc Document, spans []span, qs []Quote) {
	a := attributor{doc: doc, texts: newTexts(doc.Text), qs: qs, lastBlock: -2, words: x.words, phrases: x.phrases}
	a.cast.ents, a.cast.words, a.cast.slab = x.ents[:0], x.names[:0], x.slab
	frames := x.frames.build(&a.texts, doc, spans)
	heads := x.frames.heads[:0]
	for i := range frames {
		f := &frames[i]
		if doc.Blocks[f.block].Headline {
			heads = append(heads, f)
			continue
		}
		a.frame(f, false)
	}
	a.resolvePending()
	for _, f := range heads {
		a.frame(f, true)
	}
	clear(heads)
	x.frames.heads = heads[:0]
	a.cast.release() // let the article's entities go
	x.ents, x.names, x.slab = a.cast.ents[:0], a.cast.words[:0], a.cast.slab
	x.words, x.phrases = a.words.release(), a.phrases.release()
}

// resolvePending gives each quote whose speaker was a role that named
// nobody ("a judge", "its chief executive") the one person the story
// later names in that role ("Judge Sunita Raghavan-Moore").
func (a *attributor) resolvePending() {
	for _, p := range a.pending {
		e := a.cast.soleHolder(p.m)
		if e == nil {
			continue
		}
		p.q.Speaker.Name, p.q.Speaker.Role = e.name, e.role
		p.q.Speaker.Method, p.q.Speaker.Confidence = Role, confidence[Role]
	}
}

// echoSpeaker returns the speaker of a story quote that contains the words
// of a headline quote: headlines quote the story.
func (a *attributor) echoSpeaker(q *Quote) (Attribution, bool) {
	var buf [16]string
	words := appendWordsOf(buf[:0], a.lowerText(q))
	if len(words) == 0 {
		return Attribution{}, false
	}
	for i := range a.qs {
		o := &a.qs[i]
		if o == q || o.Speaker.Name == "" || a.doc.Blocks[o.Block].Headline {
			continue
		}
		if containsRun(a.quoteWords(i), words) {
			at := o.Speaker
			at.Method, at.Confidence, at.Mention, at.Cue, at.Channel = HeadlineCue, confidence[HeadlineCue], "", "", ""
			return at, true
		}
	}
	return Attribution{}, false
}

// quoteWords returns the words of the text of the quote qs[i],
// computed once however many headline quotes look for it.
func (a *attributor) quoteWords(i int) []string {
	w := &a.words
	if len(w.byQuote) == 0 {
		w.byQuote = reuse(w.byQuote, len(a.qs))[:len(a.qs)] // all nil
	}
	if w.byQuote[i] == nil {
		n := len(w.arena)
		w.arena = appendWordsOf(w.arena, a.lowerText(&a.qs[i]))
		w.byQuote[i] = w.arena[n:len(w.arena):len(w.arena)]
	}
	return w.byQuote[i]
}

// lowerText returns the text of q in lower case, taken from the
// article's lower-case text when the quote is one span of it.
func (a *attributor) lowerText(q *Quote) string {
	if q.Text == a.doc.Text[q.Start:q.End] {
		return a.texts.lowerOf(q.Start, q.End)
	}
	return strings.ToLower(q.Text)
}

// appendWordsOf appends the words of the lower-case text s without
// punctuation to dst.
func appendWordsOf(dst []string, s string) []string {
	for w := range strings.FieldsFuncSeq(s, notWordRune) {
		dst = append(dst, w)
	}
	return dst
}

// notWordRune reports whether r is no part of a word.
func notWordRune(r rune) bool { return !isWordRune(r) }

// containsRun reports whether words holds run as consecutive words.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		if equalWords(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// build tokenizes every block, folding quotes into quote tokens. The
// frames share one array of tokens and one of sentences, both kept in
// fb for the next article.
func (fb *frameBuffers) build(t *texts, doc Document, spans []span) []frame {
	parts := quoteParts(fb.parts[:0], doc, spans)
	fb.parts = parts
	size := 0
	for _, bl := range doc.Blocks {
		if validBlock(doc, bl) {
			size += bl.End - bl.Start
		}
	}
	frames := reuse(fb.frames, len(doc.Blocks))
	toks := reuse(fb.toks, size/6+2*len(parts)+8)
	sents := reuse(fb.sents, 2*len(doc.Blocks))
	p := 0
	for i, bl := range doc.Blocks {
		from := p
		for p < len(parts) && parts[p].block == i {
			p++
		}
		if !validBlock(doc, bl) {
			continue
		}
		n, ns := len(toks), len(sents)
		toks = appendTokens(toks, t, bl.Start, bl.End, parts[from:p])
		f := frame{block: i, toks: toks[n:len(toks):len(toks)]}
		sents = appendSentences(sents, f.toks, t)
		f.sentences = sents[ns:len(sents):len(sents)]
		frames = append(frames, f)
	}
	fb.frames, fb.toks, fb.sents = frames, toks, sents
	return frames
}

// reuse returns s emptied, with room for n elements: s's own array when
// it is large enough, else a new one.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// validBlock reports whether b is a non-empty span inside the text.
func validBlock(doc Document, b Block) bool {
	return b.Start >= 0 && b.End <= len(doc.Text) && b.Start < b.End
}

// quoteParts returns the parts of every quote, marks included, in text
// order, each with the index of its quote and of the block it lies in.
// It reuses the array of parts when it has room.
func quoteParts(parts []quotePart, doc Document, spans []span) []quotePart {
	parts = reuse(parts, len(spans))
	b := 0
	for qi := range spans {
		sp := &spans[qi]
		for _, p := range sp.parts {
			for b < len(doc.Blocks) && doc.Blocks[b].End <= p.start {
				b++
			}
			if b < len(doc.Blocks) {
				parts = append(parts, markedPart(doc, p, qi, b))
			}
		}
	}
	return parts
}

// markedPart widens a quote part to take in its quotation marks.
func markedPart(doc Document, p part, q, block int) quotePart {
	from, to := p.start, p.end
	if r, w := utf8.DecodeLastRuneInString(doc.Text[:from]); w > 0 {
		if _, ok := markOf(r); ok {
			from -= w
		}
	}
	if r, w := utf8.DecodeRuneInString(doc.Text[to:]); w > 0 && isClosingMark(r) {
		to += w
	}
	return quotePart{from: from, to: to, q: q, block: block}
}

// frame attributes the quotes of one block.
func (a *attributor) frame(f *frame, headline bool) {
	for _, s := range f.sentences {
		toks := f.toks[s[0]:s[1]]
		a.cast.nextSentence()
		a.phrases.start(toks)
		a.register(toks)
		for i, t := range toks {
			if t.kind != quote || a.qs[t.q].Speaker.Method != Unattributed {
				continue
			}
			w, wi := window(toks, i)
			switch q := &a.qs[t.q]; {
			case q.Block == f.block:
				a.quote(f, w, wi, headline)
			case q.End <= t.end:
				a.lastPart(q, w, wi, f.block) // a long quote's attribution at its end
			}
		}
	}
}

// nounCues are speech verbs that are often nouns.
var nounCues = setOf("call calls post posts state states claim claims comment comments answer answers reply replies note notes report reports statement")

// maxReach is how many tokens on either side of a quote its attribution
// may use. It keeps the cost of a sentence linear in its length however
// many quotes it holds.
const maxReach = 48

// window returns the part of a sentence an attribution of toks[i] reads,
// and the quote's index in it.
func window(toks []token, i int) ([]token, int) {
	lo, hi := max(0, i-maxReach), min(len(toks), i+maxReach+1)
	return toks[lo:hi], i - lo
}

// lastPart attributes a quote that runs over several paragraphs from the
// words after its last part: "... the end,” she said.
func (a *attributor) lastPart(q *Quote, toks []token, i, block int) {
	if r, ok := a.after(toks, i); ok {
		a.settle(q, r, toks, false, block)
	}
}

// quote attributes the quote toks[i] of a sentence.
func (a *attributor) quote(f *frame, toks []token, i int, headline bool) {
	tx := &a.texts
	q := &a.qs[toks[i].q]
	if headline {
		if at, ok := a.echoSpeaker(q); ok {
			q.Speaker = at
			q.Title = titleLike(toks, i, q, true, tx)
			return
		}
	}
	var r found
	ok := false
	if firstInSentence(toks, i, tx) {
		r, ok = a.after(toks, i)
	} else {
		if r, ok = a.before(toks, i); !ok {
			r, ok = a.after(toks, i)
		}
	}
	if !ok {
		r, ok = a.colon(toks, i)
	}
	if !ok && headline {
		r, ok = a.headlineLabel(toks, i)
	}
	if !ok {
		r, ok = a.carry(toks, i, f.block)
	}
	q.Title = titleLike(toks, i, q, ok || cueBefore(toks, i, tx), tx) || a.inTitleList(toks, i)
	if !ok {
		return
	}
	a.settle(q, r, toks, headline, f.block)
}

// settle resolves the speaker found for q and records the attribution.
func (a *attributor) settle(q *Quote, r found, toks []token, headline bool, block int) {
	e, method := r.carried, r.method
	if e == nil {
		e, method = a.cast.resolve(r.m)
	}
	if e == nil {
		q.Speaker = Attribution{Mention: r.m.text, Cue: r.cue, Channel: a.channelOf(toks)}
		if isRole(r.m) && !r.m.generic && !r.m.body && !headline {
			a.pending = append(a.pending, pendingRole{q: q, m: r.m})
		}
		return
	}
	if r.appos != "" {
		e.addRole(r.appos)
	}
	if method == Explicit && !e.body {
		e.person = true // named as the speaker of a quote
	}
	if headline {
		method = HeadlineCue
	}
	off := r.m.off
	if r.m.empty() {
		off = toks[0].start
	}
	a.cast.see(e, true, off)
	prev, prevBlock := a.last, a.lastBlock
	e.spoke++
	a.last, a.lastBlock, a.lastSent = e, block, a.cast.sent
	mentionText := r.m.text
	if r.carried != nil {
		mentionText = ""
	}
	channel := a.channelOf(toks)
	if channel == "" && r.carried != nil && r.carried == prev && prevBlock == block {
		channel = a.lastChan // the second part of a split quote
	}
	a.lastChan = channel
	q.Speaker = Attribution{
		Name:       e.name,
		Role:       e.role,
		Mention:    mentionText,
		Cue:        r.cue,
		Channel:    channel,
		Method:     method,
		Confidence: confidence[method],
	}
}

// firstInSentence reports whether toks[i] opens its sentence, after any
// punctuation.
func firstInSentence(toks []token, i int, tx *texts) bool {
	for j := 0; j < i; j++ {
		if toks[j].kind != punct {
			return false
		}
	}
	return true
}

// cueAt reports whether a speech verb ends at toks[k] and returns it.
func cueAt(toks []token, k int, tx *texts) (string, bool) {
	t := &toks[k]
	if t.kind != word {
		return "", false
	}
	if k > 0 && toks[k-1].kind == word && toks[k-1].has(lxPhraseHead) {
		if c, ok := phrasalCues[tx.word(toks[k-1])+" "+tx.word(*t)]; ok {
			return c, true
		}
	}
	if k+1 < len(toks) && toks[k+1].kind == word && t.has(lxPhraseHead) {
		if c, ok := phrasalCues[tx.word(*t)+" "+tx.word(toks[k+1])]; ok {
			return c, true
		}
	}
	ok := t.has(lxCue)
	if ok && t.has(lxNounCue) && t.upper && k > 0 && toks[k-1].upper {
		return "", false // "the Lee Valley Post": part of a name
	}
	if ok && k > 0 && (toks[k-1].has(lxDeterminer) || toks[k-1].has(lxPossPronoun) || isPossessive(toks[k-1])) {
		return "", false // "the state", "his post": nouns
	}
	if ok && k > 1 && t.has(lxNounCue) && lowerWord(toks[k-1], tx) && !toks[k-1].has(lxSkippable) && toks[k-2].has(lxDeterminer) {
		return "", false // "a conference call", "the blog post"
	}
	return tx.word(*t), ok
}

// after reads an attribution after the quote: "Q," he said. / "Q," said
// Tom West. / "Q," according to the envoy. / "Q" — Commissioner Wu.
func (a *attributor) after(toks []token, i int) (found, bool) {
	tx := &a.texts
	k := i + 1
	dash := false
	for k < len(toks) && toks[k].kind == punct && !toks[k].is(tx.text, ".") {
		c := toks[k].text(tx.text)
		dash = dash || c == "—" || c == "–" || c == "-" || c == ":"
		k++
	}
	if k >= len(toks) || toks[k].kind == quote {
		return found{}, false
	}
	if dash && lowerWord(toks[k], tx) {
		// "‘The ice is not waiting’: glaciologist Nguyễn Thị Lan"
		if m := a.speakerAfterCue(toks, k); !m.empty() && m.pronoun == "" {
			return found{m: m, cue: "—"}, true
		}
	}
	if toks[k].has(lxCoordinator) && k+1 < len(toks) {
		if _, ok := cueAt(toks, k+1, tx); ok {
			// "X kept its target of “Q,” but said ...": the subject
			m := a.subjectOf(toks, i)
			return found{m: m, cue: toks[k+1].text(tx.text)}, !m.empty()
		}
	}
	if cue, ok := cueAt(toks, k, tx); ok {
		if cue != "according to" {
			cue = toks[k].text(tx.text)
		}
		m := a.speakerAfterCue(toks, k+1)
		return found{m: m, cue: cue}, !m.empty()
	}
	if n := documentAt(toks, k, tx); n > k && n+1 < len(toks) {
		if _, ok := cueAt(toks, n+1, tx); ok {
			return a.documentSpeaker(toks, k, n+1) // "Q," the statement added.
		}
	}
	k = pastAdjectives(toks, k, tx)
	end := a.rightNP(toks, k, len(toks))
	if end == k {
		return found{}, false
	}
	m := a.mentionOf(toks, k, end)
	v, appos := a.skipToCue(toks, end)
	if v < len(toks) {
		if cue, ok := cueAt(toks, v, tx); ok {
			if n := a.apposAfter(toks, end, v); isRole(m) && !n.empty() {
				n.role = m.role
				return found{m: n, cue: cue}, true // "Q," her deputy, Paolo Brandt, said.
			}
			return found{m: m, cue: cue, appos: appos}, !m.empty()
		}
	}
	if dash && (end == len(toks) || toks[end].kind == punct) {
		return found{m: m, cue: "—"}, !m.empty()
	}
	return found{}, false
}

// pastAdjectives returns where the name starts in a phrase such as "a
// defiant Ilse Varga" or "an emotional Lena Marsh" at toks[k]: past the
// article and one or two lower-case adjectives. It returns k when there
// is no such phrase.
func pastAdjectives(toks []token, k int, tx *texts) int {
	if k >= len(toks) || (tx.word(toks[k]) != "a" && tx.word(toks[k]) != "an" && tx.word(toks[k]) != "the") {
		return k
	}
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		t := &toks[j]
		if t.kind != word {
			return k
		}
		if t.upper {
			if j > k+1 && isNameWord(*t, tx) && j+1 < len(toks) && isNameWord(toks[j+1], tx) {
				return j
			}
			return k
		}
		if t.has(lxRoleNoun | lxBodyNoun | lxModifier | lxDeterminer | lxCue | lxPreposition | lxPronoun | lxSkippable | lxConnector) {
			return k
		}
	}
	return k
}

// apposAfter returns the person's name set off by commas right after a
// role ending at toks[end], before the cue at toks[v]: "her deputy,
// Paolo Brandt, told reporters".
func (a *attributor) apposAfter(toks []token, end, v int) mention {
	if end >= len(toks) || !toks[end].is(a.doc.Text, ",") {
		return mention{}
	}
	for j := end + 1; j < v; j++ {
		if toks[j].is(a.doc.Text, ",") {
			return a.apposName(toks, [2]int{end + 1, j})
		}
	}
	return mention{}
}

// speakerAfterCue reads the speaker that follows a speech verb: "said Tom
// West", "according to the envoy", "said diner Becky Farrow", "fumed her
// sister, Kelly-Ann Delaine".
func (a *attributor) speakerAfterCue(toks []token, start int) mention {
	tx := &a.texts
	if start < len(toks) && tx.word(toks[start]) == "to" {
		start++ // "according to"
	}
	for _, skip := range []int{0, 1, 2} {
		s := start + skip
		if s >= len(toks) || (skip > 0 && (toks[s-1].kind != word || toks[s-1].upper)) {
			break
		}
		if skip > 0 && !toks[s].upper {
			continue // "said diner Becky Farrow": a job before the name
		}
		end := a.rightNP(toks, s, len(toks))
		m := a.mentionOf(toks, s, end)
		if m.empty() {
			continue
		}
		if isRole(m) {
			if end+1 < len(toks) && toks[end].is(tx.text, ",") && toks[end+1].upper {
				nend := a.rightNP(toks, end+1, len(toks))
				if n := a.mentionOf(toks, end+1, nend); !n.empty() && !isRole(n) && !n.body {
					n.role = m.role
					return n
				}
			}
		}
		return m
	}
	return mention{}
}

// skipToCue moves from toks[k] over adverbs, time and channel phrases
// and an appositive to where a cue verb may stand.
func (a *attributor) skipToCue(toks []token, k int) (int, string) {
	tx := &a.texts
	appos := ""
	if k < len(toks) && toks[k].is(tx.text, ",") {
		for j := k + 1; j < len(toks) && j < k+16; j++ {
			if toks[j].kind == quote {
				break
			}
			if toks[j].is(tx.text, ",") {
				if j > k+1 {
					appos = tx.text[toks[k+1].start:toks[j-1].end]
				}
				k = j + 1
				break
			}
		}
	}
	for k < len(toks) && toks[k].kind == word {
		if _, ok := cueAt(toks, k, tx); ok {
			break
		}
		if !toks[k].has(lxSkippable) && !toks[k].has(lxPreposition) && !toks[k].has(lxDeterminer) && !toks[k].has(lxTimeWord) && !toks[k].upper {
			break
		}
		k++
	}
	return k, appos
}

// before reads an attribution before the quote, from the nearest speech
// verb to its left: X said: "Q" / X said Pakistan can "fully" ... and
// describes them as talks "Q" (the subject carries across "and").
func (a *attributor) before(toks []token, i int) (found, bool) {
	tx := &a.texts
	for v := i - 1; v >= 0; v-- {
		if toks[v].kind == quote {
			continue
		}
		cue, ok := cueAt(toks, v, tx)
		if !ok {
			continue
		}
		if cue == "in the words of" {
			if m := a.speakerAfterCue(toks, v+1); !m.empty() {
				return found{m: m, cue: cue}, true // "in the words of their chairman, Callum MacAskill,"
			}
			continue
		}
		if cue == "according to" || (v+1 < i && tx.word(toks[v+1]) == "by") {
			start := v + 2
			end := a.rightNP(toks, start, i)
			if m := a.mentionOf(toks, start, end); !m.empty() {
				return found{m: m, cue: cue}, true
			}
			continue
		}
		if v > 0 && toks[v-1].has(lxPhraseHead) {
			if phr, ok := phrasalCues[tx.word(toks[v-1])+" "+tx.word(toks[v])]; ok && phr == cue {
				v--
			}
		}
		if m := objectSpeaker(toks, v, tx); !m.empty() {
			return found{m: m, cue: toks[v].text(tx.text)}, true // "has him saying", "quoted her as saying"
		}
		if participleClause(toks, v, tx) {
			// "showed the supervisor, Dariusz Nowak, warning"
			if s, e, _ := leftNP(toks, 0, v-1, tx); s > 0 && s < e && toks[s-1].is(tx.text, ",") {
				if m := a.apposName(toks, [2]int{s, e}); !m.empty() {
					return found{m: m, cue: toks[v].text(tx.text)}, true
				}
			}
			// "Speaking on the radio, X defended officers, saying"
			if m := a.subjectOf(toks, v); !m.empty() {
				return found{m: m, cue: toks[v].text(tx.text)}, true
			}
		}
		start, stop, appos := leftNP(toks, 0, v, tx)
		if m := a.apposName(toks, appos); !m.empty() {
			// "The party's election agent, Tobias Grünewald, called"
			if start < stop {
				m.role = a.mentionOf(toks, start, stop).text
			}
			return found{m: m, cue: toks[v].text(tx.text)}, true
		}
		if start < stop {
			r := found{m: a.mentionOf(toks, start, stop), cue: toks[v].text(tx.text)}
			if appos[1] > appos[0] {
				r.appos = tx.text[toks[appos[0]].start:toks[appos[1]-1].end]
			}
			if !r.m.empty() {
				return r, true
			}
		}
		if p := documentBefore(toks, stop, tx); p >= 0 && p == subjectStart(toks, v, tx) {
			if r, ok := a.documentSpeaker(toks, p, v); ok {
				return r, true // "Their report described the kitchen as “Q”"
			}
		}
		if stop > 1 && toks[stop-1].has(lxRelative) && toks[stop-2].is(tx.text, ",") {
			// "the Alliance for a Living Valley, a coalition of ..., which
			// has labelled": the phrase the clause belongs to
			if s, e, _ := leftNP(toks, 0, stop-1, tx); s < e {
				if m := a.mentionOf(toks, s, e); !m.empty() {
					return found{m: m, cue: toks[v].text(tx.text)}, true
				}
			}
		}
		if stop > 0 && (toks[stop-1].has(lxCoordinator) || toks[stop-1].is(tx.text, ",")) {
			// "X reported ..., but said"; "X issued a warning, labelling
			// the storm"
			if m := a.subjectOf(toks, v); !m.empty() {
				return found{m: m, cue: toks[v].text(tx.text)}, true
			}
		}
	}
	return found{}, false
}

// documentNouns are writings that speak for their authors: "the
// statement added", "their report described".
var documentNouns = setOf("statement report letter release email e-mail message filing ruling judgment judgement memo study review submission notice document findings verdict announcement")

// documentAt returns the index of the document noun that ends a phrase
// such as "the statement" or "their damning report" starting at toks[k],
// or k when there is none.
func documentAt(toks []token, k int, tx *texts) int {
	if k >= len(toks) || toks[k].kind != word || (tx.word(toks[k]) != "the" && !toks[k].has(lxPossPronoun)) {
		return k
	}
	for n := k + 1; n < len(toks) && n <= k+3 && lowerWord(toks[n], tx); n++ {
		if toks[n].has(lxDocumentNoun) {
			return n
		}
	}
	return k
}

// documentBefore returns where a document phrase ending just before
// toks[stop] starts, or -1.
func documentBefore(toks []token, stop int, tx *texts) int {
	for p := stop - 2; p >= 0 && p >= stop-4; p-- {
		if documentAt(toks, p, tx) == stop-1 {
			return p
		}
	}
	return -1
}

// documentSpeaker resolves the author of the document named by
// toks[p:v]: the owner a possessive pronoun points to ("their report"),
// or for "the statement" the speaker of the latest quote, when it was
// attributed within the last two sentences.
func (a *attributor) documentSpeaker(toks []token, p, v int) (found, bool) {
	tx := &a.texts
	cue := toks[v].text(tx.text)
	if pr := possessivePronouns[tx.word(toks[p])]; pr != "" {
		m := mention{text: toks[p].text(tx.text), off: toks[p].start, pronoun: pr}
		return found{m: m, cue: cue}, true
	}
	if a.last == nil || a.cast.sent-a.lastSent > 2 {
		return found{}, false
	}
	return found{carried: a.last, method: CarriedOver, cue: cue}, true
}

// objectPronouns map the object pronouns to their subject forms.
var objectPronouns = map[string]string{"him": "he", "her": "she", "them": "they"}

// objectSpeaker returns the speaker of a participle cue whose subject
// is an object pronoun: a graphic "has him saying", a paper "quoted her
// as saying".
func objectSpeaker(toks []token, v int, tx *texts) mention {
	if !strings.HasSuffix(tx.word(toks[v]), "ing") {
		return mention{}
	}
	j := v - 1
	if j > 0 && tx.word(toks[j]) == "as" {
		j--
	}
	if j < 0 || toks[j].kind != word || objectPronouns[tx.word(toks[j])] == "" {
		return mention{}
	}
	return mention{text: toks[j].text(tx.text), off: toks[j].start, pronoun: objectPronouns[tx.word(toks[j])]}
}

// participleClause reports whether the speech verb toks[v] opens a
// participle clause after a comma ("..., saying"), whose speaker is the
// subject of the sentence.
func participleClause(toks []token, v int, tx *texts) bool {
	return v > 0 && toks[v-1].is(tx.text, ",") && strings.HasSuffix(tx.word(toks[v]), "ing")
}

// apposName returns the appositive toks[appos[0]:appos[1]] when it is
// a person's name, which then names the speaker.
func (a *attributor) apposName(toks []token, appos [2]int) mention {
	if appos[1] <= appos[0] || !toks[appos[0]].upper {
		return mention{}
	}
	end := a.rightNP(toks, appos[0], appos[1])
	if end != appos[1] {
		return mention{}
	}
	m := a.mentionOf(toks, appos[0], end)
	if m.empty() || m.body || isRole(m) || !strings.Contains(m.name, " ") {
		return mention{}
	}
	return m
}

// colon reads a colon line: From the minister's statement: "Q" /
// Commissioner Wu: "Q".
func (a *attributor) colon(toks []token, i int) (found, bool) {
	tx := &a.texts
	if i == 0 || !toks[i-1].is(tx.text, ":") {
		return found{}, false
	}
	for p := i - 2; p >= 0 && p >= i-8; p-- {
		t := toks[p]
		if t.kind != word {
			break
		}
		if base := possessiveBase(tx.word(t)); base != tx.word(t) {
			start, _, _ := leftNP(toks, 0, p, tx)
			m := a.mentionOf(toks, start, p+1)
			m.name = possessiveBase(m.name)
			m.role = possessiveBase(m.role)
			m.head = possessiveBase(m.head)
			if !m.empty() {
				return found{m: m, cue: ":"}, true
			}
			break
		}
	}
	if p := i - 3; p >= 0 && p == subjectStart(toks, i, tx) && toks[p].kind == word && toks[p].has(lxPossPronoun) && toks[p+1].kind == word {
		m := mention{text: toks[p].text(tx.text), pronoun: possessivePronouns[tx.word(toks[p])]}
		return found{m: m, cue: ":"}, true // Her message: "Q"
	}
	start, stop, _ := leftNP(toks, 0, i-1, tx)
	if start == 0 && stop == i-1 && start < stop {
		m := a.mentionOf(toks, start, stop)
		return found{m: m, cue: ":"}, !m.empty()
	}
	if m := a.subjectOf(toks, i); !m.empty() {
		return found{m: m, cue: ":"}, true // Nowak, who ..., was less sympathetic: "Q"
	}
	if m := a.clauseSubject(toks, i-1); !m.empty() {
		return found{m: m, cue: ":"}, true // ... as the judge finished with three words: "Q"
	}
	if m := ownerBefore(toks, i-1, tx); !m.empty() {
		return found{m: m, cue: ":"}, true // Her account of the finances was stark: "Q"
	}
	if !namesAnyone(toks, i-1) && !cueBefore(toks, i, tx) {
		// The reasoning is in a paragraph some reports have compressed to: "Q"
		return a.carryLatest(i, toks)
	}
	return found{}, false
}

// clauseSubject returns the subject of the last clause opened by a
// subordinator ("as", "while") before toks[end], when it is a pronoun,
// a name or a role: "as the judge finished with three words", "as she
// delivered it".
func (a *attributor) clauseSubject(toks []token, end int) mention {
	for s := end - 1; s >= 0; s-- {
		if toks[s].kind != word {
			if toks[s].kind == quote {
				return mention{}
			}
			continue
		}
		if !toks[s].has(lxSubordinator) {
			continue
		}
		e := a.rightNP(toks, s+1, end)
		if e == s+1 || e >= end {
			return mention{}
		}
		m := a.mentionOf(toks, s+1, e)
		if m.empty() || m.generic || !(m.pronoun != "" || isRole(m) || toks[s+1].upper) {
			return mention{}
		}
		return m
	}
	return mention{}
}

// ownerBefore returns the owner named by the possessive pronoun nearest
// before toks[end] when it owns a thing, not a person: "his attack on
// the opposition", not "her lawyer".
func ownerBefore(toks []token, end int, tx *texts) mention {
	for p := end - 1; p >= 0; p-- {
		t := &toks[p]
		if t.kind == quote {
			return mention{}
		}
		if t.kind != word || !t.has(lxPossPronoun) {
			continue
		}
		if p+1 >= end || toks[p+1].kind != word || toks[p+1].has(lxRoleNoun|lxPreposition|lxDeterminer) || toks[p+1].upper {
			return mention{}
		}
		return mention{text: t.text(tx.text), off: t.start, pronoun: possessivePronouns[tx.word(*t)]}
	}
	return mention{}
}

// namesAnyone reports whether the words before toks[end] name a person
// or body: a capitalised word after the first, or a pronoun.
func namesAnyone(toks []token, end int) bool {
	for k := range end {
		t := &toks[k]
		if t.kind == quote || t.kind == word && (t.upper && k > 0 || t.has(lxPronoun|lxPossPronoun)) {
			return true
		}
	}
	return false
}

// carryLatest gives toks[i] the latest subject or speaker, as a quote
// that stands alone after them.
func (a *attributor) carryLatest(i int, toks []token) (found, bool) {
	e := a.cast.latestSubject()
	if e == nil && a.last != nil && a.cast.sent-a.lastSent <= 3 {
		e = a.last
	}
	return found{carried: e, method: CarriedOver}, e != nil
}

// headlineLabel reads a headline that opens with a speaker's label and
// a colon, with more words before the quote: Port boss: North Quay
// ‘Q’; MAYOR: FLOOD SHAME ‘Q’.
func (a *attributor) headlineLabel(toks []token, i int) (found, bool) {
	tx := &a.texts
	c := 0
	for c < i && !toks[c].is(tx.text, ":") {
		if toks[c].kind != word || c >= 4 {
			return found{}, false
		}
		c++
	}
	if c == 0 || c >= i {
		return found{}, false
	}
	m := a.mentionOf(toks, 0, c)
	if t := toks[0]; c == 1 && t.has(lxTitle|lxRoleNoun) {
		w := t.text(tx.text) // "MAYOR", no acronym
		m = mention{text: w, off: t.start, name: w, role: w, head: tx.word(t)}
	}
	if m.empty() || m.pronoun != "" || m.generic || !(isRole(m) || strings.Contains(m.name, " ")) {
		return found{}, false
	}
	return found{m: m, cue: ":"}, true
}

// subjectStart returns where the subject of the sentence toks begins,
// after an opening phrase ("In a letter to parents, ...", "Asked on
// Tuesday whether ..., ") and opening words ("But", "Meanwhile").
func subjectStart(toks []token, i int, tx *texts) int {
	k := 0
	if isDateline(toks, 0, tx) {
		k = 2 // "CORK — The leader of ..."
	}
	if k >= i || k >= len(toks) {
		return min(k, i)
	}
	first := toks[k]
	if first.kind == word && first.has(lxPreposition) {
		j := 1 // "On Tuesday evening the union announced"
		for j < i && toks[j].kind == word && (toks[j].has(lxTimeWord) || toks[j].has(lxTimeOpener) || isNumber(tx.word(toks[j]))) {
			j++
		}
		if j > 1 && j < i && (toks[j].is(tx.text, ",") || toks[j].has(lxDeterminer) || toks[j].upper) {
			k = j
			first = token{}
		} else if p := pronounAfterOpening(toks, i); p > 0 {
			k = p // "On housing he was blunter"
			first = token{}
		}
	}
	if first.kind == word && (first.has(lxPreposition) || first.has(lxSentenceStarter) && !first.has(lxDeterminer|lxOpener|lxPronoun)) {
		c := k
		for c < i && !toks[c].is(tx.text, ",") {
			c++ // "In a letter to parents, ...", "Asked on Tuesday whether ..., "
		}
		if c < i {
			k = c
		}
	}
	for k < i && (toks[k].kind == punct || toks[k].kind == word && toks[k].has(lxOpener)) {
		k++
	}
	return k
}

// pronounAfterOpening returns the index of the subject pronoun that
// follows a short opening phrase without a comma ("On housing he was
// blunter"), or -1.
func pronounAfterOpening(toks []token, i int) int {
	for j := 1; j < i && j <= 5; j++ {
		t := &toks[j]
		if t.kind != word || t.has(lxCue|lxRelative|lxSubordinator) {
			return -1
		}
		if t.has(lxPronoun) {
			return j
		}
	}
	return -1
}

// subjectOf returns the noun phrase that opens the sentence toks, before
// toks[i], when it names a person or body: "But Wojciech Nowak".
func (a *attributor) subjectOf(toks []token, i int) mention {
	k := a.subjectStart(toks, i)
	end := a.possessiveNP(toks, k, i)
	m := a.mentionOf(toks, k, end)
	if isRole(m) || end > k && isPossessive(toks[end-1]) {
		if n, _ := a.nameAfterComma(toks, end); n != nil && !n.body {
			return mention{text: n.name, name: n.name, off: toks[end].start} // "Lindenhof’s head teacher, Renate Kühnle, defended"
		}
	}
	if m.empty() || m.generic || (m.pronoun == "" && !toks[k].upper && !isRole(m)) {
		return mention{}
	}
	return m
}

// possessiveNP returns the end of the noun phrase at toks[k], read on
// past its owners: "Lindenhof’s head teacher", "The People's Renewal
// Party's election agent".
func (a *attributor) possessiveNP(toks []token, k, hi int) int {
	end := a.rightNP(toks, k, hi)
	for end > k && end < hi && toks[end].kind == word && isPossessive(toks[end-1]) {
		next := a.rightNP(toks, end, hi)
		if next == end {
			break
		}
		end = next
	}
	return end
}

// carry gives a quote without an attribution of its own the speaker of
// the sentence before: a quote that stands alone after a speaker's
// sentence, or a sentence whose subject is the latest speaker.
func (a *attributor) carry(toks []token, i int, block int) (found, bool) {
	tx := &a.texts
	alone := !hasWord(toks[:i]) && (!hasWord(toks[i+1:]) || closesSentence(a.qs[toks[i].q].Text) && !cueBefore(toks, len(toks), tx))
	if alone { // "Q." / "Q." That was his first answer.
		e := a.cast.latestSubject()
		if e == nil && a.last != nil && a.lastBlock >= block-1 {
			e = a.last
		}
		return found{carried: e, method: CarriedOver}, e != nil
	}
	k := 0
	for k < len(toks) && toks[k].kind == punct {
		k++
	}
	end := a.rightNP(toks, k, i)
	m := a.mentionOf(toks, k, end)
	if m.pronoun == "" || end >= i {
		return a.subjectSpeaker(toks, i)
	}
	e := a.cast.byPronoun(m.pronoun, m.off)
	if e == nil {
		return found{}, false
	}
	return found{m: m, carried: e, method: Pronoun}, true
}

// subjectSpeaker gives a quote in a sentence without a speech verb the
// person its subject names, when the story knows them already: "Judge
// Achterberg placed the case “Q”", "the judge found that “Q”", "Her
// demand is that the minister “Q”".
func (a *attributor) subjectSpeaker(toks []token, i int) (found, bool) {
	tx := &a.texts
	if cueBefore(toks, len(toks), tx) || titleLike(toks, i, &a.qs[toks[i].q], false, tx) {
		return found{}, false // "known to his cronies as “The Ghost”"
	}
	k := subjectStart(toks, i, tx)
	if k+1 < i && toks[k].has(lxPossPronoun) && toks[k+1].kind == word && !toks[k+1].has(lxRoleNoun) {
		m := mention{text: toks[k].text(tx.text), off: toks[k].start, pronoun: possessivePronouns[tx.word(toks[k])]}
		if e := a.cast.byPronoun(m.pronoun, m.off); e != nil {
			return found{m: m, carried: e, method: Pronoun}, true
		}
		return found{}, false
	}
	m := a.subjectOf(toks, i)
	if m.empty() || m.pronoun != "" || m.body {
		return found{}, false
	}
	var e *entity
	if isRole(m) {
		e, _ = a.cast.resolve(m)
	} else {
		e = a.cast.find(m.name, false)
	}
	if e == nil || !e.person || e.body {
		return found{}, false
	}
	return found{m: m, carried: e, method: CarriedOver}, true
}

// hasWord reports whether any of toks is a word.
func hasWord(toks []token) bool {
	for i := range toks {
		if toks[i].kind == word {
			return true
		}
	}
	return false
}

// closesSentence reports whether s ends with a full stop, question or
// exclamation mark.
func closesSentence(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}

// titleLike reports whether a quote looks like a title, a nickname or
// scare quotes rather than speech: it follows "known as", "so-called",
// "the word" or a noun like "film"; or, with no speaker found, it is in
// Title Case or a short lower-case fragment.
func titleLike(toks []token, i int, q *Quote, attributed bool, tx *texts) bool {
	lo := max(0, i-4)
	for j := i - 1; j >= lo; j-- {
		if toks[j].kind == quote {
			lo = j + 1
			break
		}
	}
	before := toks[lo:i]
	if titleCueIn(before, tx) {
		return true
	}
	if n := len(before); n > 0 && tx.word(before[n-1]) == "as" && (hasWords(before, []string{"known"}, tx) || strings.HasPrefix(q.Text, "the ") && titleCase(q.Text[4:])) {
		return true // known around town as "the Old Lady"; teenagers as "the Back Forty"
	}
	if i > 0 && i+1 < len(toks) && toks[i-1].upper && toks[i+1].upper && titleCase(q.Text) {
		return true // Elias “Sticks” Vanterpool
	}
	if i > 1 && (toks[i-1].has(lxTitleNoun) || toks[i-1].is(tx.text, ",") && toks[i-2].has(lxTitleNoun)) && titleCase(q.Text) {
		return true // the blog, “Notes from Under the Ice”
	}
	words := strings.Count(strings.TrimSpace(q.Text), " ") + 1
	tc := titleCase(q.Text)
	if tc && words >= 2 && words <= 6 {
		return true
	}
	if attributed {
		return false
	}
	return tc || (words <= 3 && !endsSentenceText(q.Text))
}

// cueBefore reports whether a speech verb stands before toks[i] in its
// sentence: then a short quote after it is speech even when its speaker
// cannot be named.
func cueBefore(toks []token, i int, tx *texts) bool {
	for v := i - 1; v >= 0; v-- {
		if _, ok := cueAt(toks, v, tx); ok {
			return true
		}
	}
	return false
}

// inTitleList reports whether toks[i] is one of a list of quoted words or
// names whose previous item was title-like: the aliases “Abu Sayf” and
// “the Accountant”; words such as “anticipate,” “believe,” “expect”.
func (a *attributor) inTitleList(toks []token, i int) bool {
	tx := &a.texts
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		t := toks[j]
		if t.kind == quote {
			prev := &a.qs[t.q]
			return prev.Title || (oneWord(prev.Text) && oneWord(a.qs[toks[i].q].Text))
		}
		if !(t.is(tx.text, ",") || tx.word(t) == "and" || tx.word(t) == "or") {
			return false
		}
	}
	return false
}

// oneWord reports whether s is a single word, perhaps with a comma.
func oneWord(s string) bool {
	return !strings.ContainsAny(strings.TrimSpace(s), " \n")
}

// titleCueWords are the title cues split into words.
var titleCueWords = func() [][]string {
	out := make([][]string, len(titleCues))
	for i, c := range titleCues {
		out[i] = strings.Fields(c)
	}
	return out
}()

// titleCueIn reports whether toks hold one of the titleCues. Only a
// word of class lxTitleCueHead can start one.
func titleCueIn(toks []token, tx *texts) bool {
	for k := range toks {
		if !toks[k].has(lxTitleCueHead) {
			continue
		}
		w := tx.word(toks[k])
		for _, c := range titleCueWords {
			if c[0] == w && startsWithWords(toks[k:], c, tx) {
				return true
			}
		}
	}
	return false
}

// startsWithWords reports whether toks begin with the words ws.
func startsWithWords(toks []token, ws []string, tx *texts) bool {
	if len(toks) < len(ws) {
		return false
	}
	for j, w := range ws {
		if tx.word(toks[j]) != w {
			return false
		}
	}
	return true
}

// hasWords reports whether toks hold the words ws in a row.
func hasWords(toks []token, ws []string, tx *texts) bool {
	for i := 0; i+len(ws) <= len(toks); i++ {
		match := true
		for j, w := range ws {
			if tx.word(toks[i+j]) != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// titleCase reports whether s reads like a title or name: every word
// capitalised except short function words, and no sentence ending.
//
// It reads the words one by one and stops at the first that fails: quote
// texts are often long sentences.
func titleCase(s string) bool {
	if endsSentenceText(s) {
		return false
	}
	n := 0
	for w := range strings.FieldsSeq(s) {
		n++
		if n > 10 {
			return false
		}
		r := firstRune(w)
		capital := isUpperRune(r) || unicode.IsDigit(r)
		if !capital && (n == 1 || !titleSmallWords[strings.ToLower(w)]) {
			return false
		}
	}
	return n > 0
}

// titleSmallWords stay in lower case inside titles.
var titleSmallWords = setOf("a an the of for from with into onto over under and or but nor to in on at by as up via vs de la le der von van")

// endsSentenceText reports whether s ends with sentence punctuation.
func endsSentenceText(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, ",")
}

// register adds the people and bodies a sentence names to the cast, so
// that later pronouns, roles and surnames can find them. An appositive
// gives its name a role: "Kwame Mensah, the trade envoy," and "the
// Rovers coach, Kwame Mensah,".
func (a *attributor) register(toks []token) {
	tx := &a.texts
	people := make([]*entity, 0, 8) // on the stack while a sentence names few
	if e := a.roleSubject(toks); e != nil {
		people = append(people, e)
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.kind != word || !t.upper || (k == 0 && t.has(lxSentenceStarter)) || isDateline(toks, k, tx) {
			continue
		}
		start := k
		for start > 0 && toks[start-1].kind == word && (toks[start-1].has(lxModifier|lxDeterminer) || toks[start-1].has(lxRoleNoun) && !toks[start-1].upper && !toks[start-1].has(lxGenericRole) || start == 1 && toks[0].upper && toks[0].has(lxTitle)) {
			start-- // "the deputy minister", "Mr" opening a sentence
		}
		end := a.rightNP(toks, k, len(toks))
		if end <= k {
			continue
		}
		m := a.mentionOf(toks, start, end)
		nick := false
		if n, nend := a.nicknamed(toks, m, end); nend > end {
			m, end, nick = n, nend, true
		}
		subject := isSubjectAt(toks, start, tx) && !isPossessive(toks[end-1])
		if isRole(m) {
			if n, nend := a.nameAfterComma(toks, end); n != nil {
				n.addRole(m.role)
				a.cast.see(n, subject, toks[start].start)
				people = append(people, n)
				k = nend - 1
				continue
			}
		}
		k = end - 1
		if !notable(m) {
			if e := a.cast.find(m.name, false); e != nil && !m.empty() && m.pronoun == "" {
				a.cast.see(e, subject, toks[start].start) // "Moriyama, meanwhile, ..."
				people = append(people, e)
			}
			continue
		}
		e, _ := a.cast.resolve(m)
		if e == nil {
			continue
		}
		a.cast.see(e, subject, toks[start].start)
		if (subject || nick) && !e.body {
			e.person = true // "Kwame Mensah flew to Accra"; people have nicknames
		}
		if !e.body {
			people = append(people, e)
		}
		if r, rend := a.roleAfterComma(toks, end); !r.empty() && !a.closesOpening(toks, end, rend) {
			e.addRole(r.role)
			k = rend - 1
		}
	}
	learnGender(people, toks, tx)
	a.pronounSubject(toks)
}

// nicknamed reads a name split by a quoted nickname, whose first part m
// ends at toks[end]: Jett “The Jackal” Morrow is Jett Morrow. It returns
// the whole name and where it ends, or end when there is no nickname.
func (a *attributor) nicknamed(toks []token, m mention, end int) (mention, int) {
	tx := &a.texts
	if end+1 >= len(toks) || toks[end].kind != quote || toks[end+1].kind != word || !toks[end+1].upper {
		return m, end
	}
	if nick := a.qs[toks[end].q].Text; !titleCase(nick) || strings.Count(nick, " ") > 3 {
		return m, end
	}
	nend := a.rightNP(toks, end+1, len(toks))
	last := a.mentionOf(toks, end+1, nend)
	if m.empty() || m.body || m.pronoun != "" || last.empty() || last.body || last.role != "" || strings.Contains(m.name, " ") {
		return m, end
	}
	m.name += " " + last.name
	m.text = tx.text[m.off:toks[nend-1].end]
	return m, nend
}

// pronounSubject keeps the person a sentence's subject pronoun refers to
// current: "Asked about it, she was blunt." makes her the latest subject.
func (a *attributor) pronounSubject(toks []token) {
	m := a.subjectOf(toks, len(toks))
	if m.pronoun == "" {
		return
	}
	if e := a.cast.byPronoun(m.pronoun, m.off); e != nil {
		a.cast.see(e, true, m.off)
	}
}

// isSubjectAt reports whether a noun phrase starting at toks[start] is
// the subject of its sentence or of a clause joined to it: it opens the
// sentence, or follows a colon, "and", "but", "while" or "because".
func isSubjectAt(toks []token, start int, tx *texts) bool {
	k := start - 1
	for k >= 0 && toks[k].kind == punct {
		if toks[k].is(tx.text, ":") {
			return true // "Credit where it is due: Vence did not hide."
		}
		k--
	}
	if k < 0 {
		return true
	}
	return toks[k].has(lxCoordinator|lxSubordinator) || toks[k].has(lxOpener) && k == 0
}

// roleSubject sees the person a sentence's subject refers back to by a
// role: "The president, for his part, maintained ...".
func (a *attributor) roleSubject(toks []token) *entity {
	tx := &a.texts
	k := a.subjectStart(toks, len(toks))
	if k < len(toks) && (tx.word(toks[k]) == "a" || tx.word(toks[k]) == "an") {
		// "A spokesperson for the State Emergency Management Office said"
		end := a.rightNP(toks, k, len(toks))
		if m := a.mentionOf(toks, k, end); isRole(m) && !m.generic {
			if e, _ := a.cast.resolve(m); e != nil {
				a.cast.see(e, true, toks[k].start)
				return e
			}
		}
		return nil
	}
	if k >= len(toks) || (tx.word(toks[k]) != "the" && !isPossessive(toks[k])) {
		return nil
	}
	end := a.rightNP(toks, k, len(toks))
	if end > k && end < len(toks) && isPossessive(toks[end-1]) {
		end = a.rightNP(toks, end, len(toks)) // "The institute’s director"
	}
	m := a.mentionOf(toks, k, end)
	if !isRole(m) || m.generic {
		return nil
	}
	var e *entity
	if tx.word(toks[k]) == "the" {
		e = a.cast.byRole(m.head, m.body, rankedRole(m.role, m.head))
		if e == nil && !m.body && !namedRole(m.role) {
			e = a.cast.antecedent("", toks[k].start, m.head) // "The rector ended": the latest person with no other office
		}
	}
	if n, _ := a.nameAfterComma(toks, end); n != nil && !n.body {
		e = n // "The institute’s director, Kenjiro Ashida, said"
		e.addRole(m.role)
		e.person = true
	}
	if e == nil {
		return nil
	}
	a.cast.see(e, true, toks[k].start)
	return e
}

// isPossessive reports whether t is a word with a possessive ’s.
func isPossessive(t token) bool { return t.poss }

// isDateline reports whether toks[k] is a dateline in capitals opening a
// story: "CORK —", "BERGVIK, Norway".
func isDateline(toks []token, k int, tx *texts) bool {
	t := toks[k]
	if k != 0 || len(tx.word(t)) < 3 || !isAcronym(t.text(tx.text)) || k+1 >= len(toks) {
		return false
	}
	n := toks[k+1].text(tx.text)
	return n == "—" || n == "–" || n == "-" || n == "," || n == ":"
}

// isRole reports whether m is a role rather than a name: "the Rovers
// coach", "a spokesperson".
func isRole(m mention) bool { return m.head != "" && m.name == m.role && !m.empty() }

// nameAfterComma returns the person named right after ", " at toks[end],
// and where the name ends.
func (a *attributor) nameAfterComma(toks []token, end int) (*entity, int) {
	tx := &a.texts
	if end+1 >= len(toks) || !toks[end].is(tx.text, ",") || !toks[end+1].upper {
		return nil, 0
	}
	nend := a.rightNP(toks, end+1, len(toks))
	n := a.mentionOf(toks, end+1, nend)
	if n.empty() || n.body || isRole(n) || n.pronoun != "" {
		return nil, 0
	}
	return a.cast.resolveName(n), nend
}

// closesOpening reports whether the comma at toks[end] closes a
// sentence's opening phrase ("In his home town of San Telmo, the premier
// said"): the role after it, up to toks[rend], is the subject, not an
// appositive, unless another comma closes it ("For Tom West, the
// president, ...").
func (a *attributor) closesOpening(toks []token, end, rend int) bool {
	if rend < len(toks) && toks[rend].is(a.texts.text, ",") {
		return false
	}
	return end > 0 && a.subjectStart(toks, len(toks)) == end+1
}

// roleAfterComma returns the role in an appositive ", the deputy
// minister," right after a name ending at toks[end], and where it ends.
func (a *attributor) roleAfterComma(toks []token, end int) (mention, int) {
	tx := &a.texts
	if end+1 >= len(toks) || !toks[end].is(tx.text, ",") || toks[end+1].kind != word {
		return mention{}, 0
	}
	if !toks[end+1].has(lxDeterminer | lxRoleNoun | lxModifier | lxTitle) {
		return mention{}, 0
	}
	rend := a.rightNP(toks, end+1, len(toks))
	r := a.mentionOf(toks, end+1, rend)
	if !isRole(r) || (rend < len(toks) && !toks[rend].is(tx.text, ",") && toks[rend].kind != word) {
		return mention{}, 0
	}
	return r, rend
}

// learnGender gives the one person a sentence names the gender of the
// pronouns that follow in it ("Lan said her team ..."). An object
// pronoun ("tore into him", "thanked her") is someone else.
func learnGender(people []*entity, toks []token, tx *texts) {
	if len(people) != 1 || people[0].gender != "" || !people[0].person {
		return
	}
	for k, t := range toks {
		switch tx.word(t) {
		case "he", "his", "himself":
			people[0].gender, people[0].person = "m", true
			return
		case "she", "hers", "herself":
			people[0].gender, people[0].person = "f", true
			return
		case "her":
			if k+1 < len(toks) && toks[k+1].kind == word && !toks[k+1].has(lxPreposition|lxSkippable|lxDeterminer) {
				people[0].gender, people[0].person = "f", true // "her team"
				return
			}
		}
	}
}

// notable reports whether a mention is worth keeping in the cast: a
// person with a full name or a title, or a named body.
func notable(m mention) bool {
	if m.empty() || m.pronoun != "" || m.generic {
		return false
	}
	if m.body {
		return strings.Contains(m.name, " ") || isAcronym(m.name)
	}
	if m.head != "" && m.name == m.role {
		// "a Health Ministry spokesperson" introduces someone; "the
		// Rovers coach" refers back to someone
		return m.det != "the" && strings.ContainsFunc(m.role, isUpperRune)
	}
	return strings.Contains(m.name, " ") && m.name != m.role || m.role != "" && m.name != m.role
}

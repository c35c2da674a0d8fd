package quotes

// phrases caches the noun phrases of the sentence being read. The cast's
// registration, the subject checks and the rules of every quote parse
// the same spans of a sentence again and again; each span is parsed
// once. Its arrays are kept by an Extractor for the next article.
type phrases struct {
	sent  []token     // the sentence the entries are for
	gen   int         // the sentence's number, counted over all articles
	ends  []phraseEnd // by start token: the end of the noun phrase
	at    []phraseEnd // by start token: the index in found of its mention
	found []phraseOf  // the mentions classified in the sentence
	subj  phraseEnd   // where the sentence's subject starts
}

// phraseEnd is a cached index: the end of a noun phrase read to the
// end of the sentence, where the subject starts, or where in found the
// mention of a phrase is.
type phraseEnd struct {
	gen, end int // valid when gen is the sentence's
}

// phraseOf is a cached mentionOf.
type phraseOf struct {
	stop int // the end of the phrase
	m    mention
}

// start empties the cache for the sentence toks.
func (p *phrases) start(toks []token) {
	p.sent = toks
	p.gen++
	if len(p.ends) < len(toks) {
		p.ends = make([]phraseEnd, len(toks))
		p.at = make([]phraseEnd, len(toks))
	}
	p.found = p.found[:0]
}

// release lets go of the article's text, keeping the arrays.
func (p *phrases) release() phrases {
	found := p.found[:cap(p.found)]
	clear(found)
	return phrases{gen: p.gen, ends: p.ends, at: p.at, found: found[:0]}
}

// holds reports whether toks is the sentence the cache is for: the same
// tokens, not a window of them.
func (p *phrases) holds(toks []token) bool {
	return len(toks) > 0 && len(toks) == len(p.sent) && &toks[0] == &p.sent[0]
}

// rightNP is rightNP(toks, start, hi, &a.texts), taken from the cache
// when it reads the sentence to its end.
func (a *attributor) rightNP(toks []token, start, hi int) int {
	p := &a.phrases
	if hi != len(toks) || start >= hi || !p.holds(toks) {
		return rightNP(toks, start, hi, &a.texts)
	}
	c := &p.ends[start]
	if c.gen != p.gen {
		c.gen, c.end = p.gen, rightNP(toks, start, hi, &a.texts)
	}
	return c.end
}

// mentionOf is mentionOf(toks, start, stop, &a.texts), taken from the
// cache when toks is the sentence: a mention depends on the tokens of
// its phrase alone.
func (a *attributor) mentionOf(toks []token, start, stop int) mention {
	p := &a.phrases
	if start >= stop || !p.holds(toks) {
		return mentionOf(toks, start, stop, &a.texts)
	}
	at := &p.at[start]
	if at.gen != p.gen {
		*at = phraseEnd{gen: p.gen, end: len(p.found)}
		p.found = append(p.found, phraseOf{stop: -1})
	}
	c := &p.found[at.end]
	if c.stop != stop {
		c.stop, c.m = stop, mentionOf(toks, start, stop, &a.texts)
	}
	return c.m
}

// subjectStart is subjectStart(toks, i, &a.texts), taken from the cache
// when it reads the whole sentence.
func (a *attributor) subjectStart(toks []token, i int) int {
	p := &a.phrases
	if i != len(toks) || !p.holds(toks) {
		return subjectStart(toks, i, &a.texts)
	}
	if p.subj.gen != p.gen {
		p.subj = phraseEnd{gen: p.gen, end: subjectStart(toks, i, &a.texts)}
	}
	return p.subj.end
}

package quotes

import "strings"

// channelPhrases map the words of a sentence to the channel they name;
// a trailing space in a key means an outlet name follows.
var channelPhrases = []struct{ words, channel string }{
	{"in an email to ", "email to"},
	{"in an e-mail to ", "email to"},
	{"in emailed comments to ", "email to"},
	{"in an interview with ", "interview with"},
	{"in an interview on ", "interview with"},
	{"told in an interview", "interview"},
	{"in a joint statement", "statement"},
	{"in a written statement", "statement"},
	{"in a statement", "statement"},
	{"the statement added", "statement"},
	{"the statement said", "statement"},
	{"'s statement", "statement"},
	{"’s statement", "statement"},
	{"in the statement", "statement"},
	{"in a short statement", "statement"},
	{"in a brief statement", "statement"},
	{"in statement", "statement"},
	{"according to a statement", "statement"},
	{"said a statement", "statement"},
	{"issued a statement", "statement"},
	{"on x (formerly twitter)", "X"},
	{"on x, formerly twitter", "X"},
	{"on x", "X"},
	{"on twitter", "X"},
	{"tweeted", "X"},
	{"in a tweet", "X"},
	{"in a post on x", "X"},
	{"facebook", "Facebook"},
	{"instagram", "Instagram"},
	{"on telegram", "Telegram"},
	{"linkedin", "LinkedIn"},
	{"tiktok", "TikTok"},
	{"youtube", "YouTube"},
	{"on threads", "Threads"},
	{"on bluesky", "Bluesky"},
	{"on truth social", "Truth Social"},
	{"conference call", "conference call"},
	{"call with analysts", "conference call"},
	{"earnings call", "earnings call"},
	{"note to clients", "note to clients"},
	{"in his memoir", "memoir"},
	{"in her memoir", "memoir"},
	{"in a memoir", "memoir"},
	{"in her review", "review"},
	{"in his review", "review"},
	{"in a review", "review"},
	{"victory speech", "speech"},
	{"in his speech", "speech"},
	{"in her speech", "speech"},
	{"told a rally", "speech"},
	{"told supporters", "speech"},
	{"told the jury", "testimony"},
	{"told jurors", "testimony"},
	{"told the committee", "testimony"},
	{"told a parliamentary committee", "testimony"},
	{"told a committee", "testimony"},
	{"told the inquiry", "testimony"},
	{"at a press conference", "press conference"},
	{"at a news conference", "press conference"},
	{"at a joint press conference", "press conference"},
	{"at a joint news conference", "press conference"},
	{"press conference", "press conference"},
	{"news conference", "press conference"},
	{"told reporters", "told reporters"},
	{"told journalists", "told reporters"},
	{"in a news release", "news release"},
	{"in a press release", "news release"},
	{"in a release", "news release"},
	{"in a court filing", "court filing"},
	{"in court filings", "court filing"},
	{"in court papers", "court filing"},
	{"in a filing", "court filing"},
	{"in testimony", "testimony"},
	{"testified", "testimony"},
	{"in a speech", "speech"},
	{"in an address", "speech"},
	{"in a televised address", "television"},
	{"on television", "television"},
	{"on tv", "television"},
	{"on state television", "television"},
	{"on the radio", "radio"},
	{"on radio", "radio"},
	{"in a radio interview", "radio"},
	{"in a letter", "letter"},
	{"in a video", "video"},
	{"in a blog post", "blog"},
	{"in a podcast", "podcast"},
	{"in a memo", "memo"},
	{"in a report", "report"},
}

// channelMemo is the channel of the sentence window last read: a
// sentence's quotes read the same window, and its channel is found once.
type channelMemo struct {
	gen     int     // the sentence's number in the phrases cache
	toks    []token // the window
	channel string
}

// channelOf is channelOf(toks, &a.texts), remembered for the window
// toks of the current sentence.
func (a *attributor) channelOf(toks []token) string {
	c := &a.channel
	if len(toks) == 0 {
		return channelOf(toks, &a.texts)
	}
	if c.gen != a.phrases.gen || len(c.toks) != len(toks) || &c.toks[0] != &toks[0] {
		*c = channelMemo{gen: a.phrases.gen, toks: toks, channel: channelOf(toks, &a.texts)}
	}
	return c.channel
}

// channelOf finds the channel named in the reporter's words of a
// sentence (quotes excluded): "in a statement", "on X", "in an email to
// Geo TV".
func channelOf(toks []token, t *texts) string {
	if !hasChannelWord(toks) {
		return ""
	}
	base := toks[0].start
	if o := toldOutlet(toks, t); o != "" {
		return "interview with " + o
	}
	s := t.lowerOf(base, toks[len(toks)-1].end)
	best, at := firstPhrase(toks, s, base, t.exact)
	if best < 0 {
		return ""
	}
	p := channelPhrases[best]
	if p.words[len(p.words)-1] == ' ' {
		if outlet := outletAt(toks, base+at+len(p.words), t); outlet != "" {
			return p.channel + " " + outlet
		}
	}
	return p.channel
}

// firstPhrase returns the index of the first of the channelPhrases that
// stands in s, the lower-case words of toks from byte base of the text,
// and where it first does; -1 when none does. A phrase stands where it
// starts a word (after a space or bracket), outside quotes, and, unless
// an outlet name follows it, is not followed by a letter. aligned tells
// that s is the text itself in lower case, byte for byte.
func firstPhrase(toks []token, s string, base int, aligned bool) (best, bestAt int) {
	best = len(channelPhrases)
	if !aligned {
		best, bestAt = phraseIn(toks, s, base, 0, len(s), best, bestAt)
	} else {
		// s holds the text byte for byte: only the reporter's words
		// between the quotes are read.
		from := 0
		for _, t := range toks {
			if t.kind == quote {
				best, bestAt = phraseIn(nil, s, base, from, t.start-base, best, bestAt)
				from = t.end - base
			}
		}
		best, bestAt = phraseIn(nil, s, base, from, len(s), best, bestAt)
	}
	if best == len(channelPhrases) {
		return -1, 0
	}
	return best, bestAt
}

// phraseIn is firstPhrase for the phrases starting in s[lo:hi] with an
// index below best, the first found so far (at bestAt); a phrase that
// starts inside one of the quotes among toks does not count.
func phraseIn(toks []token, s string, base, lo, hi, best, bestAt int) (int, int) {
	for at := lo; at < hi; at++ {
		if at > 0 && s[at-1] != ' ' && s[at-1] != '(' {
			continue
		}
		for _, i := range phrasesByFirstByte[s[at]] {
			if i >= best {
				break
			}
			w := channelPhrases[i].words
			if !strings.HasPrefix(s[at:], w) || inQuote(toks, base+at) {
				continue
			}
			if end := at + len(w); w[len(w)-1] != ' ' && end < len(s) && isLetterByte(s[end]) {
				continue
			}
			best, bestAt = i, at
			break
		}
	}
	return best, bestAt
}

// phrasesByFirstByte lists the indexes in channelPhrases of the phrases
// that start with each byte, in order.
var phrasesByFirstByte = func() (index [256][]int) {
	for i, p := range channelPhrases {
		index[p.words[0]] = append(index[p.words[0]], i)
	}
	return index
}()

// channelWords are the words every channel phrase contains; a sentence
// without any of them names no channel.
var channelWords = setOf("told call analysts clients memoir review rally supporters jury jurors committee inquiry statement email e-mail emailed interview x twitter tweeted tweet facebook instagram telegram linkedin tiktok youtube threads bluesky truth conference reporters journalists release filing filings papers testimony testified speech address television tv radio letter video blog podcast memo report")

// hasChannelWord reports whether any word of toks is a channel word.
func hasChannelWord(toks []token) bool {
	for _, t := range toks {
		if t.kind == word && t.has(lxChannelWord) {
			return true
		}
	}
	return false
}

// outletWords are words that name news outlets: "the Hanse Courier",
// "The Daily Blaze".
var outletWords = setOf("times post news herald chronicle courier standard journal gazette telegraph guardian observer tribune radio tv television blaze bugle clarion shimbun sentinel weekly daily monthly magazine review express mail mirror star sun record press examiner inquirer register bulletin dispatch reuters ap afp bbc cnn npr abc nbc cbs fox sky")

// toldOutlet returns the outlet in "told the Hanse Courier" or "told
// Reuters", or "".
func toldOutlet(toks []token, tx *texts) string {
	for i, t := range toks {
		if t.kind != word || tx.word(t) != "told" || i+1 >= len(toks) {
			continue
		}
		j := i + 1
		the := tx.word(toks[j]) == "the"
		if the {
			j++
		}
		o := outletAt(toks, toks[min(j, len(toks)-1)].start, tx)
		if o == "" {
			continue
		}
		last := strings.ToLower(o[strings.LastIndexByte(o, ' ')+1:])
		if the || outletWords[last] {
			return o
		}
	}
	return ""
}

// inQuote reports whether byte offset off lies inside a quote token.
func inQuote(toks []token, off int) bool {
	for _, t := range toks {
		if t.kind == quote && t.start <= off && off < t.end {
			return true
		}
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// outletAt returns the capitalised name (an outlet) whose first token
// starts at byte offset off.
func outletAt(toks []token, off int, tx *texts) string {
	i := 0
	for i < len(toks) && toks[i].start < off {
		i++
	}
	if i < len(toks) && toks[i].kind == word && tx.word(toks[i]) == "the" {
		i++
	}
	j := i
	for j < len(toks) && toks[j].kind == word && (toks[j].upper || isAcronym(toks[j].text(tx.text)) || (j > i && toks[j].has(lxConnector))) {
		j++
	}
	for j > i && toks[j-1].has(lxConnector) {
		j--
	}
	if j == i {
		return ""
	}
	return tx.text[toks[i].start:toks[j-1].end]
}

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

// channelOf finds the channel named in the reporter's words of a
// sentence (quotes excluded): "in a statement", "on X", "in an email to
// Geo TV".
func channelOf(toks []token, t texts) string {
	if !hasChannelWord(toks) {
		return ""
	}
	base := toks[0].start
	if o := toldOutlet(toks, t.text); o != "" {
		return "interview with " + o
	}
	s := t.lowerOf(base, toks[len(toks)-1].end)
	for _, p := range channelPhrases {
		for from := 0; ; {
			at := strings.Index(s[from:], p.words)
			if at < 0 {
				break
			}
			at += from
			from = at + 1
			end := at + len(p.words)
			if at > 0 && s[at-1] != ' ' && s[at-1] != '(' || inQuote(toks, base+at) {
				continue
			}
			if p.words[len(p.words)-1] != ' ' {
				if end < len(s) && isLetterByte(s[end]) {
					continue
				}
				return p.channel
			}
			if outlet := outletAt(toks, base+end, t.text); outlet != "" {
				return p.channel + " " + outlet
			}
			return p.channel
		}
	}
	return ""
}

// channelWords are the words every channel phrase contains; a sentence
// without any of them names no channel.
var channelWords = setOf("told call analysts clients memoir review rally supporters jury jurors committee inquiry statement email e-mail emailed interview x twitter tweeted tweet facebook instagram telegram linkedin tiktok youtube threads bluesky truth conference reporters journalists release filing filings papers testimony testified speech address television tv radio letter video blog podcast memo report")

// hasChannelWord reports whether any word of toks is a channel word.
func hasChannelWord(toks []token) bool {
	for _, t := range toks {
		if t.kind == word && channelWords[t.lower] {
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
func toldOutlet(toks []token, text string) string {
	for i, t := range toks {
		if t.kind != word || t.lower != "told" || i+1 >= len(toks) {
			continue
		}
		j := i + 1
		the := toks[j].lower == "the"
		if the {
			j++
		}
		o := outletAt(toks, toks[min(j, len(toks)-1)].start, text)
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
func outletAt(toks []token, off int, text string) string {
	i := 0
	for i < len(toks) && toks[i].start < off {
		i++
	}
	if i < len(toks) && toks[i].kind == word && toks[i].lower == "the" {
		i++
	}
	j := i
	for j < len(toks) && toks[j].kind == word && (toks[j].upper || isAcronym(toks[j].text(text)) || (j > i && connectors[toks[j].lower])) {
		j++
	}
	for j > i && connectors[toks[j-1].lower] {
		j--
	}
	if j == i {
		return ""
	}
	return text[toks[i].start:toks[j-1].end]
}

package sources

import (
	"cmp"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// parseMarkdown reads a Markdown article: YAML front matter for metadata,
// then the document stripped to plain text. Text is the stripped
// paragraphs joined by blank lines; the first block, if it is a heading,
// is the headline, and block quotes are paragraphs of kind Quotation.
func parseMarkdown(text, origin string) ([]*Article, []error) {
	m, body, errs := frontMatter(strings.TrimPrefix(text, "\ufeff"), origin)
	a := &Article{Format: kindMD}
	m.fill(a)
	var b strings.Builder
	for i, blk := range mdBlocks(stripComments(body)) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		kind := blk.kind
		if i == 0 && blk.heading {
			kind = Headline
			a.Title = cmp.Or(a.Title, blk.text)
		}
		start := b.Len()
		b.WriteString(blk.text)
		a.Paragraphs = append(a.Paragraphs, Paragraph{Start: start, End: b.Len(), Kind: kind})
	}
	a.Text = b.String()
	if len(a.Paragraphs) == 0 {
		return nil, append(errs, failure(origin, fmt.Errorf("%w: no text", ErrEmpty)))
	}
	return []*Article{a}, errs
}

// frontMatter splits YAML front matter, fenced by "---" lines, from the
// top of text and reads its metadata. Without front matter it returns
// text whole.
func frontMatter(text, origin string) (meta, string, []error) {
	first, pos := lineAt(text, 0)
	if strings.TrimRight(first, " \t\r") != "---" {
		return meta{}, text, nil
	}
	start := pos
	for pos < len(text) {
		line, next := lineAt(text, pos)
		if fence := strings.TrimRight(line, " \t\r"); fence == "---" || fence == "..." {
			m, errs := readFrontMatter(text[start:pos], origin)
			return m, text[next:], errs
		}
		pos = next
	}
	return meta{}, text, nil
}

// readFrontMatter reads the metadata keys of a YAML mapping.
func readFrontMatter(src, origin string) (meta, []error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return meta{}, []error{warning(origin, 0, -1, fmt.Errorf("front matter: %w", err))}
	}
	if len(doc.Content) == 0 {
		return meta{}, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return meta{}, []error{warning(origin, 2, -1, fmt.Errorf("front matter: not a mapping"))}
	}
	var m meta
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i], root.Content[i+1]
		if err := m.set(key.Value, yamlString(value)); err != nil {
			errs = append(errs, warning(origin, value.Line+1, -1, fmt.Errorf("front matter: %w", err)))
		}
	}
	return m, errs
}

// yamlString returns a YAML value as one string: a scalar as written, a
// list joined with commas, a mapping by its "name".
func yamlString(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.SequenceNode:
		var parts []string
		for _, item := range n.Content {
			if s := yamlString(item); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "name" {
				return yamlString(n.Content[i+1])
			}
		}
	}
	return ""
}

// stripComments removes HTML comments. An unterminated comment is left
// as it is.
func stripComments(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+4:], "-->")
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i+4+j+3:]
	}
	b.WriteString(s)
	return b.String()
}

// mdBlock is one paragraph of a Markdown document, stripped to text.
type mdBlock struct {
	kind    ParagraphKind
	heading bool
	text    string
}

// Line patterns of Markdown block structure.
var (
	mdHeading   = regexp.MustCompile(`^#{1,6}(\s|$)`)
	mdClosing   = regexp.MustCompile(`\s+#+$`)
	mdBreak     = regexp.MustCompile(`^((-\s*){3,}|(\*\s*){3,}|(_\s*){3,})$`)
	mdSetext    = regexp.MustCompile(`^(={3,}|-{3,})$`)
	mdListItem  = regexp.MustCompile(`^([-*+]|\d{1,9}[.)])\s+`)
	mdLinkDef   = regexp.MustCompile(`^\[[^\]]+\]:\s*\S`)
	mdFenceOpen = regexp.MustCompile("^(`{3,}|~{3,})")
)

// mdParser groups the lines of a Markdown document into blocks.
type mdParser struct {
	blocks []mdBlock
	lines  []string      // lines of the block being read
	kind   ParagraphKind // Body or Quotation
	item   bool          // the block is a list item
	fence  string        // the fence of the code block being skipped
}

// mdBlocks splits a Markdown document into its text blocks: paragraphs,
// headings, list items and block quotes. Code blocks, thematic breaks,
// link definitions and blocks left empty by stripping are dropped.
func mdBlocks(body string) []mdBlock {
	var p mdParser
	for pos := 0; pos < len(body); {
		line, next := lineAt(body, pos)
		p.line(strings.TrimSpace(line))
		pos = next
	}
	p.flush()
	return p.blocks
}

// line reads one line, trimmed of surrounding white space.
func (p *mdParser) line(t string) {
	if p.fence != "" {
		if strings.HasPrefix(t, p.fence) && strings.Trim(t, p.fence[:1]) == "" {
			p.fence = ""
		}
		return
	}
	switch {
	case t == "":
		p.flush()
	case mdFenceOpen.MatchString(t):
		p.flush()
		p.fence = mdFenceOpen.FindString(t)
	case mdHeading.MatchString(t):
		p.flush()
		p.lines = []string{mdClosing.ReplaceAllString(strings.TrimLeft(t, "#"), "")}
		p.flushAs(true)
	case mdSetext.MatchString(t) && len(p.lines) > 0 && !p.item && p.kind == Body:
		p.flushAs(true)
	case mdBreak.MatchString(t):
		p.flush()
	case strings.HasPrefix(t, ">"):
		p.quote(t)
	case mdListItem.MatchString(t):
		p.flush()
		p.lines, p.item = []string{t[len(mdListItem.FindString(t)):]}, true
	case mdLinkDef.MatchString(t):
	default:
		p.lines = append(p.lines, t)
	}
}

// quote reads a block quote line. A marker with nothing after it ends a
// quoted paragraph.
func (p *mdParser) quote(t string) {
	for strings.HasPrefix(t, ">") {
		t = strings.TrimSpace(t[1:])
	}
	if t == "" {
		p.flush()
		return
	}
	if p.kind != Quotation || p.item {
		p.flush()
	}
	p.kind = Quotation
	p.lines = append(p.lines, t)
}

// flush ends the current block.
func (p *mdParser) flush() { p.flushAs(false) }

// flushAs ends the current block, as a heading if heading is set.
func (p *mdParser) flushAs(heading bool) {
	if len(p.lines) > 0 {
		for i, l := range p.lines {
			p.lines[i] = strings.TrimSuffix(l, "\\") // hard line break
		}
		if text := mdInline(strings.Join(p.lines, " ")); text != "" {
			p.blocks = append(p.blocks, mdBlock{kind: p.kind, heading: heading, text: text})
		}
	}
	p.lines, p.kind, p.item = nil, Body, false
}

// mdInline strips inline Markdown from s: emphasis markers, links (their
// text is kept), images, code span backticks, autolinks, HTML tags,
// escapes and character references. Everything else, quotation marks and
// apostrophes included, is kept as written. It takes time linear in len(s).
func mdInline(s string) string {
	sc := inlineScanner{s: s, parens: closingParens(s), ticks: backtickRuns(s)}
	sc.scan()
	sc.matchEmphasis()
	return collapseSpaces(sc.render())
}

// inlinePiece is a run of literal text, a link opener or a run of
// emphasis delimiters.
type inlinePiece struct {
	text        string
	image       bool // the piece is the "![" of an image
	delim       byte // '*', '_' or '~' for a delimiter run, 0 otherwise
	n           int  // delimiters left unmatched
	open, close bool // the run can open or close emphasis
}

// inlineScanner splits one paragraph of Markdown into pieces in a single
// pass, resolving links, images and code spans as it goes; emphasis is
// matched afterwards.
type inlineScanner struct {
	s        string
	pieces   []inlinePiece
	brackets []int         // pieces that are still-open "[" or "!["
	parens   map[int]int   // offset of "(" -> offset of its ")"
	ticks    map[int][]int // backtick runs by length, consumed as the scan passes them
}

// literal appends literal text.
func (sc *inlineScanner) literal(text string) {
	sc.pieces = append(sc.pieces, inlinePiece{text: text})
}

// scan splits sc.s into pieces.
func (sc *inlineScanner) scan() {
	s := sc.s
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			sc.literal(s[i+1 : i+2])
			i += 2
		case c == '`':
			i = sc.codeSpan(i)
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			sc.brackets = append(sc.brackets, len(sc.pieces))
			sc.pieces = append(sc.pieces, inlinePiece{text: "![", image: true})
			i += 2
		case c == '[':
			sc.brackets = append(sc.brackets, len(sc.pieces))
			sc.literal("[")
			i++
		case c == ']':
			i = sc.closeBracket(i)
		case c == '<':
			i = sc.angle(i)
		case c == '*' || c == '_' || c == '~':
			i = sc.delimRun(i)
		default:
			j := i + 1
			for j < len(s) && !strings.ContainsRune("\\`![]<*_~", rune(s[j])) {
				j++
			}
			sc.literal(unescapeEntities(s[i:j]))
			i = j
		}
	}
}

// codeSpan reads a code span at s[i], keeping its content literally. A
// backtick run with no run as long after it is literal.
func (sc *inlineScanner) codeSpan(i int) int {
	n := runLen(sc.s, i)
	runs := sc.ticks[n]
	for len(runs) > 0 && runs[0] <= i {
		runs = runs[1:]
	}
	sc.ticks[n] = runs
	if len(runs) == 0 {
		sc.literal(sc.s[i : i+n])
		return i + n
	}
	end := runs[0]
	code := sc.s[i+n : end]
	if len(code) > 2 && code[0] == ' ' && code[len(code)-1] == ' ' {
		code = code[1 : len(code)-1]
	}
	sc.literal(code)
	return end + n
}

// closeBracket reads the "]" at s[i]. If it closes the latest open
// bracket and a destination "(...)" or reference "[...]" follows, the
// brackets make a link, which keeps its text, or an image, which is
// dropped. Otherwise ("[Caretaker Foreign Minister] Jalil") the brackets
// stay as written.
func (sc *inlineScanner) closeBracket(i int) int {
	k := len(sc.brackets)
	end, ok := sc.linkTail(i + 1)
	if k == 0 || !ok {
		if k > 0 {
			sc.brackets = sc.brackets[:k-1]
		}
		sc.literal("]")
		return i + 1
	}
	open := sc.brackets[k-1]
	sc.brackets = sc.brackets[:k-1]
	if sc.pieces[open].image {
		sc.pieces = sc.pieces[:open]
	} else {
		sc.pieces[open].text = ""
	}
	return end
}

// linkTail returns the offset after a link destination "(...)" or
// reference "[...]" starting at s[j].
func (sc *inlineScanner) linkTail(j int) (int, bool) {
	if j >= len(sc.s) {
		return 0, false
	}
	switch sc.s[j] {
	case '(':
		if end, ok := sc.parens[j]; ok {
			return end + 1, true
		}
	case '[':
		if end := strings.IndexByte(sc.s[j+1:], ']'); end >= 0 {
			return j + 1 + end + 1, true
		}
	}
	return 0, false
}

// closingParens pairs the parentheses of s, counting nesting and skipping
// escaped characters.
func closingParens(s string) map[int]int {
	pairs := make(map[int]int)
	var open []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			open = append(open, i)
		case ')':
			if k := len(open); k > 0 {
				pairs[open[k-1]] = i
				open = open[:k-1]
			}
		}
	}
	return pairs
}

// backtickRuns lists the starts of the runs of backticks in s, by run
// length, in order.
func backtickRuns(s string) map[int][]int {
	runs := make(map[int][]int)
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		n := runLen(s, i)
		runs[n] = append(runs[n], i)
		i += n
	}
	return runs
}

// Inline HTML: autolinks keep their address, tags are dropped.
var (
	mdAutolink = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[A-Za-z]+)>`)
	mdTag      = regexp.MustCompile(`^</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>`)
)

// angle reads an autolink or HTML tag at s[i], or a literal "<".
func (sc *inlineScanner) angle(i int) int {
	if m := mdAutolink.FindStringSubmatch(sc.s[i:]); m != nil {
		sc.literal(m[1])
		return i + len(m[0])
	}
	if tag := mdTag.FindString(sc.s[i:]); tag != "" {
		return i + len(tag)
	}
	sc.literal("<")
	return i + 1
}

// delimRun reads a run of '*', '_' or '~' at s[i] and decides, by the
// CommonMark flanking rules, whether it can open or close emphasis. A run
// that can do neither ("snake_case", "2 * 3") is literal.
func (sc *inlineScanner) delimRun(i int) int {
	s := sc.s
	c := s[i]
	n := runLen(s, i)
	prev, next := ' ', ' '
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+n < len(s) {
		next, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	left := !unicode.IsSpace(next) && (!isPunct(next) || unicode.IsSpace(prev) || isPunct(prev))
	right := !unicode.IsSpace(prev) && (!isPunct(prev) || unicode.IsSpace(next) || isPunct(next))
	open, close := left, right
	if c == '_' {
		open = left && (!right || isPunct(prev))
		close = right && (!left || isPunct(next))
	}
	if (!open && !close) || (c == '~' && n != 2) {
		sc.literal(s[i : i+n])
		return i + n
	}
	sc.pieces = append(sc.pieces, inlinePiece{delim: c, n: n, open: open, close: close})
	return i + n
}

// delimiters are the characters that mark emphasis.
const delimiters = "*_~"

// matchEmphasis pairs each closing delimiter run with the nearest open
// run of the same character before it, removing the matched delimiters.
// Openers of other characters between the two can no longer match, as in
// CommonMark. One stack per character keeps it linear.
func (sc *inlineScanner) matchEmphasis() {
	var stacks [len(delimiters)][]int
	for i := range sc.pieces {
		c := &sc.pieces[i]
		if c.delim == 0 {
			continue
		}
		d := strings.IndexByte(delimiters, c.delim)
		for c.close && c.n > 0 && len(stacks[d]) > 0 {
			j := stacks[d][len(stacks[d])-1]
			o := &sc.pieces[j]
			if c.delim == '~' && o.n != c.n {
				break
			}
			k := min(o.n, c.n)
			o.n, c.n = o.n-k, c.n-k
			if o.n == 0 {
				stacks[d] = stacks[d][:len(stacks[d])-1]
			}
			for e := range stacks {
				for len(stacks[e]) > 0 && stacks[e][len(stacks[e])-1] > j && e != d {
					stacks[e] = stacks[e][:len(stacks[e])-1]
				}
			}
		}
		if c.open && c.n > 0 {
			stacks[d] = append(stacks[d], i)
		}
	}
}

// render joins the pieces, writing unmatched delimiters literally.
func (sc *inlineScanner) render() string {
	var b strings.Builder
	for _, p := range sc.pieces {
		if p.delim != 0 {
			b.WriteString(strings.Repeat(string(p.delim), p.n))
		} else {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// runLen returns how many times s[i] repeats from i.
func runLen(s string, i int) int {
	j := i
	for j < len(s) && s[j] == s[i] {
		j++
	}
	return j - i
}

// isASCIIPunct reports whether c is ASCII punctuation, which a backslash
// escapes.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// isPunct reports whether r is punctuation or a symbol.
func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// unescapeEntities decodes character references ("&amp;", "&#8217;").
func unescapeEntities(s string) string {
	if !strings.Contains(s, "&") || !strings.Contains(s, ";") {
		return s
	}
	return html.UnescapeString(s)
}

// collapseSpaces turns runs of ASCII white space into one space and trims
// both ends.
func collapseSpaces(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

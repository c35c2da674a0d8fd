package sources

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ErrNoBody reports an HTML page in which no article text was found: a
// section front, a page of links, an error page.
var ErrNoBody = errors.New("no article text found")

// loadHTML turns an HTML page into an Article. origin is the file path or
// URL the page came from; it is recorded in the Article and used to
// resolve a relative canonical URL.
//
// Page furniture that the markup marks as such (navigation, page and
// article headers and footers, byline and date lines, share bars, teaser
// lists; see dropMarkedFurniture) is removed first, then menus of links
// and <br>-separated lines are dealt with, and the story text is found by
// go-readability, which scores the remaining blocks. Each block of the
// extracted story (paragraph, subhead, list item, <br>-separated line)
// becomes one paragraph; blocks inside <blockquote> are of kind Quotation.
// The headline, when known, is the first paragraph, of kind Headline.
// Metadata comes from JSON-LD, meta tags and the page's markup (see
// readMeta). A page without story text gives an error wrapping ErrNoBody.
func loadHTML(data []byte, origin string) (*Article, error) {
	doc, err := html.Parse(bytes.NewReader(toUTF8(data)))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	meta := readMeta(goquery.NewDocumentFromNode(doc), origin)
	dropMarkedFurniture(doc)
	dropLinkMenus(doc)
	splitBrLines(doc)
	body, err := extractBody(doc)
	if err != nil {
		return nil, err
	}
	blocks := dropHeadline(htmlBlocks(body), meta.Title, meta.Heading)
	if !hasStory(blocks) {
		return nil, fmt.Errorf("extract body: %w", ErrNoBody)
	}
	a := &Article{
		Outlet:    meta.Outlet,
		URL:       meta.URL,
		Title:     meta.Title,
		Byline:    meta.Byline,
		Published: meta.Published,
		Origin:    origin,
		Format:    "html",
	}
	if meta.Title != "" {
		blocks = append([]htmlBlock{{meta.Title, Headline}}, blocks...)
	}
	a.Text, a.Paragraphs = joinBlocks(blocks)
	return a, nil
}

// toUTF8 returns data as UTF-8. Valid UTF-8 is returned as it is, whatever
// the page declares; anything else is decoded from the encoding the page
// declares (<meta charset>), or else from Windows-1252.
func toUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	enc, _, _ := charset.DetermineEncoding(data, "text/html")
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// extractBody returns the node holding the story text, as found by
// go-readability; doc is changed in the process. Metadata is readMeta's
// business, so readability's JSON-LD reading is turned off. A panic
// inside the extractor, on input it did not foresee, is returned as an
// error so that one bad page cannot stop a batch.
func extractBody(doc *html.Node) (body *html.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			body, err = nil, fmt.Errorf("extract body: extractor failed: %v", r)
		}
	}()
	p := readability.NewParser()
	p.DisableJSONLD = true
	res, err := p.ParseAndMutate(doc, nil)
	if err != nil {
		return nil, fmt.Errorf("extract body: %w (%v)", ErrNoBody, err)
	}
	if res.Node == nil {
		return nil, fmt.Errorf("extract body: %w", ErrNoBody)
	}
	return res.Node, nil
}

// htmlBlock is one block of story text and its kind.
type htmlBlock struct {
	Text string
	Kind ParagraphKind
}

// joinBlocks joins the blocks' text with blank lines between them and
// returns it with the paragraphs' spans.
func joinBlocks(blocks []htmlBlock) (string, []Paragraph) {
	var b strings.Builder
	paras := make([]Paragraph, 0, len(blocks))
	for _, bl := range blocks {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(bl.Text)
		paras = append(paras, Paragraph{Start: start, End: b.Len(), Kind: bl.Kind})
	}
	return b.String(), paras
}

// dropHeadline removes the headline from the first few blocks, where
// extractors often keep the <h1>: loadHTML adds the headline itself. The
// block may read as the title or as the page's visible heading.
func dropHeadline(blocks []htmlBlock, title, heading string) []htmlBlock {
	for i := 0; i < len(blocks) && i < 3; i++ {
		if t := blocks[i].Text; t == title || t == heading {
			return append(blocks[:i:i], blocks[i+1:]...)
		}
	}
	return blocks
}

// Thresholds for hasStory.
const (
	minSentenceWords = 5  // words in a block that reads as a sentence
	minStoryWords    = 25 // words in sentence blocks that make a story
)

// hasStory reports whether blocks hold a story rather than page furniture
// (menus, lists of headlines): at least minStoryWords words in blocks that
// read as sentences, that is that have minSentenceWords words or more and
// end with sentence punctuation.
func hasStory(blocks []htmlBlock) bool {
	words := 0
	for _, b := range blocks {
		n := len(strings.Fields(b.Text))
		if n >= minSentenceWords && endsSentence(b.Text) {
			words += n
		}
	}
	return words >= minStoryWords
}

// endsSentence reports whether s ends with a full stop, question or
// exclamation mark, colon or a closing quotation mark or bracket.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;\"'”’»)]", r)
}

// blockWriter collects the text of an HTML tree as blocks.
type blockWriter struct {
	buf    strings.Builder
	quote  int // depth of <blockquote> elements around the text
	blocks []htmlBlock
}

// htmlBlocks splits the text under n into blocks: one per paragraph,
// heading, list item, table cell or <br>-separated line. White space
// inside a block is collapsed to single spaces.
func htmlBlocks(n *html.Node) []htmlBlock {
	var w blockWriter
	w.visit(n)
	w.flush()
	return w.blocks
}

// flush ends the current block.
func (w *blockWriter) flush() {
	text := strings.Join(strings.Fields(w.buf.String()), " ")
	w.buf.Reset()
	if text == "" {
		return
	}
	kind := Body
	if w.quote > 0 {
		kind = Quotation
	}
	w.blocks = append(w.blocks, htmlBlock{text, kind})
}

// visit walks the tree under n, writing text and ending blocks at block
// boundaries. Elements are told apart by tagOf: the extractor renames
// some elements (a <blockquote> beside the story's container may become a
// <div>) without touching DataAtom, which keeps the tag of the page.
func (w *blockWriter) visit(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.buf.WriteString(n.Data)
		return
	case html.ElementNode:
		w.visitElement(n, tagOf(n))
		return
	}
	w.visitChildren(n)
}

// visitElement writes the element's text, ending blocks before and after
// block elements.
func (w *blockWriter) visitElement(n *html.Node, tag atom.Atom) {
	switch {
	case skippedTags[tag]:
		return
	case tag == atom.Br:
		w.flush()
		return
	case inlineTags[tag]:
		w.visitChildren(n)
		return
	}
	w.flush()
	if tag == atom.Blockquote {
		w.quote++
		defer func() { w.quote-- }()
	}
	w.visitChildren(n)
	w.flush()
}

// visitChildren visits n's children in order.
func (w *blockWriter) visitChildren(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.visit(c)
	}
}

// tagOf returns the element's tag as an atom, or 0 for other nodes and
// unknown tags.
func tagOf(n *html.Node) atom.Atom {
	if n.Type != html.ElementNode {
		return 0
	}
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

// skippedTags hold no story text.
var skippedTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Figcaption: true, atom.Button: true, atom.Form: true,
	atom.Select: true, atom.Textarea: true, atom.Svg: true, atom.Math: true,
	atom.Iframe: true, atom.Object: true, atom.Head: true,
}

// inlineTags are the phrasing elements: they never end a block. Every
// other element does.
var inlineTags = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Big: true, atom.Cite: true, atom.Code: true, atom.Data: true,
	atom.Del: true, atom.Dfn: true, atom.Em: true, atom.Font: true, atom.I: true,
	atom.Img: true, atom.Ins: true, atom.Kbd: true, atom.Label: true,
	atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true,
	atom.Span: true, atom.Strike: true, atom.Strong: true, atom.Sub: true,
	atom.Sup: true, atom.Time: true, atom.Tt: true, atom.U: true, atom.Var: true,
	atom.Wbr: true,
}

// dropMarkedFurniture removes, before extraction, the elements that the
// page's markup marks as furniture rather than story:
//
//   - elements that never hold story text: <script>, <style>, <noscript>,
//     <template>, <iframe>, and elements with the hidden attribute;
//   - page and article furniture by tag: <header>, <footer>, <nav>,
//     <aside>, <form>, <address> (the author's contact details, that is
//     the byline) and <time>, whose date readMeta has already read;
//   - <figcaption>, and <figure> unless it holds a <blockquote>, the
//     markup HTML suggests for a quotation with its attribution;
//   - elements with aria-hidden="true" or a furniture role (navigation,
//     banner, contentinfo, complementary, search, menu, dialog, ...);
//   - elements whose class or id has a furniture word (furnitureWords:
//     "related", "share", "byline", "standfirst", "newsletter", ...), or
//     whose short aria-label has one ("Share this article", "More from
//     Eastvale"), or with itemprop="author"; not a <blockquote> or a
//     <figure> holding one, whose markup says quotation whatever the
//     class says.
//
// Two guards keep story text from going with the furniture. An element
// inside running text (within a paragraph or heading, or an inline
// element with text beside it) stays, except for the never-story tags
// and [hidden]: a <time> or a <span class="dateline"> inside a sentence is
// part of the sentence. And an element holding more than a third of the
// page's text outside links stays: a WordPress <article class="...
// tag-newsletter">, a page-wide <form> or <header> is not furniture. (The
// story is a third of a page's text even under a cookie notice and a
// newsletter box; furniture that big is left to the extractor.)
func dropMarkedFurniture(doc *html.Node) {
	total := proseAlnum(doc)
	var walk func(n *html.Node, inPara bool) int
	// walk removes the furniture under n, leaving <head> alone, and
	// returns the letters and digits outside links that remain in n.
	walk = func(n *html.Node, inPara bool) int {
		switch n.Type {
		case html.TextNode:
			return countAlnum(n.Data)
		case html.ElementNode, html.DocumentNode:
		default:
			return 0
		}
		tag := tagOf(n)
		if neverStoryTags[tag] || tag == atom.Head {
			return 0
		}
		inPara = inPara || paragraphTags[tag]
		prose := 0
		var next *html.Node
		for c := n.FirstChild; c != nil; c = next {
			next = c.NextSibling
			size := walk(c, inPara)
			if c.Type == html.ElementNode && size <= total/3 && isMarkedFurniture(c, inPara) {
				n.RemoveChild(c)
				continue
			}
			prose += size
		}
		if tag == atom.A {
			return 0
		}
		return prose
	}
	walk(doc, false)
}

// proseAlnum counts the letters and digits of the text under n outside
// links, <head> and the elements that never hold story text.
func proseAlnum(n *html.Node) int {
	switch n.Type {
	case html.TextNode:
		return countAlnum(n.Data)
	case html.ElementNode, html.DocumentNode:
	default:
		return 0
	}
	if tag := tagOf(n); tag == atom.A || tag == atom.Head || neverStoryTags[tag] {
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += proseAlnum(c)
	}
	return total
}

// isMarkedFurniture reports whether the element e is furniture by its
// markup (see dropMarkedFurniture). inPara tells whether e is inside a
// paragraph or heading.
func isMarkedFurniture(e *html.Node, inPara bool) bool {
	tag := tagOf(e)
	if neverStoryTags[tag] || hasAttr(e, "hidden") {
		return true
	}
	if inPara || inRunningText(e) {
		return false
	}
	switch {
	case furnitureTags[tag]:
		return true
	case tag == atom.Figure && !hasDescendant(e, atom.Blockquote):
		return true
	}
	quote := tag == atom.Blockquote || tag == atom.Figure // (a figure here holds a blockquote)
	for _, a := range e.Attr {
		v := strings.ToLower(strings.TrimSpace(a.Val))
		switch {
		case a.Namespace != "":
		case a.Key == "aria-hidden":
			if v == "true" {
				return true
			}
		case a.Key == "role":
			for _, r := range strings.Fields(v) {
				if furnitureRoles[r] {
					return true
				}
			}
		case quote:
			// A quotation's markup is trusted over its words:
			// <blockquote class="author-quote">.
		case a.Key == "class", a.Key == "id":
			for _, name := range strings.Fields(v) {
				if hasFurnitureWord(name) {
					return true
				}
			}
		case a.Key == "aria-label":
			if len(strings.Fields(v)) <= maxLabelWords && hasFurnitureWord(v) {
				return true
			}
		case a.Key == "itemprop":
			if slices.Contains(strings.Fields(v), "author") {
				return true
			}
		}
	}
	return false
}

// maxLabelWords is the longest aria-label searched for furniture words:
// longer labels are more likely a headline than the name of a page part.
const maxLabelWords = 4

// hasFurnitureWord reports whether s, split into words at anything but
// letters and digits, has a furniture word, alone or as two words run
// together: "article__standfirst", "share-bar", "more-from", "sub-headline",
// "mostRead" (case is ignored).
func hasFurnitureWord(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		if furnitureWords[w] || i > 0 && furnitureWords[words[i-1]+w] {
			return true
		}
	}
	return false
}

// inRunningText reports whether e is part of a line of text: an inline
// element with text beside it, or inside an inline element that has.
func inRunningText(e *html.Node) bool {
	for ; e.Parent != nil && inlineTags[tagOf(e)]; e = e.Parent {
		for s := e.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s.Type == html.TextNode && countAlnum(s.Data) > 0 {
				return true
			}
		}
	}
	return false
}

// hasAttr reports whether e has the attribute key.
func hasAttr(e *html.Node, key string) bool {
	for _, a := range e.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// hasDescendant reports whether there is an element with the tag under n.
func hasDescendant(n *html.Node, tag atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if tagOf(c) == tag || hasDescendant(c, tag) {
			return true
		}
	}
	return false
}

// neverStoryTags hold no text a reader sees.
var neverStoryTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true,
}

// paragraphTags hold running text: an element inside them is part of a
// sentence or a heading.
var paragraphTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Pre: true,
}

// furnitureTags are the elements that hold page or article furniture.
var furnitureTags = map[atom.Atom]bool{
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true,
	atom.Form: true, atom.Address: true, atom.Time: true, atom.Figcaption: true,
}

// furnitureRoles are the ARIA roles of page furniture.
var furnitureRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "menu": true, "menubar": true, "toolbar": true,
	"dialog": true, "alertdialog": true,
}

// furnitureWords name page furniture in class names, ids and ARIA
// labels. Words that also name parts of the story are left out: "lede"
// and "intro" (the first paragraph), "subhead" and "crosshead" (headings
// inside the story), "video" (a clip's title can be story text),
// "comment" (the Comment section of a newspaper).
var furnitureWords = map[string]bool{
	// Links to other stories.
	"related": true, "teaser": true, "teasers": true, "morefrom": true,
	"mostread": true, "mostpopular": true, "trending": true, "onward": true,
	"recirc": true, "recirculation": true, "outbrain": true, "taboola": true,
	"breadcrumb": true, "breadcrumbs": true, "tags": true, "topics": true,
	// Selling and sharing.
	"newsletter": true, "newsletters": true, "signup": true, "subscribe": true,
	"promo": true, "promos": true, "sponsored": true, "ad": true, "ads": true,
	"advert": true, "adverts": true, "advertisement": true, "adslot": true,
	"share": true, "sharing": true, "sharebar": true, "social": true,
	"cookie": true, "cookies": true, "consent": true,
	// Lines around the headline.
	"byline": true, "bylines": true, "author": true, "authors": true,
	"date": true, "dates": true, "pubdate": true, "timestamp": true,
	"postedon": true, "dateline": true, "kicker": true, "eyebrow": true, "overline": true,
	"standfirst": true, "strapline": true, "subheadline": true, "dek": true,
	"masthead": true,
	// Captions and text for screen readers only.
	"caption": true, "sronly": true, "screenreader": true,
	"visuallyhidden": true,
}

// linkStats counts, in a subtree, the links and the letters and digits
// of the text outside links.
type linkStats struct {
	links, otherAlnum int
}

// dropLinkMenus removes every element that holds two or more links and no
// letter or digit outside them: menus, "Home | News | Sport" bars, tag
// and share lists. Story text always has words of its own, so nothing of
// the story goes, and a paragraph made of one link ("READ MORE" lines) is
// left for the furniture filter.
func dropLinkMenus(n *html.Node) linkStats {
	var st linkStats
	switch tag := tagOf(n); {
	case n.Type == html.TextNode:
		st.otherAlnum = countAlnum(n.Data)
		return st
	case skippedTags[tag]:
		return st
	case tag == atom.A:
		st.links = 1
		return st
	}
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		cs := dropLinkMenus(c)
		st.links += cs.links
		st.otherAlnum += cs.otherAlnum
		if cs.links >= 2 && cs.otherAlnum == 0 && c.Type == html.ElementNode {
			n.RemoveChild(c)
		}
	}
	return st
}

// countAlnum counts the letters and digits in s.
func countAlnum(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// splitBrLines gives each <br>-separated line of text its own element, so
// that extractors see wire copy and old pages ("line<br><br>line") as
// paragraphs: a <p> holding <br>s becomes one <p> per line, and the
// loose lines of a container such as <div> or <td> are each wrapped in a
// new <p>.
func splitBrLines(root *html.Node) {
	var targets []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		hasBr := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			hasBr = hasBr || tagOf(c) == atom.Br
			find(c)
		}
		if hasBr {
			targets = append(targets, n)
		}
	}
	find(root)
	for _, t := range targets {
		switch tag := tagOf(t); {
		case tag == atom.P:
			splitParagraph(t)
		case lineContainers[tag]:
			wrapLines(t)
		}
	}
}

// lineContainers are the elements whose loose lines wrapLines wraps.
var lineContainers = map[atom.Atom]bool{
	atom.Div: true, atom.Td: true, atom.Th: true, atom.Blockquote: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Body: true,
	atom.Center: true, atom.Dd: true,
}

// splitParagraph replaces p by one copy of p per <br>-separated line.
func splitParagraph(p *html.Node) {
	var line []*html.Node
	end := func() {
		if hasText(line) {
			np := &html.Node{Type: html.ElementNode, Data: p.Data, DataAtom: p.DataAtom, Attr: p.Attr}
			p.Parent.InsertBefore(np, p)
			moveInto(np, line)
		}
		line = nil
	}
	var next *html.Node
	for c := p.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if tagOf(c) == atom.Br {
			end()
			continue
		}
		line = append(line, c)
	}
	end()
	p.Parent.RemoveChild(p)
}

// wrapLines wraps each run of inline content between <br>s and block
// elements of e in a new <p> and removes the <br>s.
func wrapLines(e *html.Node) {
	var line []*html.Node
	end := func(before *html.Node) {
		if hasText(line) {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			e.InsertBefore(p, before)
			moveInto(p, line)
		}
		line = nil
	}
	var next *html.Node
	for c := e.FirstChild; c != nil; c = next {
		next = c.NextSibling
		switch tag := tagOf(c); {
		case tag == atom.Br:
			end(c)
			e.RemoveChild(c)
		case c.Type == html.ElementNode && !inlineTags[tag]:
			end(c)
		default:
			line = append(line, c)
		}
	}
	end(nil)
}

// hasText reports whether the nodes hold an element or non-blank text.
func hasText(nodes []*html.Node) bool {
	for _, n := range nodes {
		switch n.Type {
		case html.ElementNode:
			return true
		case html.TextNode:
			if strings.TrimSpace(n.Data) != "" {
				return true
			}
		}
	}
	return false
}

// moveInto moves the nodes, in order, to the end of parent's children.
func moveInto(parent *html.Node, nodes []*html.Node) {
	for _, n := range nodes {
		n.Parent.RemoveChild(n)
		parent.AppendChild(n)
	}
}

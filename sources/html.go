package sources

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
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
// The story text comes from go-trafilatura, which drops navigation, ads,
// share buttons, comments and other page furniture. Each block of the
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
// go-trafilatura with its Readability and DOM Distiller fallbacks. The
// publication date is read by readMeta, so trafilatura's own date search
// is skipped. A panic inside the extractor, on input it did not foresee,
// is returned as an error so that one bad page cannot stop a batch.
func extractBody(doc *html.Node) (body *html.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			body, err = nil, fmt.Errorf("extract body: extractor failed: %v", r)
		}
	}()
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		EnableFallback:   true,
		ExcludeComments:  true,
		HtmlDateOverride: &htmldate.Result{},
	})
	if err != nil {
		return nil, fmt.Errorf("extract body: %w (%v)", ErrNoBody, err)
	}
	if res.ContentNode == nil {
		return nil, fmt.Errorf("extract body: %w", ErrNoBody)
	}
	return res.ContentNode, nil
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
// boundaries. Extractors build nodes without DataAtom, so elements are
// told apart by name.
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
	atom.Figure: true, atom.Figcaption: true, atom.Button: true, atom.Form: true,
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

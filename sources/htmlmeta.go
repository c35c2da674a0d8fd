package sources

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// pageMeta is what an HTML page says about the story it carries, apart
// from the story text itself.
type pageMeta struct {
	Title, URL, Byline, Outlet string
	Published                  time.Time
	// Heading is the headline as shown on the page, which may differ
	// from Title when Title comes from JSON-LD or og:title.
	Heading string
}

// readMeta gathers a page's metadata. For each field the most deliberate
// source wins: JSON-LD first, then og:, article: and other meta tags, then
// the visible markup (<h1>, <time datetime>, byline elements).
func readMeta(doc *goquery.Document, origin string) pageMeta {
	ld := readJSONLD(doc)
	tags := readMetaTags(doc)
	heading := pageHeadline(doc)
	return pageMeta{
		Heading: heading,
		Title:   firstNonEmpty(ld.Headline, tags["og:title"], tags["twitter:title"], heading),
		URL:     absoluteURL(firstNonEmpty(canonicalLink(doc), ld.URL, tags["og:url"]), origin),
		Byline:  firstNonEmpty(ld.Author, metaAuthor(tags), markupByline(doc)),
		Outlet:  firstNonEmpty(ld.Publisher, tags["og:site_name"]),
		Published: firstTime(ld.DatePublished, tags["article:published_time"],
			tags["datepublished"], tags["pubdate"], tags["publish-date"],
			tags["date"], tags["dc.date.issued"], timeElement(doc)),
	}
}

// readMetaTags maps the lowercased property, name or itemprop of each
// <meta> tag to its content. The first tag with a given key wins.
func readMetaTags(doc *goquery.Document) map[string]string {
	tags := make(map[string]string)
	doc.Find("meta[content]").Each(func(_ int, s *goquery.Selection) {
		content := cleanText(s.AttrOr("content", ""))
		if content == "" {
			return
		}
		for _, attr := range []string{"property", "name", "itemprop"} {
			key := strings.ToLower(strings.TrimSpace(s.AttrOr(attr, "")))
			if _, seen := tags[key]; key != "" && !seen {
				tags[key] = content
			}
		}
	})
	return tags
}

// canonicalLink returns the href of <link rel="canonical">, if any.
func canonicalLink(doc *goquery.Document) string {
	return strings.TrimSpace(doc.Find(`link[rel~="canonical"]`).First().AttrOr("href", ""))
}

// absoluteURL resolves a possibly relative page URL against origin when
// origin is an http(s) URL; otherwise it returns u unchanged.
func absoluteURL(u, origin string) string {
	if u == "" {
		return ""
	}
	ref, err := url.Parse(u)
	if err != nil || ref.IsAbs() {
		return u
	}
	base, err := url.Parse(origin)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") {
		return u
	}
	return base.ResolveReference(ref).String()
}

// pageHeadline finds the headline in the markup: the first <h1> whose text
// appears in the page's <title>, else the first <h1> of the <article>,
// else the <title> itself.
func pageHeadline(doc *goquery.Document) string {
	title := cleanText(doc.Find("title").First().Text())
	h1s := doc.Find("h1")
	for i := range h1s.Length() {
		if h := cleanText(h1s.Eq(i).Text()); h != "" && strings.Contains(title, h) {
			return h
		}
	}
	if h := cleanText(doc.Find("article h1").First().Text()); h != "" {
		return h
	}
	return title
}

// metaAuthor returns the author named by article:author or name="author",
// ignoring values that are profile URLs rather than names.
func metaAuthor(tags map[string]string) string {
	for _, key := range []string{"article:author", "author"} {
		v := tags[key]
		if v != "" && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
			return stripBy(v)
		}
	}
	return ""
}

// markupByline looks for the byline in the page's elements: links with
// rel="author", then itemprop="author", then an element whose class
// mentions "byline".
func markupByline(doc *goquery.Document) string {
	var names []string
	doc.Find(`[rel~="author"]`).Each(func(_ int, s *goquery.Selection) {
		names = appendName(names, cleanText(s.Text()))
	})
	if len(names) > 0 {
		return joinNames(names)
	}
	doc.Find(`[itemprop="author"]`).Each(func(_ int, s *goquery.Selection) {
		if n := s.Find(`[itemprop="name"]`); n.Length() > 0 {
			s = n.First()
		}
		names = appendName(names, stripBy(cleanText(s.Text())))
	})
	if len(names) > 0 {
		return joinNames(names)
	}
	return bylineText(stripBy(cleanText(doc.Find(`[class*="byline"]`).First().Text())))
}

// appendName adds a plausible author name to names unless it is there.
func appendName(names []string, name string) []string {
	if bylineText(name) == "" {
		return names
	}
	for _, n := range names {
		if n == name {
			return names
		}
	}
	return append(names, name)
}

// maxByline is the longest text taken for a byline; longer text is more
// likely a paragraph than a name.
const maxByline = 120

// bylineText returns s if it is short enough to be a byline, else "".
func bylineText(s string) string {
	if len(s) > maxByline {
		return ""
	}
	return s
}

// stripBy removes a leading "By" from a byline: "By Jo Bloggs" -> "Jo Bloggs".
func stripBy(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 3 && strings.EqualFold(s[:2], "by") && (s[2] == ' ' || s[2] == ':') {
		s = strings.TrimSpace(strings.TrimPrefix(s[3:], ":"))
	}
	return s
}

// joinNames joins author names as in prose: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// timeElement returns the datetime attribute of the first <time> element
// inside the <article>, or of the page if the article has none.
func timeElement(doc *goquery.Document) string {
	if t, ok := doc.Find("article time[datetime]").First().Attr("datetime"); ok {
		return t
	}
	return doc.Find("time[datetime]").First().AttrOr("datetime", "")
}

// firstTime returns the first candidate that parses as a date.
func firstTime(candidates ...string) time.Time {
	for _, c := range candidates {
		if t, ok := parseDate(c); ok {
			return t
		}
	}
	return time.Time{}
}

// firstNonEmpty returns the first non-empty string.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// cleanText decodes any HTML entities left in s and collapses runs of
// white space (including no-break spaces) to single spaces.
func cleanText(s string) string {
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// ldArticle holds the fields quoth reads from a JSON-LD article object.
type ldArticle struct {
	Headline, URL, Author, Publisher, DatePublished string
}

// readJSONLD reads the best article object from the page's
// <script type="application/ld+json"> blocks, looking inside arrays and
// @graph lists. A NewsArticle beats other article types; among equals the
// first wins. Blocks that are not valid JSON are skipped.
func readJSONLD(doc *goquery.Document) ldArticle {
	var nodes []map[string]any
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if err := json.Unmarshal(cleanJSON(s.Text()), &v); err == nil {
			nodes = flattenLD(nodes, v)
		}
	})
	ids := make(map[string]map[string]any)
	for _, n := range nodes {
		if id, ok := n["@id"].(string); ok {
			ids[id] = n
		}
	}
	var best map[string]any
	bestRank := 0
	for _, n := range nodes {
		if r := articleRank(n["@type"]); r > bestRank {
			best, bestRank = n, r
		}
	}
	if best == nil {
		return ldArticle{}
	}
	return ldArticle{
		Headline:      firstNonEmpty(ldString(best["headline"]), ldString(best["name"])),
		URL:           firstNonEmpty(ldLink(best["url"]), ldLink(best["mainEntityOfPage"])),
		Author:        joinNames(ldNames(best["author"], ids)),
		Publisher:     firstNonEmpty(ldNames(best["publisher"], ids)...),
		DatePublished: ldString(best["datePublished"]),
	}
}

// cleanJSON strips the wrappers some sites put around JSON-LD (HTML
// comments, CDATA markers) and turns raw control characters, which JSON
// forbids inside strings, into spaces.
func cleanJSON(s string) []byte {
	s = strings.TrimSpace(s)
	for _, w := range []string{"<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return []byte(strings.Map(func(r rune) rune {
		if r < ' ' {
			return ' '
		}
		return r
	}, s))
}

// flattenLD appends every JSON object in v to nodes, descending into
// arrays and @graph lists.
func flattenLD(nodes []map[string]any, v any) []map[string]any {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			nodes = flattenLD(nodes, e)
		}
	case map[string]any:
		nodes = append(nodes, v)
		if g, ok := v["@graph"]; ok {
			nodes = flattenLD(nodes, g)
		}
	}
	return nodes
}

// articleRank says how good a JSON-LD @type is as the story's record:
// 2 for NewsArticle and its subtypes, 1 for other articles and blog
// posts, 0 for anything else.
func articleRank(typ any) int {
	rank := 0
	for _, t := range ldStrings(typ) {
		switch {
		case strings.HasSuffix(t, "NewsArticle"):
			return 2
		case strings.HasSuffix(t, "Article"), strings.HasSuffix(t, "BlogPosting"):
			rank = 1
		}
	}
	return rank
}

// ldStrings returns v as a list of strings: a string or an array of them.
func ldStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldString returns v as clean text if it is a string, else "".
func ldString(v any) string {
	s, _ := v.(string)
	return cleanText(s)
}

// ldLink returns the http(s) URL in v: a string, or an object's @id or url.
func ldLink(v any) string {
	if m, ok := v.(map[string]any); ok {
		v = firstNonEmpty(ldString(m["url"]), ldString(m["@id"]))
	}
	s := ldString(v)
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return s
	}
	return ""
}

// ldNames returns the names in an author or publisher value: a string, an
// object with a name (or an @id naming another object of the page), or an
// array of these.
func ldNames(v any, ids map[string]map[string]any) []string {
	var names []string
	switch v := v.(type) {
	case string:
		names = appendName(names, stripBy(cleanText(v)))
	case []any:
		for _, e := range v {
			for _, n := range ldNames(e, ids) {
				names = appendName(names, n)
			}
		}
	case map[string]any:
		name := ldString(v["name"])
		if ref, ok := ids[ldString(v["@id"])]; ok && name == "" {
			name = ldString(ref["name"])
		}
		names = appendName(names, name)
	}
	return names
}

package sources

import (
	"cmp"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// maxHeadline is the longest first line taken for a headline, in bytes.
const maxHeadline = 300

// meta is article metadata read from a text header, Markdown front
// matter, a JSON record or a sidecar file.
type meta struct {
	title, outlet, url, byline string
	published                  time.Time
}

// metaFields maps the keys metadata may be given under (lower case) to
// the field they set.
var metaFields = map[string]string{
	"title": "title", "headline": "title",
	"outlet": "outlet", "source": "outlet", "publisher": "outlet",
	"url": "url", "link": "url",
	"published": "published", "date": "published", "datepublished": "published",
	"byline": "byline", "author": "byline",
}

// metaField returns the field a metadata key sets, or "" for an unknown key.
func metaField(key string) string {
	return metaFields[strings.ToLower(strings.TrimSpace(key))]
}

// set stores value under key unless the field already has a value, so
// the first of several keys for one field wins. Unknown keys and empty
// values are ignored; a date it cannot read is an error.
func (m *meta) set(key, value string) error {
	value = strings.Join(strings.Fields(value), " ")
	if value == "" {
		return nil
	}
	switch metaField(key) {
	case "title":
		m.title = cmp.Or(m.title, value)
	case "outlet":
		m.outlet = cmp.Or(m.outlet, value)
	case "url":
		m.url = cmp.Or(m.url, value)
	case "byline":
		m.byline = cmp.Or(m.byline, value)
	case "published":
		if !m.published.IsZero() {
			return nil
		}
		t, err := parseMetaDate(value)
		if err != nil {
			return err
		}
		m.published = t
	}
	return nil
}

// fill copies m's fields into the fields of a that are still empty.
func (m meta) fill(a *Article) {
	a.Title = cmp.Or(a.Title, m.title)
	a.Outlet = cmp.Or(a.Outlet, m.outlet)
	a.URL = cmp.Or(a.URL, m.url)
	a.Byline = cmp.Or(a.Byline, m.byline)
	if a.Published.IsZero() {
		a.Published = m.published
	}
}

// txtHeaderKeys are the keys a plain-text header may use (lower case):
// fewer than metaFields, so that a story opening with "Source: ..." is
// not taken for a header.
var txtHeaderKeys = map[string]bool{
	"title": true, "outlet": true, "url": true, "published": true, "date": true,
	"byline": true, "author": true,
}

// headerLine splits a "Key: value" line of a plain-text header.
func headerLine(line string) (key, value string, ok bool) {
	key, value, found := strings.Cut(line, ":")
	key = strings.TrimSpace(key)
	if !found || !txtHeaderKeys[strings.ToLower(key)] {
		return "", "", false
	}
	return key, strings.TrimSpace(value), true
}

// parseTxt reads a plain-text article. Text is data unchanged; an
// optional header block of "Key: value" lines at the top, ended by a
// blank line, gives metadata and is left out of the paragraphs.
func parseTxt(text, origin string) ([]*Article, []error) {
	a := &Article{Text: text, Format: kindTxt}
	m, bodyStart, errs := parseHeader(text, origin)
	m.fill(a)
	a.Paragraphs = splitParagraphs(text, bodyStart, false)
	if len(a.Paragraphs) == 0 {
		return nil, append(errs, failure(origin, fmt.Errorf("%w: no text after the header", ErrEmpty)))
	}
	markHeadline(a)
	return []*Article{a}, errs
}

// parseHeader reads the header block at the top of text, if there is one:
// its first non-blank lines up to a blank line or the end, every one a
// "Key: value" line with a metadata key. It returns the metadata and the
// offset where the header ends (0 without a header).
func parseHeader(text, origin string) (meta, int, []error) {
	var m meta
	var errs []error
	pos, lineNo, seen := 0, 1, false
	for pos < len(text) {
		line, next := lineAt(text, pos)
		blank := strings.TrimFunc(line, isSpace) == ""
		if blank && seen {
			return m, pos, errs
		}
		if !blank {
			key, value, ok := headerLine(line)
			if !ok {
				return meta{}, 0, nil
			}
			if err := m.set(key, value); err != nil {
				colon := strings.IndexByte(line, ':') + 1
				off := pos + colon + strings.Index(line[colon:], value)
				errs = append(errs, warning(origin, lineNo, off, err))
			}
			seen = true
		}
		pos, lineNo = next, lineNo+1
	}
	if !seen {
		return meta{}, 0, nil
	}
	return m, pos, errs
}

// lineAt returns the line starting at pos, without its newline, and the
// offset of the next line.
func lineAt(text string, pos int) (string, int) {
	end := strings.IndexByte(text[pos:], '\n')
	if end < 0 {
		return text[pos:], len(text)
	}
	return text[pos : pos+end], pos + end + 1
}

// splitParagraphs splits text from offset from into paragraphs separated
// by blank lines, or, when perLine is set, one paragraph per non-blank
// line. Each span leaves out the white space around the paragraph.
func splitParagraphs(text string, from int, perLine bool) []Paragraph {
	var paras []Paragraph
	start, end := -1, -1
	flush := func() {
		if start >= 0 {
			paras = append(paras, Paragraph{Start: start, End: end})
		}
		start = -1
	}
	for pos := from; pos < len(text); {
		line, next := lineAt(text, pos)
		s, e := trimSpan(text, pos, pos+len(line))
		if s == e || perLine {
			flush()
		}
		if s < e {
			if start < 0 {
				start = s
			}
			end = e
		}
		pos = next
	}
	flush()
	return paras
}

// hasBlankLine reports whether a blank line stands between two lines of
// text.
func hasBlankLine(text string) bool {
	seenText, seenBlank := false, false
	for pos := 0; pos < len(text); {
		line, next := lineAt(text, pos)
		blank := strings.TrimFunc(line, isSpace) == ""
		if !blank && seenBlank {
			return true
		}
		seenText = seenText || !blank
		seenBlank = seenText && blank
		pos = next
	}
	return false
}

// trimSpan narrows text[start:end] to leave out white space at both ends.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

// markHeadline makes the first line of a's text the headline: always
// when a has no title yet (the line becomes the title), otherwise only if
// the line repeats the title. A first paragraph of several lines is split
// into the headline and a body paragraph. A line longer than maxHeadline,
// or one with no text after it, is never a headline.
func markHeadline(a *Article) {
	if len(a.Paragraphs) == 0 {
		return
	}
	p := a.Paragraphs[0]
	line, _ := lineAt(a.Text[:p.End], p.Start)
	lineStart, lineEnd := trimSpan(a.Text, p.Start, p.Start+len(line))
	headline := a.Text[lineStart:lineEnd]
	alone := len(a.Paragraphs) == 1 && lineEnd == p.End
	if alone || len(headline) > maxHeadline || (a.Title != "" && !sameWords(a.Title, headline)) {
		return
	}
	a.Title = cmp.Or(a.Title, strings.Join(strings.Fields(headline), " "))
	rest := Paragraph{Kind: p.Kind}
	rest.Start, rest.End = trimSpan(a.Text, lineEnd, p.End)
	a.Paragraphs[0] = Paragraph{Start: lineStart, End: lineEnd, Kind: Headline}
	if rest.Start < rest.End {
		a.Paragraphs = append(a.Paragraphs[:1], append([]Paragraph{rest}, a.Paragraphs[1:]...)...)
	}
}

// sameWords reports whether a and b have the same words, ignoring case
// and spacing.
func sameWords(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// Package gold reads gold-standard quote annotations (JSON lines, one
// article a line, as gold/FORMAT.md defines them) and scores quote
// extraction and attribution against them: precision, recall and F1 of
// the quotes found, strictly and loosely matched, the share attributed to
// the right speaker and channel, and the quotes both found and attributed.
//
// A typical use:
//
//	arts, err := gold.Read(f, "gold.jsonl")
//	if err != nil {
//		return err // a gold.ErrorList: file, line and field of each problem
//	}
//	r := gold.Score(arts, func(a gold.Article) []quotes.Quote {
//		return quotes.Extract(documentOf(a.Text))
//	})
//	fmt.Printf("loose F1 %.3f\n", r.Total.LooseScores().F1)
package gold

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/quoth-dev/quoth/quotes"
)

// Article is one annotated article: its text and every quote in it.
type Article struct {
	// ID names the article; it is unique in its file.
	ID string
	// Outlet, Title, URL and Published are the optional metadata, as
	// written in the file.
	Outlet, Title, URL, Published string
	// Text is the full article text, paragraphs separated by a blank line.
	Text string
	// Quotes lists the gold quotes, in the order of the file.
	Quotes []Quote
	// Line is the 1-based line of the article's record in its file.
	Line int
}

// Quote is one gold quotation.
type Quote struct {
	// Text is what stands between the quotation marks, exactly as in the
	// article.
	Text string
	// Speaker is the canonical speaker, or "" when the speaker cannot be
	// known ("speaker": null).
	Speaker string
	// SpeakerAlt lists other speakers that count as right.
	SpeakerAlt []string
	// Kind is quotes.Direct or quotes.Partial.
	Kind quotes.Kind
	// Channel is the medium the quote came through ("statement", "X"),
	// or "" when not annotated.
	Channel string
}

// Error is one problem in a gold file.
type Error struct {
	// Name is the file's name as given to Read.
	Name string
	// Line is the 1-based line of the problem.
	Line int
	// Field is the path of the field at fault ("quotes[2].kind"), or ""
	// when the problem concerns the whole record.
	Field string
	// Msg says what is wrong.
	Msg string
}

// Error returns "NAME:LINE: FIELD: MSG", or "NAME:LINE: MSG" without a
// field.
func (e *Error) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.Name, e.Line, e.Field, e.Msg)
}

// ErrorList is every problem Read found in a file, in file order.
type ErrorList []*Error

// Error returns the first problem and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	case 2:
		return l[0].Error() + " (and 1 more error)"
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Read reads a gold file of JSON lines, one article a line; blank lines
// are skipped and fields it does not know are ignored. name is used in
// errors. A file with problems gives no articles and an ErrorList that
// names the line and field of each problem; a failed read gives a plain
// error.
func Read(r io.Reader, name string) ([]Article, error) {
	p := parser{name: name, seen: map[string]int{}}
	var arts []Article
	err := p.lines(r, func(fields map[string]json.RawMessage) string {
		a := p.article(fields)
		arts = append(arts, a)
		return a.ID
	})
	if err != nil {
		return nil, err
	}
	return arts, nil
}

// lines reads r one JSON object a line, blank lines skipped, and gives
// each object to record, which returns its ID. A record with problems,
// or whose ID was seen before, is dropped. It returns p's problems as an
// ErrorList, or a plain error when r cannot be read.
func (p *parser) lines(r io.Reader, record func(map[string]json.RawMessage) string) error {
	br := bufio.NewReader(r)
	for p.line = 1; ; p.line++ {
		data, err := br.ReadBytes('\n')
		if len(data) > 0 {
			p.record(data, record)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", p.name, err)
		}
	}
	if len(p.errs) > 0 {
		return p.errs
	}
	return nil
}

// parser checks the records of one gold file.
type parser struct {
	name string
	line int
	errs ErrorList
	seen map[string]int // record ID -> line
}

// fail records a problem with field on the current line.
func (p *parser) fail(field, format string, args ...any) {
	p.errs = append(p.errs, &Error{Name: p.name, Line: p.line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// record reads one line of the file and hands its object to decode,
// keeping what decode made only when the line has no problem and a new ID.
func (p *parser) record(data []byte, decode func(map[string]json.RawMessage) string) {
	if p.line == 1 {
		data = bytes.TrimPrefix(data, []byte("\ufeff"))
	}
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return
	}
	fields, ok := p.object("", data)
	if !ok {
		return
	}
	before := len(p.errs)
	id := decode(fields)
	if len(p.errs) > before {
		return
	}
	if first, dup := p.seen[id]; dup {
		p.fail("id", "duplicate %q, first on line %d", id, first)
		return
	}
	p.seen[id] = p.line
}

// object decodes data, the value of field, as a JSON object.
func (p *parser) object(field string, data []byte) (map[string]json.RawMessage, bool) {
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		p.fail(field, "invalid JSON: %v", syntaxMessage(err, data))
		return nil, false
	}
	if t := jsonType(data); t != "object" {
		p.fail(field, "want a JSON object, got %s", t)
		return nil, false
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		p.fail(field, "invalid JSON: %v", err)
		return nil, false
	}
	return fields, true
}

// syntaxMessage returns the message of a JSON decoding error, with the
// column of a syntax error.
func syntaxMessage(err error, data []byte) string {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > 0 {
		col := len([]rune(string(data[:min(int(se.Offset), len(data))])))
		return fmt.Sprintf("%v (column %d)", err, col)
	}
	if err == nil {
		return "malformed"
	}
	return err.Error()
}

// article checks the fields of an article record.
func (p *parser) article(f map[string]json.RawMessage) Article {
	a := Article{Line: p.line}
	a.ID = p.str(f, "", "id", required)
	a.Text = p.str(f, "", "text", required)
	a.Outlet = p.str(f, "", "outlet", optional)
	a.Title = p.str(f, "", "title", optional)
	a.URL = p.str(f, "", "url", optional)
	a.Published = p.str(f, "", "published", optional)
	raw, ok := f["quotes"]
	if !ok {
		p.fail("", `missing field "quotes"`)
		return a
	}
	var items []json.RawMessage
	if t := jsonType(raw); t != "array" {
		p.fail("quotes", "want an array, got %s", t)
		return a
	}
	if err := json.Unmarshal(raw, &items); err != nil {
		p.fail("quotes", "%v", err)
		return a
	}
	for i, item := range items {
		a.Quotes = append(a.Quotes, p.quote(fmt.Sprintf("quotes[%d]", i), item))
	}
	return a
}

// quote checks one element of an article's quotes, at path.
func (p *parser) quote(path string, data []byte) Quote {
	var q Quote
	f, ok := p.object(path, data)
	if !ok {
		return q
	}
	q.Text = p.str(f, path, "text", required)
	q.Speaker = p.str(f, path, "speaker", nullable)
	q.Channel = p.str(f, path, "channel", optional)
	q.SpeakerAlt = p.strs(f, path, "speaker_alt")
	switch kind := quotes.Kind(p.str(f, path, "kind", required)); kind {
	case quotes.Direct, quotes.Partial:
		q.Kind = kind
	case "": // already reported
	default:
		p.fail(join(path, "kind"), `want "direct" or "partial", got %q`, kind)
	}
	return q
}

// presence says what str accepts of a field.
type presence int

const (
	required presence = iota // present, a string with text in it
	nullable                 // present, null or a string with text in it
	optional                 // absent, null or any string
)

// str returns the string field name of the object at path, or "" after
// recording a problem.
func (p *parser) str(f map[string]json.RawMessage, path, name string, want presence) string {
	raw, ok := f[name]
	if !ok {
		if want != optional {
			p.fail(path, "missing field %q", name)
		}
		return ""
	}
	field := join(path, name)
	t := jsonType(raw)
	if t == "null" && want != required {
		return ""
	}
	var s string
	if t != "string" || json.Unmarshal(raw, &s) != nil {
		p.fail(field, "want a string, got %s", t)
		return ""
	}
	if want != optional && strings.TrimSpace(s) == "" {
		if want == nullable {
			p.fail(field, "empty (use null when it cannot be known)")
		} else {
			p.fail(field, "empty")
		}
		return ""
	}
	return s
}

// strs returns the optional field name of the object at path: an array
// of strings with text in them.
func (p *parser) strs(f map[string]json.RawMessage, path, name string) []string {
	raw, ok := f[name]
	if !ok || jsonType(raw) == "null" {
		return nil
	}
	field := join(path, name)
	var items []json.RawMessage
	if t := jsonType(raw); t != "array" || json.Unmarshal(raw, &items) != nil {
		p.fail(field, "want an array of strings, got %s", t)
		return nil
	}
	var out []string
	for i, item := range items {
		var s string
		t := jsonType(item)
		switch {
		case t != "string" || json.Unmarshal(item, &s) != nil:
			p.fail(field+"["+strconv.Itoa(i)+"]", "want a string, got %s", t)
		case strings.TrimSpace(s) == "":
			p.fail(field+"["+strconv.Itoa(i)+"]", "empty")
		default:
			out = append(out, s)
		}
	}
	return out
}

// join returns the path of field name in the object at path.
func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// jsonType names the type of a valid JSON value.
func jsonType(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

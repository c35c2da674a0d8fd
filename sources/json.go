package sources

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Errors in JSON records.
var (
	errNoText    = errors.New("no text, body or content field")
	errNotObject = errors.New("not a JSON object")
)

// maxLineErrors is how many bad lines of one JSON lines file are
// reported one by one; the rest are counted in one more error.
const maxLineErrors = 100

// jsonTextKeys hold a record's article text, in order of preference.
var jsonTextKeys = []string{"text", "body", "content", "articlebody"}

// jsonMetaKeys hold a record's metadata, in order of preference for each
// field (see metaFields).
var jsonMetaKeys = []string{
	"title", "headline", "outlet", "source", "publisher", "url", "link",
	"published", "date", "datepublished", "byline", "author",
}

// parseJSON reads a JSON document: one article object, or an array of
// them, whose Origins get "#N" for the Nth. A document that is not valid
// JSON but whose lines are is read as JSON lines.
func parseJSON(text, origin string) ([]*Article, []error) {
	text = strings.TrimPrefix(text, "\ufeff")
	if !json.Valid([]byte(text)) && looksLikeLines(text) {
		return parseJSONLines(text, origin)
	}
	if !strings.HasPrefix(strings.TrimLeft(text, " \t\r\n"), "[") {
		a, warns, err := recordArticle([]byte(text))
		if err != nil {
			return nil, []error{jsonError(origin, text, 0, 0, err)}
		}
		a.Origin = origin
		return []*Article{a}, recordWarnings(origin, 0, warns)
	}
	var records []json.RawMessage
	if err := json.Unmarshal([]byte(text), &records); err != nil {
		return nil, []error{jsonError(origin, text, 0, 0, err)}
	}
	var arts []*Article
	var errs []error
	for i, raw := range records {
		recOrigin := fmt.Sprintf("%s#%d", origin, i+1)
		a, warns, err := recordArticle(raw)
		errs = append(errs, recordWarnings(recOrigin, 0, warns)...)
		if err != nil {
			errs = append(errs, failure(recOrigin, err))
			continue
		}
		a.Origin = recOrigin
		arts = append(arts, a)
	}
	return arts, errs
}

// parseJSONLines reads JSON lines: one article object a line, blank lines
// ignored. The Nth record's Origin gets "#N". A bad line is reported with
// its number and the other lines still load; past maxLineErrors bad lines
// the rest are only counted.
func parseJSONLines(text, origin string) ([]*Article, []error) {
	var arts []*Article
	var errs []error
	rec, bad := 0, 0
	for pos, lineNo := 0, 1; pos < len(text); lineNo++ {
		line, next := lineAt(text, pos)
		start, end := trimSpan(text, pos, pos+len(line))
		pos = next
		if start == end {
			continue
		}
		rec++
		a, warns, err := recordArticle([]byte(text[start:end]))
		if err == nil {
			a.Origin = fmt.Sprintf("%s#%d", origin, rec)
			arts = append(arts, a)
		} else {
			bad++
		}
		if bad > maxLineErrors {
			continue
		}
		errs = append(errs, recordWarnings(origin, lineNo, warns)...)
		if err != nil {
			errs = append(errs, jsonError(origin, text, lineNo, start, err))
		}
	}
	if bad > maxLineErrors {
		errs = append(errs, failure(origin, fmt.Errorf("%d more bad lines", bad-maxLineErrors)))
	}
	return arts, errs
}

// looksLikeLines reports whether text has several non-blank lines and
// its first is a JSON value by itself.
func looksLikeLines(text string) bool {
	lines := 0
	first := ""
	for pos := 0; pos < len(text) && lines < 2; {
		line, next := lineAt(text, pos)
		if t := strings.TrimSpace(line); t != "" {
			first = cmp.Or(first, t)
			lines++
		}
		pos = next
	}
	return lines > 1 && json.Valid([]byte(first))
}

// jsonError reports a record that failed, at line lineNo (0 if unknown)
// of a record starting at offset start. Syntax errors give their line and
// byte offset.
func jsonError(origin, text string, lineNo, start int, err error) error {
	e := failure(origin, err)
	e.Line = lineNo
	var se *json.SyntaxError
	if errors.As(err, &se) {
		e.Err = fmt.Errorf("invalid JSON: %w", err)
		e.Offset = start + max(int(se.Offset)-1, 0)
		if lineNo == 0 {
			e.Line = 1 + strings.Count(text[:min(e.Offset, len(text))], "\n")
		}
	}
	return e
}

// recordWarnings wraps the warnings of one record.
func recordWarnings(origin string, lineNo int, warns []error) []error {
	var errs []error
	for _, w := range warns {
		errs = append(errs, warning(origin, lineNo, -1, w))
	}
	return errs
}

// recordArticle makes an article of one JSON object: its text from the
// first of jsonTextKeys present, its metadata from jsonMetaKeys. Keys are
// matched without regard to case. Unreadable metadata gives warnings.
func recordArticle(raw []byte) (*Article, []error, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, nil, errNotObject
		}
		return nil, nil, err
	}
	if fields == nil {
		return nil, nil, errNotObject
	}
	lower := make(map[string]json.RawMessage, len(fields))
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if _, seen := lower[strings.ToLower(k)]; !seen {
			lower[strings.ToLower(k)] = fields[k]
		}
	}
	text, ok := recordText(lower)
	if !ok {
		return nil, nil, errNoText
	}
	if strings.TrimFunc(text, isSpace) == "" {
		return nil, nil, ErrEmpty
	}
	a := &Article{Text: text, Format: kindJSON}
	var m meta
	var warns []error
	for _, k := range jsonMetaKeys {
		if v, ok := lower[k]; ok {
			if err := m.set(k, jsonString(v)); err != nil {
				warns = append(warns, fmt.Errorf("%s: %w", k, err))
			}
		}
	}
	m.fill(a)
	a.Paragraphs = splitParagraphs(text, 0, !hasBlankLine(text))
	markHeadline(a)
	return a, warns, nil
}

// recordText returns the first string among a record's text fields.
func recordText(fields map[string]json.RawMessage) (string, bool) {
	for _, k := range jsonTextKeys {
		var s string
		if v, ok := fields[k]; ok && json.Unmarshal(v, &s) == nil {
			return s, true
		}
	}
	return "", false
}

// jsonString returns a metadata value as one string: a string as it is,
// an object by its "name", a list of either joined with commas. Other
// values give "".
func jsonString(raw json.RawMessage) string {
	if s := jsonName(raw); s != "" {
		return s
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return ""
	}
	var names []string
	for _, item := range list {
		if s := jsonName(item); s != "" {
			names = append(names, s)
		}
	}
	return strings.Join(names, ", ")
}

// jsonName returns a JSON string, or the "name" of a JSON object.
func jsonName(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj struct {
		Name string `json:"name"`
	}
	if json.Unmarshal(raw, &obj) == nil {
		return obj.Name
	}
	return ""
}

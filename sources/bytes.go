package sources

import "fmt"

// LoadBytes loads data as if it were the content of a file: format is
// "txt", "md", "html", "json" or "jsonl", or "" to guess it from the
// content as for standard input. origin names the input in the articles
// and errors it returns. Nothing else is read: no sidecar metadata, no
// network. The Loader's Outlet applies as for any other input.
//
// For a tool that holds article text in memory (a gold annotation file,
// say), LoadBytes(data, origin, "txt") gives the very Article that Load
// gives for a plain-text file with that content.
func (l *Loader) LoadBytes(data []byte, origin, format string) Result {
	var r Result
	if format != "" && !knownKind(format) {
		r.Errors = append(r.Errors, failure(origin, fmt.Errorf("unknown format %q", format)))
		return r
	}
	if len(data) > maxSize {
		r.Errors = append(r.Errors, failure(origin, ErrTooLarge))
		return r
	}
	l.loadData(source{origin: origin, kind: format}, data, &r)
	return r
}

// knownKind reports whether kind is one of the formats the loader reads.
func knownKind(kind string) bool {
	switch kind {
	case kindTxt, kindMD, kindHTML, kindJSON, kindJSONL:
		return true
	}
	return false
}

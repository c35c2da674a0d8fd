package sources

import (
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the forms of publication time found in headers, front
// matter, JSON records and news pages' metadata, tried in order. Times
// without a zone are taken as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 3:04 pm",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006 15:04",
	"2 January 2006",
	"2 January, 2006",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04",
	"2 Jan 2006 3:04 PM",
	"2 Jan 2006",
	"2 Jan, 2006",
}

// parseDate reads a date in any of dateLayouts; runs of space count as
// one.
func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseMetaDate is parseDate with an error that quotes the input, for
// metadata a person wrote (a header line, front matter).
func parseMetaDate(s string) (time.Time, error) {
	if t, ok := parseDate(s); ok {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", strings.Join(strings.Fields(s), " "))
}

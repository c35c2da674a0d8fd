package sources

import (
	"strings"
	"unicode"
)

// Page furniture is the text a web page puts around a story: links to
// other stories, photo captions, share buttons, teaser lists. It is
// recognised by general rules on whole paragraphs, never by article.

// furnitureLines are paragraphs that are furniture when they say nothing
// else (compared in lower case, without surrounding punctuation).
var furnitureLines = map[string]bool{
	"read more": true, "also read": true, "read also": true,
	"advertisement": true, "advertisements": true, "skip advertisement": true,
	"story continues below advertisement": true, "continue reading": true,
	"sponsored": true, "sponsored content": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"photo": true, "file photo": true, "subscribe": true,
}

// furnitureLabels, followed by ":", "|" or a dash and one short line,
// make a paragraph furniture: "Read More: Afghan situation, ...",
// "PHOTO: Pakistan's Special Representative ...".
var furnitureLabels = []string{
	"read more", "also read", "read also", "see also",
	"photo", "photos", "file photo", "image", "picture", "photograph",
	"video", "watch", "listen",
}

// furniturePrefixes start short one-line paragraphs that are furniture:
// "Follow us on Twitter", "Subscribe to our newsletter".
var furniturePrefixes = []string{
	"follow us on ", "subscribe ", "sign up for ", "click here to ", "download the ",
}

// sectionMarkers are paragraphs that head a page's trailing sections
// (teasers, related links): the story ends before them.
var sectionMarkers = map[string]bool{
	"must read": true, "load next story": true, "read next": true, "up next": true,
	"related": true, "related stories": true, "related articles": true, "related news": true,
	"related posts": true, "related content": true, "related coverage": true,
	"related topics": true, "related links": true,
	"recommended": true, "recommended stories": true, "recommended for you": true,
	"most read": true, "most popular": true, "most viewed": true,
	"trending": true, "trending now": true, "trending stories": true,
	"you may also like": true, "you might also like": true,
	"more stories": true, "more on this story": true, "comments": true,
}

// Length limits, in bytes, that keep prose from being taken for furniture.
const (
	maxLabelled = 400 // "PHOTO: caption"
	maxPrefixed = 150 // "Follow us on ..."
	maxMarker   = 60  // "Related Stories", "More from Dawn"
)

// dropFurniture removes page furniture from a's body paragraphs. A
// section marker after the story's first body paragraph ends the story:
// it and every paragraph after it are dropped. Text is left as it is.
func dropFurniture(a *Article) {
	kept := make([]Paragraph, 0, len(a.Paragraphs))
	story := false
	for _, p := range a.Paragraphs {
		if p.Kind != Body {
			kept = append(kept, p)
			continue
		}
		s := a.Text[p.Start:p.End]
		marker := isSectionMarker(s)
		if marker && story {
			break
		}
		if marker || isFurniture(s) {
			continue
		}
		story = true
		kept = append(kept, p)
	}
	a.Paragraphs = kept
}

// isFurniture reports whether a paragraph is page furniture.
func isFurniture(s string) bool {
	if len(s) > maxLabelled {
		return false
	}
	key := furnitureKey(s)
	if furnitureLines[key] {
		return true
	}
	if strings.ContainsRune(strings.TrimSpace(s), '\n') {
		return false
	}
	lower := strings.ToLower(strings.TrimSpace(s))
	for _, label := range furnitureLabels {
		if labelled(lower, label) {
			return true
		}
	}
	if len(lower) <= maxPrefixed {
		for _, prefix := range furniturePrefixes {
			if strings.HasPrefix(lower, prefix) {
				return true
			}
		}
	}
	return false
}

// isSectionMarker reports whether a paragraph heads a trailing section.
func isSectionMarker(s string) bool {
	if len(s) > maxMarker {
		return false
	}
	key := furnitureKey(s)
	if sectionMarkers[key] {
		return true
	}
	// "More from Dawn", "More from this section": a few words, no sentence.
	return strings.HasPrefix(key, "more from ") && len(strings.Fields(key)) <= 5 &&
		!strings.ContainsAny(key, ".,;:!?")
}

// labelled reports whether s (in lower case) is label, then ":", "|" or
// a dash, then more text.
func labelled(s, label string) bool {
	rest, ok := strings.CutPrefix(s, label)
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " \t")
	for _, sep := range []string{":", "|", "-", "–", "—"} {
		if after, ok := strings.CutPrefix(rest, sep); ok {
			return strings.TrimSpace(after) != ""
		}
	}
	return false
}

// furnitureKey returns s in lower case with its words separated by single
// spaces and the punctuation around it removed: "READ MORE »" gives
// "read more".
func furnitureKey(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	return strings.TrimFunc(s, func(r rune) bool {
		return isSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
}

// Package sources loads news articles from files, directories, URLs and
// standard input and turns them into clean Articles: the story's text, its
// paragraphs with byte spans into that text, and its metadata (outlet, URL,
// title, byline, publication time).
//
// A typical use:
//
//	var l sources.Loader
//	res := l.Load(ctx, "testdata/articles")
//	for _, err := range res.Errors {
//		log.Print(err) // one per input that failed, or a warning
//	}
//	for _, a := range res.Articles {
//		for _, p := range a.Paragraphs {
//			fmt.Println(a.Text[p.Start:p.End])
//		}
//	}
//
// sources knows nothing about quotations; it only delivers the text.
package sources

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Article is one news story as loaded: its text, the paragraphs that make
// up the story, and what is known about where it came from.
type Article struct {
	// ID is a short stable identifier: the first 16 hex digits of Hash.
	ID string
	// Outlet is the publication's name ("Dawn", "The Express Tribune"),
	// or "unknown".
	Outlet string
	// URL is the canonical address of the story, if known.
	URL string
	// Title is the headline.
	Title string
	// Byline names the author or authors, if known.
	Byline string
	// Published is the publication time; the zero Time when unknown.
	Published time.Time
	// Text is the article's text. For plain-text files it is the file's
	// content unchanged, so byte offsets into Text are offsets into the file.
	Text string
	// Paragraphs lists the story's paragraphs in order, as byte spans into
	// Text. Metadata header lines and page furniture ("Read More: ...",
	// "RELATED") are in Text but not in Paragraphs.
	Paragraphs []Paragraph
	// Hash is the hex SHA-256 of Text; two loads of the same story have the
	// same Hash.
	Hash string
	// Origin says where the article was loaded from: a file path, a URL, or
	// "-" for standard input (with "#N" appended for the Nth record of a
	// JSON lines file).
	Origin string
	// Format is the loader that read it: "txt", "md", "html" or "json".
	Format string
}

// Paragraph is one paragraph of an article, as a byte span into its Text.
type Paragraph struct {
	Start, End int
	Kind       ParagraphKind
}

// ParagraphKind tells what role a paragraph plays in the story.
type ParagraphKind int

// The kinds of paragraph.
const (
	Body      ParagraphKind = iota // ordinary story text
	Headline                       // the article's headline
	Quotation                      // a block quote (Markdown ">" or HTML <blockquote>)
)

// String returns the kind's name: "body", "headline" or "quotation".
func (k ParagraphKind) String() string {
	switch k {
	case Headline:
		return "headline"
	case Quotation:
		return "quotation"
	}
	return "body"
}

// Seal computes Hash and ID from Text. Loaders call it once Text is final.
func (a *Article) Seal() {
	sum := sha256.Sum256([]byte(a.Text))
	a.Hash = hex.EncodeToString(sum[:])
	a.ID = a.Hash[:16]
}

// ParagraphText returns the text of paragraph i.
func (a *Article) ParagraphText(i int) string {
	p := a.Paragraphs[i]
	return a.Text[p.Start:p.End]
}

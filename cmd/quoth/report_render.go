package main

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoth-dev/quoth/diffing"
)

// reportHTMLSource is the template of the HTML report: its markup, its
// style sheet and its small filter script, all inline.
//
//go:embed report.html.tmpl
var reportHTMLSource string

// htmlReport is what the HTML template is executed with.
type htmlReport struct {
	Doc *reportJSON
	// CSP is the page's Content-Security-Policy: nothing may be loaded
	// from anywhere, and the only script that may run is the page's own.
	CSP string
}

// writeReportHTML writes doc as one self-contained HTML page. Every value
// from the data is escaped by html/template.
func writeReportHTML(w io.Writer, doc *reportJSON) error {
	t, err := template.New("report").Funcs(reportFuncs()).Parse(reportHTMLSource)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if err := t.Execute(bw, htmlReport{Doc: doc, CSP: reportCSP(reportHTMLSource)}); err != nil {
		return err
	}
	return bw.Flush()
}

// reportFuncs are the functions the HTML template calls. None returns
// markup: everything they return is escaped as text.
func reportFuncs() template.FuncMap {
	return template.FuncMap{
		"verdictClass": verdictClass,
		"linkURL":      linkURL,
		"changed":      changed,
		"plural":       plural,
		"speakerLabel": speakerLabel,
	}
}

// reportCSP is the Content-Security-Policy of a page made from the
// template src: no loads at all, inline styles, and the one inline
// script of src, allowed by its hash.
func reportCSP(src string) string {
	return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; script-src " + scriptHash(src)
}

// scriptHash is the CSP source expression ('sha256-…') of the text of
// the last <script> element of src, or 'none' when it has none.
func scriptHash(src string) string {
	start := strings.LastIndex(src, "<script>")
	if start < 0 {
		return "'none'"
	}
	body := src[start+len("<script>"):]
	end := strings.Index(body, "</script>")
	if end < 0 {
		return "'none'"
	}
	sum := sha256.Sum256([]byte(body[:end]))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// verdictClass is the CSS class of a verdict's badge.
func verdictClass(verdict string) string {
	switch verdict {
	case "ok", "shown", "finding":
		return verdict
	}
	return "other"
}

// linkURL returns u when it is an http or https address with a host, and
// "" otherwise: other schemes (javascript:, data:, file:) are never
// made links.
func linkURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return u
}

// speakerLabel names the speaker of a rendering for readers.
func speakerLabel(s string) string {
	if s == "" {
		return "unattributed"
	}
	return s
}

// writeReportMarkdown writes doc as Markdown: the same sections as the
// HTML report, with tables for the summary, the findings and each
// family's renderings. Text from the data is escaped.
func writeReportMarkdown(w io.Writer, doc *reportJSON) error {
	bw := bufio.NewWriter(w)
	md := &mdWriter{w: bw}
	md.header(doc)
	md.summary(doc.Summary)
	switch {
	case doc.Summary.Quotes == 0:
		md.line("Nothing to report: the database holds no quotes yet. Load articles with `quoth ingest`.")
	case doc.Summary.Families == 0 && doc.Filters.Set():
		md.line("Nothing to report: no family of variants matches the filters.")
	case doc.Summary.Families == 0:
		md.line("Nothing to report: no family of variants was found; no two stored quotes render one utterance.")
	default:
		md.findings(doc.Findings)
		md.speakers(doc.Speakers)
		md.line("## Families of variants", "")
		for _, f := range doc.Families {
			md.family(f)
		}
	}
	return bw.Flush()
}

// mdWriter writes Markdown lines.
type mdWriter struct {
	w io.Writer
}

// line writes each of lines and a newline after it.
func (m *mdWriter) line(lines ...string) {
	for _, l := range lines {
		fmt.Fprintln(m.w, l)
	}
}

// row writes a table row of cells, already escaped.
func (m *mdWriter) row(cells ...string) {
	m.line("| " + strings.Join(cells, " | ") + " |")
}

// header writes the title and the filters.
func (m *mdWriter) header(doc *reportJSON) {
	m.line("# Quote report", "")
	f := doc.Filters
	var parts []string
	if f.Speaker != "" {
		parts = append(parts, "Speaker: "+mdText(f.Speaker)+".")
	}
	if f.Outlet != "" {
		parts = append(parts, "Outlet: "+mdText(f.Outlet)+".")
	}
	if f.Since != "" {
		parts = append(parts, "Published on or after "+f.Since+".")
	}
	if f.MinOutlets > 0 {
		parts = append(parts, fmt.Sprintf("At least %d outlets.", f.MinOutlets))
	}
	if f.OnlyFindings {
		parts = append(parts, "Families with findings only.")
	}
	if len(parts) == 0 {
		parts = append(parts, "Every family of variants in the database.")
	}
	m.line(strings.Join(parts, " "), "")
}

// summary writes the counts and the renderings by relation.
func (m *mdWriter) summary(s reportSummary) {
	m.line("## Summary", "")
	m.row("Database", "")
	m.row("---", "---:")
	m.row("Articles", fmt.Sprint(s.Articles))
	m.row("Outlets", fmt.Sprint(s.Outlets))
	m.row("Speakers", fmt.Sprint(s.Speakers))
	m.row("Quotes", fmt.Sprint(s.Quotes))
	m.line("")
	m.row("This report", "")
	m.row("---", "---:")
	m.row("Families", fmt.Sprint(s.Families))
	m.row("Renderings", fmt.Sprint(s.Renderings))
	m.row("Findings", fmt.Sprint(s.Findings))
	m.line("")
	if len(s.Relations) == 0 {
		return
	}
	m.row("Relation to the reference", "Verdict", "Renderings")
	m.row("---", "---", "---:")
	for _, r := range s.Relations {
		m.row(r.Relation, r.Verdict, fmt.Sprint(r.Renderings))
	}
	m.line("")
}

// findings writes the table of findings, linking to their families.
func (m *mdWriter) findings(fs []reportFinding) {
	m.line("## Findings", "")
	if len(fs) == 0 {
		m.line("No findings: every rendering keeps its source's words or marks its changes.", "")
		return
	}
	m.row("Family", "Outlet", "Date", "Speaker", "Relation", "Rendering")
	m.row("---", "---", "---", "---", "---", "---")
	for _, f := range fs {
		text := mdText(f.Text)
		if changed(f.Edits) {
			text = mdDiff(f.Edits)
		}
		m.row(fmt.Sprintf("[%d](#family-%d)", f.Family, f.Family), mdText(f.Outlet), f.Published,
			mdText(speakerLabel(f.Speaker)), f.Relation, text)
	}
	m.line("")
}

// speakers writes the index of speakers.
func (m *mdWriter) speakers(ss []reportSpeaker) {
	m.line("## Speakers", "")
	for _, s := range ss {
		links := make([]string, len(s.Families))
		for i, n := range s.Families {
			links[i] = fmt.Sprintf("[family %d](#family-%d)", n, n)
		}
		l := "- " + mdText(speakerLabel(s.Speaker)) + ": " + strings.Join(links, ", ")
		if s.FindingFamilies > 0 {
			l += " (" + plural(s.FindingFamilies, "family") + " with findings)"
		}
		m.line(l)
	}
	m.line("")
}

// family writes a family: its heading (whose anchor is family-N), its
// reference wording and a table of its renderings.
func (m *mdWriter) family(f reportFamilyJSON) {
	ref := f.Renderings[0]
	meta := fmt.Sprintf("%s in %s", plural(len(f.Renderings), "rendering"), plural(f.Outlets, "outlet"))
	if f.Findings > 0 {
		meta += " · **" + plural(f.Findings, "finding") + "**"
	}
	m.line(fmt.Sprintf("### Family %d", f.Family), "", "Speaker: "+mdText(speakerLabel(f.Speaker))+" · "+meta, "")
	m.line("Reference wording ("+mdText(ref.Outlet)+dateSuffix(ref.Published)+"):", "", "> "+mdLineStart(mdText(ref.Text)), "")
	m.row("Outlet", "Relation", "Rendering", "Changes from the reference", "Provenance")
	m.row("---", "---", "---", "---", "---")
	for _, r := range f.Renderings {
		rel, diff := "reference", ""
		if !r.Reference {
			rel = r.Relation + " (" + r.Verdict + ")"
			if r.Verdict == "finding" {
				rel = "**" + rel + "**"
			}
			if changed(r.Edits) {
				diff = mdDiff(r.Edits)
			}
		}
		m.row(mdText(r.Outlet), rel, mdText(r.Text), diff, mdProvenance(r))
	}
	m.line("")
}

// dateSuffix is ", DATE", or "" for an undated rendering.
func dateSuffix(d string) string {
	if d == "" {
		return ""
	}
	return ", " + d
}

// mdProvenance is a rendering's article (a link when it has a web
// address), date, paragraph, quote key and speaker as given.
func mdProvenance(r reportRenderingJSON) string {
	title := r.ArticleTitle
	if title == "" {
		title = "untitled"
	}
	parts := []string{mdLink(title, r.URL)}
	if r.Published != "" {
		parts = append(parts, r.Published)
	}
	key := "primary source"
	if r.Key != 0 {
		key = fmt.Sprintf("#%d", r.Key)
	}
	parts = append(parts, fmt.Sprintf("¶%d", r.Paragraph), key, "speaker: "+mdText(speakerLabel(r.Speaker)))
	return strings.Join(parts, ", ")
}

// mdLink is a Markdown link to u with text, or the text alone when u is
// not an http or https address.
func mdLink(text, u string) string {
	if linkURL(u) == "" {
		return mdText(text)
	}
	esc := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "|", "%7C", "\\", "%5C", `"`, "%22")
	return "[" + mdText(text) + "](" + esc.Replace(u) + ")"
}

// mdDiff writes edits as Markdown: deleted words struck through,
// inserted words in bold.
func mdDiff(edits []diffing.Edit) string {
	parts := make([]string, len(edits))
	for i, e := range edits {
		t := mdText(e.Text)
		switch e.Op {
		case diffing.Delete:
			parts[i] = "~~" + t + "~~"
		case diffing.Insert:
			parts[i] = "**" + t + "**"
		default:
			parts[i] = t
		}
	}
	return strings.Join(parts, " ")
}

// mdText makes s safe inline Markdown, in a table cell too: one line,
// with every character that could start markup, a link, an HTML tag or
// an entity, or end a cell, escaped with a backslash.
func mdText(s string) string {
	s = oneLine(s)
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("\\`*_[]<>|~", r):
			b.WriteByte('\\')
		case r == '&':
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); next == '#' || unicode.IsLetter(next) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLineStart escapes what would make a line a heading, list item, rule
// or quote when it starts one.
func mdLineStart(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune("#+-=>", rune(s[0])) {
		return "\\" + s
	}
	i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if i > 0 && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// reportGoldens is the directory of the report's golden files.
var reportGoldens = filepath.Join("..", "..", "testdata", "report")

// quothIn runs quoth on the database db and returns its exit code,
// stdout and stderr.
func quothIn(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append([]string{"quoth", "--db", db}, args...), strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// reportFixture ingests a small cross-outlet corpus into a fresh
// database and returns its path: stories 01 and 03 of testdata/variants
// (a source and four outlets each) and the two seed articles.
func reportFixture(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "quoth.db")
	td := filepath.Join("..", "..", "testdata")
	code, _, errs := quothIn(t, db, "-q", "ingest",
		filepath.Join(td, "variants", "01-varga-waiting-lists"),
		filepath.Join(td, "variants", "03-marchetti-flood-briefing"),
		filepath.Join(td, "articles"))
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	return db
}

// checkGolden compares got with the golden file name, or rewrites it
// with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(reportGoldens, name)
	if *update {
		if err := os.MkdirAll(reportGoldens, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -tags sqlite_fts5 ./cmd/quoth -run TestReportGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file %s (rerun with -update if the change is meant):\n%s", name, path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(same lines)"
}

// TestReportGolden checks the HTML, Markdown and JSON reports of the
// fixture against golden files in testdata/report.
func TestReportGolden(t *testing.T) {
	db := reportFixture(t)
	dir := t.TempDir()
	htmlPath, mdPath := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.md")
	code, stdout, errs := quothIn(t, db, "report", "--html", htmlPath, "--markdown", mdPath)
	if code != 0 || stdout != "" {
		t.Fatalf("report: exit %d, stdout %q, stderr %s", code, stdout, errs)
	}
	if !strings.HasPrefix(errs, "report: ") || !strings.HasSuffix(errs, "; wrote "+htmlPath+" and "+mdPath+"\n") {
		t.Errorf("summary on stderr = %q", errs)
	}
	for _, name := range []string{"report.html", "report.md"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, name, got)
	}
	code, stdout, errs = quothIn(t, db, "-q", "report", "--format", "json")
	if code != 0 || errs != "" {
		t.Fatalf("report --format json: exit %d: %s", code, errs)
	}
	var doc reportJSON
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not one JSON document: %v", err)
	}
	checkGolden(t, "report.json", []byte(stdout))
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the output directory holds %d files, want the 2 reports (no temporary files)", len(entries))
	}
}

// TestReportFilters checks that the filters of variants and --since
// keep exactly the families of the whole report that pass them, and
// that the summary's database counts do not change with them.
func TestReportFilters(t *testing.T) {
	db := reportFixture(t)
	all := reportDoc(t, db)
	if len(all.Families) == 0 || all.Summary.Findings == 0 {
		t.Fatalf("the fixture gives %d families, %d findings", len(all.Families), all.Summary.Findings)
	}
	anyRendering := func(f reportFamilyJSON, ok func(r reportRenderingJSON) bool) bool {
		return slices.ContainsFunc(f.Renderings, ok)
	}
	tests := []struct {
		name string
		args []string
		keep func(f reportFamilyJSON) bool
	}{
		{"speaker", []string{"--speaker", "Varga"}, func(f reportFamilyJSON) bool {
			return anyRendering(f, func(r reportRenderingJSON) bool { return r.Speaker == "Ilse Varga" })
		}},
		{"outlet", []string{"--outlet", "dawn"}, func(f reportFamilyJSON) bool {
			return anyRendering(f, func(r reportRenderingJSON) bool { return r.Outlet == "Dawn" })
		}},
		{"only_findings", []string{"--only-findings"}, func(f reportFamilyJSON) bool { return f.Findings > 0 }},
		{"min_outlets", []string{"--min-outlets", "3"}, func(f reportFamilyJSON) bool { return f.Outlets >= 3 }},
		{"since", []string{"--since", "2026-03-12"}, func(f reportFamilyJSON) bool {
			return anyRendering(f, func(r reportRenderingJSON) bool { return r.Published >= "2026-03-12" })
		}},
		{"since_drops_undated", []string{"--since", "2000-01-01", "--outlet", "Dawn"}, func(reportFamilyJSON) bool { return false }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := reportDoc(t, db, tt.args...)
			var want []int
			for _, f := range all.Families {
				if tt.keep(f) {
					want = append(want, f.Family)
				}
			}
			var got []int
			for _, f := range doc.Families {
				got = append(got, f.Family)
			}
			if !slices.Equal(got, want) || doc.Summary.Families != len(want) {
				t.Errorf("families %v (summary %d), want %v", got, doc.Summary.Families, want)
			}
			if doc.Summary.Articles != all.Summary.Articles || doc.Summary.Quotes != all.Summary.Quotes {
				t.Errorf("the database counts changed with the filters: %+v, want %+v", doc.Summary, all.Summary)
			}
		})
	}
}

// reportDoc runs report --format json on db with args and decodes it.
func reportDoc(t *testing.T, db string, args ...string) reportJSON {
	t.Helper()
	code, stdout, errs := quothIn(t, db, append([]string{"-q", "report", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("report %v: exit %d: %s", args, code, errs)
	}
	var doc reportJSON
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// escapeArticles are two outlets' renderings of one quote whose text,
// titles, outlets and URLs hold markup, ampersands, quotation marks, a
// javascript: URL and right-to-left text.
var escapeArticles = map[string]string{
	"a.txt": `Title: <script>alert(1)</script> & "quotes" — שלום عالم
Outlet: Evil & Co <b>
URL: javascript:alert(1)
Published: 2026-03-01

<script>alert(1)</script> & "quotes" — שלום عالم

"We will fix the <script>alert(1)</script> roads & the 'old' bridges of مرحبا بالعالم and שלום עולם before the winter," Minister Dana Levi said on Monday.
`,
	"b.txt": `Title: Levi's <img src=x onerror=alert(2)> pledge
Outlet: The Other <i>Paper</i>
URL: https://example.com/levi?x=1&y="2"
Published: 2026-03-02

Levi's <img src=x onerror=alert(2)> pledge

"We will fix the <script>alert(1)</script> roads & the 'new' bridges of مرحبا بالعالم and שלום עולם before the winter," Dana Levi, the minister, told reporters.
`,
}

// escapeFixture stores escapeArticles in a fresh database.
func escapeFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for name, text := range escapeArticles {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	db := filepath.Join(dir, "quoth.db")
	if code, _, errs := quothIn(t, db, append([]string{"-q", "ingest"}, paths...)...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	return db
}

// TestReportHTMLEscapes checks that markup, ampersands, quotation marks
// and right-to-left text from articles come out of the HTML report as
// text: the only script is the page's own, no element or attribute
// comes from the data, and the text reads back as it was.
func TestReportHTMLEscapes(t *testing.T) {
	db := escapeFixture(t)
	out := filepath.Join(t.TempDir(), "r.html")
	if code, _, errs := quothIn(t, db, "-q", "report", "--html", out); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>alert", "<img", "<b>", "<i>", `href="javascript:`, "onerror=alert(2)>"} {
		if bytes.Contains(raw, []byte(bad)) {
			t.Errorf("the report holds %q unescaped", bad)
		}
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	p := inspect(doc)
	if len(p.scripts) != 1 || strings.Contains(p.scripts[0], "alert") {
		t.Fatalf("want the page's one script, got %d: %q", len(p.scripts), p.scripts)
	}
	for _, tag := range []string{"img", "b", "i"} {
		if p.elements[tag] > 0 {
			t.Errorf("%d <%s> elements came from the data", p.elements[tag], tag)
		}
	}
	for _, h := range p.hrefs {
		if !strings.HasPrefix(h, "#") && !strings.HasPrefix(h, "https://") {
			t.Errorf("link to %q", h)
		}
	}
	text := p.text.String()
	for _, want := range []string{
		"We will fix the <script>alert(1)</script> roads & the 'old' bridges of مرحبا بالعالم and שלום עולם before the winter,",
		`<script>alert(1)</script> & "quotes" — שלום عالم`,
		"Levi's <img src=x onerror=alert(2)> pledge",
		"The Other <i>Paper</i>",
		"Evil & Co <b>",
		"javascript:alert(1)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not read %q", want)
		}
	}
	if want := `https://example.com/levi?x=1&y=%222%22`; !containsString(p.hrefs, want) {
		t.Errorf("no link to %q in %q", want, p.hrefs)
	}
	sum := sha256.Sum256([]byte(p.scripts[0]))
	if hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(p.csp, hash) {
		t.Errorf("the Content-Security-Policy %q does not allow the page's script (%s)", p.csp, hash)
	}
}

// TestReportMarkdownEscapes checks the Markdown report of the same data:
// no raw HTML, no broken table cell, the javascript: URL not a link.
func TestReportMarkdownEscapes(t *testing.T) {
	db := escapeFixture(t)
	code, md, errs := quothIn(t, db, "-q", "report", "--markdown", "-")
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	for _, bad := range []string{"<script>", "<img", "<b>", "<i>", "](javascript:"} {
		if strings.Contains(strings.ReplaceAll(md, `\<`, ""), bad) {
			t.Errorf("the Markdown holds %q", bad)
		}
	}
	if !strings.Contains(md, `\<script\>alert(1)\</script\>`) || !strings.Contains(md, "مرحبا بالعالم and שלום עולם") {
		t.Errorf("the quote does not read back escaped:\n%s", md)
	}
	if !strings.Contains(md, "(https://example.com/levi?x=1&y=%222%22)") {
		t.Errorf("the https link is missing or unescaped:\n%s", md)
	}
}

// TestMarkdownText checks the escaping of text in Markdown cells.
func TestMarkdownText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"a | b", `a \| b`},
		{"*bold* _it_ `code` ~~s~~", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~"},
		{"[link](x) <b>", `\[link\](x) \<b\>`},
		{"Dawn & Tribune", "Dawn & Tribune"},
		{"&amp; &#34;", `\&amp; \&#34;`},
		{"two\nlines", "two lines"},
		{`back\slash`, `back\\slash`},
	}
	for _, tt := range tests {
		if got := mdText(tt.in); got != tt.want {
			t.Errorf("mdText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := mdLineStart("1. first"); got != `1\. first` {
		t.Errorf("mdLineStart = %q", got)
	}
	if got := mdLineStart("- item"); got != `\- item` {
		t.Errorf("mdLineStart = %q", got)
	}
}

// pageParts is what TestReportHTMLEscapes looks at in a parsed page.
type pageParts struct {
	scripts  []string
	elements map[string]int
	hrefs    []string
	csp      string
	text     strings.Builder
}

// inspect walks a parsed page.
func inspect(doc *html.Node) *pageParts {
	p := &pageParts{elements: map[string]int{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			p.elements[n.Data]++
			p.attrs(n)
			if n.Data == "script" {
				var b strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					b.WriteString(c.Data)
				}
				p.scripts = append(p.scripts, b.String())
				return
			}
		case html.TextNode:
			p.text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p
}

// attrs notes the links and the Content-Security-Policy of n.
func (p *pageParts) attrs(n *html.Node) {
	var equiv, content string
	for _, a := range n.Attr {
		switch a.Key {
		case "href":
			p.hrefs = append(p.hrefs, a.Val)
		case "http-equiv":
			equiv = a.Val
		case "content":
			content = a.Val
		}
	}
	if equiv == "Content-Security-Policy" {
		p.csp = content
	}
}

// containsString reports whether list holds s.
func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestWriteAtomic checks that a failed write leaves neither a partial
// report nor a temporary file, and keeps an older report as it was.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.html")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := writeAtomic(path, func(w io.Writer) error {
		w.Write([]byte("half a rep"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("writeAtomic = %v, want boom", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the old report became %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left in the directory, want 1", len(entries))
	}
	if err := writeAtomic(filepath.Join(dir, "no", "r.html"), func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("writing into a missing directory: %v", err)
	}
	if err := writeAtomic(path, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("the report is %q, want new", got)
	}
}

// browser returns the path of a Chromium or Chrome on PATH, or "".
func browser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// headless runs the browser headless on the page with args and returns
// its stdout and stderr. Every run gets a fresh profile.
func headless(t *testing.T, bin, page string, args ...string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0"}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// consoleErrors returns the lines of a browser's log that report a
// console message, an uncaught exception or a blocked script or load.
func consoleErrors(log string) []string {
	var bad []string
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, ":CONSOLE") || strings.Contains(l, "Uncaught") || strings.Contains(l, "Content Security Policy") {
			bad = append(bad, l)
		}
	}
	return bad
}

// TestReportInBrowser opens the fixture's HTML report in a headless
// Chromium: it must render without console errors, its script must run
// (the filter box shows), the diff markup must be in the DOM, and
// screenshots at desktop and phone width must come out. With -update the
// desktop screenshot is copied to docs/report.png.
func TestReportInBrowser(t *testing.T) {
	bin := browser()
	if bin == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH: the real-browser test of the HTML report is skipped (apt-get install chromium)")
	}
	if testing.Short() {
		t.Skip("-short: the real-browser test is skipped")
	}
	db := reportFixture(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if code, _, errs := quothIn(t, db, "-q", "report", "--html", page); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	dom, log := headless(t, bin, page, "--dump-dom")
	if bad := consoleErrors(log); len(bad) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(bad, "\n"))
	}
	for _, want := range []string{`<del class="del"`, `<ins class="ins"`, `<div class="filter" id="filter">`, `id="family-12"`} {
		if !strings.Contains(dom, want) {
			t.Errorf("the DOM lacks %s", want)
		}
	}
	shots := []struct {
		name          string
		width, height int
	}{{"desktop.png", 1280, 900}, {"phone.png", 390, 844}}
	for _, s := range shots {
		out := filepath.Join(dir, s.name)
		_, log := headless(t, bin, page, "--screenshot="+out, "--window-size="+strconv.Itoa(s.width)+","+strconv.Itoa(s.height))
		if bad := consoleErrors(log); len(bad) > 0 {
			t.Errorf("%s: console errors:\n%s", s.name, strings.Join(bad, "\n"))
		}
		checkScreenshot(t, out, s.width, s.height)
	}
	if *update {
		docs := filepath.Join("..", "..", "docs")
		shot, err := os.ReadFile(filepath.Join(dir, "desktop.png"))
		if err == nil {
			err = os.MkdirAll(docs, 0o755)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(docs, "report.png"), shot, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// checkScreenshot checks that path is a PNG of the given size with
// something drawn on it.
func checkScreenshot(t *testing.T, path string, width, height int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != height {
		t.Errorf("%s is %dx%d, want %dx%d", filepath.Base(path), b.Dx(), b.Dy(), width, height)
	}
	if info.Size() < 20000 {
		t.Errorf("%s is only %d bytes: a blank page?", filepath.Base(path), info.Size())
	}
	colours := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[r>>8<<16|g>>8<<8|bl>>8] = true
		}
	}
	if len(colours) < 20 {
		t.Errorf("%s has only %d colours: nothing rendered?", filepath.Base(path), len(colours))
	}
}

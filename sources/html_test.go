package sources

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of testdata/html")

// htmlDir holds the HTML test pages and their golden outputs.
const htmlDir = "../testdata/html"

func TestLoadHTMLGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(htmlDir, "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no test pages in %s: %v", htmlDir, err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			a, err := loadHTML(data, page)
			got := renderGolden(t, a, err)
			golden := strings.TrimSuffix(page, ".html") + ".golden"
			if *updateGolden {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run with -update to rewrite it):\n%s", golden, lineDiff(string(want), got))
			}
		})
	}
}

// renderGolden prints a loaded article, or the error, as in a golden file:
// the metadata, then one block per paragraph with its kind.
func renderGolden(t *testing.T, a *Article, err error) string {
	t.Helper()
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	checkArticle(t, a)
	var b strings.Builder
	published := ""
	if !a.Published.IsZero() {
		published = a.Published.Format(time.RFC3339)
	}
	fmt.Fprintf(&b, "title: %s\noutlet: %s\nurl: %s\nbyline: %s\npublished: %s\n",
		a.Title, a.Outlet, a.URL, a.Byline, published)
	for i, p := range a.Paragraphs {
		fmt.Fprintf(&b, "\n[%s] %s\n", p.Kind, a.ParagraphText(i))
	}
	return b.String()
}

// checkArticle checks what every loaded HTML article must satisfy: its
// paragraphs, joined by blank lines, are exactly its Text, and only the
// first is a headline.
func checkArticle(t *testing.T, a *Article) {
	t.Helper()
	if a.Format != "html" {
		t.Errorf("Format = %q, want html", a.Format)
	}
	if a.Hash != "" || a.ID != "" {
		t.Errorf("Hash and ID set before Seal: %q %q", a.Hash, a.ID)
	}
	parts := make([]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		parts[i] = a.Text[p.Start:p.End]
		if parts[i] == "" || parts[i] != strings.Join(strings.Fields(parts[i]), " ") {
			t.Errorf("paragraph %d is empty or has untidy space: %q", i, parts[i])
		}
		if (p.Kind == Headline) != (i == 0 && a.Title != "") {
			t.Errorf("paragraph %d has kind %s", i, p.Kind)
		}
	}
	if joined := strings.Join(parts, "\n\n"); joined != a.Text {
		t.Errorf("paragraphs do not tile Text:\n got %q\nwant %q", joined, a.Text)
	}
}

// lineDiff lists the lines of want missing from got and the lines of got
// not in want.
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := make(map[string]bool)
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	return b.String()
}

// storyHTML is an article body long enough to be found as a story.
const storyHTML = `<article>
<h1>Council approves new cycle lanes</h1>
<p>The city council voted on Tuesday to build eleven kilometres of protected cycle lanes across the centre by the end of next year.</p>
<p>“This is the biggest change to our streets in a generation,” said the council leader, Maria Feld, after the vote.</p>
<p>Opponents said the lanes would slow buses and hurt shops on the high street, and asked for a public inquiry into the plan.</p>
<p>Work on the first section, along the river, is due to start in the spring and will take about four months.</p>
</article>`

// htmlPage builds an HTML page from head markup and body markup.
func htmlPage(head, body string) []byte {
	return []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Council approves new cycle lanes | City Post</title>" +
		head + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" + body + "</body></html>")
}

func TestLoadHTMLMetadata(t *testing.T) {
	tests := []struct {
		name   string
		head   string
		body   string
		origin string
		want   pageMeta
	}{{
		name: "json_ld_beats_og_tags",
		head: `<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site">
<meta property="og:url" content="https://og.example/a"><meta property="article:published_time" content="2020-01-01T00:00:00Z">
<meta property="article:author" content="OG Author">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline",
"url":"https://ld.example/a","datePublished":"2024-03-14T06:30:00+01:00","author":{"@type":"Person","name":"LD Author"},
"publisher":{"@type":"Organization","name":"LD Publisher"}}</script>`,
		want: pageMeta{Title: "LD headline", URL: "https://ld.example/a", Byline: "LD Author", Outlet: "LD Publisher",
			Published: time.Date(2024, 3, 14, 6, 30, 0, 0, time.FixedZone("", 3600))},
	}, {
		name: "graph_array_with_publisher_reference",
		head: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"WebPage","@id":"https://p.example/a#page","name":"Web page name"},
{"@type":"Organization","@id":"https://p.example/#org","name":"Graph Post"},
{"@type":["Article","NewsArticle"],"headline":"Graph headline","mainEntityOfPage":{"@id":"https://p.example/a"},
"author":"By Sam Ode","publisher":{"@id":"https://p.example/#org"},"datePublished":"2024-05-01"}]}</script>`,
		want: pageMeta{Title: "Graph headline", URL: "https://p.example/a", Byline: "Sam Ode", Outlet: "Graph Post",
			Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)},
	}, {
		name: "author_array_of_strings_and_objects",
		head: `<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","headline":"H",
"author":[{"@type":"Person","name":"Ann Lee"},"Bo Chan",{"@type":"Person","name":"Cy Diaz"},{"name":"Ann Lee"}]}]</script>`,
		want: pageMeta{Title: "H", Byline: "Ann Lee, Bo Chan and Cy Diaz"},
	}, {
		name: "news_article_beats_earlier_blog_posting",
		head: `<script type="application/ld+json">{"@type":"BlogPosting","headline":"Blog"}</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"News"}</script>`,
		want: pageMeta{Title: "News"},
	}, {
		name: "broken_json_ld_falls_back_to_og_tags",
		head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Broken",}</script>
<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site">
<meta property="og:url" content="https://og.example/a"><meta property="article:published_time" content="2024-05-02T17:45:00+01:00">
<meta property="article:author" content="Tomás Reilly">`,
		want: pageMeta{Title: "OG title", URL: "https://og.example/a", Byline: "Tomás Reilly", Outlet: "OG Site",
			Published: time.Date(2024, 5, 2, 17, 45, 0, 0, time.FixedZone("", 3600))},
	}, {
		name: "json_ld_strings_have_entities_decoded",
		head: `<script type="application/ld+json">
<!--
{"@type":"NewsArticle","headline":"Q&amp;A: &#8216;We&#8217;re ready&#8217;","author":"Jo&nbsp;Blogs"}
-->
</script>`,
		want: pageMeta{Title: "Q&A: ‘We’re ready’", Byline: "Jo Blogs"},
	}, {
		name:   "canonical_beats_og_url_and_is_resolved_against_origin",
		head:   `<link rel="canonical" href="/news/cycle-lanes"><meta property="og:url" content="https://city.example/og">`,
		origin: "https://city.example/news/cycle-lanes?page=2",
		want:   pageMeta{Title: "Council approves new cycle lanes", URL: "https://city.example/news/cycle-lanes"},
	}, {
		name: "time_element_and_byline_span",
		body: `<div class="meta"><span class="byline">By Marisol Vega</span> <time datetime="2023-10-05T21:40:00-05:00">Oct 5</time></div>`,
		want: pageMeta{Title: "Council approves new cycle lanes", Byline: "Marisol Vega",
			Published: time.Date(2023, 10, 5, 21, 40, 0, 0, time.FixedZone("", -5*3600))},
	}, {
		name: "rel_author_links_and_profile_url_in_meta",
		head: `<meta property="article:author" content="https://www.facebook.com/someone">`,
		body: `<p class="by">By <a rel="author" href="/a">Ann Lee</a> and <a rel="author" href="/b">Bo Chan</a></p>`,
		want: pageMeta{Title: "Council approves new cycle lanes", Byline: "Ann Lee and Bo Chan"},
	}, {
		name: "no_metadata_leaves_fields_empty",
		body: ``,
		want: pageMeta{Title: "Council approves new cycle lanes"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := loadHTML(htmlPage(tt.head, tt.body+storyHTML), tt.origin)
			if err != nil {
				t.Fatal(err)
			}
			got := pageMeta{Title: a.Title, URL: a.URL, Byline: a.Byline, Outlet: a.Outlet, Published: a.Published}
			if got.Title != tt.want.Title || got.URL != tt.want.URL || got.Byline != tt.want.Byline ||
				got.Outlet != tt.want.Outlet || !got.Published.Equal(tt.want.Published) {
				t.Errorf("metadata\n got %+v\nwant %+v", got, tt.want)
			}
			if a.Origin != tt.origin {
				t.Errorf("Origin = %q, want %q", a.Origin, tt.origin)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-03-14T06:30:00Z", utc(2024, 3, 14, 6, 30)},
		{"2024-03-14T06:30:00.123+00:00", utc(2024, 3, 14, 6, 30).Add(123 * time.Millisecond)},
		{"2024-03-14T07:30:00+0100", utc(2024, 3, 14, 6, 30)},
		{"2024-03-14T07:30+01:00", utc(2024, 3, 14, 6, 30)},
		{"2024-03-14T06:30:00", utc(2024, 3, 14, 6, 30)},
		{"2024-03-14 06:30:00", utc(2024, 3, 14, 6, 30)},
		{"2024-03-14 06:30", utc(2024, 3, 14, 6, 30)},
		{" 2024-03-14 ", utc(2024, 3, 14, 0, 0)},
		{"20240314", utc(2024, 3, 14, 0, 0)},
		{"Thu, 14 Mar 2024 06:30:00 GMT", utc(2024, 3, 14, 6, 30)},
		{"Thu, 14 Mar 2024 07:30:00 +0100", utc(2024, 3, 14, 6, 30)},
		{"March 14, 2024", utc(2024, 3, 14, 0, 0)},
		{"Mar 14, 2024", utc(2024, 3, 14, 0, 0)},
		{"14 March 2024", utc(2024, 3, 14, 0, 0)},
		{"14 Mar 2024", utc(2024, 3, 14, 0, 0)},
		{"yesterday", time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseDate(tt.in)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestLoadHTMLNoBody(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"empty_input", nil},
		{"not_html_at_all", []byte("\x00\x01\x02")},
		{"navigation_only", htmlPage("", `<ul><li><a href="/a">Council approves new cycle lanes</a></li>
<li><a href="/b">Bus fares to rise by 5p in April</a></li><li><a href="/c">Library opening hours cut</a></li></ul>`)},
		{"headline_without_story", htmlPage("", `<article><h1>Council approves new cycle lanes</h1><p>By Ann Lee</p></article>`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := loadHTML(tt.data, "test.html")
			if !errors.Is(err, ErrNoBody) {
				t.Fatalf("err = %v, want ErrNoBody (article %+v)", err, a)
			}
		})
	}
}

func TestLoadHTMLText(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string // a paragraph that must be in the article, exactly
		kind ParagraphKind
	}{{
		name: "entities_are_decoded",
		body: `<p>&ldquo;We&rsquo;re not done,&rdquo; said Ms&nbsp;Feld of Smith &amp; Sons. &#8216;Never&#x2019;, she added, &lt;twice&gt;.</p>`,
		want: `“We’re not done,” said Ms Feld of Smith & Sons. ‘Never’, she added, <twice>.`,
	}, {
		name: "quote_heavy_paragraph_keeps_its_marks",
		body: `<p>‘They keep saying “no compulsory redundancies”,’ he said. "Then put it in the agreement." 'If it's true,' he added, „what’s stopping them?“ «Rien.»</p>`,
		want: `‘They keep saying “no compulsory redundancies”,’ he said. "Then put it in the agreement." 'If it's true,' he added, „what’s stopping them?“ «Rien.»`,
	}, {
		name: "white_space_inside_a_paragraph_is_collapsed",
		body: "<p>  The   mayor\n\tsaid:\n  <em>“We will</em>   <strong>not</strong> back down.”  </p>",
		want: "The mayor said: “We will not back down.”",
	}, {
		name: "inline_markup_adds_no_spaces",
		body: `<p>The <a href="/council">council</a>’s plan was “<em>un</em>workable<sup>1</sup>”, said Mr <b>O’Neill</b>.</p>`,
		want: `The council’s plan was “unworkable1”, said Mr O’Neill.`,
	}, {
		name: "blockquote_paragraphs_are_quotations",
		body: `<p>In a statement, the company said:</p><blockquote><p>“We deeply regret this incident and apologise to every one of our customers.”</p></blockquote>`,
		want: "“We deeply regret this incident and apologise to every one of our customers.”",
		kind: Quotation,
	}, {
		name: "blockquote_in_a_figure_is_a_quotation",
		body: `<p>The mayor answered in writing.</p><figure><blockquote><p>“We will not back down on the cycle lanes, whatever the shops say.”</p></blockquote><figcaption>— Maria Feld, in a letter</figcaption></figure>`,
		want: "“We will not back down on the cycle lanes, whatever the shops say.”",
		kind: Quotation,
	}, {
		name: "br_separated_lines_are_paragraphs",
		body: `<div>BRUSSELS, June 4 - Ministers agreed on Tuesday to impose methane limits on imported gas.<br><br>"This is a first," the commissioner said.<br>More talks are planned for July.</div>`,
		want: `"This is a first," the commissioner said.`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := strings.Replace(storyHTML, "</article>", tt.body+"</article>", 1)
			a, err := loadHTML(htmlPage("", body), "test.html")
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			for i, p := range a.Paragraphs {
				if a.ParagraphText(i) == tt.want {
					if p.Kind != tt.kind {
						t.Errorf("paragraph %q has kind %s, want %s", tt.want, p.Kind, tt.kind)
					}
					return
				}
			}
			t.Errorf("no paragraph %q in\n%s", tt.want, a.Text)
		})
	}
}

func TestLoadHTMLHeadlineIsFirstParagraphOnlyOnce(t *testing.T) {
	tests := []struct {
		name string
		head string
		want string
	}{
		{"headline_from_the_h1", ``, "Council approves new cycle lanes"},
		{"og_title_differs_from_the_h1", `<meta property="og:title" content="Cycle lanes: ‘biggest change in a generation’">`,
			"Cycle lanes: ‘biggest change in a generation’"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := loadHTML(htmlPage(tt.head, storyHTML), "test.html")
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if got := a.ParagraphText(0); got != tt.want || a.Paragraphs[0].Kind != Headline {
				t.Errorf("first paragraph = %s %q, want headline %q", a.Paragraphs[0].Kind, got, tt.want)
			}
			if got := a.ParagraphText(1); !strings.HasPrefix(got, "The city council voted") {
				t.Errorf("second paragraph = %q, want the story's first", got)
			}
		})
	}
}

func TestLoadHTMLMalformed(t *testing.T) {
	data := []byte(`<html><head><title>Council approves new cycle lanes</title><body><div class="story"><h1>Council approves new cycle lanes
<p>The city council voted on Tuesday to build eleven kilometres of <b>protected cycle lanes across the centre.
<p>“This is the biggest change to our streets in a generation,” said the council leader, Maria Feld.
<div><p>Opponents said the lanes would slow buses and hurt shops on the high street, and asked for an inquiry.
<p>Work on the first section is due to start in the spring and will take about four months.</span></i>
</table>`)
	a, err := loadHTML(data, "broken.html")
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	for _, want := range []string{
		"“This is the biggest change to our streets in a generation,” said the council leader, Maria Feld.",
		"Work on the first section is due to start in the spring and will take about four months.",
	} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("Text lacks %q:\n%s", want, a.Text)
		}
	}
}

func TestLoadHTMLLegacyCharset(t *testing.T) {
	// “Yes,” she said – in Windows-1252, declared in a meta tag.
	quote := "\x93Yes,\x94 she said \x96 and the council agreed to fund the plan for three more years."
	body := strings.Replace(storyHTML, "</article>", "<p>"+quote+"</p></article>", 1)
	data := []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>` + body + `</body></html>`)
	a, err := loadHTML(data, "legacy.html")
	if err != nil {
		t.Fatal(err)
	}
	want := "“Yes,” she said – and the council agreed to fund the plan for three more years."
	if !strings.Contains(a.Text, want) {
		t.Errorf("Text lacks %q:\n%s", want, a.Text)
	}
}

func TestDropMarkedFurniture(t *testing.T) {
	// story follows each body, and is what holds most of the page's text
	// (an element holding much of it is never taken for furniture).
	const story = "Work on the first section of the cycle lanes, along the river, is due to start in the spring and will take about four months."
	tests := []struct {
		name string
		body string
		want string // the text left before story, blocks joined by " | "
	}{{
		name: "page_and_article_furniture_by_tag",
		body: `<header><p>The Herald since 1871.</p></header><nav><p>Sections of the paper.</p></nav>
<article><header><h1>Story</h1><p>Standfirst in the header.</p></header><p>Story text.</p>
<aside><p>Pull quote.</p></aside><form><p>Sign up here.</p></form><address>By Ann Lee</address>
<footer><p>Spotted an error?</p></footer></article><footer><p>All rights reserved.</p></footer>`,
		want: "Story text.",
	}, {
		name: "furniture_words_in_class_id_and_short_aria_label",
		body: `<p class="article__kicker">Water</p><p class="sub-headline">EXCLUSIVE: the deck.</p>
<div class="share-bar"><p>Share on Facebook</p></div><div id="mostRead"><p>Most read</p></div>
<div class="newsletter-signup"><p>Get the news.</p></div><section aria-label="More from Eastvale"><p>Teaser.</p></section>
<p>Story text.</p><h2 class="subhead">A subhead in the story</h2><div class="story-body"><p>More story text.</p></div>`,
		want: "Story text. | A subhead in the story | More story text.",
	}, {
		name: "byline_and_date_lines",
		body: `<div class="meta"><span class="byline">By Marisol Vega</span> <time datetime="2023-10-05">Oct 5</time></div>
<div itemprop="author">Ann Lee</div><span class="top-bar__date">Friday, May 3, 2024</span><p>Story text.</p>`,
		want: "Story text.",
	}, {
		name: "running_text_is_never_cut",
		body: `<p><span class="dateline">BRUSSELS</span>, June 4 - The meeting on <time datetime="2024-06-04">Tuesday</time> ran late<span aria-hidden="true">*</span>.</p>
<div><span class="byline">Sam Ode</span> said the talks <b><span class="date">this week</span></b> were hard.</div>`,
		want: "BRUSSELS, June 4 - The meeting on Tuesday ran late*. | Sam Ode said the talks this week were hard.",
	}, {
		name: "hidden_elements_and_roles",
		body: `<div hidden><p>Hidden text.</p></div><div aria-hidden="true"><p>Decoration.</p></div>
<div role="dialog"><p>We value your privacy.</p></div><div role="complementary"><p>Sidebar.</p></div>
<p>Story <span hidden>(hidden)</span>text.</p><noscript><p>Enable JavaScript.</p></noscript>`,
		want: "Story text.",
	}, {
		name: "quotations_stay_whatever_their_class",
		body: `<figure><img src="a.jpg"><p>Photograph: Dan Whitby</p></figure><p>Story text.</p>
<figure class="quote-caption"><blockquote><p>“A quotation.”</p></blockquote><figcaption>— Maria Feld</figcaption></figure>
<blockquote class="author-quote"><p>“Another.”</p></blockquote>`,
		want: "Story text. | “A quotation.” | “Another.”",
	}, {
		name: "an_element_with_much_of_the_text_is_not_furniture",
		body: `<div class="cookie-consent"><p>We value your privacy.</p></div><article class="post tag-newsletter category-social">
<p>The council voted on Tuesday to build eleven kilometres of protected cycle lanes across the centre.</p>
<p>Opponents said the lanes would slow buses and hurt shops on the high street.</p></article>`,
		want: "The council voted on Tuesday to build eleven kilometres of protected cycle lanes across the centre. | " +
			"Opponents said the lanes would slow buses and hurt shops on the high street.",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, "<html><body>"+tt.body+"<p>"+story+"</p></body></html>")
			dropMarkedFurniture(doc)
			var got []string
			for _, b := range htmlBlocks(doc) {
				got = append(got, b.Text)
			}
			if g, want := strings.Join(got, " | "), tt.want+" | "+story; g != want {
				t.Errorf("text left\n got %q\nwant %q", g, want)
			}
		})
	}
}

// mustParse parses an HTML fragment as a page.
func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func BenchmarkLoadHTML(b *testing.B) {
	pages, err := filepath.Glob(filepath.Join(htmlDir, "*.html"))
	if err != nil || len(pages) == 0 {
		b.Fatalf("no test pages in %s: %v", htmlDir, err)
	}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(filepath.Base(p), ".html"), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = loadHTML(data, p)
			}
		})
	}
}

func FuzzLoadHTML(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join(htmlDir, "*.html"))
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(htmlPage(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"@id":"x"}]}]}</script>`, storyHTML))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := loadHTML(data, "fuzz.html")
		if err != nil {
			return
		}
		checkArticle(t, a)
	})
}

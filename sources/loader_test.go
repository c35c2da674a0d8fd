package sources

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// load runs a zero Loader on input.
func load(t *testing.T, input string) Result {
	t.Helper()
	var l Loader
	return l.Load(context.Background(), input)
}

// writeFile writes content to name under dir, making directories as
// needed, and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// paragraphTexts returns the text of every paragraph of a.
func paragraphTexts(a *Article) []string {
	var out []string
	for i := range a.Paragraphs {
		out = append(out, a.ParagraphText(i))
	}
	return out
}

// inputErrors returns r's errors as *InputError, failing on any other kind.
func inputErrors(t *testing.T, r Result) []*InputError {
	t.Helper()
	var out []*InputError
	for _, err := range r.Errors {
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("error %v (%T) is not an *InputError", err, err)
		}
		out = append(out, ie)
	}
	return out
}

func TestLoadSeeds(t *testing.T) {
	tests := []struct {
		name       string
		path       string
		outlet     string
		title      string
		paragraphs int
		want       map[int]string // paragraph index -> exact text
		dropped    []string       // furniture that must not be a paragraph
	}{
		{
			name:       "dawn_article_gets_its_outlet_from_the_sidecar_and_loses_must_read",
			path:       "../testdata/articles/000_2942939cbf4b7cb5.txt",
			outlet:     "Dawn",
			title:      "US says in contact with Pakistan to ‘discuss ways’ to combat TTP",
			paragraphs: 15,
			want: map[int]string{
				0:  "US says in contact with Pakistan to ‘discuss ways’ to combat TTP",
				2:  "When asked to comment on Washington’s calls to assist Islamabad to deal with Tehreek-i-Taliban Pakistan (TTP) amid a spike in attacks, a State Department spokesperson, in an email to Geo TV, said: “We seek a strong partnership with Pakistan on counterterrorism and expect sustained action against all militant and terrorist groups without distinction.”",
				6:  "“We look forward to cooperative efforts to eliminate all regional and global terrorist threats and are continuing to discuss ways that we can be most effective in this regard,” the spokesperson added.",
				14: "Earlier this week, the State Department maintained that Pakistan remains a partner of the US when it comes to shared challenges, including the challenge of terrorist groups — those inside Afghanistan as well as along the Afghanistan border.",
			},
			dropped: []string{"Must Read", "TTP presence, cross-border attacks bone of contention with Afghanistan: COAS"},
		},
		{
			name:       "tribune_article_loses_photo_caption_read_more_links_and_related",
			path:       "../testdata/articles/003_9e22b0ab6b0482b3.txt",
			outlet:     "The Express Tribune",
			title:      "US extends support to Pakistan amid TTP threat",
			paragraphs: 23,
			want: map[int]string{
				0:  "US extends support to Pakistan amid TTP threat",
				1:  "Number of terrorist attacks has gone up since return of Afghan Taliban to power in August 2021",
				2:  "ISLAMABAD:",
				6:  `Before wrapping up his three-day visit, the US pointman for Afghanistan on Saturday in a statement acknowledged the "grave threat" posed by the TTP to Pakistan.`,
				7:  `"Departing Islamabad after productive two-day visit. Important conversations with [Caretaker Foreign Minister] Jalil Jilani, Chief of Army Staff General Syed Asim Munir, and Asif Durrani[Pakistan's Special Representative to Afghanistan], and MOI Secretary Durrani about grave security challenges posed by TTP as well as imperative to protect Afghan refugees," he wrote on X (formerly Twitter).`,
				16: "One of the major issues the US envoy discussed with Pakistani authorities is the deportation of undocumented Afghans.",
				22: "It is believed that both sides have made progress to work out a mechanism under which such Afghans are relocated to the US in shortest possible time.",
			},
			dropped: []string{
				"PHOTO: Pakistan's Special Representative to Afghanistan Asif Durrani's X handle",
				"Read More: Afghan situation, TTP threat discussed with US pointman",
				"Read More: FM links Afghan trade to anti-TTP steps",
				"RELATED", "Load Next Story",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := load(t, tt.path)
			if len(r.Errors) != 0 || len(r.Articles) != 1 {
				t.Fatalf("got %d articles, errors %v; want 1 article, no errors", len(r.Articles), r.Errors)
			}
			a := r.Articles[0]
			raw, err := os.ReadFile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != string(raw) {
				t.Errorf("Text is not the file's content")
			}
			if a.Outlet != tt.outlet || a.Title != tt.title || a.Format != "txt" || a.Origin != tt.path {
				t.Errorf("got outlet %q, title %q, format %q, origin %q", a.Outlet, a.Title, a.Format, a.Origin)
			}
			if a.Paragraphs[0].Kind != Headline {
				t.Errorf("first paragraph is %v, want headline", a.Paragraphs[0].Kind)
			}
			if len(a.Paragraphs) != tt.paragraphs {
				t.Errorf("got %d paragraphs, want %d", len(a.Paragraphs), tt.paragraphs)
			}
			got := paragraphTexts(a)
			for i, want := range tt.want {
				if i >= len(got) || got[i] != want {
					t.Errorf("paragraph %d:\n got %q\nwant %q", i, at(got, i), want)
				}
			}
			for _, p := range got {
				for _, d := range tt.dropped {
					if p == d {
						t.Errorf("furniture %q is a paragraph", d)
					}
				}
			}
			if len(a.Hash) != 64 || a.ID != a.Hash[:16] {
				t.Errorf("article not sealed: ID %q, Hash %q", a.ID, a.Hash)
			}
		})
	}
}

// at returns ss[i], or "<none>" when i is out of range.
func at(ss []string, i int) string {
	if i < len(ss) {
		return ss[i]
	}
	return "<none>"
}

func TestLoadDirectoryWalksInOrderAndCountsSkips(t *testing.T) {
	dir := t.TempDir()
	story := "Flood barriers raised on the Kell\n\nCrews raised the barriers overnight.\n"
	writeFile(t, dir, "b.txt", story)
	writeFile(t, dir, "a.md", "# Tram line reopens\n\nThe tram line reopened on Monday.\n")
	writeFile(t, dir, "sub/c.json", `{"title": "Budget passes", "text": "The budget passed by one vote."}`)
	writeFile(t, dir, "sub/c.meta", "Outlet: Valley Times\n")
	writeFile(t, dir, "sub/d.ndjson", `{"text": "One"}`+"\n"+`{"text": "Two"}`+"\n")
	writeFile(t, dir, ".hidden.txt", story)
	writeFile(t, dir, ".git/config.txt", story)
	writeFile(t, dir, ".git/HEAD", "ref")
	writeFile(t, dir, "notes.docx", "not read")
	writeFile(t, dir, "sub/photo.jpg", "not read")
	writeFile(t, dir, "sub/empty.txt", "  \n\n")

	r := load(t, dir)
	var origins []string
	for _, a := range r.Articles {
		origins = append(origins, strings.TrimPrefix(a.Origin, dir+string(filepath.Separator)))
	}
	want := []string{"a.md", "b.txt", "sub/c.json", "sub/d.ndjson#1", "sub/d.ndjson#2"}
	if strings.Join(origins, " ") != strings.Join(want, " ") {
		t.Errorf("got articles %q, want %q", origins, want)
	}
	if r.Skipped != 4 {
		t.Errorf("got Skipped %d, want 4 (.hidden.txt, .git, notes.docx, photo.jpg)", r.Skipped)
	}
	errs := inputErrors(t, r)
	if len(errs) != 1 || !errors.Is(errs[0], ErrEmpty) || !strings.HasSuffix(errs[0].Origin, "empty.txt") {
		t.Errorf("got errors %v, want one ErrEmpty for sub/empty.txt", r.Errors)
	}
	if len(r.Articles) == 5 && r.Articles[2].Outlet != "Valley Times" {
		t.Errorf("sidecar outlet not applied to JSON record: %q", r.Articles[2].Outlet)
	}
}

func TestLoadBadInputsReportOneErrorEach(t *testing.T) {
	dir := t.TempDir()
	sparse := filepath.Join(dir, "huge.txt")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Truncate(sparse, maxSize+1); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		path    string
		wantIs  error
		wantMsg string
	}{
		{"file_with_nul_bytes_is_binary", writeFile(t, dir, "x.txt", "PK\x03\x04\x00\x00 archive"), ErrBinary, "binary file"},
		{"control_characters_make_a_binary_file", writeFile(t, dir, "y.txt", strings.Repeat("\x01\x02\x03a", 50)), ErrBinary, "binary file"},
		{"zero_byte_file_is_empty", writeFile(t, dir, "zero.txt", ""), ErrEmpty, "empty"},
		{"whitespace_only_file_is_empty", writeFile(t, dir, "blank.md", " \n\t\r\n\n"), ErrEmpty, "empty"},
		{"file_over_10_mb_is_refused_unread", sparse, ErrTooLarge, "larger than 10 MB"},
		{"missing_file_is_not_found", filepath.Join(dir, "gone.txt"), fs.ErrNotExist, "no such file or directory"},
		{"ftp_url_is_unsupported", "ftp://example.com/story.txt", nil, "unsupported URL scheme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := load(t, tt.path)
			if len(r.Articles) != 0 {
				t.Errorf("got %d articles, want none", len(r.Articles))
			}
			errs := inputErrors(t, r)
			if len(errs) != 1 {
				t.Fatalf("got errors %v, want one", r.Errors)
			}
			e := errs[0]
			if tt.wantIs != nil && !errors.Is(e, tt.wantIs) {
				t.Errorf("error %v is not %v", e, tt.wantIs)
			}
			if want := "load " + tt.path + ": " + tt.wantMsg; e.Error() != want {
				t.Errorf("got message %q, want %q", e.Error(), want)
			}
			if e.Warning {
				t.Errorf("a failure is marked as a warning")
			}
		})
	}
}

func TestLoadInvalidUTF8KeepsArticleAndWarnsWithOffset(t *testing.T) {
	// "café" in Latin-1: the é is the single byte 0xE9 at offset 42.
	content := "Strike ends at harbour\n\nWorkers met at Caf\xe9 Nord on Friday.\n"
	path := writeFile(t, t.TempDir(), "latin1.txt", content)
	r := load(t, path)
	if len(r.Articles) != 1 {
		t.Fatalf("got %d articles, want 1 (errors %v)", len(r.Articles), r.Errors)
	}
	errs := inputErrors(t, r)
	if len(errs) != 1 {
		t.Fatalf("got errors %v, want one warning", r.Errors)
	}
	e := errs[0]
	offset := strings.IndexByte(content, 0xe9)
	if want := "load " + path + ": not UTF-8 text at byte 42"; e.Error() != want || offset != 42 {
		t.Errorf("got %q, want %q (é at %d)", e.Error(), want, offset)
	}
	if !e.Warning || e.Offset != 42 || !errors.Is(e, ErrNotUTF8) {
		t.Errorf("got Warning %v, Offset %d, want a warning at 42 that is ErrNotUTF8", e.Warning, e.Offset)
	}
	if got := r.Articles[0].ParagraphText(1); got != "Workers met at Caf\uFFFD Nord on Friday." {
		t.Errorf("got paragraph %q", got)
	}
}

func TestLoadStdin(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		format string
		title  string
	}{
		{"plain_text_on_stdin_is_sniffed_as_txt", "Bridge closed for repairs\n\nThe bridge will close for a week.\n", "txt", "Bridge closed for repairs"},
		{"markdown_on_stdin_is_sniffed_as_md", "# Bridge closed for repairs\n\nThe bridge will close for a **week**.\n", "md", "Bridge closed for repairs"},
		{"json_on_stdin_is_sniffed_as_json", `{"title": "Bridge closed for repairs", "text": "The bridge will close."}`, "json", "Bridge closed for repairs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Loader{Stdin: strings.NewReader(tt.input)}
			r := l.Load(context.Background(), "-")
			if len(r.Articles) != 1 || len(r.Errors) != 0 {
				t.Fatalf("got %d articles, errors %v", len(r.Articles), r.Errors)
			}
			a := r.Articles[0]
			if a.Origin != "-" || a.Format != tt.format || a.Title != tt.title || a.Outlet != "unknown" {
				t.Errorf("got origin %q, format %q, title %q, outlet %q", a.Origin, a.Format, a.Title, a.Outlet)
			}
		})
	}
	t.Run("no_stdin_is_an_error", func(t *testing.T) {
		r := load(t, "-")
		if len(r.Errors) != 1 || !errors.Is(r.Errors[0], ErrNoStdin) {
			t.Errorf("got errors %v, want ErrNoStdin", r.Errors)
		}
	})
}

func TestLoadUnknownExtensionIsSniffed(t *testing.T) {
	path := writeFile(t, t.TempDir(), "story.article", "# Tram line reopens\n\n> It is a good day for the city.\n")
	r := load(t, path)
	if len(r.Articles) != 1 {
		t.Fatalf("got %d articles, errors %v", len(r.Articles), r.Errors)
	}
	if a := r.Articles[0]; a.Format != "md" || a.Paragraphs[1].Kind != Quotation {
		t.Errorf("got format %q, paragraphs %+v", a.Format, a.Paragraphs)
	}
}

func TestOutletPrecedence(t *testing.T) {
	tests := []struct {
		name     string
		override string
		content  string
		sidecar  string
		want     string
	}{
		{"loader_outlet_overrides_everything", "Wire Desk", "Outlet: Dawn\n\nHeadline\n\nBody.\n", "Outlet: BBC News\n", "Wire Desk"},
		{"header_outlet_beats_sidecar", "", "Outlet: Dawn\n\nHeadline\n\nBody.\n", "Outlet: BBC News\n", "Dawn"},
		{"sidecar_fills_a_missing_outlet", "", "Headline\n\nBody.\n", "Outlet: BBC News\n", "BBC News"},
		{"url_host_names_the_outlet_when_no_metadata_does", "", "URL: https://www.dawn.com/news/1", "", "Dawn"},
		{"sidecar_url_host_names_the_outlet", "", "Headline\n\nBody.\n", "URL: https://edition.cnn.com/x\n", "CNN"},
		{"nothing_known_gives_unknown", "", "Headline\n\nBody.\n", "", "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			content := tt.content
			if strings.HasPrefix(content, "URL:") {
				content += "\n\nHeadline\n\nBody.\n"
			}
			path := writeFile(t, dir, "story.txt", content)
			if tt.sidecar != "" {
				writeFile(t, dir, "story.meta", tt.sidecar)
			}
			l := Loader{Outlet: tt.override}
			r := l.Load(context.Background(), path)
			if len(r.Articles) != 1 || len(r.Errors) != 0 {
				t.Fatalf("got %d articles, errors %v", len(r.Articles), r.Errors)
			}
			if got := r.Articles[0].Outlet; got != tt.want {
				t.Errorf("got outlet %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSidecarSuppliesMissingMetadata(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "story.txt", "Title: Night buses approved\n\nThe council approved night buses.\n")
	writeFile(t, dir, "story.meta", "title: Ignored title\nURL: https://www.thenews.com.pk/story\nPublished: 2 Jan 2024 15:04\nByline: Ada Brandt\nNotes: ignored\n")
	r := load(t, path)
	if len(r.Articles) != 1 || len(r.Errors) != 0 {
		t.Fatalf("got %d articles, errors %v", len(r.Articles), r.Errors)
	}
	a := r.Articles[0]
	if a.Title != "Night buses approved" || a.URL != "https://www.thenews.com.pk/story" ||
		a.Byline != "Ada Brandt" || a.Outlet != "The News" || a.Published.Format("2006-01-02 15:04") != "2024-01-02 15:04" {
		t.Errorf("got title %q, URL %q, byline %q, outlet %q, published %v", a.Title, a.URL, a.Byline, a.Outlet, a.Published)
	}
}

func TestSidecarBadDateIsAWarning(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "story.txt", "Headline\n\nBody.\n")
	side := writeFile(t, dir, "story.meta", "Outlet: Dawn\nPublished: last Tuesday\n")
	r := load(t, path)
	errs := inputErrors(t, r)
	if len(r.Articles) != 1 || len(errs) != 1 {
		t.Fatalf("got %d articles, errors %v", len(r.Articles), r.Errors)
	}
	if want := "load " + side + `: line 2: unrecognised date "last Tuesday"`; errs[0].Error() != want || !errs[0].Warning {
		t.Errorf("got %q (warning %v), want warning %q", errs[0].Error(), errs[0].Warning, want)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"doctype_is_html", "\n<!DOCTYPE html><html><body><p>x</p></body></html>", "html"},
		{"leading_tag_is_html", "  <html><p>x</p></html>", "html"},
		{"object_is_json", `{"text": "x"}`, "json"},
		{"array_is_json", `[{"text": "x"}]`, "json"},
		{"object_per_line_is_json_lines", "{\"text\": \"x\"}\n{\"text\": \"y\"}\n", "jsonl"},
		{"front_matter_is_markdown", "---\ntitle: x\n---\nBody.\n", "md"},
		{"heading_is_markdown", "Intro.\n\n## Background\n\nMore.\n", "md"},
		{"link_is_markdown", "See [the report](https://example.org).\n", "md"},
		{"bracketed_prose_is_text", "[Updated] Council approves budget\n\nThe budget passed.\n", "txt"},
		{"prose_is_text", "Council approves budget\n\nThe budget passed.\n", "txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniff([]byte(tt.content)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInputErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *InputError
		want string
	}{
		{"origin_and_error", &InputError{Origin: "a.txt", Offset: -1, Err: ErrEmpty}, "load a.txt: empty"},
		{"line_is_named_when_known", &InputError{Origin: "a.jsonl", Line: 3, Err: errNoText}, "load a.jsonl: line 3: no text, body or content field"},
		{"missing_error_does_not_panic", &InputError{Origin: "-"}, "load -: unknown error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLoadStopsWalkWhenContextIsCancelled(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Headline\n\nBody.\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var l Loader
	r := l.Load(ctx, dir)
	if len(r.Articles) != 0 || len(r.Errors) != 1 || !errors.Is(r.Errors[0], context.Canceled) {
		t.Errorf("got %d articles, errors %v; want none and context.Canceled", len(r.Articles), r.Errors)
	}
}

func FuzzLoadData(f *testing.F) {
	for _, seed := range []string{
		"Headline\n\nBody “quoted” text.\n",
		"Title: T\nPublished: 2024-01-02\n\nBody.\n",
		"---\ntitle: x\n---\n# H\n\n> quote *em* [l](u) ![i](j) `c`\n\n- item\n",
		`{"text": "A\n\nB", "author": [{"name": "X"}]}` + "\n" + `{"text": 1}`,
		"[{\"body\": \"x\"}, null, []]",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var l Loader
		for _, kind := range []string{kindTxt, kindMD, kindJSON, kindJSONL} {
			var r Result
			l.loadData(source{origin: "fuzz", kind: kind}, data, &r)
			for _, a := range r.Articles {
				checkSpans(t, a)
			}
		}
	})
}

// checkSpans fails unless a's paragraphs are ordered, non-overlapping,
// non-empty spans inside Text, and a is sealed.
func checkSpans(t *testing.T, a *Article) {
	t.Helper()
	prev := 0
	for i, p := range a.Paragraphs {
		if p.Start < prev || p.End <= p.Start || p.End > len(a.Text) {
			t.Fatalf("paragraph %d span [%d,%d) bad after %d in text of %d bytes", i, p.Start, p.End, prev, len(a.Text))
		}
		prev = p.End
	}
	if a.ID == "" || a.Outlet == "" {
		t.Fatalf("article not finished: ID %q, outlet %q", a.ID, a.Outlet)
	}
}

func ExampleLoader_Load() {
	var l Loader
	r := l.Load(context.Background(), "../testdata/articles")
	for _, a := range r.Articles {
		fmt.Printf("%s: %s (%d paragraphs)\n", a.Outlet, a.Title, len(a.Paragraphs))
	}
	fmt.Println(len(r.Errors), "errors,", r.Skipped, "skipped")
	// Output:
	// Dawn: US says in contact with Pakistan to ‘discuss ways’ to combat TTP (15 paragraphs)
	// The Express Tribune: US extends support to Pakistan amid TTP threat (23 paragraphs)
	// 0 errors, 0 skipped
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/quoth-dev/quoth/diffing"
	"github.com/quoth-dev/quoth/store"
	"github.com/urfave/cli/v2"
)

// reportCommand is "quoth report": the families of variants as an HTML
// page, Markdown or one JSON document, for readers who run no commands.
func reportCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "write a report of the families of variants: HTML, Markdown or JSON",
		Description: `Writes a report for people who will not run a command: a summary of the
database (articles, outlets, speakers, quotes) and of the report
(families, renderings, findings by relation), the findings first with
links to their families, an index of speakers, then every family of
variants: its reference wording and each outlet's rendering with its
word diff (deleted words struck through in red, inserted words in green),
its relation and verdict, and its provenance (outlet, title, date, URL,
paragraph, quote key).

--html FILE writes one self-contained HTML page: no external fonts,
scripts or styles, so it works offline and as a mail attachment; it reads
fully without JavaScript, prints cleanly and fits a phone. --markdown FILE
writes the same content as Markdown, for a CMS or a chat. A FILE of -
means standard output. Files are written atomically: a report is either
complete or not there. --format json prints the same content as one JSON
document on standard output (--format markdown prints the Markdown).

The filters are those of "quoth variants", plus --since, which keeps the
families with a rendering published on or after DATE.

Examples:
   quoth report --html report.html
   quoth report --speaker "Tom West" --only-findings --markdown findings.md
   quoth report --outlet "Daily Klaxon" --since 2026-03-01 --format json
   quoth report --primary "Ministry of Health of Veloria" --html varga.html
   quoth report --min-outlets 3 --only-findings --html findings.html`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "html", Usage: "write the HTML report to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "markdown", Usage: "write the Markdown report to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "speaker", Usage: "only families with a rendering by `NAME` (canonical name, alias or surname)"},
			&cli.StringFlag{Name: "outlet", Usage: "only families with a rendering from outlet `NAME`"},
			&cli.StringSliceFlag{Name: "primary", Usage: "quotes and unquoted articles from outlet `NAME` are primary sources, as in quoth variants (repeatable)"},
			&cli.StringFlag{Name: "since", Usage: "only families with a rendering published on or after `DATE` (YYYY-MM-DD)"},
			&cli.IntFlag{Name: "min-outlets", Value: 1, Usage: "only families rendered by at least `N` outlets"},
			&cli.BoolFlag{Name: "only-findings", Usage: "only families with an altered, spliced or misattributed rendering"},
		},
		Action: func(c *cli.Context) error {
			t, err := reportTargets(c)
			if err != nil {
				return err
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			doc, err := buildReport(c, db, io)
			if err != nil {
				return err
			}
			if err := t.write(io.stdout, doc); err != nil {
				return err
			}
			if !c.Bool("quiet") {
				fmt.Fprintln(io.stderr, t.summary(doc))
			}
			return nil
		},
	}
}

// reportTarget is where a report goes: the outputs asked for, each a
// file name, "-" for standard output, or "" when not asked for.
type reportTarget struct {
	html, markdown string
	json           bool
}

// reportTargets reads --html, --markdown and --format and checks that
// one output at least is asked for and at most one goes to stdout.
func reportTargets(c *cli.Context) (reportTarget, error) {
	t := reportTarget{html: c.String("html"), markdown: c.String("markdown")}
	switch f := c.String("format"); f {
	case "json":
		t.json = true
	case "markdown":
		if t.markdown != "" && t.markdown != "-" {
			return t, usagef("report: --format markdown and --markdown %s: choose one", t.markdown)
		}
		t.markdown = "-"
	case "table":
	default:
		return t, usagef("report: --format %s is not a report format (want json or markdown, or --html FILE, --markdown FILE)", f)
	}
	if t.html == "" && t.markdown == "" && !t.json {
		return t, usagef("report: want --html FILE, --markdown FILE or --format json")
	}
	stdout := 0
	for _, on := range []bool{t.html == "-", t.markdown == "-", t.json} {
		if on {
			stdout++
		}
	}
	if stdout > 1 {
		return t, usagef("report: only one output can go to standard output")
	}
	if s := c.String("since"); s != "" {
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return t, usagef("report: invalid --since %q (want a date like 2026-03-04)", s)
		}
	}
	return t, nil
}

// write writes doc to every output of t.
func (t reportTarget) write(stdout io.Writer, doc *reportJSON) error {
	if t.html != "" {
		if err := writeTo(stdout, t.html, func(w io.Writer) error { return writeReportHTML(w, doc) }); err != nil {
			return err
		}
	}
	if t.markdown != "" {
		if err := writeTo(stdout, t.markdown, func(w io.Writer) error { return writeReportMarkdown(w, doc) }); err != nil {
			return err
		}
	}
	if t.json {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	return nil
}

// summary is the line printed on stderr after a report is written.
func (t reportTarget) summary(doc *reportJSON) string {
	s := doc.Summary
	msg := fmt.Sprintf("report: %s, %s, %s", plural(s.Families, "family"), plural(s.Renderings, "rendering"), plural(s.Findings, "finding"))
	var files []string
	for _, f := range []string{t.html, t.markdown} {
		if f != "" && f != "-" {
			files = append(files, f)
		}
	}
	if len(files) > 0 {
		msg += "; wrote " + strings.Join(files, " and ")
	}
	return msg
}

// writeTo runs write on standard output for "-", and otherwise on a
// temporary file in path's directory that is then renamed to path, so
// that path is never left half-written.
func writeTo(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "-" {
		return write(stdout)
	}
	if err := writeAtomic(path, write); err != nil {
		return fmt.Errorf("report: cannot write %s: %w", path, err)
	}
	return nil
}

// writeAtomic writes a file through a temporary file in the same
// directory and a rename. On any error the temporary file is removed and
// path is left as it was.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("directory %s does not exist", dir)
		}
		return err
	} else if !info.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return unwrapPath(err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return unwrapPath(err)
	}
	if err := f.Sync(); err != nil {
		return unwrapPath(err)
	}
	if err := f.Close(); err != nil {
		return unwrapPath(err)
	}
	return unwrapPath(os.Rename(f.Name(), path))
}

// unwrapPath drops the temporary file's name from a path error, which
// would only confuse: "permission denied" rather than "open
// .r.html.123.tmp: permission denied".
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// reportJSON is the report: what --format json prints, and what the HTML
// and Markdown reports show.
type reportJSON struct {
	Filters  reportFilters      `json:"filters"`
	Summary  reportSummary      `json:"summary"`
	Findings []reportFinding    `json:"findings"`
	Speakers []reportSpeaker    `json:"speakers"`
	Families []reportFamilyJSON `json:"families"`
}

// reportFilters are the filters the report was made with.
type reportFilters struct {
	Speaker      string `json:"speaker,omitempty"`
	Outlet       string `json:"outlet,omitempty"`
	Since        string `json:"since,omitempty"`
	MinOutlets   int    `json:"min_outlets,omitempty"`
	OnlyFindings bool   `json:"only_findings,omitempty"`
}

// Set reports whether a filter is set.
func (f reportFilters) Set() bool {
	return f != reportFilters{}
}

// reportSummary counts the database (articles, outlets, speakers,
// quotes) and the report (families, renderings, findings, relations).
type reportSummary struct {
	Articles   int             `json:"articles"`
	Outlets    int             `json:"outlets"`
	Speakers   int             `json:"speakers"`
	Quotes     int             `json:"quotes"`
	Families   int             `json:"families"`
	Renderings int             `json:"renderings"`
	Findings   int             `json:"findings"`
	Relations  []relationCount `json:"relations"`
}

// relationCount is how many renderings of the report, references left
// out, have a relation.
type relationCount struct {
	Relation   string `json:"relation"`
	Verdict    string `json:"verdict"`
	Renderings int    `json:"renderings"`
}

// reportFinding is one rendering whose verdict is "finding".
type reportFinding struct {
	Family    int            `json:"family"`
	Key       int64          `json:"key"`
	Outlet    string         `json:"outlet"`
	Published string         `json:"published,omitempty"`
	Speaker   string         `json:"speaker,omitempty"`
	Relation  string         `json:"relation"`
	Text      string         `json:"text"`
	Edits     []diffing.Edit `json:"edits"`
}

// reportSpeaker is an entry of the index of speakers: the families with
// a rendering given to the speaker ("" for unattributed renderings).
type reportSpeaker struct {
	Speaker         string `json:"speaker"`
	Families        []int  `json:"families"`
	FindingFamilies int    `json:"finding_families"`
}

// reportFamilyJSON is a family of the report.
type reportFamilyJSON struct {
	Family     int                   `json:"family"`
	Reference  int64                 `json:"reference"`
	Speaker    string                `json:"speaker,omitempty"`
	Outlets    int                   `json:"outlets"`
	Findings   int                   `json:"findings"`
	Renderings []reportRenderingJSON `json:"renderings"`
}

// reportRenderingJSON is a rendering: the variants' JSON form with the
// title of its article.
type reportRenderingJSON struct {
	variantJSON
	ArticleTitle string `json:"title,omitempty"`
}

// buildReport loads the families, keeps those the flags ask for and
// makes the report.
func buildReport(c *cli.Context, db *store.DB, io streams) (*reportJSON, error) {
	vs, err := loadVariants(c.Context, db, io.stderr, c.Bool("quiet"), c.StringSlice("primary")...)
	if err != nil {
		return nil, err
	}
	keep, err := reportFilter(c, db)
	if err != nil {
		return nil, err
	}
	var fams []family
	for i, f := range vs.families {
		if keep(vs, f) {
			fams = append(fams, family{i + 1, f})
		}
	}
	vs.explain(fams)
	doc := &reportJSON{Filters: reportFilters{
		Speaker: c.String("speaker"), Outlet: c.String("outlet"), Since: c.String("since"),
		OnlyFindings: c.Bool("only-findings"),
	}}
	if n := c.Int("min-outlets"); n > 1 {
		doc.Filters.MinOutlets = n
	}
	if err := doc.count(c.Context, db, vs); err != nil {
		return nil, err
	}
	doc.fill(vs, fams)
	return doc, nil
}

// reportFilter is familyFilter with --since: a family is kept when it
// also has a rendering published on or after the date.
func reportFilter(c *cli.Context, db *store.DB) (func(*variants, diffing.Family) bool, error) {
	keep, err := familyFilter(c, db)
	if err != nil {
		return nil, err
	}
	since := c.String("since")
	if since == "" {
		return keep, nil
	}
	return func(v *variants, f diffing.Family) bool {
		return keep(v, f) && slices.ContainsFunc(f.Members, func(m diffing.Member) bool {
			d := day(v.quotes[m.Entry].Published)
			return d != "" && d >= since
		})
	}, nil
}

// count fills the database half of the summary: articles and outlets
// from the stored articles, speakers and quotes from the quotes that
// were grouped (title-like quotes are left out).
func (doc *reportJSON) count(ctx context.Context, db *store.DB, vs *variants) error {
	articles, outlets, err := db.CountArticles(ctx)
	if err != nil {
		return err
	}
	speakers := map[string]bool{}
	for _, q := range vs.quotes {
		if q.Speaker.Name != "" {
			speakers[strings.ToLower(q.Speaker.Name)] = true
		}
	}
	doc.Summary.Articles, doc.Summary.Outlets = articles, outlets
	doc.Summary.Speakers, doc.Summary.Quotes = len(speakers), len(vs.quotes)
	return nil
}

// fill adds the families, their findings, the index of speakers and the
// report half of the summary.
func (doc *reportJSON) fill(vs *variants, fams []family) {
	doc.Findings, doc.Families = []reportFinding{}, []reportFamilyJSON{}
	relations := map[diffing.Relation]int{}
	for _, f := range fams {
		fj := vs.reportFamily(f)
		doc.Families = append(doc.Families, fj)
		doc.Summary.Renderings += len(fj.Renderings)
		doc.Summary.Findings += fj.Findings
		for _, r := range fj.Renderings[1:] {
			relations[diffing.Relation(r.Relation)]++
			if r.Verdict == "finding" {
				doc.Findings = append(doc.Findings, reportFinding{
					Family: fj.Family, Key: r.Key, Outlet: r.Outlet, Published: r.Published,
					Speaker: r.Speaker, Relation: r.Relation, Text: r.Text, Edits: r.Edits,
				})
			}
		}
	}
	doc.Summary.Families = len(doc.Families)
	doc.Summary.Relations = []relationCount{}
	for _, r := range diffing.Relations {
		if relations[r] > 0 {
			doc.Summary.Relations = append(doc.Summary.Relations, relationCount{string(r), r.Verdict(), relations[r]})
		}
	}
	doc.Speakers = speakerIndex(doc.Families)
}

// reportFamily is the report's form of a family, the reference first.
func (v *variants) reportFamily(f family) reportFamilyJSON {
	ref := v.quotes[f.Reference]
	fj := reportFamilyJSON{Family: f.n, Reference: ref.Key, Speaker: ref.Speaker.Name,
		Outlets: v.outlets(f.Family), Findings: len(f.Findings())}
	for _, m := range f.Members {
		q := v.quotes[m.Entry]
		vj := variantJSON{quoteJSON: quoteToJSON(q), Reference: m.Entry == f.Reference, comparisonJSON: comparison(m.Result)}
		fj.Renderings = append(fj.Renderings, reportRenderingJSON{variantJSON: vj, ArticleTitle: q.Title})
	}
	return fj
}

// speakerIndex lists the speakers of the renderings, by name, each with
// the families they appear in; unattributed renderings come last.
func speakerIndex(fams []reportFamilyJSON) []reportSpeaker {
	byName := map[string]*reportSpeaker{}
	var order []string
	for _, f := range fams {
		seen := map[string]bool{}
		for _, r := range f.Renderings {
			key := strings.ToLower(r.Speaker)
			if seen[key] {
				continue
			}
			seen[key] = true
			s := byName[key]
			if s == nil {
				s = &reportSpeaker{Speaker: r.Speaker}
				byName[key] = s
				order = append(order, key)
			}
			s.Families = append(s.Families, f.Family)
			if f.Findings > 0 {
				s.FindingFamilies++
			}
		}
	}
	slices.SortFunc(order, func(a, b string) int {
		if (a == "") != (b == "") {
			return boolCompare(a == "", b == "")
		}
		return strings.Compare(a, b)
	})
	out := make([]reportSpeaker, 0, len(order))
	for _, k := range order {
		out = append(out, *byName[k])
	}
	return out
}

// boolCompare orders false before true.
func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

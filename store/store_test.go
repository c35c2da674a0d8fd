package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/sources"
)

// childEnv, when set, makes the test binary run as a child process that
// ingests into a database (see runChild) instead of running tests.
const childEnv = "QUOTH_STORE_TEST_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		os.Exit(runChild(spec))
	}
	os.Exit(m.Run())
}

// mustOpen opens a fresh database in a temporary directory, with a clock
// that starts at 2024-01-01 and advances a second per call. It is closed
// when the test ends.
func mustOpen(tb testing.TB) *DB {
	tb.Helper()
	return mustOpenWith(tb, filepath.Join(tb.TempDir(), "quoth.db"), options{})
}

// mustOpenWith opens the database at path with options o, closed when the
// test ends.
func mustOpenWith(tb testing.TB, path string, o options) *DB {
	tb.Helper()
	db, err := open(path, o)
	if err != nil {
		tb.Fatal(err)
	}
	db.Now = clock()
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

// clock returns a fake Now that starts at 2024-01-01 UTC and advances a
// second per call.
func clock() func() time.Time {
	t := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// mustIngest ingests docs and fails the test on error.
func mustIngest(tb testing.TB, db *DB, docs ...Document) IngestStats {
	tb.Helper()
	st, err := db.Ingest(context.Background(), docs)
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// newArticle returns a sealed article made of paragraphs.
func newArticle(outlet, url, title string, published time.Time, paras ...string) *sources.Article {
	a := &sources.Article{Outlet: outlet, URL: url, Title: title, Published: published,
		Origin: "test/" + title, Format: "txt"}
	for i, p := range paras {
		if i > 0 {
			a.Text += "\n\n"
		}
		a.Paragraphs = append(a.Paragraphs, sources.Paragraph{Start: len(a.Text), End: len(a.Text) + len(p)})
		a.Text += p
	}
	a.Seal()
	return a
}

// quoteOf returns the quote of text in a, attributed to name as mention.
// text must occur in a.
func quoteOf(a *sources.Article, text, name, mention string) quotes.Quote {
	start := strings.Index(a.Text, text)
	if start < 0 {
		panic(fmt.Sprintf("%q not in article %q", text, a.Title))
	}
	block := 0
	for i, p := range a.Paragraphs {
		if p.Start <= start && start < p.End {
			block = i
		}
	}
	q := quotes.Quote{Text: text, Start: start, End: start + len(text), Block: block, Kind: quotes.Partial}
	if name != "" {
		q.Speaker = quotes.Attribution{Name: name, Mention: mention, Cue: "said",
			Method: quotes.Explicit, Confidence: 0.9}
	}
	return q
}

// textsOf returns the texts of qs, nil if there are none.
func textsOf(qs []StoredQuote) []string {
	var texts []string
	for _, q := range qs {
		texts = append(texts, q.Text)
	}
	return texts
}

// count returns the number of rows in table, read directly.
func count(tb testing.TB, db *DB, table string) int {
	tb.Helper()
	var n int
	// table is a constant of the test, never input.
	if err := db.ro.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// childSpec tells a child process what to ingest.
type childSpec struct {
	DB      string // database path
	First   int    // number of the first generated document
	Batches int    // number of Ingest calls
	Size    int    // documents per call
	NoFTS   bool   // behave like a binary without FTS5
}

// childResult is what a child process prints on success.
type childResult struct {
	Stats IngestStats
	FTS   bool
}

// runChild ingests generated documents as spec (JSON) says, prints a
// childResult as JSON and returns the exit code.
func runChild(spec string) int {
	var s childSpec
	if err := json.Unmarshal([]byte(spec), &s); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	res, err := ingestGenerated(s)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		return 1
	}
	return 0
}

// ingestGenerated opens the database of s and ingests its documents.
func ingestGenerated(s childSpec) (childResult, error) {
	db, err := open(s.DB, options{noFTS: s.NoFTS})
	if err != nil {
		return childResult{}, err
	}
	res := childResult{FTS: db.FTS()}
	for b := range s.Batches {
		docs := make([]Document, s.Size)
		for i := range docs {
			docs[i] = genDocument(s.First + b*s.Size + i)
		}
		st, err := db.Ingest(context.Background(), docs)
		if err != nil {
			db.Close()
			return res, fmt.Errorf("batch %d: %w", b, err)
		}
		res.Stats = res.Stats.add(st)
	}
	return res, db.Close()
}

// add returns the sum of two IngestStats.
func (s IngestStats) add(t IngestStats) IngestStats {
	return IngestStats{New: s.New + t.New, Updated: s.Updated + t.Updated,
		Unchanged: s.Unchanged + t.Unchanged, Quotes: s.Quotes + t.Quotes}
}

func TestOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quoth.db")
	db := mustOpenWith(t, path, options{})
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", fmt.Sprint(busyTimeout.Milliseconds())},
		{"user_version", fmt.Sprint(len(ms))},
	} {
		var got string
		if err := db.rw.QueryRow("PRAGMA " + c.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
	if db.FTS() != builtWithFTS {
		t.Errorf("FTS() = %v in a build with FTS5 %v", db.FTS(), builtWithFTS)
	}
	if hint := db.FTSHint(); (hint == "") != db.FTS() || strings.Contains(hint, "\n") {
		t.Errorf("FTSHint() = %q with FTS() = %v", hint, db.FTS())
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database file not created: %v", err)
	}
}

func TestOpen_reopens_an_existing_database(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quoth.db")
	db := mustOpenWith(t, path, options{})
	a := newArticle("Dawn", "https://dawn.example/1", "One", time.Time{}, `He said "hello there".`)
	mustIngest(t, db, Document{Article: a, Quotes: []quotes.Quote{quoteOf(a, "hello there", "Tom West", "he")}})
	db.Close()
	db = mustOpenWith(t, path, options{})
	arts, err := db.Articles(context.Background(), ArticleFilter{})
	if err != nil || len(arts) != 1 || arts[0].Quotes != 1 {
		t.Fatalf("Articles() = %v, %v; want the one article with one quote", arts, err)
	}
}

func TestOpen_path_with_URI_characters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a?b#c%20d.db")
	mustOpenWith(t, path, options{})
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not created under its exact name: %v", err)
	}
}

func TestOpen_fails(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		path string
	}{
		{"empty_path", ""},
		{"file_that_is_not_a_database", garbage},
		{"missing_directory", filepath.Join(dir, "no", "such", "dir", "quoth.db")},
	} {
		t.Run(c.name, func(t *testing.T) {
			db, err := Open(c.path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			if c.path != "" && !strings.Contains(err.Error(), c.path) {
				t.Errorf("error %q does not name the path", err)
			}
		})
	}
}

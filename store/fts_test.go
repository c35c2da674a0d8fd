package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quoth-dev/quoth/quotes"
)

func TestSearchTerms(t *testing.T) {
	for _, c := range []struct {
		in    string
		terms []string
		fts   string
	}{
		{"grave threat", []string{"grave", "threat"}, `"grave" "threat"`},
		{`grave "threat`, []string{"grave", "threat"}, `"grave" "threat"`},
		{`AND OR ( NOT`, []string{"and", "or", "not"}, `"and" "or" "not"`},
		{`a"b`, []string{`a"b`}, `"a""b"`},
		{"Don’t  STOP…", []string{"don't", "stop"}, `"don't" "stop"`},
		{`* - ^ : ""`, nil, ""},
		{"", nil, ""},
	} {
		terms := searchTerms(c.in)
		if !reflect.DeepEqual(terms, c.terms) {
			t.Errorf("searchTerms(%q) = %q, want %q", c.in, terms, c.terms)
		}
		if q := ftsQuery(terms, 0); q != c.fts {
			t.Errorf("ftsQuery(%q) = %s, want %s", terms, q, c.fts)
		}
	}
}

// checkFTS fails the test if quotes_fts does not match the quotes table,
// using FTS5's own integrity check.
func checkFTS(tb testing.TB, db *DB) {
	tb.Helper()
	if !db.FTS() {
		return
	}
	if _, err := db.rw.Exec("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		tb.Errorf("quotes_fts integrity: %v", err)
	}
}

// isStale reports whether quotes_fts is marked stale.
func isStale(tb testing.TB, db *DB) bool {
	tb.Helper()
	stale, err := ftsStale(context.Background(), db.ro)
	if err != nil {
		tb.Fatal(err)
	}
	return stale
}

// searchTexts returns the sorted texts of the quotes db finds for search.
func searchTexts(tb testing.TB, db *DB, search string) []string {
	tb.Helper()
	qs, err := db.Quotes(context.Background(), QuoteFilter{Search: search})
	if err != nil {
		tb.Fatal(err)
	}
	texts := textsOf(qs)
	slices.Sort(texts)
	return texts
}

func TestFTS_index_follows_updates(t *testing.T) {
	db := mustOpen(t)
	if !db.FTS() {
		t.Skip("no FTS5 in this build")
	}
	tribune, tribune2, dawn := envoyArticles()
	mustIngest(t, db, tribune, dawn)
	checkFTS(t, db)
	mustIngest(t, db, tribune2)
	checkFTS(t, db)
	if got := searchTexts(t, db, "stand"); got != nil {
		t.Errorf("replaced quote still found: %q", got)
	}
	if got := searchTexts(t, db, "support"); !reflect.DeepEqual(got, []string{"Pakistan has our support."}) {
		t.Errorf("new quote not found: %q", got)
	}
}

func TestFTS_quotes_written_without_FTS_are_indexed_later(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quoth.db")
	withFTS := mustOpenWith(t, path, options{})
	if !withFTS.FTS() {
		t.Skip("no FTS5 in this build")
	}
	tribune, tribune2, dawn := envoyArticles()
	geo := searchDocs()[2]
	mustIngest(t, withFTS, tribune)

	// A binary without FTS5 updates one article and adds another.
	without := mustOpenWith(t, path, options{noFTS: true})
	mustIngest(t, without, tribune2, dawn)
	if !isStale(t, withFTS) {
		t.Fatal("index not marked stale")
	}

	check := func(when string, db *DB, fts bool) {
		t.Helper()
		for search, want := range map[string][]string{
			"stand":       nil,
			"support":     {"Pakistan has our support."},
			"partnership": {"We seek a strong partnership with Pakistan."},
		} {
			if got := searchTexts(t, db, search); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: search %q = %q, want %q", when, search, got, want)
			}
		}
		// Only the fallback finds a word inside a longer one: this tells
		// which search ran.
		if got := searchTexts(t, db, "exaggerat"); (got == nil) != fts {
			t.Errorf("%s: used FTS5 = %v, want %v", when, got == nil, fts)
		}
	}
	check("while stale, a handle with FTS5 searches without it", withFTS, false)

	mustIngest(t, withFTS, geo) // rebuilds first
	if isStale(t, withFTS) {
		t.Error("index still stale after an Ingest with FTS5")
	}
	checkFTS(t, withFTS)
	check("after the rebuild", withFTS, true)

	// Stale again; this time Open rebuilds.
	more := newArticle("Dawn", "", "More", time.Time{}, `"Calm," he said.`)
	mustIngest(t, without, Document{Article: more, Quotes: []quotes.Quote{quoteOf(more, "Calm,", "Tom West", "he")}})
	if !isStale(t, withFTS) {
		t.Fatal("index not marked stale")
	}
	reopened := mustOpenWith(t, path, options{})
	if isStale(t, reopened) {
		t.Error("index still stale after Open")
	}
	checkFTS(t, reopened)
	check("after Open", reopened, true)
}

func TestFTS_database_shared_with_a_build_without_FTS(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a second test binary")
	}
	if !builtWithFTS {
		t.Skip("run with -tags sqlite_fts5 to test sharing with a build without it")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the binary without FTS5")
	}
	bin := filepath.Join(t.TempDir(), "nofts.test")
	// -tags= overrides any tags in GOFLAGS.
	if out, err := exec.Command(goTool, "test", "-c", "-tags=", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build without FTS5: %v\n%s", err, out)
	}

	path := filepath.Join(t.TempDir(), "quoth.db")
	db := mustOpenWith(t, path, options{}) // creates quotes_fts
	// An earlier version of a story the child will store, so that the
	// child also replaces indexed quotes.
	earlier := genDocument(1000)
	a := *earlier.Article
	a.Text += "\n\nThis story has been corrected."
	a.Seal()
	earlier.Article = &a
	mustIngest(t, db, append(searchDocs(), earlier)...)

	// The other build opens the database, quotes_fts and all, and writes.
	spec := childSpec{DB: path, First: 1000, Batches: 3, Size: 5}
	res := runChildProcess(t, bin, spec)
	if want := (IngestStats{New: 14, Updated: 1, Quotes: 15 * 8}); res.FTS || res.Stats != want {
		t.Fatalf("child without FTS5: %+v, want FTS false and %+v", res, want)
	}
	want := genDocument(1003).Quotes[2].Text
	words := strings.Join(strings.Fields(want)[:4], " ")
	if got := searchTexts(t, db, words); !slices.Contains(got, want) {
		t.Errorf("open handle: search %q = %q, want %q among them", words, got, want)
	}
	reopened := mustOpenWith(t, path, options{})
	checkFTS(t, reopened)
	if got := searchTexts(t, reopened, words); !slices.Contains(got, want) {
		t.Errorf("after reopening: search %q = %q, want %q among them", words, got, want)
	}
}

// runChildProcess runs bin as a child that ingests as spec says, and
// returns what it reports.
func runChildProcess(t *testing.T, bin string, spec childSpec) childResult {
	t.Helper()
	cmd := childCommand(t, bin, spec)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child %+v: %v\n%s", spec, err, cmd.Stderr)
	}
	res, err := decodeChildResult(string(out))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// decodeChildResult reads what a child printed.
func decodeChildResult(out string) (childResult, error) {
	var res childResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		return res, fmt.Errorf("child output %q: %w", out, err)
	}
	return res, nil
}

// childCommand returns the command that runs bin as a child ingesting as
// spec says, with its standard error collected in a buffer.
func childCommand(t *testing.T, bin string, spec childSpec) *exec.Cmd {
	t.Helper()
	b, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), childEnv+"="+string(b))
	cmd.Stderr = new(strings.Builder)
	return cmd
}

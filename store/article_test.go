package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/sources"
)

// pkt is Pakistan Standard Time.
var pkt = time.FixedZone("PKT", 5*3600)

// envoyArticles returns two versions of one Tribune story (same URL,
// different text) and a Dawn story.
func envoyArticles() (tribune, tribune2, dawn Document) {
	t := newArticle("The Express Tribune", "https://tribune.com.pk/story/1", "Envoy warns of TTP threat",
		time.Date(2023, 12, 20, 10, 0, 0, 0, pkt),
		`US envoy Tom West said the militants posed a "grave threat" to the region.`,
		`West wrote on X of "grave security challenges posed by TTP" and said "we stand with Pakistan".`)
	t2 := newArticle("The Express Tribune", "https://tribune.com.pk/story/1", "Envoy warns of TTP threat (updated)",
		time.Date(2023, 12, 20, 12, 0, 0, 0, pkt),
		`West wrote on X of "grave security challenges posed by TTP".`,
		`The envoy added: "Pakistan has our support."`)
	d := newArticle("Dawn", "https://dawn.com/news/2", "US says in contact with Pakistan",
		time.Date(2023, 12, 21, 9, 0, 0, 0, pkt),
		`A State Department spokesperson said: "We seek a strong partnership with Pakistan."`,
		`Threats were "exaggerated", an official said.`)
	tribune = Document{Article: t, Quotes: []quotes.Quote{
		quoteOf(t, "grave threat", "Tom West", "US envoy Tom West"),
		quoteOf(t, "grave security challenges posed by TTP", "Tom West", "West"),
		quoteOf(t, "we stand with Pakistan", "Tom West", "West"),
	}}
	tribune2 = Document{Article: t2, Quotes: []quotes.Quote{
		quoteOf(t2, "grave security challenges posed by TTP", "Tom West", "West"),
		quoteOf(t2, "Pakistan has our support.", "Tom West", "The envoy"),
	}}
	dawn = Document{Article: d, Quotes: []quotes.Quote{
		quoteOf(d, "We seek a strong partnership with Pakistan.", "State Department", "A State Department spokesperson"),
		quoteOf(d, "exaggerated", "", ""),
	}}
	return tribune, tribune2, dawn
}

func TestIngest(t *testing.T) {
	tribune, tribune2, dawn := envoyArticles()
	unsealed := *dawn.Article
	unsealed.Hash, unsealed.ID = "", ""
	for _, c := range []struct {
		name    string
		batches [][]Document
		want    []IngestStats // per batch
		quotes  int           // stored at the end
	}{
		{"new_articles_are_stored",
			[][]Document{{tribune, dawn}},
			[]IngestStats{{New: 2, Quotes: 5}}, 5},
		{"same_hash_again_is_unchanged",
			[][]Document{{tribune}, {tribune}},
			[]IngestStats{{New: 1, Quotes: 3}, {Unchanged: 1}}, 3},
		{"same_article_twice_in_one_batch_is_stored_once",
			[][]Document{{dawn, dawn}},
			[]IngestStats{{New: 1, Unchanged: 1, Quotes: 2}}, 2},
		{"same_url_with_new_text_replaces_the_quotes",
			[][]Document{{tribune, dawn}, {tribune2}},
			[]IngestStats{{New: 2, Quotes: 5}, {Updated: 1, Quotes: 2}}, 4},
		{"older_version_after_newer_is_an_update_too",
			[][]Document{{tribune2}, {tribune}},
			[]IngestStats{{New: 1, Quotes: 2}, {Updated: 1, Quotes: 3}}, 3},
		{"article_without_hash_is_hashed",
			[][]Document{{{Article: &unsealed, Quotes: dawn.Quotes}}, {dawn}},
			[]IngestStats{{New: 1, Quotes: 2}, {Unchanged: 1}}, 2},
		{"empty_batch_does_nothing",
			[][]Document{nil},
			[]IngestStats{{}}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := mustOpen(t)
			for i, docs := range c.batches {
				if got := mustIngest(t, db, docs...); got != c.want[i] {
					t.Errorf("batch %d: stats = %+v, want %+v", i, got, c.want[i])
				}
			}
			if got := count(t, db, "quotes"); got != c.quotes {
				t.Errorf("%d quotes stored, want %d", got, c.quotes)
			}
		})
	}
}

func TestIngest_unchanged_article_writes_nothing(t *testing.T) {
	db := mustOpen(t)
	tribune, _, _ := envoyArticles()
	mustIngest(t, db, tribune)
	before, _ := db.Articles(context.Background(), ArticleFilter{})
	walBefore := fileSize(t, db.path+"-wal")

	mustIngest(t, db, tribune)

	after, _ := db.Articles(context.Background(), ArticleFilter{})
	if !reflect.DeepEqual(before, after) {
		t.Errorf("article changed:\n%+v\n%+v", before, after)
	}
	if w := fileSize(t, db.path+"-wal"); w != walBefore {
		t.Errorf("WAL grew from %d to %d bytes", walBefore, w)
	}
}

// fileSize returns the size of the file at path.
func fileSize(tb testing.TB, path string) int64 {
	tb.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return fi.Size()
}

func TestIngest_update_keeps_the_key_and_replaces_the_row(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	tribune, tribune2, _ := envoyArticles()
	mustIngest(t, db, tribune)
	old, oldQuotes, err := db.Article(ctx, tribune.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, db, tribune2)
	got, gotQuotes, err := db.Article(ctx, tribune2.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Key != old.Key || got.Title != tribune2.Article.Title || got.Hash != tribune2.Article.Hash {
		t.Errorf("updated article = key %d %q %s, want key %d %q %s",
			got.Key, got.Title, got.Hash, old.Key, tribune2.Article.Title, tribune2.Article.Hash)
	}
	if !got.IngestedAt.After(old.IngestedAt) {
		t.Errorf("IngestedAt %v not after %v", got.IngestedAt, old.IngestedAt)
	}
	if want := []string{"grave security challenges posed by TTP", "Pakistan has our support."}; !reflect.DeepEqual(textsOf(gotQuotes), want) {
		t.Errorf("quotes = %q, want %q", textsOf(gotQuotes), want)
	}
	for _, q := range gotQuotes {
		for _, o := range oldQuotes {
			if q.Key == o.Key {
				t.Errorf("quote key %d reused", q.Key)
			}
		}
	}
	if _, _, err := db.Article(ctx, tribune.Article.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("old version still found: %v", err)
	}
}

func TestIngest_failure_rolls_back_the_whole_batch(t *testing.T) {
	ctx := context.Background()
	tribune, _, dawn := envoyArticles()
	bad := dawn
	bad.Quotes = append([]quotes.Quote(nil), dawn.Quotes...)
	bad.Quotes[1].Start, bad.Quotes[1].End = 10, 5 // end before start
	for _, c := range []struct {
		name       string
		docs       []Document
		constraint bool
	}{
		{"quote_span_violates_a_check", []Document{tribune, bad}, true},
		{"document_without_article", []Document{tribune, {}}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := mustOpen(t)
			st, err := db.Ingest(ctx, c.docs)
			if err == nil {
				t.Fatal("Ingest succeeded")
			}
			if st != (IngestStats{}) {
				t.Errorf("stats = %+v after a failure", st)
			}
			var se sqlite3.Error
			if got := errors.As(err, &se) && se.Code == sqlite3.ErrConstraint; got != c.constraint {
				t.Errorf("error %v: constraint violation %v, want %v", err, got, c.constraint)
			}
			if !strings.Contains(err.Error(), "document 1") {
				t.Errorf("error %q does not say which document", err)
			}
			for _, table := range []string{"articles", "outlets", "speakers", "speaker_aliases", "quotes"} {
				if n := count(t, db, table); n != 0 {
					t.Errorf("%d rows left in %s", n, table)
				}
			}
			// The database is still usable.
			if st := mustIngest(t, db, tribune); st.New != 1 {
				t.Errorf("ingest after failure: %+v", st)
			}
		})
	}
}

func TestIngest_honours_a_cancelled_context(t *testing.T) {
	db := mustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tribune, _, _ := envoyArticles()
	if _, err := db.Ingest(ctx, []Document{tribune}); !errors.Is(err, context.Canceled) {
		t.Errorf("Ingest = %v, want context.Canceled", err)
	}
	if n := count(t, db, "articles"); n != 0 {
		t.Errorf("%d articles stored", n)
	}
}

func TestArticles(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	tribune, _, dawn := envoyArticles()
	undated := newArticle("Dawn", "", "Undated", time.Time{}, `No date here.`)
	undated2 := newArticle("dawn", "", "Undated too", time.Time{}, `No date here either.`)
	older := newArticle("Reuters", "https://reuters.com/1", "Older", time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), `Old news.`)
	mustIngest(t, db, Document{Article: undated}, tribune, Document{Article: undated2}, dawn, Document{Article: older})

	for _, c := range []struct {
		name string
		f    ArticleFilter
		want []string
	}{
		{"newest_first_undated_last_in_order_stored", ArticleFilter{},
			[]string{"US says in contact with Pakistan", "Envoy warns of TTP threat", "Older", "Undated", "Undated too"}},
		{"outlet_ignores_case", ArticleFilter{Outlet: "DAWN"},
			[]string{"US says in contact with Pakistan", "Undated", "Undated too"}},
		{"limit", ArticleFilter{Limit: 2},
			[]string{"US says in contact with Pakistan", "Envoy warns of TTP threat"}},
		{"unknown_outlet_finds_nothing", ArticleFilter{Outlet: "Nowhere"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			arts, err := db.Articles(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range arts {
				got = append(got, a.Title)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("titles = %q, want %q", got, c.want)
			}
		})
	}
}

func TestArticle_round_trip(t *testing.T) {
	db := mustOpen(t)
	tribune, _, _ := envoyArticles()
	in := *tribune.Article
	in.Byline = "Our correspondent"
	in.Paragraphs[1].Kind = sources.Quotation
	mustIngest(t, db, Document{Article: &in, Quotes: tribune.Quotes})

	got, qs, err := db.Article(context.Background(), in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published.Equal(in.Published) || got.Published.Format(time.RFC3339) != in.Published.Format(time.RFC3339) {
		t.Errorf("Published = %v, want %v", got.Published, in.Published)
	}
	if want := time.Date(2024, 1, 1, 0, 0, 1, 0, time.UTC); !got.IngestedAt.Equal(want) {
		t.Errorf("IngestedAt = %v, want %v (from Now)", got.IngestedAt, want)
	}
	want := in
	want.Published = got.Published // compared above
	if !reflect.DeepEqual(got.Article, want) {
		t.Errorf("article = %+v\nwant %+v", got.Article, want)
	}
	if got.Quotes != 3 || len(qs) != 3 {
		t.Errorf("Quotes = %d, %d quotes returned; want 3", got.Quotes, len(qs))
	}
}

// hashPrefixes returns texts whose SHA-256 hashes share their first 4 hex
// digits, and a text whose hash starts with 4 decimal digits, the first
// not 0.
func hashPrefixes() (twins [2]string, digits string) {
	prefix := func(text string) string {
		sum := sha256.Sum256([]byte(text))
		return hex.EncodeToString(sum[:])[:4]
	}
	seen := map[string]string{}
	for i := 0; twins[0] == ""; i++ {
		text := fmt.Sprintf("Article number %d.", i)
		if other, ok := seen[prefix(text)]; ok {
			twins = [2]string{other, text}
		}
		seen[prefix(text)] = text
	}
	for i := 0; digits == ""; i++ {
		text := fmt.Sprintf("Digits %d.", i)
		if p := prefix(text); p[0] != '0' && strings.Trim(p, "0123456789") == "" {
			digits = text
		}
	}
	return twins, digits
}

func TestArticle_reference(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	twins, digits := hashPrefixes()
	a1 := newArticle("Dawn", "", "Twin one", time.Time{}, twins[0])
	a2 := newArticle("Dawn", "", "Twin two", time.Time{}, twins[1])
	a3 := newArticle("Dawn", "", "Digits", time.Time{}, digits)
	mustIngest(t, db, Document{Article: a1}, Document{Article: a2}, Document{Article: a3})

	for _, c := range []struct {
		name  string
		ref   string
		title string // "" when an error is wanted
		err   error
	}{
		{"key", "1", "Twin one", nil},
		{"key_with_spaces", " 3 ", "Digits", nil},
		{"full_hash", a2.Hash, "Twin two", nil},
		{"id", a2.ID, "Twin two", nil},
		{"upper_case_prefix", strings.ToUpper(a3.ID[:6]), "Digits", nil},
		{"number_that_is_no_key_is_a_prefix", a3.Hash[:4], "Digits", nil},
		{"shared_prefix_is_ambiguous", a1.Hash[:4], "", ErrAmbiguous},
		{"too_short_prefix", a1.Hash[:3], "", ErrNotFound},
		{"not_hex", "zzzzzz", "", ErrNotFound},
		{"unknown_key", "99", "", ErrNotFound},
		{"unknown_prefix", unknownPrefix(a1, a2, a3), "", ErrNotFound},
		{"empty", "", "", ErrNotFound},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, _, err := db.Article(ctx, c.ref)
			switch {
			case c.err != nil && !errors.Is(err, c.err):
				t.Errorf("Article(%q) error = %v, want %v", c.ref, err, c.err)
			case c.err == nil && err != nil:
				t.Errorf("Article(%q): %v", c.ref, err)
			case c.err == nil && a.Title != c.title:
				t.Errorf("Article(%q) = %q, want %q", c.ref, a.Title, c.title)
			}
		})
	}
	_, _, err := db.Article(ctx, a1.Hash[:4])
	if !strings.Contains(err.Error(), a1.ID) || !strings.Contains(err.Error(), a2.ID) {
		t.Errorf("ambiguity error %q does not list the candidates", err)
	}
}

// unknownPrefix returns a 6-digit hash prefix none of arts has.
func unknownPrefix(arts ...*sources.Article) string {
	for i := 0; ; i++ {
		p := fmt.Sprintf("%06x", i)
		taken := false
		for _, a := range arts {
			taken = taken || strings.HasPrefix(a.Hash, p)
		}
		if !taken {
			return p
		}
	}
}

func TestCountArticles(t *testing.T) {
	db := mustOpen(t)
	tribune, tribune2, dawn := envoyArticles()
	mustIngest(t, db, tribune, dawn)
	mustIngest(t, db, tribune2) // a new version of the Tribune story, same URL
	arts, outlets, err := db.CountArticles(context.Background())
	if err != nil || arts != 2 || outlets != 2 {
		t.Errorf("CountArticles = %d, %d, %v; want 2 articles from 2 outlets", arts, outlets, err)
	}
}

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/sources"
)

// Document is one article and the quotations found in it, as Ingest takes
// them.
type Document struct {
	Article *sources.Article
	Quotes  []quotes.Quote
}

// IngestStats counts what one call of Ingest did.
type IngestStats struct {
	New       int // articles stored for the first time
	Updated   int // articles stored before under the same URL with other content
	Unchanged int // articles stored before with the same hash: nothing written
	Quotes    int // quotes stored
}

// StoredArticle is an article as stored.
type StoredArticle struct {
	// Key identifies the article in this database.
	Key int64
	sources.Article
	// Quotes is the number of quotes stored for it.
	Quotes int
	// IngestedAt is when this version was stored, in UTC.
	IngestedAt time.Time
}

// ArticleFilter selects articles. Its zero value selects them all.
type ArticleFilter struct {
	// Outlet keeps the articles of this outlet, compared ignoring case.
	Outlet string
	// Limit, if positive, is the most articles to return.
	Limit int
}

// Ingest stores articles and their quotes, all in one transaction: if any
// document fails, nothing of the batch is stored.
//
// An article whose hash is already stored is left as it is (Unchanged).
// One whose URL is stored with another hash replaces that version, and its
// quotes replace the old version's quotes (Updated). Any other is New. An
// article without a Hash is hashed from its Text. Outlets and speakers are
// created as needed; a speaker is identified by its normalised name, and
// each way it was mentioned is kept as an alias.
func (db *DB) Ingest(ctx context.Context, docs []Document) (IngestStats, error) {
	if len(docs) == 0 {
		return IngestStats{}, nil
	}
	tx, err := db.rw.BeginTx(ctx, nil)
	if err != nil {
		return IngestStats{}, fmt.Errorf("ingest: %w", err)
	}
	defer tx.Rollback()
	if db.fts {
		if err := refreshFTS(ctx, tx, false); err != nil {
			return IngestStats{}, fmt.Errorf("ingest: rebuild search index: %w", err)
		}
	}
	in := newIngestion(db.now(), db.fts)
	for i, d := range docs {
		if err := ingestDocument(ctx, tx, in, d); err != nil {
			return IngestStats{}, fmt.Errorf("ingest document %d (%s): %w", i, docName(d), err)
		}
	}
	if !db.fts && in.stats.Quotes+in.stats.Updated > 0 { // quotes written or deleted
		if err := markFTSStale(ctx, tx); err != nil {
			return IngestStats{}, fmt.Errorf("ingest: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return IngestStats{}, fmt.Errorf("ingest: commit: %w", err)
	}
	return in.stats, nil
}

// ingestion is the state of one Ingest call.
type ingestion struct {
	now   time.Time // stamped on the articles
	fts   bool      // maintain quotes_fts
	stats IngestStats
	// speakers and aliases remember what this call has stored, to spare
	// repeated statements: most quotes of an article share a speaker.
	speakers map[string]speaker // by normalised name
	aliases  map[alias]bool
}

// speaker is a stored speaker.
type speaker struct {
	key  int64
	role string
}

// alias is a stored alias of a speaker.
type alias struct {
	speaker int64
	alias   string
}

// newIngestion returns the state of an Ingest call that started at now.
func newIngestion(now time.Time, fts bool) *ingestion {
	return &ingestion{now: now, fts: fts, speakers: map[string]speaker{}, aliases: map[alias]bool{}}
}

// docName names a document in errors.
func docName(d Document) string {
	switch a := d.Article; {
	case a == nil:
		return "no article"
	case a.Origin != "":
		return a.Origin
	case a.URL != "":
		return a.URL
	}
	return d.Article.ID
}

// ingestDocument stores one document and counts what it did.
func ingestDocument(ctx context.Context, tx *sql.Tx, in *ingestion, d Document) error {
	if d.Article == nil {
		return errors.New("document has no article")
	}
	a := *d.Article
	if a.Hash == "" {
		a.Seal()
	}
	if _, ok, err := articleKeyByHash(ctx, tx, a.Hash); err != nil || ok {
		if ok {
			in.stats.Unchanged++
		}
		return err
	}
	outlet, err := upsertOutlet(ctx, tx, a.Outlet)
	if err != nil {
		return err
	}
	key, ok, err := articleKeyByURL(ctx, tx, a.URL)
	switch {
	case err != nil:
		return err
	case ok:
		err = replaceArticle(ctx, tx, key, outlet, &a, in.now, in.fts)
		in.stats.Updated++
	default:
		key, err = insertArticle(ctx, tx, outlet, &a, in.now)
		in.stats.New++
	}
	if err != nil {
		return err
	}
	return insertQuotes(ctx, tx, in, key, d.Quotes)
}

// articleKeyByHash finds the article whose text has the given hash.
func articleKeyByHash(ctx context.Context, tx *sql.Tx, hash string) (int64, bool, error) {
	key, ok, err := optionalKey(ctx, tx, "SELECT id FROM articles WHERE hash = ?", hash)
	if err != nil {
		return 0, false, fmt.Errorf("find article by hash: %w", err)
	}
	return key, ok, nil
}

// articleKeyByURL finds the article stored under url. An empty url finds
// nothing.
func articleKeyByURL(ctx context.Context, tx *sql.Tx, url string) (int64, bool, error) {
	if url == "" {
		return 0, false, nil
	}
	// "url <> ''" lets SQLite use the partial index articles_url.
	key, ok, err := optionalKey(ctx, tx, "SELECT id FROM articles WHERE url = ? AND url <> ''", url)
	if err != nil {
		return 0, false, fmt.Errorf("find article by URL: %w", err)
	}
	return key, ok, nil
}

// upsertOutlet returns the key of the outlet named name, creating it if
// needed. Names are compared ignoring case.
func upsertOutlet(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	key, ok, err := optionalKey(ctx, tx, "SELECT id FROM outlets WHERE name = ?", name)
	if err == nil && !ok {
		err = tx.QueryRowContext(ctx, "INSERT INTO outlets (name) VALUES (?) RETURNING id", name).Scan(&key)
	}
	if err != nil {
		return 0, fmt.Errorf("outlet %q: %w", name, err)
	}
	return key, nil
}

// optionalKey runs query, which selects at most one key, and reports
// whether it found one.
func optionalKey(ctx context.Context, tx *sql.Tx, query string, args ...any) (int64, bool, error) {
	var key int64
	err := tx.QueryRowContext(ctx, query, args...).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return key, err == nil, err
}

// articleColumns lists the columns insertArticle and replaceArticle set, in
// the order of articleValues.
const articleColumns = `outlet_id, url, title, byline, published, published_offset,
	text, paragraphs, hash, origin, format, ingested_at`

// articleValues returns the values of articleColumns for a.
func articleValues(outlet int64, a *sources.Article, now time.Time) ([]any, error) {
	paras, err := encodeParagraphs(a.Paragraphs)
	if err != nil {
		return nil, err
	}
	return []any{outlet, a.URL, a.Title, a.Byline, formatTime(a.Published), zoneOffset(a.Published),
		a.Text, paras, a.Hash, a.Origin, a.Format, formatTime(now)}, nil
}

// insertArticle stores a new article and returns its key.
func insertArticle(ctx context.Context, tx *sql.Tx, outlet int64, a *sources.Article, now time.Time) (int64, error) {
	vals, err := articleValues(outlet, a, now)
	if err != nil {
		return 0, err
	}
	var key int64
	err = tx.QueryRowContext(ctx, `INSERT INTO articles (`+articleColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, vals...).Scan(&key)
	if err != nil {
		return 0, fmt.Errorf("insert article: %w", err)
	}
	return key, nil
}

// replaceArticle overwrites the stored article key with a and deletes its
// quotes.
func replaceArticle(ctx context.Context, tx *sql.Tx, key, outlet int64, a *sources.Article, now time.Time, fts bool) error {
	vals, err := articleValues(outlet, a, now)
	if err != nil {
		return err
	}
	if err := deleteQuotes(ctx, tx, key, fts); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE articles SET (`+articleColumns+`)
		= (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?`, append(vals, key)...)
	if err != nil {
		return fmt.Errorf("update article %d: %w", key, err)
	}
	return nil
}

// encodeParagraphs returns paragraphs as stored: a JSON array of
// [start, end, kind] triples.
func encodeParagraphs(ps []sources.Paragraph) (string, error) {
	spans := make([][3]int, len(ps))
	for i, p := range ps {
		spans[i] = [3]int{p.Start, p.End, int(p.Kind)}
	}
	b, err := json.Marshal(spans)
	return string(b), err
}

// decodeParagraphs reads paragraphs stored by encodeParagraphs.
func decodeParagraphs(s string) ([]sources.Paragraph, error) {
	var spans [][3]int
	if err := json.Unmarshal([]byte(s), &spans); err != nil {
		return nil, fmt.Errorf("stored paragraphs: %w", err)
	}
	ps := make([]sources.Paragraph, len(spans))
	for i, sp := range spans {
		ps[i] = sources.Paragraph{Start: sp[0], End: sp[1], Kind: sources.ParagraphKind(sp[2])}
	}
	return ps, nil
}

// CountArticles returns how many articles are stored, and from how many
// outlets, without reading them.
func (db *DB) CountArticles(ctx context.Context) (articles, outlets int, err error) {
	err = db.ro.QueryRowContext(ctx, "SELECT count(*), count(DISTINCT outlet_id) FROM articles").Scan(&articles, &outlets)
	if err != nil {
		return 0, 0, fmt.Errorf("count articles: %w", err)
	}
	return articles, outlets, nil
}

// Articles returns the stored articles that f selects, the newest
// published first (those with no date last), then in the order stored.
func (db *DB) Articles(ctx context.Context, f ArticleFilter) ([]StoredArticle, error) {
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer tx.Rollback()
	arts, err := findArticles(ctx, tx, f, 0)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return arts, nil
}

// Article returns one stored article and its quotes in text order. ref is
// the article's key ("12") or a prefix of at least 4 hex digits of its
// hash (and so of its ID). A number that is no key is tried as a prefix.
// It fails with ErrNotFound if nothing matches, and with ErrAmbiguous if a
// prefix matches several articles.
func (db *DB) Article(ctx context.Context, ref string) (*StoredArticle, []StoredQuote, error) {
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", ref, err)
	}
	defer tx.Rollback()
	key, err := resolveArticle(ctx, tx, ref)
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", ref, err)
	}
	arts, err := findArticles(ctx, tx, ArticleFilter{}, key)
	if err == nil && len(arts) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", ref, err)
	}
	qs, err := findQuotes(ctx, tx, QuoteFilter{Article: key}, false)
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", ref, err)
	}
	return &arts[0], qs, nil
}

// minPrefix is the fewest hex digits that make a hash prefix.
const minPrefix = 4

// resolveArticle returns the key of the article ref names.
func resolveArticle(ctx context.Context, tx *sql.Tx, ref string) (int64, error) {
	ref = strings.ToLower(strings.TrimSpace(ref))
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil {
		if key, ok, err := optionalKey(ctx, tx, "SELECT id FROM articles WHERE id = ?", n); err != nil || ok {
			return key, err
		}
	}
	if len(ref) < minPrefix || strings.Trim(ref, "0123456789abcdef") != "" {
		return 0, fmt.Errorf("%w: no article key or hash prefix of %d or more hex digits", ErrNotFound, minPrefix)
	}
	return articleByHashPrefix(ctx, tx, ref)
}

// articleByHashPrefix returns the key of the one article whose hash starts
// with prefix, a string of lowercase hex digits.
func articleByHashPrefix(ctx context.Context, tx *sql.Tx, prefix string) (int64, error) {
	// Every hash that starts with prefix sorts between prefix and prefix
	// with its last digit raised by one, so the UNIQUE index on hash serves.
	upper := prefix[:len(prefix)-1] + string(prefix[len(prefix)-1]+1)
	rows, err := tx.QueryContext(ctx,
		"SELECT id, hash FROM articles WHERE hash >= ? AND hash < ? ORDER BY hash LIMIT 5", prefix, upper)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var keys []int64
	var ids []string
	for rows.Next() {
		var key int64
		var hash string
		if err := rows.Scan(&key, &hash); err != nil {
			return 0, err
		}
		keys, ids = append(keys, key), append(ids, hash[:min(16, len(hash))])
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	switch len(keys) {
	case 0:
		return 0, ErrNotFound
	case 1:
		return keys[0], nil
	}
	return 0, fmt.Errorf("%w: matches %s", ErrAmbiguous, strings.Join(ids, ", "))
}

// findArticles returns the articles f selects, or only the article key if
// key is not 0.
func findArticles(ctx context.Context, tx *sql.Tx, f ArticleFilter, key int64) ([]StoredArticle, error) {
	where, args := []string{"1 = 1"}, []any{}
	if key != 0 {
		where, args = append(where, "a.id = ?"), append(args, key)
	}
	if f.Outlet != "" {
		where, args = append(where, "o.name = ?"), append(args, f.Outlet)
	}
	args = append(args, limit(f.Limit))
	rows, err := tx.QueryContext(ctx, `
		SELECT a.id, o.name, a.url, a.title, a.byline, a.published, a.published_offset,
			a.text, a.paragraphs, a.hash, a.origin, a.format, a.ingested_at,
			(SELECT count(*) FROM quotes q WHERE q.article_id = a.id)
		FROM articles a
		JOIN outlets o ON o.id = a.outlet_id
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY a.published IS NULL, a.published DESC, a.id
		LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var arts []StoredArticle
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	return arts, rows.Err()
}

// scanArticle reads one row of findArticles.
func scanArticle(rows *sql.Rows) (StoredArticle, error) {
	var (
		a                   StoredArticle
		published, ingested sql.NullString
		offset              int
		paras               string
	)
	err := rows.Scan(&a.Key, &a.Outlet, &a.URL, &a.Title, &a.Byline, &published, &offset,
		&a.Text, &paras, &a.Hash, &a.Origin, &a.Format, &ingested, &a.Quotes)
	if err != nil {
		return a, err
	}
	if a.Published, err = parseTime(published, offset); err != nil {
		return a, err
	}
	if a.IngestedAt, err = parseTime(ingested, 0); err != nil {
		return a, err
	}
	if a.Paragraphs, err = decodeParagraphs(paras); err != nil {
		return a, err
	}
	a.ID = a.Hash[:min(16, len(a.Hash))]
	return a, nil
}

// limit returns the SQL LIMIT for n: n if positive, or -1 for no limit.
func limit(n int) int {
	if n > 0 {
		return n
	}
	return -1
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/quoth-dev/quoth/diffing"
	"github.com/quoth-dev/quoth/quotes"
)

// StoredQuote is a quote as stored, with what a listing needs to know of
// its article.
type StoredQuote struct {
	// Key identifies the quote in this database. Keys are never reused.
	Key int64
	// ArticleKey is the Key of the article the quote is in.
	ArticleKey int64
	// Quote is the quote; Speaker.Name is the speaker's canonical name
	// as first stored.
	quotes.Quote
	// SpeakerKey identifies the speaker, or is 0 for an unattributed
	// quote.
	SpeakerKey int64
	// Outlet, Title, URL and Published describe the article. Title
	// hides Quote.Title: the quote's title flag is q.Quote.Title.
	Outlet, Title, URL string
	Published          time.Time
}

// QuoteFilter selects quotes. Its zero value selects them all.
type QuoteFilter struct {
	// Speaker keeps the quotes of speakers whose canonical name, one of
	// whose aliases, or the last words of whose name, is Speaker,
	// ignoring case: "west" finds quotes of "Tom West".
	Speaker string
	// Outlet keeps the quotes in articles of this outlet, ignoring case.
	Outlet string
	// Search keeps the quotes whose text holds every word of Search, in
	// any order, and sorts them best match first. Query syntax is not
	// interpreted: every word is taken as a word.
	Search string
	// MinWords, if positive, makes Search keep the quotes that hold at
	// least MinWords of its words (or all of them, if it has fewer),
	// where with FTS5 only its four words in fewest quotes count: a loose
	// search for near-misses that stays fast on large databases.
	MinWords int
	// Article, if not 0, keeps the quotes of the article with this key.
	Article int64
	// Key, if not 0, keeps the quote with this key.
	Key int64
	// Limit, if positive, is the most quotes to return.
	Limit int
}

// HasQuotes reports whether the database holds any quote.
func (db *DB) HasQuotes(ctx context.Context) (bool, error) {
	var ok bool
	err := db.ro.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM quotes)").Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("quotes: %w", err)
	}
	return ok, nil
}

// Quotes returns the stored quotes that f selects: without a Search, the
// quotes of the newest articles first, in text order within an article;
// with one, the best matches first.
//
// With FTS5 a search matches whole words; without it (see FTS), it
// matches words inside longer words too ("war" finds "warning").
func (db *DB) Quotes(ctx context.Context, f QuoteFilter) ([]StoredQuote, error) {
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer tx.Rollback()
	useFTS := false
	// A loose search for one speaker's quotes reads that speaker's quotes
	// through its index: far fewer than a common word's.
	if db.fts && f.Search != "" && (f.Speaker == "" || f.MinWords == 0) {
		stale, err := ftsStale(ctx, tx)
		if err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		useFTS = !stale
	}
	qs, err := findQuotes(ctx, tx, f, useFTS)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return qs, nil
}

// SQL for findQuotes.
const (
	quoteColumns = `q.id, q.article_id, q.text, q.start_byte, q.end_byte, q.paragraph,
		q.kind, q.unclosed, q.title, coalesce(s.name, ''), q.role, q.mention, q.cue,
		q.channel, q.method, q.confidence, coalesce(q.speaker_id, 0),
		o.name, a.title, a.url, a.published, a.published_offset,
		q.context_before, q.context_after`
	quoteJoins = `
		JOIN articles a ON a.id = q.article_id
		JOIN outlets o ON o.id = a.outlet_id
		LEFT JOIN speakers s ON s.id = q.speaker_id`
	quoteOrder = "a.published IS NULL, a.published DESC, a.id, q.start_byte, q.id"
	// speakerMatch selects a speaker by normalised name, last words of
	// the name, or alias; it takes the normalised query four times.
	speakerMatch = `q.speaker_id IN (
		SELECT id FROM speakers WHERE norm = ? OR substr(norm, -length(?) - 1) = ' ' || ?
		UNION
		SELECT speaker_id FROM speaker_aliases WHERE norm = ?)`
	// wordsMatch keeps quotes whose normalised text holds every term of a
	// JSON array, the search without FTS5.
	wordsMatch = "NOT EXISTS (SELECT 1 FROM json_each(?) w WHERE instr(q.norm, w.value) = 0)"
	// minWordsMatch keeps quotes that hold at least some of the terms,
	// without FTS5; it takes the terms and the number.
	minWordsMatch = "(SELECT count(*) FROM json_each(?) w WHERE instr(q.norm, w.value) > 0) >= ?"
)

// findQuotes returns the quotes f selects, searching quotes_fts if useFTS
// is set.
func findQuotes(ctx context.Context, tx *sql.Tx, f QuoteFilter, useFTS bool) ([]StoredQuote, error) {
	from, order := "quotes q", quoteOrder
	where, args := []string{"1 = 1"}, []any{}
	if f.Search != "" {
		terms := searchTerms(f.Search)
		switch {
		case len(terms) == 0:
			return nil, nil // nothing to look for
		case useFTS:
			from, order = "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid", "bm25(quotes_fts), q.id"
			if f.MinWords > 0 {
				var common bool
				var err error
				if terms, common, err = rarest(ctx, tx, terms); err != nil || len(terms) == 0 {
					return nil, err
				}
				if common {
					order = "quotes_fts.rowid DESC" // the newest: ranking would read every match
				}
			}
			where, args = append(where, "quotes_fts MATCH ?"), append(args, ftsQuery(terms, f.MinWords))
		case f.MinWords > 0:
			where, args = append(where, minWordsMatch), append(args, termsJSON(terms), min(f.MinWords, len(terms)))
		default:
			where, args = append(where, wordsMatch), append(args, termsJSON(terms))
		}
	}
	if f.Speaker != "" {
		n := diffing.Normalize(f.Speaker)
		where, args = append(where, speakerMatch), append(args, n, n, n, n)
	}
	if f.Outlet != "" {
		where, args = append(where, "o.name = ?"), append(args, f.Outlet)
	}
	if f.Article != 0 {
		where, args = append(where, "q.article_id = ?"), append(args, f.Article)
	}
	if f.Key != 0 {
		where, args = append(where, "q.id = ?"), append(args, f.Key)
	}
	args = append(args, limit(f.Limit))
	rows, err := tx.QueryContext(ctx, "SELECT "+quoteColumns+" FROM "+from+quoteJoins+
		" WHERE "+strings.Join(where, " AND ")+" ORDER BY "+order+" LIMIT ?", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var qs []StoredQuote
	for rows.Next() {
		q, err := scanQuote(rows)
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	return qs, rows.Err()
}

// scanQuote reads one row of findQuotes.
func scanQuote(rows *sql.Rows) (StoredQuote, error) {
	var (
		q         StoredQuote
		sp        = &q.Speaker
		published sql.NullString
		offset    int
	)
	err := rows.Scan(&q.Key, &q.ArticleKey, &q.Text, &q.Start, &q.End, &q.Block,
		&q.Kind, &q.Unclosed, &q.Quote.Title, &sp.Name, &sp.Role, &sp.Mention, &sp.Cue,
		&sp.Channel, &sp.Method, &sp.Confidence, &q.SpeakerKey,
		&q.Outlet, &q.Title, &q.URL, &published, &offset, &q.Before, &q.After)
	if err != nil {
		return q, err
	}
	q.Published, err = parseTime(published, offset)
	return q, err
}

// insertQuotes stores the quotes of an article.
func insertQuotes(ctx context.Context, tx *sql.Tx, in *ingestion, article int64, qs []quotes.Quote) error {
	for i, q := range qs {
		speaker, err := speakerOf(ctx, tx, in, q.Speaker)
		if err == nil {
			err = insertQuote(ctx, tx, article, speaker, q)
		}
		if err != nil {
			return fmt.Errorf("quote %d at %d: %w", i, q.Start, err)
		}
		in.stats.Quotes++
	}
	if in.fts && len(qs) > 0 {
		if err := indexArticleQuotes(ctx, tx, article); err != nil {
			return fmt.Errorf("index quotes: %w", err)
		}
	}
	return nil
}

// insertQuote stores one quote.
func insertQuote(ctx context.Context, tx *sql.Tx, article int64, speaker sql.NullInt64, q quotes.Quote) error {
	sp := q.Speaker
	_, err := tx.ExecContext(ctx, `
		INSERT INTO quotes (article_id, text, norm, start_byte, end_byte, paragraph,
			kind, unclosed, title, speaker_id, role, mention, cue, channel, method, confidence,
			context_before, context_after)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		article, q.Text, diffing.Normalize(q.Text), q.Start, q.End, q.Block,
		string(q.Kind), q.Unclosed, q.Title, speaker, sp.Role, sp.Mention, sp.Cue,
		sp.Channel, string(sp.Method), sp.Confidence, q.Before, q.After)
	return err
}

// deleteQuotes deletes the quotes of an article, and their entries in
// quotes_fts if fts is set.
func deleteQuotes(ctx context.Context, tx *sql.Tx, article int64, fts bool) error {
	if fts {
		if err := unindexArticleQuotes(ctx, tx, article); err != nil {
			return fmt.Errorf("unindex quotes of article %d: %w", article, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM quotes WHERE article_id = ?", article); err != nil {
		return fmt.Errorf("delete quotes of article %d: %w", article, err)
	}
	return nil
}

// speakerOf returns the key of the speaker of an attribution, storing the
// speaker and the alias of its mention as needed. Only mentions that
// name the speaker (explicit or headline attributions) become aliases. An attribution without
// a name has no speaker: NULL.
func speakerOf(ctx context.Context, tx *sql.Tx, in *ingestion, a quotes.Attribution) (sql.NullInt64, error) {
	norm := diffing.Normalize(a.Name)
	if norm == "" {
		return sql.NullInt64{}, nil
	}
	sp, ok := in.speakers[norm]
	if !ok || (a.Role != "" && a.Role != sp.role) {
		var err error
		if sp, err = upsertSpeaker(ctx, tx, a.Name, norm, a.Role); err != nil {
			return sql.NullInt64{}, err
		}
		in.speakers[norm] = sp
	}
	m := strings.TrimSpace(a.Mention)
	if a.Method != quotes.Explicit && a.Method != quotes.HeadlineCue {
		m = "" // "he", "the spokesperson": mentions, not names
	}
	if al := (alias{sp.key, m}); m != "" && !in.aliases[al] && diffing.Normalize(m) != norm {
		if err := insertAlias(ctx, tx, sp.key, m); err != nil {
			return sql.NullInt64{}, err
		}
		in.aliases[al] = true
	}
	return sql.NullInt64{Int64: sp.key, Valid: true}, nil
}

// upsertSpeaker returns the speaker whose normalised name is norm,
// creating it with name and role if needed. A non-empty role replaces the
// one stored.
func upsertSpeaker(ctx context.Context, tx *sql.Tx, name, norm, role string) (speaker, error) {
	var sp speaker
	err := tx.QueryRowContext(ctx, "SELECT id, role FROM speakers WHERE norm = ?", norm).Scan(&sp.key, &sp.role)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		sp.role = role
		err = tx.QueryRowContext(ctx, "INSERT INTO speakers (name, norm, role) VALUES (?, ?, ?) RETURNING id",
			name, norm, role).Scan(&sp.key)
	case err == nil && role != "" && role != sp.role:
		sp.role = role
		_, err = tx.ExecContext(ctx, "UPDATE speakers SET role = ? WHERE id = ?", role, sp.key)
	}
	if err != nil {
		return speaker{}, fmt.Errorf("speaker %q: %w", name, err)
	}
	return sp, nil
}

// insertAlias records that speaker was mentioned as alias.
func insertAlias(ctx context.Context, tx *sql.Tx, speaker int64, alias string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO speaker_aliases (speaker_id, alias, norm) VALUES (?, ?, ?)
		ON CONFLICT (speaker_id, alias) DO NOTHING`, speaker, alias, diffing.Normalize(alias))
	if err != nil {
		return fmt.Errorf("alias %q: %w", alias, err)
	}
	return nil
}

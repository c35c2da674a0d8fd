package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"
	"unicode"

	"github.com/quoth-dev/quoth/diffing"
)

// The full-text index.
//
// quotes_fts is an external-content FTS5 table over quotes.norm: it holds
// only the index, and reads the text from quotes. It is not part of the
// numbered migrations and has no triggers, because a binary built without
// FTS5 cannot create it, and could not write quotes at all if a trigger
// touched it. Instead:
//
//   - a binary with FTS5 creates it at Open and keeps it up to date from
//     Go in Ingest;
//   - a binary without FTS5 never touches it, and lists it in
//     stale_indexes whenever it writes quotes;
//   - a binary with FTS5 that finds it listed there rebuilds it, at Open
//     or at the start of an Ingest, and until then searches without it.

// createFTSSQL creates the index.
const createFTSSQL = `CREATE VIRTUAL TABLE quotes_fts USING fts5(
	norm,
	content = 'quotes',
	content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
)`

// setupFTS reports whether SQLite has FTS5 and, if so, makes sure
// quotes_fts exists and is up to date.
func setupFTS(ctx context.Context, db *sql.DB) (bool, error) {
	var ok bool
	if err := db.QueryRowContext(ctx, "SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&ok); err != nil {
		return false, err
	}
	if !ok {
		return false, nil
	}
	// Look first without the write lock: usually there is nothing to do.
	exists, err := ftsExists(ctx, db)
	if err != nil {
		return false, err
	}
	stale, err := ftsStale(ctx, db)
	if err != nil || (exists && !stale) {
		return true, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if exists, err = ftsExists(ctx, tx); err != nil {
		return false, err
	}
	if !exists {
		if _, err := tx.ExecContext(ctx, createFTSSQL); err != nil {
			return false, err
		}
	}
	if err := refreshFTS(ctx, tx, !exists); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// maxAnyTerms is how many terms an any-word search looks for: the
// rarest, so that a common word does not make it read half the index.
const maxAnyTerms = 4

// rarest returns up to maxAnyTerms of terms, the ones in fewest quotes,
// rarest first; terms in no quote are dropped, and so are common terms
// (in countCap quotes or more) unless fewer than two terms are left
// without them. Counts stop at countCap: counting on would cost as much
// as reading the term's whole posting list.
//
// common reports that even the rarest term is common: ranking its
// matches would read them all, so the caller should not rank.
func rarest(ctx context.Context, tx *sql.Tx, terms []string) (out []string, common bool, err error) {
	type counted struct {
		term string
		docs int
	}
	var cs []counted
	for _, t := range terms {
		var docs int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (
			SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)`, ftsQuery([]string{t}, 0), countCap).Scan(&docs)
		if err != nil {
			return nil, false, err
		}
		if docs > 0 {
			cs = append(cs, counted{t, docs})
		}
	}
	slices.SortStableFunc(cs, func(a, b counted) int { return a.docs - b.docs })
	if rare := slices.IndexFunc(cs, func(c counted) bool { return c.docs >= countCap }); rare >= 2 {
		cs = cs[:rare]
	}
	for _, c := range cs[:min(len(cs), maxAnyTerms)] {
		out = append(out, c.term)
	}
	return out, len(cs) > 0 && cs[0].docs >= countCap, nil
}

// countCap is where rarest stops counting a term's quotes.
const countCap = 5000

// querier is what *sql.DB and *sql.Tx have in common for reading.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// ftsExists reports whether quotes_fts has been created.
func ftsExists(ctx context.Context, q querier) (bool, error) {
	var ok bool
	err := q.QueryRowContext(ctx,
		"SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'quotes_fts')").Scan(&ok)
	return ok, err
}

// ftsStale reports whether quotes were written without updating
// quotes_fts.
func ftsStale(ctx context.Context, q querier) (bool, error) {
	var ok bool
	err := q.QueryRowContext(ctx,
		"SELECT EXISTS (SELECT 1 FROM stale_indexes WHERE name = 'quotes_fts')").Scan(&ok)
	return ok, err
}

// refreshFTS rebuilds quotes_fts if it is stale, or if force is set.
func refreshFTS(ctx context.Context, tx *sql.Tx, force bool) error {
	stale, err := ftsStale(ctx, tx)
	if err != nil || !(stale || force) {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')"); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM stale_indexes WHERE name = 'quotes_fts'")
	return err
}

// markFTSStale records that quotes were written without updating
// quotes_fts.
func markFTSStale(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO stale_indexes (name) VALUES ('quotes_fts')")
	return err
}

// indexArticleQuotes adds the quotes of an article to quotes_fts.
func indexArticleQuotes(ctx context.Context, tx *sql.Tx, article int64) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO quotes_fts (rowid, norm)
		SELECT id, norm FROM quotes WHERE article_id = ?`, article)
	return err
}

// unindexArticleQuotes removes the quotes of an article from quotes_fts.
// An external-content index needs the values it indexed to delete them, so
// it runs before the quotes themselves are deleted.
func unindexArticleQuotes(ctx context.Context, tx *sql.Tx, article int64) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO quotes_fts (quotes_fts, rowid, norm)
		SELECT 'delete', id, norm FROM quotes WHERE article_id = ?`, article)
	return err
}

// searchTerms splits a user's search into normalised words. Punctuation at
// either end of a word is dropped, and so are words with no letter or
// digit, so `grave "threat` gives [grave threat] and `AND OR (` gives
// [and or].
func searchTerms(s string) []string {
	var terms []string
	for _, w := range strings.Fields(diffing.Normalize(s)) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if w != "" {
			terms = append(terms, w)
		}
	}
	return terms
}

// ftsQuery returns an FTS5 query that matches text containing every
// term, or, with least positive, at least that many of the terms. Each
// term is an FTS5 string, so no input is read as query syntax.
func ftsQuery(terms []string, least int) string {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	if least <= 0 || least >= len(quoted) {
		return strings.Join(quoted, " ")
	}
	var alts []string
	for _, set := range combinations(quoted, least) {
		alts = append(alts, "("+strings.Join(set, " ")+")")
	}
	return strings.Join(alts, " OR ")
}

// combinations returns every choice of k of items, in order.
func combinations(items []string, k int) [][]string {
	if k == 0 {
		return [][]string{nil}
	}
	var out [][]string
	for i := 0; i+k <= len(items); i++ {
		for _, rest := range combinations(items[i+1:], k-1) {
			out = append(out, append([]string{items[i]}, rest...))
		}
	}
	return out
}

// termsJSON returns terms as a JSON array, for the fallback search to read
// with json_each.
func termsJSON(terms []string) string {
	b, _ := json.Marshal(terms) // a []string always marshals
	return string(b)
}

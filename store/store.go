// Package store keeps articles and the quotations found in them in a SQLite
// database, and answers queries over them.
//
// A typical use:
//
//	db, err := store.Open("quoth.db")
//	if err != nil {
//		return err
//	}
//	defer db.Close()
//	stats, err := db.Ingest(ctx, []store.Document{{Article: a, Quotes: qs}})
//	...
//	found, err := db.Quotes(ctx, store.QuoteFilter{Speaker: "West", Search: "grave threat"})
//
// store is the only package that imports database/sql and the SQLite
// driver. It holds no business rules: it persists what sources and quotes
// produce and finds it again.
//
// Full-text search uses SQLite's FTS5, present only in binaries built with
// the sqlite_fts5 tag. A database written by a binary without it stays
// usable by both kinds of binary: see FTS.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// ErrNotFound is returned when a requested article does not exist.
var ErrNotFound = errors.New("not found")

// ErrAmbiguous is returned when an article reference matches more than one
// article.
var ErrAmbiguous = errors.New("ambiguous reference")

// ErrSchemaNewer is returned by Open for a database written by a newer
// version of quoth than this one.
var ErrSchemaNewer = errors.New("database schema is newer than this quoth")

// busyTimeout is how long a statement waits for another connection or
// process to release the database before failing.
const busyTimeout = 10 * time.Second

// DB is a quoth database. Its methods are safe for concurrent use, and
// several processes may use one database file at the same time.
type DB struct {
	// Now returns the current time. Ingest stamps articles with it.
	// Open sets it to time.Now; tests replace it.
	Now func() time.Time

	path string
	rw   *sql.DB // writes: one connection, every transaction BEGIN IMMEDIATE
	ro   *sql.DB // reads: deferred transactions on query-only connections
	fts  bool    // quotes_fts is available and maintained
}

// options changes how open sets up a DB. The zero value is what Open uses.
type options struct {
	// noFTS makes the DB behave like a binary built without FTS5, so that
	// the fallback search and the stale-index handling can be tested in a
	// build that has it.
	noFTS bool
}

// Open opens the database at path, creating it if it does not exist, and
// brings its schema up to date. It fails with ErrSchemaNewer if the
// database was written by a newer quoth.
func Open(path string) (*DB, error) {
	return open(path, options{})
}

// open is Open with options.
func open(path string, o options) (*DB, error) {
	if path == "" {
		return nil, errors.New("open: empty database path")
	}
	db := &DB{Now: time.Now, path: path}
	if err := db.setup(context.Background(), o); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// setup opens both connection pools, migrates the schema and prepares the
// full-text index.
func (db *DB) setup(ctx context.Context, o options) error {
	var err error
	db.rw, err = sql.Open("sqlite3", dsn(db.path, "_journal_mode=WAL&_txlock=immediate"))
	if err != nil {
		return err
	}
	// One writer per process: goroutines queue in the pool instead of
	// spinning on SQLITE_BUSY. Other processes wait in busy_timeout.
	db.rw.SetMaxOpenConns(1)
	if err := connect(ctx, db.rw); err != nil {
		return err
	}
	if err := migrate(ctx, db.rw, nil); err != nil {
		return err
	}
	db.ro, err = sql.Open("sqlite3", dsn(db.path, "_query_only=1"))
	if err != nil {
		return err
	}
	db.ro.SetMaxOpenConns(max(4, runtime.NumCPU()))
	if o.noFTS {
		return nil
	}
	db.fts, err = setupFTS(ctx, db.rw)
	return err
}

// connect opens the first connection of pool. That connection turns a new
// database to WAL mode, which needs an exclusive lock that SQLite does not
// wait for: if another process holds the database, try again until
// busyTimeout has passed.
func connect(ctx context.Context, pool *sql.DB) error {
	deadline := time.Now().Add(busyTimeout)
	for {
		err := pool.PingContext(ctx)
		if !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// dsn returns the data source name for the database at path with the
// settings every connection shares and the extra query parameters given.
func dsn(path, extra string) string {
	// The path goes to SQLite as a URI; escape what a URI would read.
	esc := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
	return fmt.Sprintf("file:%s?_busy_timeout=%d&_foreign_keys=on&_synchronous=NORMAL&_stmt_cache_size=32&%s",
		esc, busyTimeout.Milliseconds(), extra)
}

// Close closes the database.
func (db *DB) Close() error {
	var errs []error
	for _, p := range []*sql.DB{db.ro, db.rw} {
		if p != nil {
			errs = append(errs, p.Close())
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close %s: %w", db.path, err)
	}
	return nil
}

// FTS reports whether this binary's SQLite has FTS5, so that searches use
// the full-text index. Without it, Quotes searches by scanning the
// normalised text of every quote, and Ingest marks the index stale so that
// the next FTS5-capable binary to open the database rebuilds it.
func (db *DB) FTS() bool {
	return db.fts
}

// FTSHint returns a one-line advice to print when full-text search is not
// available in this build, or "" when it is.
func (db *DB) FTSHint() string {
	if db.fts {
		return ""
	}
	return "quoth: full-text search is slow in this build; rebuild with: " +
		"go install -tags sqlite_fts5 github.com/quoth-dev/quoth/cmd/quoth@latest"
}

// now returns the current time from db.Now.
func (db *DB) now() time.Time {
	if db.Now == nil {
		return time.Now()
	}
	return db.Now()
}

// readTx begins a read transaction: a consistent snapshot that never takes
// the write lock.
func (db *DB) readTx(ctx context.Context) (*sql.Tx, error) {
	return db.ro.BeginTx(ctx, nil)
}

// isBusy reports whether err says that another connection holds the
// database.
func isBusy(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && (e.Code == sqlite3.ErrBusy || e.Code == sqlite3.ErrLocked)
}

// timeLayout is how times are stored: UTC, fixed width, so that they sort
// as strings.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// formatTime returns t as stored, or nil for the zero time.
func formatTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// parseTime reads a time stored by formatTime, in the zone offset seconds
// east of UTC. A NULL gives the zero time.
func parseTime(s sql.NullString, offset int) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeLayout, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s.String, err)
	}
	if offset != 0 {
		t = t.In(time.FixedZone("", offset))
	}
	return t, nil
}

// zoneOffset returns the offset of t's zone in seconds east of UTC.
func zoneOffset(t time.Time) int {
	_, off := t.Zone()
	return off
}

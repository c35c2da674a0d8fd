package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLoadMigrations(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 2 {
		t.Fatalf("%d migrations, want at least 2", len(ms))
	}
	for i, m := range ms {
		if m.version != i+1 || !strings.HasPrefix(m.name, fmt.Sprintf("%04d_", i+1)) || m.sql == "" {
			t.Errorf("migration %d = %d %q", i, m.version, m.name)
		}
	}
}

// openAtVersion creates a database at path with the first k migrations
// applied and the representative rows of version k inserted, as an older
// quoth would have left it.
func openAtVersion(t *testing.T, path string, ms []migration, k int) {
	t.Helper()
	raw, err := sql.Open("sqlite3", dsn(path, "_journal_mode=WAL&_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := migrate(context.Background(), raw, ms[:k]); err != nil {
		t.Fatal(err)
	}
	if k == 0 {
		return // no tables, no rows
	}
	rows, err := os.ReadFile(fmt.Sprintf("testdata/migrate/v%d.sql", k))
	if err != nil {
		t.Fatalf("add representative rows for schema version %d: %v", k, err)
	}
	if _, err := raw.Exec(string(rows)); err != nil {
		t.Fatalf("testdata/migrate/v%d.sql: %v", k, err)
	}
}

func TestMigrations_from_every_older_version(t *testing.T) {
	ctx := context.Background()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	for k := range len(ms) {
		t.Run(fmt.Sprintf("from_version_%d", k), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "quoth.db")
			openAtVersion(t, path, ms, k)
			db := mustOpenWith(t, path, options{})
			var v int
			if err := db.ro.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(ms) {
				t.Fatalf("user_version = %d, %v; want %d", v, err, len(ms))
			}
			stored := 0
			if k > 0 {
				checkRepresentativeRows(t, db)
				stored = 2
			}
			// The migrated database takes new data.
			tribune, _, _ := envoyArticles()
			if st := mustIngest(t, db, tribune); st.New != 1 || st.Quotes != 3 {
				t.Errorf("ingest after migration: %+v", st)
			}
			if qs, err := db.Quotes(ctx, QuoteFilter{}); err != nil || len(qs) != stored+3 {
				t.Errorf("%d quotes after ingest, %v; want %d", len(qs), err, stored+3)
			}
		})
	}
}

// checkRepresentativeRows checks that the data of testdata/migrate/vN.sql
// reads back through the API.
func checkRepresentativeRows(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	a, qs, err := db.Article(ctx, "effbde9b")
	if err != nil {
		t.Fatal(err)
	}
	published := time.Date(2023, 12, 20, 10, 0, 0, 0, pkt)
	if a.Key != 1 || a.Outlet != "Dawn" || a.ID != "effbde9b7a8df4ed" || !a.Published.Equal(published) ||
		a.Published.Format(time.RFC3339) != published.Format(time.RFC3339) || a.Quotes != 2 ||
		len(a.Paragraphs) != 3 || a.ParagraphText(0) != "US envoy warns of TTP threat" {
		t.Errorf("article = %+v", a)
	}
	if len(qs) != 2 || qs[0].Speaker.Name != "Tom West" || qs[0].Speaker.Mention != "The envoy" ||
		a.Text[qs[0].Start:qs[0].End] != qs[0].Text || qs[1].SpeakerKey != 0 {
		t.Errorf("quotes = %+v", qs)
	}
	for _, f := range []QuoteFilter{
		{Speaker: "the envoy"}, // alias, backfilled by 0002
		{Speaker: "West"},
		{Search: "security challenges"},
		{Outlet: "dawn", Search: "TTP"},
	} {
		found, err := db.Quotes(ctx, f)
		if err != nil || len(found) != 1 || found[0].Key != 1 {
			t.Errorf("Quotes(%+v) = %q, %v; want the envoy's quote", f, textsOf(found), err)
		}
	}
}

func TestOpen_database_newer_than_binary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quoth.db")
	db := mustOpenWith(t, path, options{})
	ms, _ := loadMigrations()
	if _, err := db.rw.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(ms)+1)); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if !errors.Is(err, ErrSchemaNewer) {
		t.Fatalf("Open = %v, want ErrSchemaNewer", err)
	}
	for _, s := range []string{path, fmt.Sprint(len(ms) + 1), "newer", "upgrade"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not mention %q", err, s)
		}
	}
}

func TestOpen_many_handles_at_once_migrate_once(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quoth.db")
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			db, err := open(path, options{noFTS: i%2 == 0})
			if err == nil {
				err = db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	db := mustOpenWith(t, path, options{})
	if n := count(t, db, "stale_indexes"); n != 0 && db.FTS() {
		t.Errorf("quotes_fts still stale after Open")
	}
}

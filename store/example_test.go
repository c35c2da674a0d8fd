package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/sources"
	"github.com/quoth-dev/quoth/store"
)

func Example() {
	dir, err := os.MkdirTemp("", "quoth")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(filepath.Join(dir, "quoth.db"))
	if err != nil {
		panic(err)
	}
	defer db.Close()

	text := `US envoy Tom West wrote of "grave security challenges posed by TTP".`
	a := &sources.Article{Outlet: "The Express Tribune", Title: "Envoy warns", Text: text,
		Published:  time.Date(2023, 12, 20, 10, 0, 0, 0, time.UTC),
		Paragraphs: []sources.Paragraph{{Start: 0, End: len(text)}}}
	a.Seal()
	start := strings.Index(text, "grave")
	q := quotes.Quote{Text: "grave security challenges posed by TTP", Start: start, End: start + 38,
		Kind: quotes.Partial, Speaker: quotes.Attribution{Name: "Tom West", Mention: "US envoy Tom West", Cue: "wrote"}}

	ctx := context.Background()
	for range 2 {
		stats, err := db.Ingest(ctx, []store.Document{{Article: a, Quotes: []quotes.Quote{q}}})
		if err != nil {
			panic(err)
		}
		fmt.Printf("%+v\n", stats)
	}
	found, err := db.Quotes(ctx, store.QuoteFilter{Speaker: "west", Search: `security "challenges`})
	if err != nil {
		panic(err)
	}
	for _, q := range found {
		fmt.Printf("%s (%s, %s): %q\n", q.Speaker.Name, q.Outlet, q.Published.Format("2 Jan 2006"), q.Text)
	}
	// Output:
	// {New:1 Updated:0 Unchanged:0 Quotes:1}
	// {New:0 Updated:0 Unchanged:1 Quotes:0}
	// Tom West (The Express Tribune, 20 Dec 2023): "grave security challenges posed by TTP"
}

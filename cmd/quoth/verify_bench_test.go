package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/quotes/gold"
	"github.com/quoth-dev/quoth/sources"
	"github.com/quoth-dev/quoth/store"
)

// BenchmarkVerify measures verify on databases of 10k, 100k and 1M
// generated quotes (ten a generated article, words from the gold
// corpus recombined, many quotes rendered by several outlets). Building
// the 1M database takes a few minutes; run it alone with
//
//	go test -tags sqlite_fts5 ./cmd/quoth -run '^$' -bench 'Verify/1000k' -benchtime 20x
func BenchmarkVerify(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			if n >= 1_000_000 && testing.Short() {
				b.Skip("1M quotes in -short mode")
			}
			db, probes := quoteDB(b, n)
			ctx := context.Background()
			b.ResetTimer()
			for i := range b.N {
				p := probes[i%len(probes)]
				if _, err := verify(ctx, db, p.text, p.speaker); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// probe is a wording to verify: a stored fragment, a stored quote with
// a word changed, or words no one said.
type probe struct{ text, speaker string }

// quoteDB builds a database of n generated quotes and returns probes.
// With QUOTH_BENCH_DIR set, the database is kept there and reused by
// later runs (the quotes are generated the same way each time).
func quoteDB(b *testing.B, n int) (*store.DB, []probe) {
	b.Helper()
	words := corpusWords(b)
	dir, keep := os.LookupEnv("QUOTH_BENCH_DIR")
	if !keep {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, fmt.Sprintf("verify-%d.db", n))
	_, statErr := os.Stat(path)
	reuse := keep && statErr == nil
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	r := rand.New(rand.NewPCG(3, 4))
	var probes []probe
	var batch []store.Document
	utter := func() string {
		at := r.IntN(len(words) - 40)
		return strings.Join(words[at:at+8+r.IntN(30)], " ")
	}
	for made, art := 0, 0; made < n; art++ {
		speaker := fmt.Sprintf("Speaker %d", r.IntN(n/50+1))
		var paras []string
		for k := 0; k < 10; k++ {
			paras = append(paras, fmt.Sprintf("%s said: “%s”", speaker, utter()))
		}
		a := &sources.Article{Outlet: fmt.Sprintf("Outlet %d", art%40), Title: fmt.Sprintf("Story %d", art),
			Published: time.Date(2026, 1, 1, 0, 0, art, 0, time.UTC), Format: "txt", Origin: "gen"}
		var qs []quotes.Quote
		for i, p := range paras {
			if i > 0 {
				a.Text += "\n\n"
			}
			start := len(a.Text) + len(speaker) + len(" said: “")
			a.Paragraphs = append(a.Paragraphs, sources.Paragraph{Start: len(a.Text), End: len(a.Text) + len(p)})
			a.Text += p
			text := p[start-a.Paragraphs[i].Start : len(p)-len("”")]
			qs = append(qs, quotes.Quote{Text: text, Start: start, End: start + len(text), Block: i, Kind: quotes.Direct,
				Speaker: quotes.Attribution{Name: speaker, Method: quotes.Explicit, Confidence: 0.9}})
			if len(probes) < 60 && r.IntN(100) == 0 {
				f := strings.Fields(text)
				probes = append(probes, probe{strings.Join(f[2:5], " "), speaker},
					probe{strings.Join(f[:len(f)-1], " ") + " indeed", ""})
			}
		}
		a.Seal()
		batch = append(batch, store.Document{Article: a, Quotes: qs})
		made += len(qs)
		if (len(batch) == 500 || made >= n) && !reuse {
			if _, err := db.Ingest(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
		}
		if len(batch) == 500 {
			batch = batch[:0]
		}
	}
	probes = append(probes, probe{"The harbour will reopen in May after the storm", ""})
	return db, probes
}

// corpusWords returns the words of the gold corpus in text order,
// quotation marks left out so that generated quotes do not nest.
func corpusWords(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "gold", "corpus_*.jsonl"))
	noMarks := strings.NewReplacer("“", "", "”", "", `"`, "", "‘", "", "’", "'")
	var words []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		arts, err := gold.Read(f, name)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		for _, a := range arts {
			words = append(words, strings.Fields(noMarks.Replace(a.Text))...)
		}
	}
	return words
}

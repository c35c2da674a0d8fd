package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchArticles is how many articles BenchmarkIngest loads per run.
const benchArticles = 10000

// BenchmarkIngest measures the whole ingest path (load, extract, store) on
// generated articles in a directory, reporting articles per second.
// Run it with: go test -tags sqlite_fts5 -run '^$' -bench Ingest -benchtime 1x ./cmd/quoth
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	articles := filepath.Join(dir, "articles")
	writeArticles(b, articles, benchArticles)
	b.ResetTimer()
	for i := range b.N {
		db := filepath.Join(dir, fmt.Sprintf("bench%d.db", i))
		args := []string{"quoth", "--db", db, "-q", "ingest", articles}
		if code := run(context.Background(), args, nil, io.Discard, io.Discard); code != 0 {
			b.Fatalf("ingest exited %d", code)
		}
	}
	b.ReportMetric(float64(benchArticles*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// writeArticles writes n generated news articles of about 3 KB, each with
// a header, a headline, reporting prose and several quotes.
func writeArticles(tb testing.TB, dir string, n int) {
	tb.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		path := filepath.Join(dir, fmt.Sprintf("a%05d.txt", i))
		if err := os.WriteFile(path, []byte(genArticle(r, i)), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

var (
	genNames   = []string{"Amina Yusuf", "Tom West", "Carlos Mendes", "Li Wei", "Ingrid Olsen", "Rana Sanaullah Khan", "Fatima Bello", "Jean-Luc Moreau"}
	genOutlets = []string{"The Valley Courier", "Harbour Herald", "Daily Ledger", "Northern Post"}
	genSays    = []string{
		"We will not accept a deal that leaves our workers behind",
		"The figures speak for themselves, and they are not good",
		"This is a grave moment for the region and we are watching closely",
		"Nobody expected the committee to move this fast",
		"We have asked for a full and independent inquiry",
	}
	genProse = "Officials met on Tuesday to discuss the budget, which has been delayed twice this year. " +
		"The council's finance committee said the shortfall could reach several million by the end of the quarter, " +
		"and opposition members demanded that the figures be published before the vote. "
)

func genArticle(r *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Title: Budget row deepens as council meets, report %d\nOutlet: %s\nPublished: 2026-%02d-%02d\n\n",
		i, genOutlets[r.IntN(len(genOutlets))], 1+r.IntN(12), 1+r.IntN(28))
	fmt.Fprintf(&b, "Budget row deepens as council meets, report %d\n\n", i)
	for p := 0; p < 8; p++ {
		name := genNames[r.IntN(len(genNames))]
		say := genSays[r.IntN(len(genSays))]
		switch p % 3 {
		case 0:
			fmt.Fprintf(&b, "“%s,” %s said on %d March. %s\n\n", say, name, 1+r.IntN(28), genProse)
		case 1:
			fmt.Fprintf(&b, "%s %s told reporters that the plan was \"%s\" and left.\n\n", genProse, name, strings.ToLower(say[:20]))
		default:
			fmt.Fprintf(&b, "%s\n\n", genProse)
		}
	}
	return b.String()
}

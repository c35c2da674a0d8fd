package store

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkIngest ingests generated articles (about 4 KB of text and 8
// quotes each) in batches of 100 into a database that grows as it runs,
// with and without the FTS5 index.
func BenchmarkIngest(b *testing.B) {
	const batch = 100
	for _, c := range []struct {
		name string
		o    options
	}{
		{"fts5", options{}},
		{"without_fts5", options{noFTS: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			db := mustOpenWith(b, filepath.Join(b.TempDir(), "quoth.db"), c.o)
			if c.o == (options{}) && !db.FTS() {
				b.Skip("no FTS5 in this build")
			}
			ctx := context.Background()
			next, bytes := 0, 0
			for b.Loop() {
				b.StopTimer()
				docs := make([]Document, batch)
				for i := range docs {
					docs[i] = genDocument(next)
					bytes += len(docs[i].Article.Text)
					next++
				}
				b.StartTimer()
				st, err := db.Ingest(ctx, docs)
				if err != nil {
					b.Fatal(err)
				}
				if st.New != batch {
					b.Fatalf("stats %+v, want %d new", st, batch)
				}
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(next)/secs, "articles/s")
			b.ReportMetric(float64(next*8)/secs, "quotes/s")
			b.ReportMetric(float64(bytes)/float64(next), "bytes/article")
		})
	}
}

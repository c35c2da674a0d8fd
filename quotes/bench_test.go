package quotes

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// benchDocs loads the article texts of the gold files in testdata/gold
// as Documents, paragraphs split on blank lines, first line the headline.
func benchDocs(tb testing.TB) ([]Document, int) {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "gold", "*.jsonl"))
	var docs []Document
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var rec struct{ Text string }
			if json.Unmarshal([]byte(line), &rec) != nil || rec.Text == "" {
				continue
			}
			docs = append(docs, docOf(rec.Text, true))
			size += len(rec.Text)
		}
	}
	if len(docs) == 0 {
		tb.Skip("no gold articles in testdata/gold")
	}
	return docs, size
}

// BenchmarkExtract measures extraction and attribution over every gold
// article, reporting bytes per second (MB/s) and allocations per article.
func BenchmarkExtract(b *testing.B) {
	docs, size := benchDocs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		for _, d := range docs {
			Extract(d)
		}
	}
	runtime.ReadMemStats(&after)
	articles := float64(b.N * len(docs))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/articles, "ns/article")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/articles, "allocs/article")
}

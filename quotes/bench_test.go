package quotes

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
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
// article with one Extractor, as a batch job runs, reporting bytes per
// second (MB/s) and allocations per article.
func BenchmarkExtract(b *testing.B) {
	var x Extractor
	benchExtract(b, x.Extract)
}

// BenchmarkExtractFresh is BenchmarkExtract calling the plain Extract,
// which starts every article with fresh working memory.
func BenchmarkExtractFresh(b *testing.B) {
	benchExtract(b, Extract)
}

// benchExtract runs extract over every gold article b.N times.
func benchExtract(b *testing.B, extract func(Document) []Quote) {
	docs, size := benchDocs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		for _, d := range docs {
			extract(d)
		}
	}
	runtime.ReadMemStats(&after)
	articles := float64(b.N * len(docs))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/articles, "ns/article")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/articles, "allocs/article")
}

// TestExtractorReuse checks that an Extractor used for article after
// article, in any order, finds what a fresh Extract finds.
func TestExtractorReuse(t *testing.T) {
	docs, _ := benchDocs(t)
	var x Extractor
	for _, i := range rand.Perm(len(docs)) {
		if got, want := x.Extract(docs[i]), Extract(docs[i]); !reflect.DeepEqual(got, want) {
			t.Fatalf("article %d: reused Extractor found\n%#v\nfresh Extract\n%#v", i, got, want)
		}
	}
}

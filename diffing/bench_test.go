package diffing

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// newsWords returns the words of the gold corpus in text order, the
// material the generator recombines into realistic quotes.
func newsWords(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "gold", "corpus_*.jsonl"))
	var words []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<22)
		for sc.Scan() {
			var rec struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				words = append(words, strings.Fields(rec.Text)...)
			}
		}
		f.Close()
	}
	if len(words) < 1000 {
		tb.Skip("gold corpus not found")
	}
	return words
}

// generator makes quotes: utterances from a bigram chain over news text,
// each rendered several times with the changes outlets make.
type generator struct {
	rnd   *rand.Rand
	words []string
	next  map[string][]int // word -> positions of the words that follow it
}

func newGenerator(words []string) *generator {
	g := &generator{rnd: rand.New(rand.NewPCG(1, 2)), words: words, next: map[string][]int{}}
	for i := 0; i+1 < len(words); i++ {
		g.next[words[i]] = append(g.next[words[i]], i+1)
	}
	return g
}

// utterance returns a sentence of 8 to 40 words.
func (g *generator) utterance() []string {
	n := 8 + g.rnd.IntN(33)
	at := g.rnd.IntN(len(g.words))
	out := make([]string, 0, n)
	for len(out) < n {
		out = append(out, g.words[at])
		if follow := g.next[g.words[at]]; len(follow) > 0 && g.rnd.IntN(8) > 0 {
			at = follow[g.rnd.IntN(len(follow))]
		} else {
			at = g.rnd.IntN(len(g.words))
		}
	}
	return out
}

// render returns one outlet's rendering of u: verbatim most often, or
// cut, shortened, with a word changed or with an ellipsis.
func (g *generator) render(u []string) string {
	w := append([]string(nil), u...)
	switch g.rnd.IntN(6) {
	case 1: // an excerpt
		i := g.rnd.IntN(len(w) / 2)
		w = w[i : i+len(w)/2]
	case 2: // a word changed
		w[g.rnd.IntN(len(w))] = g.words[g.rnd.IntN(len(g.words))]
	case 3: // an ellipsis
		i := 2 + g.rnd.IntN(len(w)-4)
		w = append(append(w[:i:i], "…"), w[i+2:]...)
	case 4: // a fragment
		i := g.rnd.IntN(len(w) - 2)
		w = w[i : i+1+g.rnd.IntN(2)]
	}
	return strings.Join(w, " ")
}

// entries makes n quotes, about four renderings per utterance.
func (g *generator) entries(n int) []Entry {
	es := make([]Entry, 0, n)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for len(es) < n {
		u := g.utterance()
		speaker := fmt.Sprintf("Speaker %d", g.rnd.IntN(n/20+1))
		for k := 2 + g.rnd.IntN(5); k > 0 && len(es) < n; k-- {
			es = append(es, Entry{
				Text: g.render(u), Speaker: speaker,
				Article:   fmt.Sprint(len(es)),
				Published: base.Add(time.Duration(len(es)) * time.Minute),
			})
		}
	}
	g.rnd.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
	return es
}

// BenchmarkGroup groups 10k, 100k and 1M generated quotes. The time per
// quote is reported as ns/quote; it should stay about flat as the number
// of quotes grows. Run the 1M case alone with
//
//	go test ./diffing -run '^$' -bench 'Group/1M' -benchtime 1x -benchmem
func BenchmarkGroup(b *testing.B) {
	words := newsWords(b)
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			if n >= 1_000_000 && testing.Short() {
				b.Skip("1M quotes in -short mode")
			}
			es := newGenerator(words).entries(n)
			b.ResetTimer()
			var fams []Family
			for range b.N {
				var g Grouper
				fams = g.Group(es)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/quote")
			b.ReportMetric(float64(len(fams)), "families")
		})
	}
}

// BenchmarkCompare compares a rendering with a source of statement size.
func BenchmarkCompare(b *testing.B) {
	src := NewText(statement)
	r := NewRendering("", "The ministry has listened … for six months", "")
	var c Comparer
	for range b.N {
		c.Compare(src, r)
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/quoth-dev/quoth/quotes/gold"
	"github.com/quoth-dev/quoth/sources"
)

func TestGoldArticleLoadsLikeATextFile(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"headline_and_paragraphs", "Council weighs the bridge\n\n\"We will build it,\" said Mayor Ines Duarte.\n\nWork starts in May."},
		{"text_header_gives_metadata", "Title: Council weighs the bridge\nOutlet: The Valley Courier\n\nCouncil weighs the bridge\n\n\"Yes,\" she said."},
		{"windows_line_ends", "Council weighs the bridge\r\n\r\n\"Yes,\" she said.\r\n"},
		{"one_paragraph", "\"Yes,\" she said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.txt")
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			var l sources.Loader
			res := l.Load(context.Background(), path)
			if len(res.Articles) != 1 || len(res.Errors) != 0 {
				t.Fatalf("Load(%s) = %d articles, errors %v", path, len(res.Articles), res.Errors)
			}
			got, errs := goldArticle(&l, gold.Article{ID: "x", Text: tt.text}, path)
			if len(errs) != 0 {
				t.Fatalf("goldArticle: %v", errs)
			}
			if !reflect.DeepEqual(got, res.Articles[0]) {
				t.Errorf("goldArticle =\n%+v\nwant, as loaded from a file,\n%+v", got, res.Articles[0])
			}
		})
	}
}

func TestGoldArticleTakesOutletAndTitleFromTheRecord(t *testing.T) {
	var l sources.Loader
	g := gold.Article{ID: "x", Outlet: "Dawn", Title: "Another title", Text: "Council weighs the bridge\n\n\"Yes,\" she said."}
	a, _ := goldArticle(&l, g, "gold.jsonl:1")
	if a.Outlet != "Dawn" || a.Title != "Another title" || a.Origin != "gold.jsonl:1" {
		t.Errorf("outlet, title, origin = %q, %q, %q; want Dawn, Another title, gold.jsonl:1", a.Outlet, a.Title, a.Origin)
	}
}

func TestEvalSeeds(t *testing.T) {
	var stdout, stderr bytes.Buffer
	seeds := filepath.Join("..", "..", "testdata", "gold", "seeds.jsonl")
	code := run(context.Background(), []string{"quoth", "eval", seeds}, nil, &stdout, &stderr)
	if code != exitOK || stderr.Len() > 0 {
		t.Fatalf("quoth eval %s: exit %d, stderr %q", seeds, code, stderr.String())
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "articles 2, gold quotes 17, predicted ") {
		t.Errorf("quoth eval %s printed\n%s\nwant 7 lines, the first about 2 articles and 17 gold quotes", seeds, stdout.String())
	}
}

// TestGoldScoresHold keeps the quote engine's scores on the bundled gold
// corpora from dropping below what it has reached. Raise a floor when the
// engine improves; never lower one to make a change pass.
func TestGoldScoresHold(t *testing.T) {
	floors := []struct {
		file              string
		looseF1, speakers float64
		channels          float64
	}{
		{"seeds.jsonl", 1.0, 1.0, 1.0},
		{"corpus_a.jsonl", 0.999, 0.97, 0.833},
		{"corpus_b.jsonl", 0.988, 0.983, 0.65},
		{"corpus_c.jsonl", 0.999, 0.947, 0.74},
	}
	for _, f := range floors {
		t.Run(strings.TrimSuffix(f.file, ".jsonl"), func(t *testing.T) {
			name := filepath.Join("..", "..", "testdata", "gold", f.file)
			var stderr bytes.Buffer
			arts, err := readGold(streams{stderr: &stderr}, name)
			if err != nil {
				t.Fatal(err)
			}
			c := gold.Score(arts, extractor(&stderr, name)).Total
			got := []float64{c.LooseScores().F1, c.Attribution(), c.Channel()}
			want := []float64{f.looseF1, f.speakers, f.channels}
			for i, what := range []string{"extraction loose F1", "attribution", "channel accuracy"} {
				if got[i] < want[i] {
					t.Errorf("%s %.3f, below the %.3f reached before", what, got[i], want[i])
				}
			}
		})
	}
}

// TestPairRelationsHold keeps the relation accuracy on the gold variant
// pairs of testdata/gold/pairs.jsonl, the cross-outlet corpus of
// testdata/variants, at least where it was reached.
func TestPairRelationsHold(t *testing.T) {
	const floor = 0.996
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"quoth", "eval", "--pairs", filepath.Join("..", "..", "testdata", "gold", "pairs.jsonl"), "--format", "json"}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var rep evalPairsJSON
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Pairs < 150 {
		t.Errorf("only %d gold pairs", rep.Pairs)
	}
	if rep.Accuracy < floor {
		t.Errorf("relation accuracy %.3f, below the %.3f reached before; wrong: %+v", rep.Accuracy, floor, rep.Wrong)
	}
	for _, rel := range relationNames() {
		if n := sum(rep.Confusion[rel]); n < 8 {
			t.Errorf("only %d gold pairs are %s", n, rel)
		}
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// TestPairSpeakersHold keeps the share of the renderings of
// testdata/gold/pairs.jsonl that quoth gives to the speaker their
// article names (speaker_b), and checks that none goes to anyone else.
func TestPairSpeakersHold(t *testing.T) {
	const floor = 0.95
	f, err := os.Open(filepath.Join("..", "..", "testdata", "gold", "pairs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := gold.ReadPairs(f, "pairs.jsonl", relationNames())
	if err != nil {
		t.Fatal(err)
	}
	speakers := map[string]map[string]string{} // story -> quote text -> speaker
	right, wrong := 0, 0
	for _, p := range pairs {
		if speakers[p.Story] == nil {
			speakers[p.Story] = storySpeakers(t, p.Story)
		}
		got, ok := speakers[p.Story][p.B]
		switch {
		case !ok:
			t.Errorf("%s: %q not extracted", p.ID, p.B)
		case gold.SpeakerRight(got, gold.Quote{Speaker: p.SpeakerB}):
			right++
		case got != "":
			wrong++
			t.Errorf("%s: %q given to %q, want %q", p.ID, p.B, got, p.SpeakerB)
		}
	}
	t.Logf("%d of %d renderings given to the speaker their article names, %d to someone else", right, len(pairs), wrong)
	if share := float64(right) / float64(len(pairs)); share < floor {
		t.Errorf("%d of %d renderings given to the article's speaker (%.3f), below %.2f", right, len(pairs), share, floor)
	}
}

// storySpeakers extracts the quotes of a story's articles (not its
// source) and maps each quote's text to its speaker.
func storySpeakers(t *testing.T, story string) map[string]string {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "variants", story)
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var l sources.Loader
	for _, name := range names {
		if base := filepath.Base(name); base == "source.txt" || !strings.Contains(base, ".") {
			continue
		}
		res := l.Load(context.Background(), name)
		for _, a := range res.Articles {
			qs, err := extractQuotes(a)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				if _, seen := out[q.Text]; !seen || q.Speaker.Name != "" {
					out[q.Text] = q.Speaker.Name
				}
			}
		}
	}
	return out
}

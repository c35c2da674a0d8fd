package store

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestIngest_two_processes_at_once(t *testing.T) {
	const batches, size = 50, 4
	for _, c := range []struct {
		name  string
		noFTS [2]bool
	}{
		{"both_with_the_same_build", [2]bool{false, false}},
		{"one_without_FTS5", [2]bool{false, true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "quoth.db")
			mustOpenWith(t, path, options{}).Close()
			// The second child starts halfway into the first one's
			// documents: both ingest the overlap.
			half := batches * size / 2
			var cmds [2]*childCmd
			for i := range cmds {
				spec := childSpec{DB: path, First: i * half, Batches: batches, Size: size, NoFTS: c.noFTS[i]}
				cmds[i] = startChild(t, spec)
			}
			var total IngestStats
			for _, cmd := range cmds {
				total = total.add(cmd.wait(t))
			}
			docs := 3 * half
			want := IngestStats{New: docs, Unchanged: half, Quotes: docs * 8}
			if total != want {
				t.Errorf("children's stats add up to %+v, want %+v", total, want)
			}
			db := mustOpenWith(t, path, options{})
			if n := count(t, db, "articles"); n != docs {
				t.Errorf("%d articles, want %d", n, docs)
			}
			if n := count(t, db, "quotes"); n != docs*8 {
				t.Errorf("%d quotes, want %d", n, docs*8)
			}
			checkFTS(t, db)
			want0 := genDocument(half).Quotes[0].Text
			if got := searchTexts(t, db, want0); !slices.Contains(got, want0) {
				t.Errorf("search %q = %q", want0, got)
			}
		})
	}
}

// childCmd is a running child process.
type childCmd struct {
	spec   childSpec
	cmd    *exec.Cmd
	stdout strings.Builder
	stderr *strings.Builder
}

// startChild starts this test binary as a child that ingests as spec
// says.
func startChild(t *testing.T, spec childSpec) *childCmd {
	t.Helper()
	cmd := childCommand(t, os.Args[0], spec)
	c := &childCmd{spec: spec, cmd: cmd, stderr: cmd.Stderr.(*strings.Builder)}
	cmd.Stdout = &c.stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return c
}

// wait waits for the child and returns its stats.
func (c *childCmd) wait(t *testing.T) IngestStats {
	t.Helper()
	if err := c.cmd.Wait(); err != nil {
		t.Fatalf("child %+v: %v\n%s", c.spec, err, c.stderr)
	}
	res, err := decodeChildResult(c.stdout.String())
	if err != nil {
		t.Fatal(err)
	}
	return res.Stats
}

func TestIngest_many_goroutines(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	// A second handle on the same file contends as another process would.
	other := mustOpenWith(t, db.path, options{})
	const writers, batches, size = 6, 8, 3
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total IngestStats
		errs  []error
	)
	done := make(chan struct{})
	for w := range writers {
		h := []*DB{db, other}[w%2]
		wg.Go(func() {
			for b := range batches {
				docs := make([]Document, size)
				for i := range docs {
					docs[i] = genDocument(w*batches*size/2 + b*size + i) // half overlaps the next writer
				}
				st, err := h.Ingest(ctx, docs)
				mu.Lock()
				total, errs = total.add(st), append(errs, err)
				mu.Unlock()
			}
		})
	}
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				_, err1 := db.Quotes(ctx, QuoteFilter{Speaker: "West", Limit: 20})
				_, err2 := db.Articles(ctx, ArticleFilter{Outlet: "Dawn"})
				_, err3 := other.Quotes(ctx, QuoteFilter{Search: "security threat"})
				mu.Lock()
				errs = append(errs, err1, err2, err3)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(done)
	readers.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	docs := (writers + 1) * batches * size / 2
	if want := (IngestStats{New: docs, Unchanged: writers*batches*size - docs, Quotes: docs * 8}); total != want {
		t.Errorf("stats add up to %+v, want %+v", total, want)
	}
	if n := count(t, db, "articles"); n != docs {
		t.Errorf("%d articles, want %d", n, docs)
	}
	checkFTS(t, db)
}
